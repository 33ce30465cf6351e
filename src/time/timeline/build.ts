/**
 * The story timeline: events anchored to dates. Each date-bearing time expression is anchored on the parse to
 * the predicate it modifies (`event.ts`); the entry keeps that predicate's clause as well as the sentence.
 * Relative expressions are resolved again with the direction the predicate gives (`direction.ts`), dates
 * that are not when the news happened are marked as background (`background.ts`), and copies of one sentence
 * in several articles become one entry dated by the earliest-published copy (`merge.ts`).
 */
import type { AnnotatedArticle, TimeExpression, TimelineEvent, Token } from '../../model.js';
import { sentenceIndexer, splitSentences } from '../../text/sentences.js';
import { withParse } from '../../text/parse.js';
import { parseIsoDate, type Ymd } from '../calendar.js';
import type { Tense } from '../tense.js';
import { afterPublication, backgroundReason, type Precision } from './background.js';
import { anchorOnParse, childrenOf, clauseSpan, tokensIn, type Anchoring } from './event.js';
import { parseTense } from './direction.js';
import { type Draft, mergeCopies, mergeSameEvent, shinglesOf } from './merge.js';

/** What the timeline needs from the time stage: resolving an article's expressions with a given direction. */
export interface Retimer {
  (doc: AnnotatedArticle, tenseAt?: (start: number, end: number) => Tense | undefined): TimeExpression[];
}

const STOP = new Set(
  (
    'the a an and or but of to in on at for with by from as is was were be been being has have had that this these those it its ' +
    'he she they them his her their we our you your i said says say will would could should may might can also after before ' +
    'about into over than then there which who whom whose what when where why how not no more most some any all one two ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december year years month months week weeks day days last next ago today yesterday tomorrow time'
  ).split(' '),
);

function contentWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const m of s.toLowerCase().matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    const w = m[0].replace(/['’]s$/, '');
    if (w.length < 3 || STOP.has(w)) continue;
    out.add(w.slice(0, 6));
  }
  return out;
}

const PRECISE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T|$)/;

/** The date of a TIMEX3 value at day, month or year precision, or undefined (weeks, seasons, X-values). */
export function precisionOf(value: string): { date: string; precision: Precision } | undefined {
  const m = PRECISE.exec(value);
  if (!m) return undefined;
  if (m[3]) return { date: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day' };
  if (m[2]) return { date: `${m[1]}-${m[2]}`, precision: 'month' };
  return { date: m[1], precision: 'year' };
}

/**
 * A year-only value is kept only when the expression is a year: a relative year ("last year", "this year")
 * or four digits used as a date, not a number counting something ("2004 buses") or a code.
 */
function isYearExpression(t: TimeExpression, tokens: readonly Token[], a: Anchoring | undefined): boolean {
  if (!/^\d{4}$/.test(t.text.trim())) return true;
  if (!a) return true;
  const head = tokens[a.head];
  if (head.upos && head.upos !== 'NUM' && head.upos !== 'PROPN' && head.upos !== 'NOUN') return false;
  if (a.relation === 'nummod') return false;
  return true;
}

const RANK = { year: 0, month: 1, day: 2 } as const;

/** The entry's clause grows to hold the expression of another entry of the same event and date. */
function widen(into: Draft, other: Draft, text: string): void {
  if (!into.event) return;
  const start = Math.min(into.event.start, other.start, other.event?.start ?? other.start);
  const end = Math.max(into.event.end, other.end, other.event?.end ?? other.end);
  into.event = { start, end, text: text.slice(start, end) };
}

/** The entries of one article, before merging across articles. */
function draftsOf(doc: AnnotatedArticle, di: number, retime: Retimer): Draft[] {
  const text = typeof doc.article?.text === 'string' ? doc.article.text : '';
  if (!text) return [];
  const parsed = withParse(doc);
  const tokens = parsed.tokens;
  const hasParse = tokens.length > 0 && tokens.every((t) => t.head !== undefined);
  const kids = hasParse ? childrenOf(tokens) : [];
  const sentences = parsed.sentences.length > 0 ? parsed.sentences : splitSentences(text);
  const sentenceOf = sentenceIndexer(sentences);
  const published: Ymd | undefined = parseIsoDate(doc.article.published);
  const timexes = published ? retime(parsed, hasParse ? parseTense(tokens) : undefined) : (doc.timexes ?? []);
  const byKey = new Map<string, Draft>();
  for (const t of timexes) {
    if (t.type !== 'date' && t.type !== 'time') continue;
    const p = precisionOf(t.value);
    if (!p) continue;
    const a = hasParse ? anchorOnParse(tokens, kids, t.start, t.end) : undefined;
    if (p.precision === 'year' && !isYearExpression(t, tokens, a)) continue;
    const si = sentenceOf(t.start);
    const sent = sentences[si];
    const reason = hasParse
      ? backgroundReason({ anchoring: a, tokens, kids, ...p, text: t.text, published })
      : undefined;
    const draft: Draft = {
      date: p.date,
      precision: p.precision,
      articleId: doc.article.id,
      start: t.start,
      end: t.end,
      text: t.text,
      sentence: sent?.text ?? t.text,
      published: doc.article.published ?? '',
      order: di * 1e7 + t.start,
      words: contentWords(sent?.text ?? t.text),
      shingles: shinglesOf(sent?.text ?? t.text),
    };
    if (reason) draft.background = true;
    if (a?.predicate !== undefined && sent) {
      const found = clauseSpan(text, tokens, kids, a.predicate, tokensIn(tokens, t.start, t.end));
      // The clause always holds its whole time expression ("the day before", not "the day").
      const [start, end] = [Math.min(found.start, t.start), Math.max(found.end, t.end)];
      const clause = { start, end, text: text.slice(start, end) };
      if (clause.start >= sent.start && clause.end <= sent.end) draft.event = clause;
      draft.predicate = (tokens[a.predicate].lemma ?? tokens[a.predicate].text).toLowerCase();
    }
    for (const m of doc.mentions ?? []) {
      if (sent && m.start >= sent.start && m.end <= sent.end) draft.words.add(`@${m.text.toLowerCase()}`);
    }
    // One entry per sentence and date ("at 6 p.m. Tuesday ... until after midnight"): the most precise
    // expression gives it, and its clause grows to hold the others.
    const key = `${si}|${p.date}`;
    const prev = byKey.get(key);
    if (!prev || RANK[p.precision] > RANK[prev.precision]) {
      byKey.set(key, draft);
      if (prev) widen(draft, prev, text);
    } else widen(prev, draft, text);
  }
  return [...byKey.values()];
}

/**
 * Builds the timeline of a story's articles: one entry per dated event, in chronological order (text order
 * within a date), background entries marked, copies merged. `retime` resolves an article's time expressions
 * again with the direction read on the parse.
 */
export function buildTimelineWith(docs: AnnotatedArticle[], retime: Retimer): TimelineEvent[] {
  const drafts = docs.flatMap((doc, di) => draftsOf(doc, di, retime));
  const merged = mergeSameEvent(mergeCopies(drafts));
  // Upcoming: still ahead of the story's latest report.
  const latest = docs
    .map((d) => d.article?.published ?? '')
    .filter((p) => parseIsoDate(p))
    .sort()
    .pop();
  const latestDay = latest ? parseIsoDate(latest) : undefined;
  for (const d of merged) if (latestDay && afterPublication(d.date, d.precision, latestDay)) d.future = true;
  merged.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  return merged.map(({ words: _w, order: _o, shingles: _s, published: _p, ...ev }) => ev);
}
