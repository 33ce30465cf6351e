import type { Sentence } from '../model.js';
import {
  PROFILE_EDITED,
  defaultSentenceModel,
  documentProfile,
  endsTerminal,
  surfaceTokens,
} from './sentence-model.js';
import { ABBREVIATIONS, tokenizeWords, type WordSpan } from './tokenize.js';
import { NAME_TITLES } from './tokenize-lexicon.js';
import { MONTH_ABBREVIATIONS } from './words.js';

export { ABBREVIATIONS };

/** Words that usually begin a sentence; after "U.S." or "p.m." they signal a real boundary. */
const SENTENCE_STARTERS = new Set([
  'the',
  'a',
  'an',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'this',
  'that',
  'these',
  'those',
  'but',
  'and',
  'in',
  'on',
  'at',
  'for',
  'his',
  'her',
  'their',
  'its',
  'our',
  'there',
  'when',
  'while',
  'after',
  'before',
  'if',
  'as',
  'some',
  'many',
  'most',
  'officials',
  'police',
  'still',
  'yet',
  'however',
  'meanwhile',
]);

/** Titles and abbreviations that precede a name or number and so never end a sentence before one. */
const TITLES: ReadonlySet<string> = new Set([...NAME_TITLES, 'no', 'nos', 'vs', ...MONTH_ABBREVIATIONS]);

function isUpperCode(c: number, text: string, i: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = text[i];
  return ch.toLowerCase() !== ch;
}

function isLowerCode(c: number, text: string, i: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return false;
  const ch = text[i];
  return ch.toUpperCase() !== ch;
}

/** Punctuation that closes what comes before it and so cannot begin a sentence. */
function isClosing(c: number): boolean {
  return (
    c === 44 || // ,
    c === 59 || // ;
    c === 41 || // )
    c === 93 || // ]
    c === 125 || // }
    c === 0x201d || // ”
    c === 0xbb || // »
    c === 37 // %
  );
}

function isOpening(c: number): boolean {
  return c === 40 || c === 91 || c === 123 || c === 0x201c || c === 0x2018 || c === 0xab;
}

function isDash(c: number): boolean {
  return c === 0x2014 || c === 0x2013 || c === 45;
}

const OPENING_QUOTE = 1;
const CLOSING_QUOTE = 2;

function isSpaceAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return true;
  const c = text.charCodeAt(i);
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2028 || c === 0x2029;
}

/**
 * Whether the token [s,e) is an opening or a closing quotation mark (0: neither, or undecidable).
 * "``", "`", “, ‘, „ and « open; "''", ”, ’ and » close; straight quotes (and a "''" misused as an
 * opener, as in wire copy's "''For") by position: attached to the next word only, they open, attached
 * to the previous one only or standing alone after a word, they close.
 */
function quoteKind(text: string, s: number, e: number): number {
  const c = text.charCodeAt(s);
  if (c === 96) return OPENING_QUOTE;
  if (c === 0x201c || c === 0x2018 || c === 0x201e || c === 0xab) return e - s === 1 ? OPENING_QUOTE : 0;
  if (c === 0x201d || c === 0xbb) return e - s === 1 ? CLOSING_QUOTE : 0;
  if (c !== 34 && c !== 39 && c !== 0x2019) return 0;
  for (let i = s + 1; i < e; i++) if (!isQuote(text.charCodeAt(i)) || text.charCodeAt(i) === 96) return 0;
  const spaceBefore = isSpaceAt(text, s - 1);
  const spaceAfter = isSpaceAt(text, e);
  if (spaceBefore && !spaceAfter && !isClosing(text.charCodeAt(e)) && !isTerminal(text.charCodeAt(e)))
    return OPENING_QUOTE;
  if (c === 0x2019 || (c === 39 && e - s >= 2)) return CLOSING_QUOTE;
  if (!spaceBefore || spaceAfter) return CLOSING_QUOTE;
  return 0;
}

/** "(WHO)": token t closes parentheses around one acronym or upper-case code. */
function closesParenthesisedAcronym(text: string, toks: Int32Array, t: number): boolean {
  if (t < 2 || text.charCodeAt(toks[2 * t]) !== 41 || toks[2 * t + 1] - toks[2 * t] !== 1) return false;
  if (text.charCodeAt(toks[2 * t - 4]) !== 40 || toks[2 * t - 3] - toks[2 * t - 4] !== 1) return false;
  const s = toks[2 * t - 2];
  const e = toks[2 * t - 1];
  if (e - s < 2 || e - s > 10) return false;
  let upper = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (isUpperCode(c, text, i)) upper++;
    else if (isLowerCode(c, text, i) ? i === s : !(c >= 48 && c <= 57) && c !== 38 && c !== 45) return false;
  }
  return upper >= 2;
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 96;
}

