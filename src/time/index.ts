import type { AnnotatedArticle, Sentence, TimeExpression, TimelineEvent } from '../model.js';
import { sentenceIndexer, splitSentences } from '../text/sentences.js';
import { addDays, fmtDay, parseIsoDate, toDays, type Ymd } from './calendar.js';
import { findCandidates, selectCandidates, type Resolved, type ResolveCtx } from './rules.js';
import { tenseAround, type Tense } from './tense.js';
import { buildTimelineWith } from './timeline/build.js';
import { parseTense } from './timeline/direction.js';

export type { Tense } from './tense.js';

export interface TimeOptions {
  /**
   * `storyline` (default) also marks the adjective "former" ("the former mayor") as a `PAST_REF`, a past
   * reference later stages can read; `timeml` follows the TimeML annotation guidelines, which do not treat
   * "former" as a time expression (used when scoring against TimeML corpora).
   */
  convention?: 'storyline' | 'timeml';
  /**
   * The tense of the predicate an expression (by its offsets) modifies, when known from the parse; where it
   * returns undefined the word-based reading of the sentence decides.
   */
  tenseAt?: (start: number, end: number) => Tense | undefined;
}

/**
 * Recognises time expressions in `text` and normalises them to TIMEX3 against `reference` (`YYYY-MM-DD`).
 * Without a valid reference, relative expressions keep X placeholders instead of invented dates.
 */
export function findTimexes(
  text: string,
  reference?: string,
  sentences?: Sentence[],
  opts: TimeOptions = {},
): TimeExpression[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const dct = parseIsoDate(reference);
  const sents = sentences && sentences.length > 0 ? sentences : splitSentences(text);
  const sentenceOf = sentenceIndexer(sents);
  let chosen = selectCandidates(findCandidates(text));
  if (opts.convention === 'timeml')
    chosen = chosen.filter((c) => text.slice(c.start, c.end).toLowerCase() !== 'former');
  const resolved: Array<Resolved & { anchor?: string }> = [];
  const insert = (r: Resolved & { anchor?: string }): void => {
    let i = resolved.length;
    while (i > 0 && resolved[i - 1].start > r.start) i--;
    resolved.splice(i, 0, r);
  };
  for (const phase of [false, true]) {
    for (const c of chosen) {
      if (!!c.anchored !== phase) continue;
      const si = sentenceOf(c.start);
      const sent = sents[si];
      let tense: Tense | undefined;
      const ctx: ResolveCtx = {
        dct,
        tense: () =>
          (tense ??=
            opts.tenseAt?.(c.start, c.end) ??
            (sent ? tenseAround(text, sent.start, sent.end, c.start, c.end) : 'none')),
        previous: resolved,
        sentence: si,
        start: c.start,
      };
      let res;
      try {
        res = c.resolve(ctx);
      } catch {
        res = null;
      }
      if (!res || !res.value) continue;
      insert({
        start: c.start,
        end: c.end,
        sentence: si,
        type: res.type ?? c.type,
        value: res.value,
        anchor: res.anchor,
      });
    }
  }
  mergeTimeWithDay(text, resolved);
  return resolved.map((r) => {
    const t: TimeExpression = {
      start: r.start,
      end: r.end,
      text: text.slice(r.start, r.end),
      type: r.type,
      value: r.value,
    };
    if (r.anchor) t.anchor = r.anchor;
    return t;
  });
}

/**
 * "10 p.m. Wednesday", "noon Saturday", "5 p.m. EST, Nov. 6": a clock time directly followed by the day it
 * belongs to is one expression, valued at that day.
 */
function mergeTimeWithDay(text: string, list: Array<Resolved & { anchor?: string }>): void {
  for (let i = 0; i + 1 < list.length; i++) {
    const a = list[i];
    const b = list[i + 1];
    const clock = /T(\d{2}:\d{2})$/.exec(a.value);
    const day = /^(\d{4}-\d{2}-\d{2}|XXXX-WXX-[1-7]|XXXX-\d{2}-\d{2})(?:T[A-Z]{2})?$/.exec(b.value);
    if (a.type !== 'time' || !clock || !day || (b.type !== 'date' && b.type !== 'time')) continue;
    if (!/^,?\s{1,3}$/.test(text.slice(a.end, b.start))) continue;
    list.splice(i, 2, { ...a, end: b.end, value: `${day[1]}T${clock[1]}`, anchor: b.anchor ?? a.anchor });
  }
}

/**
 * Finds and normalises time expressions; the reference date is the article's publication date. When the
 * tokens carry the dependency parse, the direction of relative dates comes from the predicate they modify.
 */
