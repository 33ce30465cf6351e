/**
 * Merging timeline entries. Copies first: the same sentence in several articles (wire copies, lightly edited
 * reprints) becomes one entry with every source, dated as its earliest-published copy dates it — a copy
 * published a day later resolves "Tuesday" or "6:40 a.m." against its own date and would list the event twice.
 * Then reports of one event: entries of different articles on the same date whose sentences share content words
 * or names, and that are both events or both background.
 */
import type { TimelineEvent } from '../../model.js';

/** An entry while the timeline is built. */
export interface Draft extends TimelineEvent {
  /** Publication date of its article (`YYYY-MM-DD`), '' when unknown. */
  published: string;
  /** Text order across the story: article position, then offset. */
  order: number;
  /** Content words (and `@names`) of the sentence. */
  words: Set<string>;
  /** All words of the sentence in order, for copy detection. */
  shingles: Set<string>;
}

/** How much of the shorter sentence's word pairs the other must share to be a copy of it. */
export const COPY_OVERLAP = 0.6;

/** Word pairs of a sentence, lower-cased, for copy detection. */
export function shinglesOf(sentence: string): Set<string> {
  const words = sentence.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  if (words.length === 1) out.add(words[0]);
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/** Two entries are copies: different articles, the same expression, near-identical sentences. */
export function isCopy(a: Draft, b: Draft): boolean {
  if (a.articleId === b.articleId) return false;
  if (a.text.toLowerCase() !== b.text.toLowerCase()) return false;
  return overlap(a.shingles, b.shingles) >= COPY_OVERLAP;
}

const earlier = (a: Draft, b: Draft): boolean =>
  (a.published || '9999') < (b.published || '9999') ||
  ((a.published || '9999') === (b.published || '9999') && a.order < b.order);

function absorb(into: Draft, other: Draft): void {
  const list = (into.alsoIn ??= []);
  for (const s of [{ articleId: other.articleId, start: other.start, end: other.end }, ...(other.alsoIn ?? [])]) {
    if (s.articleId === into.articleId || list.some((x) => x.articleId === s.articleId)) continue;
    list.push(s);
  }
  for (const w of other.words) into.words.add(w);
}

/** Groups copies into one entry each, keeping the earliest-published copy's date, text and offsets. */
export function mergeCopies(drafts: Draft[]): Draft[] {
  const ordered = [...drafts].sort((a, b) => (earlier(a, b) ? -1 : earlier(b, a) ? 1 : 0));
  const kept: Draft[] = [];
  for (const d of ordered) {
    const same = kept.find(
      (k) => isCopy(k, d) && !(k.alsoIn ?? []).some((x) => x.articleId === d.articleId) && k.articleId !== d.articleId,
    );
    if (same) absorb(same, d);
    else kept.push(d);
  }
  return kept;
}

function similar(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const min = Math.min(a.size, b.size);
  return shared >= 2 && shared / Math.max(1, min) >= 0.25;
}

/** Merges reports of one event: same date, same kind (event or background), similar sentences. */
export function mergeSameEvent(drafts: Draft[]): Draft[] {
  const sorted = [...drafts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  const merged: Draft[] = [];
  for (const ev of sorted) {
    const same = merged.find(
      (m) =>
        m.date === ev.date &&
        !!m.background === !!ev.background &&
        m.articleId !== ev.articleId &&
        !(m.alsoIn ?? []).some((x) => x.articleId === ev.articleId) &&
        !(ev.alsoIn ?? []).some((x) => x.articleId === m.articleId) &&
        similar(m.words, ev.words),
    );
    if (same) absorb(same, ev);
    else merged.push(ev);
  }
  return merged;
}
