// Where a quotation's attribution is written: right after the closing mark or right before the opening one.
import type { QuoteRegion } from '../marks.js';
import { TIME_WORDS } from '../lexicon.js';
import {
  firstTokenAtOrAfter,
  low,
  newlineBetween,
  regionOpeningAt,
  sentenceBounds,
  span,
  type RuleContext,
} from './context.js';
import { accordingSource, appositiveAfter, clauseSubject, npEndingAt, npStartingAt } from './phrases.js';
import { endsAttribution, subjectOf, trailingOnly } from './subject.js';
import type { Attached, Cue } from './types.js';
import { CAP_WORD, isMark } from './words.js';

/** Dashes before a name that attributes a quote; U+2015 is the quotation dash (`“…” ― Ana Ruiz`). */
const DASHES = /^[\u2014\u2013\u2015]$|^--$/;

/**
 * Attribution after a closing mark: `," X said`, `," said X`, `" — X`, `," according to X`.
 * Returns cue and source when the words right after the quote are an attribution.
 */
export function attributionAfter(ctx: RuleContext, r: QuoteRegion): Attached | null {
  let i = firstTokenAtOrAfter(ctx, r.close);
  const toks = ctx.tokens;
  if (i >= toks.length || newlineBetween(ctx, r.close, toks[i].start)) return null;
  while (
    i < toks.length &&
    (toks[i].text === ',' || isMark(toks[i].text)) &&
    !newlineBetween(ctx, r.close, toks[i].start)
  )
    i++;
  if (i >= toks.length || newlineBetween(ctx, r.close, toks[i].start) || ctx.regionAt[toks[i].start] >= 0) return null;
  // `"…" - Sanders`: a spaced hyphen works as a dash.
  const hyphen =
    toks[i].text === '-' && /\s/.test(ctx.text[toks[i].start - 1] ?? '') && /\s/.test(ctx.text[toks[i].end] ?? '');
  if (DASHES.test(toks[i].text) || hyphen) {
    const np = npStartingAt(ctx, i + 1);
    if (np && CAP_WORD.test(toks[np[0]].text)) return { cueRange: span(ctx, i, i), source: span(ctx, np[0], np[1]) };
    return null;
  }
  for (let j = i; j < Math.min(toks.length, i + 30); j++) {
    if (ctx.regionAt[toks[j].start] >= 0 || newlineBetween(ctx, r.close, toks[j].start)) break;
    const c = ctx.cueAtTok.get(j);
    if (c === undefined) {
      // A period inside an abbreviation ("D-Wash.") does not end the attribution.
      if (/^[;!?]$/.test(toks[j].text) || (toks[j].text === '.' && toks[j + 1]?.sentence !== toks[j].sentence)) break;
      continue;
    }
    if (c.according) {
      if (c.first !== i) return null;
      const np = accordingSource(ctx, c);
      return { cue: c, source: np ? span(ctx, np[0], np[1]) : undefined };
    }
    // `"A." He added, "B."`: after a finished sentence, a cue followed by `,`/`:` and a quote introduces it.
    if (introducesQuote(ctx, c) && /[.!?]$/.test(ctx.text.slice(r.start, r.end).trimEnd())) return null;
    // `"…," referring to the Islamic State`: a participle after the quote comments on it; it names no speaker.
    if (c.first === i && /ing$/.test(low(ctx, c.tok))) return null;
    if (c.first === i) {
      // Inverted: `," said Smith, the …`
      const np = npStartingAt(ctx, c.last + 1);
      // `," Read said`: a name that is also a cue word.
      if (!np && ctx.cueAtTok.has(c.last + 1) && CAP_WORD.test(toks[c.tok].text)) continue;
      if (!np) return null;
      const extent = appositiveAfter(ctx, np);
      return { cue: c, source: span(ctx, np[0], np[1]), ...(extent ? { extent } : {}) };
    }
    // A cue in a relative clause (`"…," Warren, who has not endorsed anyone, told reporters`) is passed over.
    let p = c.first - 1;
    while (p > i && toks[p].text !== ',') p--;
    if (p > i && /^(who|which)$/.test(low(ctx, p + 1))) continue;
    // `"…" Adler said the campaign …` reports something else: the cue must end the attribution.
    if (!endsAttribution(ctx, c)) return null;
    const np = npEndingAt(ctx, c.first - 1, i);
    if (np && np[0] === i) return { cue: c, source: span(ctx, np[0], np[1]) };
    // `," Will wrote.`, `," Read said.`: a lone capitalised word between quote and cue is a name, whatever
    // the tagger says.
    if (c.first - 1 === i && /^\p{Lu}[\p{L}’'-]+$/u.test(toks[i].text)) return { cue: c, source: span(ctx, i, i) };
    // "… ," Frost, a spokesman, said
    const subj = subjectOf(ctx, c, i);
    if (subj && subj.source.start === toks[i].start)
      return { cue: c, source: subj.source, ...(subj.extent ? { extent: subj.extent } : {}) };
    return null;
  }
  return null;
}

/**
 * A quote opening right after a sentence that ends with an attribution in the same paragraph:
 * `… climate change, Axelrod said. "This is core stuff."` — the same speaker goes on.
 */
export function attributionEndingBefore(ctx: RuleContext, r: QuoteRegion): Attached | null {
  const toks = ctx.tokens;
  const k = firstTokenAtOrAfter(ctx, r.open) - 1;
  if (k < 1 || toks[k].text !== '.' || newlineBetween(ctx, toks[k].end, r.open)) return null;
  const [s0] = sentenceBounds(ctx, toks[k].sentence);
  for (let j = k - 1; j >= s0 && j >= k - 8; j--) {
    if (ctx.regionAt[toks[j].start] >= 0) return null;
    const c = ctx.cueAtTok.get(j);
    if (c === undefined) continue;
    // Evaluations count only as the whole short sentence: `Bystrom agreed. "…"`.
    if (c.last >= k || (c.info && !c.info.speech && c.last !== k - 1)) return null;
    if (c.according) {
      const np = accordingSource(ctx, c);
      return np && np[1] === k - 1 ? { cue: c, source: span(ctx, np[0], np[1]) } : null;
    }
    if (!trailingOnly(ctx, c.last + 1, k - 1, -1)) return null;
    const subj = subjectOf(ctx, c, s0);
    if (subj) return { cue: c, source: subj.source, ...(subj.extent ? { extent: subj.extent } : {}) };
    if (toks[c.first - 1]?.text === ',') {
      const np = npStartingAt(ctx, c.last + 1);
      if (np && np[1] === k - 1) return { cue: c, source: span(ctx, np[0], np[1]) };
    }
    return null;
  }
  return null;
}

/** Whether a cue is followed by `,` or `:` and an opening quote mark (`he added, "…`). */
function introducesQuote(ctx: RuleContext, c: Cue): boolean {
  const t = ctx.tokens[c.last + 1];
  const n = ctx.tokens[c.last + 2];
  return t !== undefined && n !== undefined && (t.text === ',' || t.text === ':') && regionOpeningAt(ctx, n.start) >= 0;
}

/** Attribution before an opening mark: `X said: "`, `X told reporters, "`, `according to X, "`. */
export function attributionBefore(ctx: RuleContext, r: QuoteRegion, tight = false): Attached | null {
  const toks = ctx.tokens;
  let k = firstTokenAtOrAfter(ctx, r.open) - 1;
  let paragraphColon = false;
  if (k < 0 || newlineBetween(ctx, toks[k].end, r.open)) {
    // A paragraph ending with "said:" introduces a quote paragraph.
    if (k >= 0 && toks[k].text === ':' && !ctx.text.slice(toks[k].end, r.open).includes('\n\n\n')) {
      k--;
      paragraphColon = true;
    } else return null;
  }
  let colon = paragraphColon;
  // Inside a sentence only `said: "` or `said, "` introduces a full quote.
  if (tight && toks[k].text !== ',' && toks[k].text !== ':') return null;
  while (k >= 0 && (toks[k].text === ',' || toks[k].text === ':')) {
    colon ||= toks[k].text === ':';
    k--;
  }
  if (k < 0) return null;
  // Scan back a few tokens for the cue, allowing an addressee or time words between.
  for (let j = k; j >= 0 && j > k - 6; j--) {
    if (ctx.regionAt[toks[j].start] >= 0 && !isMark(toks[j].text)) break;
    const c = ctx.cueAtTok.get(j);
    if (c === undefined) {
      if (/^[.;!?"]$/.test(toks[j].text)) break;
      continue;
    }
    if (c.according) {
      const np = accordingSource(ctx, c);
      return np ? { cue: c, source: span(ctx, np[0], np[1]) } : null;
    }
    if (j !== k) {
      const between = toks.slice(j + 1, k + 1);
      const ok = between.every(
        (t) =>
          TIME_WORDS.has(t.text.toLowerCase()) ||
          t.upos === 'PROPN' ||
          t.upos === 'NOUN' ||
          t.upos === 'DET' ||
          t.upos === 'PRON' ||
          t.upos === 'NUM' ||
          t.upos === 'ADP',
      );
      if (!ok) return null;
    }
    const subj = subjectOf(ctx, c, 0);
    if (subj) return { cue: c, source: subj.source, ...(subj.extent ? { extent: subj.extent } : {}) };
    const inv = c.info?.addressee ? null : npStartingAt(ctx, c.last + 1);
    if (inv && inv[1] < k + 1) return { cue: c, source: span(ctx, inv[0], inv[1]) };
    return { cue: c };
  }
  if (colon) {
    // "… are problematic - Pew Research: “…”" — a name after a dash introduces the quote.
    const np0 = npEndingAt(ctx, k);
    if (np0 && np0[0] > 0 && /^(-|--|\u2014|\u2013)$/.test(toks[np0[0] - 1].text) && CAP_WORD.test(toks[np0[0]].text)) {
      const ct = firstTokenAtOrAfter(ctx, toks[k].end);
      return { cueRange: span(ctx, ct, ct), source: span(ctx, np0[0], np0[1]) };
    }
    // "Clinton released the following statement: “…”" — the clause's subject introduces the quote.
    const sent = toks[k].sentence;
    const s0 = sentenceBounds(ctx, sent)[0];
    const subj = clauseSubject(ctx, s0, k);
    if (subj && subj[1] + 1 <= k) {
      let v = subj[1] + 1;
      while (v < k && (toks[v].upos === 'ADV' || toks[v].upos === 'PART')) v++;
      if (toks[v].upos === 'VERB' || toks[v].upos === 'AUX')
        return { cueRange: span(ctx, v, v), source: span(ctx, subj[0], subj[1]) };
    }
    // "Pew Research: “…”" — a source and a colon at the start of a sentence.
    const np = npEndingAt(ctx, k);
    if (
      np &&
      (np[0] === 0 ||
        toks[np[0] - 1].sentence !== toks[np[0]].sentence ||
        newlineBetween(ctx, toks[np[0] - 1].end, toks[np[0]].start))
    ) {
      const ct = firstTokenAtOrAfter(ctx, toks[k].end);
      return { cueRange: span(ctx, ct, ct), source: span(ctx, np[0], np[1]) };
    }
  }
  return null;
}
