// Noun phrases and clause subjects, read from part-of-speech tags: the sources of attributions.
import { CUE_FORMS } from '../lexicon.js';
import { inQuote, low, sentenceBounds, type TextContext } from './context.js';
import type { Cue, Range } from './types.js';
import { CAP_WORD, isMark, TIME_HEADS } from './words.js';

const NP_POS = new Set(['PROPN', 'NOUN', 'DET', 'ADJ', 'NUM', 'PART', 'PRON']);
const SUBJ_PRON = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'who', 'you', 'which']);
const NON_NP_WORDS = new Set([
  'that',
  'this',
  'there',
  'what',
  'when',
  'where',
  'whether',
  'if',
  'as',
  'than',
  'so',
  'not',
  'because',
]);
const NOT_NAME_POS = new Set(['CCONJ', 'SCONJ', 'ADP', 'VERB', 'AUX', 'ADV', 'PRON', 'PART', 'INTJ']);

/** Whether token i can be part of a noun phrase naming a source. */
function npToken(ctx: TextContext, i: number): boolean {
  const t = ctx.tokens[i];
  if (!t || inQuote(ctx, i)) return false;
  const w = t.text.toLowerCase();
  // "this source", "these officials": a demonstrative before a noun is a determiner.
  if ((w === 'this' || w === 'these' || w === 'those') && /^(NOUN|ADJ)$/.test(ctx.tokens[i + 1]?.upos ?? ''))
    return true;
  if (NON_NP_WORDS.has(w)) return false;
  if (NP_POS.has(t.upos ?? '')) return true;
  if (/^[’']s?$/.test(t.text)) return true;
  // A hyphenated modifier the tagger reads as a verb: "the conservative-leaning newspaper".
  if (/^\p{Ll}+-\p{Ll}+$/u.test(t.text) && /^(NOUN|ADJ|PROPN)$/.test(ctx.tokens[i + 1]?.upos ?? '')) return true;
  // Hyphenated words are split by the tokenizer: "Twenty-four", "76-year-old".
  if (t.text === '-' && ctx.tokens[i - 1]?.end === t.start && ctx.tokens[i + 1]?.start === t.end) return true;
  const prev = ctx.tokens[i - 1];
  if (prev && prev.text === '-' && prev.end === t.start && ctx.tokens[i - 2]?.end === prev.start) return true;
  // Capitalised function words start sentences ("But", "After"); inside a sentence they are names ("Time's Up").
  const midSentence =
    i > 0 && ctx.tokens[i - 1].sentence === t.sentence && !/^[.!?"\u201c:]$/.test(ctx.tokens[i - 1].text);
  if (CAP_WORD.test(t.text) && /^[\p{L}.\-’']+$/u.test(t.text) && (midSentence || !NOT_NAME_POS.has(t.upos ?? '')))
    return true;
  // A first name the tagger reads as a verb ("Grant Young, …"): capitalised and followed by a proper noun.
  const next = ctx.tokens[i + 1];
  if (
    CAP_WORD.test(t.text) &&
    t.upos === 'VERB' &&
    next?.upos === 'PROPN' &&
    CAP_WORD.test(next.text) &&
    next.sentence === t.sentence &&
    !CUE_FORMS.has(w)
  )
    return true;
  return false;
}

/** The noun phrase ending at token `k` (inclusive), as a token range, or null. */
export function npEndingAt(ctx: TextContext, k: number, limit = 0): [number, number] | null {
  const toks = ctx.tokens;
  if (k < limit || !toks[k]) return null;
  const sent = toks[k].sentence;
  const w = low(ctx, k);
  if (SUBJ_PRON.has(w)) return [k, k];
  // "said Tuesday" is not a subject, but "4 in 10 say" is.
  if (TIME_HEADS.test(w) || (/^\d+$/.test(w) && !/^(in|of)$/.test(low(ctx, k - 1)))) return null;
  if (toks[k].upos === 'NUM' && low(ctx, k - 1) === 'in' && toks[k - 2]?.upos === 'NUM' && k - 2 >= limit) {
    // Poll shares: "six in 10 said", "more than 4 in 10 say".
    let s = k - 2;
    if (/^(than)$/.test(low(ctx, s - 1)) && /^(more|less|fewer)$/.test(low(ctx, s - 2)) && s - 2 >= limit) s -= 2;
    else if (/^(nearly|almost|about|roughly|some|only)$/.test(low(ctx, s - 1)) && s - 1 >= limit) s -= 1;
    return [s, k];
  }
  if (w === ')') {
    // "Gov. John Kasich (R-OH)": the parenthesis belongs to the name.
    let j = k - 1;
    while (j > limit && j > k - 8 && toks[j].text !== '(') j--;
    if (toks[j]?.text === '(' && j - 1 >= limit) {
      const inner = npEndingAt(ctx, j - 1, limit);
      return inner ? [inner[0], k] : null;
    }
    return null;
  }
  let i = k;
  let n = 0;
  while (i >= limit && toks[i].sentence === sent && n < 12) {
    const lw = low(ctx, i);
    if (npToken(ctx, i)) {
      const pos = toks[i].upos;
      if (pos === 'PRON' && i !== k && !['his', 'her', 'their', 'its', 'our', 'my'].includes(lw)) break;
      i--;
      n++;
      continue;
    }
    // "a spokesman for the office", "Vance and the DA's office"
    if (
      (lw === 'for' || lw === 'of' || lw === 'and' || lw === '&' || lw === 'in' || lw === 'at' || lw === 'from') &&
      i > limit &&
      i < k &&
      npToken(ctx, i - 1) &&
      ((lw !== 'in' && lw !== 'at' && lw !== 'from') || toks[i - 1].upos === 'NOUN')
    ) {
      i--;
      n++;
      continue;
    }
    // "people familiar with the matter", "a source close to the campaign"
    if (
      (lw === 'with' || lw === 'to') &&
      i > limit + 1 &&
      i < k &&
      /^(familiar|close)$/.test(low(ctx, i - 1)) &&
      npToken(ctx, i - 2)
    ) {
      i -= 2;
      n++;
      continue;
    }
    break;
  }
  let s = i + 1;
  while (s <= k && ['for', 'of', 'and', '&', "'s", '’s', 'in', 'at', 'from'].includes(low(ctx, s))) s++;
  if (s > k) return null;
  // "the 46-year-old" names a person.
  const hasHead =
    toks
      .slice(s, k + 1)
      .some((t) => t.upos === 'NOUN' || t.upos === 'PROPN' || t.upos === 'PRON' || CAP_WORD.test(t.text)) ||
    (/-old$/.test(w) && k > s) ||
    nominalAdjective(toks, s, k);
  return hasHead ? [s, k] : null;
}

/**
 * "The advisory", "the accused", "the wounded": a determiner and a word tagged as an adjective that ends the
 * phrase is a noun phrase all the same (the adjective is used as a noun, or mis-tagged as one).
 */
function nominalAdjective(toks: TextContext['tokens'], first: number, last: number): boolean {
  return last > first && toks[first].upos === 'DET' && toks[last].upos === 'ADJ';
}

/** The noun phrase starting at token `k`, stopping at punctuation or a verb. */
export function npStartingAt(ctx: TextContext, k: number): [number, number] | null {
  const toks = ctx.tokens;
  if (!toks[k]) return null;
  if (SUBJ_PRON.has(low(ctx, k))) return [k, k];
  const sent = toks[k].sentence;
  let i = k;
  while (i < toks.length && toks[i].sentence === sent && i - k < 12) {
    const lw = low(ctx, i);
    // A determiner after a noun starts a new phrase ("told reporters the vote …").
    if (i > k && toks[i].upos === 'DET' && (toks[i - 1].upos === 'NOUN' || toks[i - 1].upos === 'PROPN')) break;
    if (npToken(ctx, i) && !(toks[i].upos === 'PRON' && i !== k)) {
      i++;
      continue;
    }
    // "one unaligned strategist", "a retired general": a participle tagged as a verb inside the phrase.
    if (
      i > k &&
      toks[i].upos === 'VERB' &&
      /(ed|ing)$/.test(low(ctx, i)) &&
      /^(DET|NUM|ADJ)$/.test(toks[i - 1].upos ?? '') &&
      /^(NOUN|PROPN|ADJ)$/.test(toks[i + 1]?.upos ?? '') &&
      toks[i + 1]?.sentence === sent
    ) {
      i++;
      continue;
    }
    if ((lw === 'of' || lw === 'for' || lw === 'and') && i > k && npToken(ctx, i + 1) && toks[i + 1]?.upos !== 'PRON') {
      i++;
      continue;
    }
    break;
  }
  let e = i - 1;
  while (e >= k && (['of', 'for', 'and'].includes(low(ctx, e)) || TIME_HEADS.test(low(ctx, e)))) e--;
  if (e < k) return null;
  const hasHead =
    toks.slice(k, e + 1).some((t) => t.upos === 'NOUN' || t.upos === 'PROPN' || CAP_WORD.test(t.text)) ||
    (/-old$/.test(low(ctx, e)) && e > k) ||
    nominalAdjective(toks, k, e);
  return hasHead ? [k, e] : null;
}

/** The subject of the main clause between tokens s0 and k: the first noun phrase followed by a verb. */
export function clauseSubject(ctx: TextContext, s0: number, k: number): [number, number] | null {
  for (let p = s0; p < k; p++) {
    // "And then Trump went …": leading conjunctions and adverbs do not hide the subject.
    const opener = p - s0 <= 2 && ctx.tokens.slice(s0, p).every((t) => t.upos === 'CCONJ' || t.upos === 'ADV');
    if (
      p !== s0 &&
      !opener &&
      ctx.tokens[p - 1].text !== ',' &&
      !(isMark(ctx.tokens[p - 1].text) && ctx.tokens[p - 2]?.text === ',')
    )
      continue;
    if (inQuote(ctx, p)) continue;
    const head = npStartingAt(ctx, p);
    if (!head || head[1] >= k) continue;
    let v = head[1] + 1;
    // "Rep. Hakeem Jeffries (D-N.Y.) reacted": a party label between subject and verb.
    if (ctx.tokens[v]?.text === '(') {
      let q = v;
      while (q < k && q - v < 8 && ctx.tokens[q].text !== ')') q++;
      if (ctx.tokens[q]?.text === ')') v = q + 1;
    }
    // "Suu Kyi, 70, said": a short appositive between subject and verb.
    if (ctx.tokens[v]?.text === ',' && p === s0) {
      let q = v + 1;
      while (q < k && q - v < 8 && ctx.tokens[q].text !== ',' && ctx.tokens[q].upos !== 'VERB') q++;
      if (ctx.tokens[q]?.text === ',' && q > v + 1) v = q + 1;
    }
    // "Carson did not mention", "Trump immediately posted"
    while (v < k && (ctx.tokens[v].upos === 'ADV' || ctx.tokens[v].upos === 'PART')) v++;
    if (['VERB', 'AUX'].includes(ctx.tokens[v]?.upos ?? '')) return head;
  }
  return null;
}

/** "Smith, the fire chief." after an inverted cue: the name with its appositive, to the sentence end. */
export function appositiveAfter(ctx: TextContext, np: [number, number]): Range | undefined {
  const toks = ctx.tokens;
  const comma = np[1] + 1;
  const next = toks[comma + 1];
  if (toks[comma]?.text !== ',' || !next || next.sentence !== toks[np[1]].sentence) return undefined;
  if (
    (!['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(next.upos ?? '') && next.text !== 'who') ||
    ctx.regionAt[next.start] >= 0
  )
    return undefined;
  const [, s1] = sentenceBounds(ctx, next.sentence);
  let e = s1;
  while (e > comma && /^[.!?]$/.test(toks[e].text)) e--;
  for (let j = comma + 1; j <= e; j++) if (ctx.regionAt[toks[j].start] >= 0 || toks[j].text === '\n') return undefined;
  return e > comma ? { start: toks[np[0]].start, end: toks[e].end } : undefined;
}

/**
 * The source after "according to": a noun phrase, or, when tagging breaks the phrase ("exit polls" with
 * "exit" as a verb), the words up to the next punctuation or clause boundary.
 */
export function accordingSource(ctx: TextContext, c: Cue): [number, number] | null {
  const np = npStartingAt(ctx, c.last + 1);
  if (np) return np;
  const toks = ctx.tokens;
  const k = c.last + 1;
  if (!toks[k] || toks[k].sentence !== toks[c.last].sentence) return null;
  let e = k;
  while (
    e < toks.length &&
    e - k < 12 &&
    toks[e].sentence === toks[k].sentence &&
    ctx.regionAt[toks[e].start] < 0 &&
    !/^[.,;:!?()\u2014\u2013]$|^--$/.test(toks[e].text) &&
    !/^(that|which|who|but|and)$/.test(low(ctx, e))
  )
    e++;
  e--;
  if (e < k) return null;
  const head = toks.slice(k, e + 1).some((t) => t.upos === 'NOUN' || t.upos === 'PROPN');
  return head ? [k, e] : null;
}
