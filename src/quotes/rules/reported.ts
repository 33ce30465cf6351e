import { TIME_WORDS } from '../lexicon.js';
import { according, indirect, overlapsDirect, type Unnumbered } from './according.js';
import {
  clause,
  firstTokenAtOrAfter,
  idMaker,
  low,
  regionOpeningAt,
  sentenceBounds,
  span,
  type Pass,
} from './context.js';
import { appositiveAfter, npStartingAt } from './phrases.js';
import { subjectOf, trailingOnly } from './subject.js';
import { DOCUMENT_SUBJECTS, isMark } from './words.js';

const QUESTION_LINKS = new Set(['if', 'whether', 'about', 'what', 'who', 'why', 'how', 'when', 'which', 'where']);
const CONTRAST = new Set(['but', 'while', 'however', 'although', 'though', 'whereas']);

/**
 * Reported speech around cues that no quotation took: `X said (that) …`, `…, X said.`, `…, said X.`,
 * `According to X, …`, and questions reported with "asked whether".
 */
export const reportedSpeech: Pass = (ctx, attributions) => {
  const toks = ctx.tokens;
  const out = [...attributions];
  const nextId = idMaker(attributions);
  const push = (a: Unnumbered): void => {
    out.push({ id: nextId(), ...a });
  };
  for (const c of ctx.cues) {
    if (ctx.spent.has(c)) continue;
    const [s0, s1] = sentenceBounds(ctx, toks[c.tok].sentence);
    if (c.according) {
      const a = according(ctx, c, s0, s1, attributions);
      if (a) push(a);
      continue;
    }
    const info = c.info!;
    if (info.lemma === 'read' || info.directOnly || c.weak) continue;
    const subject = subjectOf(ctx, c, s0);
    let subj = subject?.source;
    let extent = subject?.extent;
    let inverted = false;
    if (!subj) {
      // "…, said Smith." / "…, says the report."
      const prevTok = toks[c.first - 1];
      if (prevTok && prevTok.text === ',' && c.first - 1 > s0) {
        const np = npStartingAt(ctx, c.last + 1);
        if (np) {
          subj = span(ctx, np[0], np[1]);
          extent = appositiveAfter(ctx, np);
          inverted = true;
        }
      }
    }
    if (
      !subj &&
      info.lemma === 'ask' &&
      (c.first === s0 || ['when', 'whenever', 'after', 'once'].includes(low(ctx, c.first - 1)))
    ) {
      // "Asked whether …, Clinton said": the question is reported without naming who asked it.
      let q = c.last + 1;
      // "When asked by a reporter whether …"
      if (low(ctx, q) === 'by') {
        const by = npStartingAt(ctx, q + 1);
        if (by) q = by[1] + 1;
      }
      if (QUESTION_LINKS.has(low(ctx, q)) || QUESTION_LINKS.has(low(ctx, c.last))) {
        let e = q;
        while (e < s1 && toks[e + 1].text !== ',' && ctx.regionAt[toks[e + 1].start] < 0) e++;
        const content = clause(ctx, q, e);
        if (content) push(indirect(ctx, content, c, undefined));
      }
      continue;
    }
    if (!subj) continue;
    const subjTok = firstTokenAtOrAfter(ctx, subj.start);
    if (info.belief && subj.end === toks[subjTok].end && toks[subjTok].upos === 'PRON') continue;
    // "records show", "new filings show": records report their findings like speakers.
    const documentary =
      info.lemma === 'show' && DOCUMENT_SUBJECTS.has(low(ctx, firstTokenAtOrAfter(ctx, subj.end) - 1));
    if (info.lemma === 'show' && low(ctx, c.tok) === 'show' && !documentary) continue;
    const speech = info.speech || documentary;
    // Trailing attribution: CLAUSE , NP cue [modifiers] .
    const commaBefore = inverted ? c.first - 1 : subjTok - 1;
    if (
      !inverted &&
      commaBefore > s0 + 1 &&
      toks[commaBefore].text === ',' &&
      speech &&
      ctx.regionAt[toks[s0].start] < 0
    ) {
      // Parenthetical: "Survival, Mr. VandeHei says, depends on …" — one statement around the attribution.
      let j = c.last + 1;
      while (j <= s1 && j - c.last <= 4 && toks[j].text !== ',' && toks[j].upos !== 'VERB' && toks[j].upos !== 'AUX')
        j++;
      if (j <= s1 - 2 && toks[j].text === ',') {
        const whole = clause(ctx, s0, s1);
        const tail = clause(ctx, j + 1, s1);
        if (whole && tail && !overlapsDirect(attributions, whole)) {
          push({ ...indirect(ctx, tail, c, subj, extent), statement: whole });
          continue;
        }
      }
    }
    if (commaBefore > s0 + 2 && toks[commaBefore].text === ',' && speech) {
      const subjEnd = firstTokenAtOrAfter(ctx, subj.end);
      // "…, said Howard Rubel, a senior analyst, who notes …": an appositive may follow an inverted subject.
      const tailOk =
        trailingOnly(ctx, c.last + 1, s1, inverted ? subjEnd : -1) ||
        (inverted && toks[subjEnd]?.text === ',' && subjEnd + 1 < s1);
      if (tailOk) {
        const content = clause(ctx, s0, commaBefore - 1);
        if (content && !overlapsDirect(attributions, content)) {
          push(indirect(ctx, content, c, subj, extent));
          continue;
        }
      }
    }
    if (inverted) continue;
    // Forward: NP cue [addressee] [time] (that)? CLAUSE
    let k = c.last + 1;
    if (info.addressee && c.last === c.tok) {
      // Straight after "told"/"asked" comes the addressee, never a finite verb: a plural noun the tagger
      // read as a third-person verb ("told reporters") is the addressee.
      const np = npStartingAt(ctx, k) ?? (toks[k]?.xpos === 'VBZ' && /s$/.test(low(ctx, k)) ? [k, k] : null);
      if (np) k = np[1] + 1;
    }
    let thatAt = -1;
    for (let j = k; j <= Math.min(s1, k + 10); j++) {
      const lw = low(ctx, j);
      // After an evaluation ("referring to the firms that …") a later "that" opens a relative clause.
      if (lw === 'that' && (speech || j === k)) {
        thatAt = j;
        break;
      }
      const p = toks[j].upos ?? '';
      if (
        p === 'VERB' ||
        p === 'AUX' ||
        (p === 'PUNCT' && toks[j].text !== ',') ||
        p === 'SCONJ' ||
        p === 'PRON' ||
        ctx.regionAt[toks[j].start] >= 0
      )
        break;
    }
    if (thatAt >= 0) k = thatAt;
    else
      while (
        k <= s1 &&
        TIME_WORDS.has(low(ctx, k)) &&
        toks[k].upos !== 'PRON' &&
        low(ctx, k) !== 'that' &&
        k - c.last < 4 &&
        !/^(a|an|the|this)$/.test(low(ctx, k))
      )
        k++;
    if (k > s1) continue;
    if (toks[k].text === ':' || toks[k].text === ',') {
      // `X said: "…"` is a direct quote (handled above); anything else after a colon is the content.
      if (regionOpeningAt(ctx, toks[k + 1]?.start ?? -1) >= 0) continue;
      k++;
    }
    if (regionOpeningAt(ctx, toks[k]?.start ?? -1) >= 0) {
      const r = ctx.regions[ctx.regionAt[toks[k].start]];
      if (r.close >= toks[s1].start) continue;
    }
    // The clause ends at the sentence end or before a following ", adding"/", saying".
    let e = s1;
    for (let j = k + 1; j <= s1; j++) {
      const cj = ctx.cueAtTok.get(j);
      if (cj !== undefined && toks[j - 1]?.text === ',' && /ing$/.test(low(ctx, j))) {
        e = j - 2;
        break;
      }
      if (
        cj !== undefined &&
        isMark(toks[j - 1]?.text ?? 'x') &&
        toks[j - 2]?.text === ',' &&
        /ing$/.test(low(ctx, j))
      ) {
        e = j - 1;
        break;
      }
      if (toks[j - 1]?.text === ',' && CONTRAST.has(low(ctx, j)) && ctx.regionAt[toks[j].start] < 0) {
        e = j - 2;
        break;
      }
      // "… to take back his words and said he …": a second cue of the same subject ends the content.
      if (
        low(ctx, j) === 'and' &&
        (ctx.cueAtTok.has(j + 1) || ctx.cueAtTok.has(j + 2)) &&
        ctx.regionAt[toks[j].start] < 0
      ) {
        e = toks[j - 1].text === ',' ? j - 2 : j - 1;
        break;
      }
    }
    const content = clause(ctx, k, e);
    if (!content || overlapsDirect(attributions, content)) continue;
    if (!info.speech && thatAt < 0) {
      // Evaluation verbs ("criticized", "called") report an object, not a clause.
      push(indirect(ctx, content, c, subj, extent));
      continue;
    }
    push(indirect(ctx, content, c, subj, extent));
  }
  return out;
};