function isTerminal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/**
 * Splits text into sentences with exact offsets, on the tokens of `tokenizeWords` (pass them in when
 * already computed). A line break always ends a sentence (headlines, paragraphs); elsewhere a learned
 * boundary classifier (`sentence-model.ts`, trained on UD English EWT) decides, within deterministic
 * rules: no boundary before closing punctuation or attached quotes, after opening quotes, brackets and
 * dashes (datelines), after titles and initials before a name, after "No." before a number, or after an
 * ellipsis or a closing quote followed by lower case; after a dotted acronym ("U.S.") only before a
 * typical sentence opener; none between a parenthesised acronym and the next word ("(WHO) Regional").
 * Quotes count by kind: "``" opens, "''" closes (straight quotes by position), so nothing splits after
 * an opening quote and a closing one stays with the sentence it closes. In edited prose (nearly every
 * paragraph ends in terminal punctuation, see `documentProfile`) a sentence ends only at terminal
 * punctuation or a line break; the model also reads the profile, so it learned from the treebank's
 * edited and unedited documents where sentences end without punctuation. Without a model file the
 * rules decide alone (`.`, `!`, `?` before a capital).
 */
export function splitSentences(text: string, words?: readonly WordSpan[]): Sentence[] {
  const out: Sentence[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  const toks = surfaceTokens(words ?? tokenizeWords(text));
  const n = toks.length / 2;
  if (n === 0) return out;
  const model = defaultSentenceModel();
  const profile = documentProfile(text, toks);
  const edited = profile === PROFILE_EDITED;
  const rules = (t: number, _since: number): number => gapRule(text, toks, t, model === null, edited);
  let bounds: Uint8Array;
  if (model) bounds = model.boundaries(text, toks, rules, profile);
  else {
    bounds = new Uint8Array(n);
    for (let t = 0; t < n - 1; t++) {
      bounds[t] = lineBreakBetween(text, toks[2 * t + 1], toks[2 * t + 2]) ? 1 : gapRule(text, toks, t, true, edited);
    }
    bounds[n - 1] = 1;
  }
  let first = 0;
  for (let t = 0; t < n; t++) {
    if (!bounds[t]) continue;
    const start = toks[2 * first];
    const end = toks[2 * t + 1];
    out.push({ index: out.length, start, end, text: text.slice(start, end) });
    first = t + 1;
  }
  return out;
}

function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/**
 * The deterministic decision for the gap after token t: 1 a boundary, 0 none, -1 undecided (the model
 * decides). With `complete`, never -1 (the rules alone).
 */
function gapRule(text: string, toks: Int32Array, t: number, complete: boolean, edited: boolean): number {
  const s0 = toks[2 * t];
  const e0 = toks[2 * t + 1];
  const s1 = toks[2 * t + 2];
  const e1 = toks[2 * t + 3];
  const attached = s1 === e0;
  const last0 = text.charCodeAt(e0 - 1);
  const first0 = text.charCodeAt(s0);
  const first1 = text.charCodeAt(s1);
  // Nothing begins with closing punctuation, and a quote stuck to the previous token closes it.
  if (isClosing(first1) || (attached && (isQuote(first1) || isTerminal(first1)))) return 0;
  if (attached && (first1 === 41 || first1 === 58)) return 0;
  // A period with no space after it, before a lower-case letter, digit or symbol, is inside code, a name or a
  // number ("window.__xss", "v.2"), never the end of a sentence.
  if (attached && (first1 === 95 || (first1 >= 48 && first1 <= 57) || isLowerCode(first1, text, s1))) return 0;
  if (isQuote(first1) && quoteKind(text, s1, e1) === CLOSING_QUOTE) return 0;
  // Opening quotes and brackets, dashes (datelines, wire copy's "_"): the sentence goes on.
  if (e0 - s0 === 1 && (isOpening(first0) || (isQuote(first0) && attached))) return 0;
  if (isQuote(first0) && quoteKind(text, s0, e0) === OPENING_QUOTE) return 0;
  if (first0 === 95 && e0 - s0 === 1) return 0;
  if (
    isDash(first0) &&
    (e0 - s0 === 1 || last0 === first0) &&
    (first0 !== 45 || e0 - s0 > 1 || isDateline(text, toks, t))
  )
    return 0;
  if (first0 === 44 && complete) return 0;
  // "The World Health Organization (WHO) Regional Director": no boundary without punctuation.
  if (closesParenthesisedAcronym(text, toks, t)) return 0;
  const lower1 = isLowerCode(first1, text, s1);
  // Edited prose (nearly every paragraph ends in terminal punctuation) ends sentences only at terminal
  // punctuation (a colon introduces what follows) or a line break.
  if (edited && !endsTerminal(text, toks, t)) return 0;
  // There, a period attached to an abbreviation or an upper-case word ("Cos.", "GMC.") before a lower-case
  // word belongs to the abbreviation.
  if (
    edited &&
    lower1 &&
    last0 === 46 &&
    (e0 - s0 >= 2 || (t > 0 && toks[2 * t - 1] === s0 && isUpperCode(text.charCodeAt(s0 - 1), text, s0 - 1)))
  )
    return 0;
  // An ellipsis, or a closing quote after terminal punctuation, followed by lower case.
  if (lower1 && (last0 === 0x2026 || (e0 - s0 >= 2 && text.startsWith('..', e0 - 2)))) return 0;
  if (lower1 && isQuote(first0) && t > 0 && isTerminal(text.charCodeAt(toks[2 * t - 1] - 1)) && toks[2 * t - 1] === s0)
    return 0;
  if (last0 === 46 && e0 - s0 >= 2) {
    const upper1 = isUpperCode(first1, text, s1);
    const word = e0 - s0 <= 8 ? text.slice(s0, e0 - 1).toLowerCase() : '';
    // Titles before a name or number; initials before a name.
    if (TITLES.has(word) && (upper1 || (first1 >= 48 && first1 <= 57))) return 0;
    if (e0 - s0 === 2 && isUpperCode(first0, text, s0) && upper1) return 0;
    // Dotted acronyms: a boundary only before a typical sentence opener.
    if (e0 - s0 >= 4 && word.includes('.') && /^(\p{L}\.)+\p{L}$/u.test(word)) {
      if (!upper1) return 0;
      return SENTENCE_STARTERS.has(wordAt(text, s1, e1)) ? 1 : 0;
    }
  }
  if (!complete) return -1;
  // The rules alone: terminal punctuation (with closing quotes and brackets) before a capital, digit or opener.
  let p = t;
  while (
    p > t - 4 &&
    (isQuote(text.charCodeAt(toks[2 * p])) || text.charCodeAt(toks[2 * p]) === 41) &&
    toks[2 * p + 1] - toks[2 * p] <= 2
  ) {
    if (p === 0 || toks[2 * p - 1] !== toks[2 * p]) break;
    p--;
  }
  const k = toks[2 * p + 1];
  const term = text.charCodeAt(k - 1);
  if (!isTerminal(term)) return 0;
  if (term === 46 && toks[2 * p + 1] - toks[2 * p] >= 2) {
    const word = text.slice(toks[2 * p], k - 1).toLowerCase();
    if (ABBREVIATIONS.has(word)) return 0;
  }
  if (isUpperCode(first1, text, s1) || (first1 >= 48 && first1 <= 57) || isQuote(first1) || isOpening(first1)) return 1;
  return 0;
}

/** A hyphen after "(AP)" or an upper-case place name: a dateline, which belongs to the sentence after it. */
function isDateline(text: string, toks: Int32Array, t: number): boolean {
  if (t === 0) return false;
  const s = toks[2 * t - 2];
  const e = toks[2 * t - 1];
  if (text.charCodeAt(s) === 41) return true;
  if (e - s < 2) return false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

function wordAt(text: string, s: number, e: number): string {
  return e - s > 12 ? '' : text.slice(s, e).toLowerCase();
}

export { trainSentenceModel } from './sentence-model.js';

/** A lookup from a character offset to the index of the sentence holding it (binary search over the ends). */
export function sentenceIndexer(sentences: readonly Sentence[]): (pos: number) => number {
  return (pos: number): number => {
    let lo = 0;
    let hi = sentences.length - 1;
    let ans = Math.max(0, sentences.length - 1);
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].end > pos) {
        ans = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return ans;
  };
}
