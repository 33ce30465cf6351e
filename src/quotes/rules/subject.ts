import { TIME_WORDS } from '../lexicon.js';
import { inQuote, low, sentenceBounds, span, type RuleContext } from './context.js';
import { clauseSubject, npEndingAt } from './phrases.js';
import type { Cue, Range } from './types.js';
import { CAP_WORD, isMark, TIME_HEADS } from './words.js';

/** Words before a participle cue that link it to the clause it continues ("…, saying", "while adding"). */
const PARTICIPLE_LINKS = new Set(['by', 'while', 'after', 'before', 'when', 'in', 'without']);

/** Who a cue reports: the words naming the source, and its appositive when one follows the name. */
export interface Subject {
  source: Range;
  extent?: Range;
}

/** Subject of a cue: the noun phrase before it, looking past an appositive ("Frost, a spokesman, said"). */
export function subjectOf(ctx: RuleContext, c: Cue, limit: number): Subject | undefined {
  let k = c.first - 1;
  if (k < limit) return undefined;
  // "Ryan on Tuesday called …", "Two committees on Monday asked …": a day between subject and cue.
  if (/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)$/.test(low(ctx, k))) {
    const j = low(ctx, k - 1) === 'on' ? k - 2 : k - 1;
    if (j >= limit && ctx.tokens[j].text !== ',' && npEndingAt(ctx, j, limit)) k = j;
  }
  const np = npEndingAt(ctx, k, limit);
  if (np) {
    // "a source speaking to Fox News said", "sent an email to supporters saying": the phrase right before
    // the cue is an object; the subject opens the clause.
    const b = np[0] - 1;
    if (b > limit && low(ctx, b) === 'to' && ctx.tokens[b].sentence === ctx.tokens[k].sentence) {
      const s0 = Math.max(sentenceBounds(ctx, ctx.tokens[k].sentence)[0], limit);
      const head = clauseSubject(ctx, s0, b);
      if (head) return { source: span(ctx, head[0], head[1]) };
    }
    return { source: span(ctx, np[0], np[1]) };
  }
  // `…,” adding, “…`: a closing mark after the comma does not hide the participle's link.
  const kt = isMark(ctx.tokens[k]?.text ?? 'x') && ctx.tokens[k - 1]?.text === ',' ? ',' : ctx.tokens[k]?.text;
  const s0 = Math.max(sentenceBounds(ctx, ctx.tokens[c.tok].sentence)[0], limit);
  const lk = low(ctx, k);
  const participle =
    /ing$/.test(low(ctx, c.tok)) && (kt === ',' || kt === '\u2014' || kt === '\u2013' || PARTICIPLE_LINKS.has(lk));
  if (participle) {
    // "…, Spicer said, adding, …": the participle shares the subject of the cue before it.
    for (let j = k - 1; j >= s0; j--) {
      const prev = ctx.cueAtTok.get(j);
      if (prev === undefined || prev === c) continue;
      const sub = prev.according ? undefined : subjectOf(ctx, prev, limit);
      if (sub) return sub;
      break;
    }
  }
  if (participle || lk === 'and' || lk === 'but') {
    // "…, saying …" and "… and said …" share the subject of the main clause.
    const head = clauseSubject(ctx, s0, k);
    if (head) return { source: span(ctx, head[0], head[1]) };
  }
  if (kt === ',') {
    // Appositives and relative clauses: "NAME, a spokesman for X, said", "NAME, 58, who lives here, says".
    for (let p = s0 + 1; p < k; p++) {
      if (ctx.tokens[p].text !== ',' || inQuote(ctx, p)) continue;
      const head = npEndingAt(ctx, p - 1, s0);
      if (!head) continue;
      const before = ctx.tokens[head[0] - 1];
      // "As Andrew Tabler, an expert on Syria, noted", "But Sen. X, …, said": a subordinator or conjunction
      // may open the sentence; a preposition heads a phrase that is not the subject ("In a statement, X, …").
      if (
        head[0] !== s0 &&
        before.text !== ',' &&
        !(before.upos === 'CCONJ' && ctx.tokens[head[0] - 2]?.text === ',') &&
        !(
          head[0] - 1 === s0 &&
          (before.upos === 'SCONJ' ||
            /^(as|but|and|so)$/i.test(before.text) ||
            (before.upos === 'ADP' && !/^(in|on|at|during|after|before)$/i.test(before.text)))
        )
      )
        continue;
      const last = ctx.tokens[head[1]];
      if (!CAP_WORD.test(last.text) && last.upos !== 'NOUN' && last.text !== ')') break;
      if (k - p > 25) break;
      return { source: span(ctx, head[0], head[1]), extent: span(ctx, head[0], k) };
    }
  }
  return undefined;
}

/** Whether a cue after a quotation closes the attribution rather than starting new reported speech. */
export function endsAttribution(ctx: RuleContext, c: Cue): boolean {
  const t = ctx.tokens[c.last + 1];
  if (!t || t.sentence !== ctx.tokens[c.last].sentence) return true;
  if (/^[.,;:!?)\u2014\u2013]$/.test(t.text) || isMark(t.text) || c.info?.addressee) return true;
  const w = low(ctx, c.last + 1);
  if (w === 'that') return false;
  // "said of Apple", "said answering a question"
  if (c.last > c.tok || /ing$/.test(w)) return true;
  if (
    (TIME_WORDS.has(w) && !/^(a|an|the|this)$/.test(w)) ||
    TIME_HEADS.test(w) ||
    t.upos === 'ADP' ||
    t.upos === 'ADV' ||
    t.upos === 'SCONJ'
  )
    return true;
  // "said 30 minutes into the debate"
  if (t.upos === 'NUM' && /^(minutes?|hours?|days?|weeks?|months?|years?|seconds?)$/.test(low(ctx, c.last + 2)))
    return true;
  // "said the day after", "said the next morning"
  if (
    t.upos === 'DET' &&
    (TIME_HEADS.test(low(ctx, c.last + 2)) ||
      TIME_HEADS.test(low(ctx, c.last + 3)) ||
      /^(day|time|same)$/.test(low(ctx, c.last + 2)))
  )
    return true;
  return !(t.upos === 'PRON' || t.upos === 'DET' || t.upos === 'PROPN' || t.upos === 'NOUN' || t.upos === 'NUM');
}

/** Whether tokens a..s1 after a trailing cue are only modifiers (time, place, "in a statement"). */
export function trailingOnly(ctx: RuleContext, a: number, s1: number, from: number): boolean {
  const start = from >= 0 ? from : a;
  let n = 0;
  for (let j = start; j <= s1; j++) {
    const t = ctx.tokens[j];
    if (/^[.!?]$/.test(t.text)) continue;
    if (ctx.regionAt[t.start] >= 0) return false;
    if (t.upos === 'VERB' || t.upos === 'AUX' || t.upos === 'SCONJ' || t.text.toLowerCase() === 'that') return false;
    if (t.text === ',' && from < 0) return false;
    n++;
    if (n > 10) return false;
  }
  return true;
}