export function annotateTime(doc: AnnotatedArticle, opts: TimeOptions = {}): AnnotatedArticle {
  const text = typeof doc.article?.text === 'string' ? doc.article.text : '';
  const tenseAt = opts.tenseAt ?? parseTense(doc.tokens);
  return { ...doc, timexes: findTimexes(text, doc.article?.published, doc.sentences, { ...opts, tenseAt }) };
}

// ---------- publication-date inference ----------

const WEEKDAY_VALUE = /^XXXX-WXX-([1-7])(T..)?$/;
const DAY_VALUE = /^(\d{4}-\d{2}-\d{2})/;

interface Scored {
  date: string;
  cost: number;
  sibling: string;
  siblingDate: string;
  offset: number;
  support: string[];
}

/**
 * Dates articles without a publication date from their siblings (the other articles of the same story):
 * each sibling date, and the days just after it, is tried as the reference, and the candidate under which
 * the article's own weekday references ("said Monday") fall closest before it, with no absolute date after it,
 * wins. The article's relative expressions are then re-resolved against the inferred date.
 */
export function inferPublicationDates(docs: AnnotatedArticle[]): AnnotatedArticle[] {
  const dated = docs.filter((d) => parseIsoDate(d.article?.published));
  return docs.map((doc) => {
    if (parseIsoDate(doc.article?.published)) return doc;
    const text = typeof doc.article?.text === 'string' ? doc.article.text : '';
    const sentences = doc.sentences.length > 0 ? doc.sentences : splitSentences(text);
    const base = findTimexes(text, undefined, sentences);
    const weekdayRefs = base.filter((t) => WEEKDAY_VALUE.test(t.value));
    const absolute = base.filter((t) => DAY_VALUE.test(t.value));
    const siblings = dated.filter((d) => d !== doc && d.article.id !== doc.article.id);
    if (siblings.length === 0) return { ...doc, timexes: base };
    let best: Scored | undefined;
    for (const sib of siblings) {
      const sd = parseIsoDate(sib.article.published) as Ymd;
      for (let k = 0; k <= 3; k++) {
        const cand = addDays(sd, k);
        const candDay = toDays(cand);
        const dateStr = fmtDay(cand);
        let cost = k;
        const support: string[] = [];
        if (weekdayRefs.length > 0) {
          const res = findTimexes(text, dateStr, sentences);
          const byStart = new Map(res.map((t) => [t.start, t]));
          for (const w of weekdayRefs) {
            const r = byStart.get(w.start);
            const m = r ? DAY_VALUE.exec(r.value) : null;
            const d = m ? parseIsoDate(m[1]) : undefined;
            if (!d) continue;
            const gap = Math.abs(candDay - toDays(d));
            cost += gap;
            if (gap <= 1) support.push(`"${w.text}" = ${fmtDay(d)}`);
          }
        }
        for (const a of absolute) {
          const d = parseIsoDate(DAY_VALUE.exec(a.value)![1]);
          if (d && toDays(d) > candDay) cost += 3;
        }
        // Ties: the sibling's own date over a later day, then the most recent sibling.
        const better =
          !best ||
          cost < best.cost ||
          (cost === best.cost && (k < best.offset || (k === best.offset && dateStr > best.date)));
        if (better) {
          best = { date: dateStr, cost, sibling: sib.article.id, siblingDate: fmtDay(sd), offset: k, support };
        }
      }
    }
    if (!best) return { ...doc, timexes: base };
    const reason =
      `Inferred from sibling article ${best.sibling} published ${best.siblingDate}` +
      (best.offset > 0 ? ` plus ${best.offset} day${best.offset > 1 ? 's' : ''}` : '') +
      (best.support.length > 0 ? `; consistent with ${best.support.join(', ')}` : '') +
      (weekdayRefs.length === 0 ? '; the article has no weekday references to narrow it down' : '');
    const article = { ...doc.article, published: best.date, publishedInferred: true, publishedReason: reason };
    return { ...doc, article, timexes: findTimexes(text, best.date, sentences, { tenseAt: parseTense(doc.tokens) }) };
  });
}

// ---------- timeline ----------

/**
 * The story timeline (`timeline/`): one entry per dated event, background marked, copies merged. Relative
 * expressions are resolved again with the direction read on each article's parse.
 */
export function buildTimeline(docs: AnnotatedArticle[]): TimelineEvent[] {
  return buildTimelineWith(docs, (doc, tenseAt) =>
    findTimexes(doc.article.text, doc.article.published, doc.sentences, { tenseAt }),
  );
}
