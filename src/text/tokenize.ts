import {
  DIGIT,
  HIGH,
  LETTER,
  LOW,
  MARK,
  OTHER,
  SPACE,
  classTable,
  emoticonEnd,
  isApostrophe,
  isRunSymbol,
  isSingleQuote,
  isUrlLead,
  isUrlTrail,
  symbolEnd,
} from './chars.js';
import {
  ABBREVIATIONS,
  AFTER_ITS_IS,
  BARE_CONTRACTIONS,
  CAPITALISED_ONLY,
  DOMAIN_ENDS,
  HYPHEN_PREFIXES,
  TITLES,
} from './tokenize-lexicon.js';

export { ABBREVIATIONS } from './tokenize-lexicon.js';

/**
 * Tokenisation into syntactic words following the UD v2 English (EWT) conventions, with exact character
 * offsets. A hand-written scanner over `charCodeAt` and a 64 K character-class table: linear time, no
 * per-character allocation, never throws.
 *
 * Conventions (checked against UD English EWT v2.15):
 * - punctuation is split off; runs of `.`/`!`/`?` ("...", "?!"), of one repeated symbol ("--", "***", ">>")
 *   and of single quotes ("''") stay one token;
 * - hyphens are split ("well-known" → well - known, "1969-1970" → 1969 - 1970) except after common
 *   prefixes ("e-mail", "non-profit", "mid-August") and in phone-number-like digit groups (713-853-3989);
 * - clitics are syntactic words of one multiword token: do|n't, ca|n't, wo|n't, I|'m, it|'s, Cuomo|'s,
 *   parents|', they|'re, we|'ve, I|'ll, you|'d, and without apostrophe: can|not, gon|na, do|nt, I|m …;
 * - abbreviations, titles, initials and dotted acronyms keep their period (Gov., U.S., J., a.m.);
 * - numbers keep their separators (1,200 3.5 .05 6:40 11/28/2000); currency and percent signs are tokens;
 * - URLs, e-mail addresses, @handles, #tags and emoticons are single tokens.
 */

export interface WordSpan {
  start: number;
  end: number;
  /** index of the surface token; the words of a multiword token ("do"+"n't") share it */
  token: number;
}

// Character classes.

/** Clitic suffixes after an apostrophe (lower case). */
function isCliticAfterApostrophe(text: string, from: number, to: number): boolean {
  const n = to - from;
  if (n === 1) {
    const c = text.charCodeAt(from) | 32;
    return c === 115 /* s */ || c === 109 /* m */ || c === 100; /* d */
  }
  if (n === 2) {
    const a = text.charCodeAt(from) | 32;
    const b = text.charCodeAt(from + 1) | 32;
    return (a === 114 && b === 101) /* re */ || (a === 118 && b === 101) /* ve */ || (a === 108 && b === 108); /* ll */
  }
  return false;
}

/**
 * Syntactic words (UD v2 English conventions) with [start,end) offsets into text; text.slice(start,end)
 * is the word. Never throws; linear time.
 */
export function tokenizeWords(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  const cls = classTable();
  const n = text.length;
  let token = -1;
  /** Inside an opened single quote: a final "s'" is then more likely a closing quote than a possessive. */
  let singleOpen = false;
  const emit = (s: number, e: number): void => {
    out.push({ start: s, end: e, token: ++token });
  };

  let i = 0;
  let e = 0;
  let c = 0;
  while (i < n) {
    // Skip whitespace.
    c = text.charCodeAt(i);
    if (cls[c] === SPACE) {
      if (c === 10) singleOpen = false;
      i++;
      continue;
    }
    // The chunk: the maximal run of non-space characters.
    e = i + 1;
    let hasAt = false;
    let hasScheme = false;
    while (e < n) {
      const d = text.charCodeAt(e);
      if (cls[d] === SPACE) break;
      if (d === 64) hasAt = true;
      else if (d === 47 && text.charCodeAt(e - 1) === 58 && e + 1 < n && text.charCodeAt(e + 1) === 47)
        hasScheme = true;
      e++;
    }
    // URLs and e-mail addresses: one token, without any leading openers or trailing punctuation.
    let ss = -1;
    let st = -1;
    if (hasScheme || hasAt || (e - i > 4 && text.startsWith('www.', i + (isUrlLead(text.charCodeAt(i)) ? 1 : 0)))) {
      if (specialSpan(text, i, e, hasScheme, cls)) {
        ss = spanStart;
        st = spanEnd;
      }
    }
    if (ss >= 0) {
      const chunkEnd = e;
      e = ss;
      ordinary();
      emit(ss, st);
      i = st;
      e = chunkEnd;
    }
    ordinary();
  }
  return out;

  function ordinary(): void {
    while (i < e) {
      c = text.charCodeAt(i);
      const k = cls[c];
      if (k === LETTER || k === DIGIT || k === MARK) {
        i = scanWord(text, i, e, cls, out, token, singleOpen);
        token = out[out.length - 1].token;
        continue;
      }
      // @handles and #tags.
      if ((c === 64 || c === 35) && i + 1 < e) {
        const d = text.charCodeAt(i + 1);
        const kd = cls[d];
        if (kd === LETTER || d === 95 || (c === 64 && kd === DIGIT)) {
          let j = i + 2;
          while (j < e) {
            const x = text.charCodeAt(j);
            const kx = cls[x];
            if (kx === LETTER || kx === DIGIT || kx === MARK || x === 95) j++;
            else break;
          }
          emit(i, j);
          i = j;
          continue;
        }
      }
      // Emoticons.
      if (c === 58 || c === 59 || c === 61 || c === 60) {
        const m = emoticonEnd(text, i, e, cls);
        if (m > 0 && (i === 0 || cls[text.charCodeAt(i - 1)] !== DIGIT)) {
          emit(i, m);
          i = m;
          continue;
        }
      }
      // Single quotes: track opening ones so "s'" is read right.
      if (isSingleQuote(c)) {
        let j = i + 1;
        while (j < e && isSingleQuote(text.charCodeAt(j))) j++;
        if (j === i + 1) {
          const before = i === 0 ? SPACE : cls[text.charCodeAt(i - 1)];
          const after = j < e ? cls[text.charCodeAt(j)] : SPACE;
          if (c === 0x2018 || (before !== LETTER && before !== DIGIT && (after === LETTER || after === DIGIT)))
            singleOpen = true;
          else if (before === LETTER || before === DIGIT || after === SPACE) singleOpen = false;
        }
        emit(i, j);
        i = j;
        continue;
      }
      // A decimal without its leading zero (".05", "a .50-caliber rifle") is one number.
      if (c === 46 && i + 1 < e && cls[text.charCodeAt(i + 1)] === DIGIT && leadsNumber(text, i, cls)) {
        const first = out.length;
        i = scanWord(text, i + 1, e, cls, out, token, singleOpen);
        out[first].start -= 1;
        token = out[out.length - 1].token;
        continue;
      }
      const m = scanPunct(text, i, e, cls);
      emit(i, m);
      i = m;
    }
  }
}

/** Whether a period at `i` can begin a number: at the start of a chunk or after an opening bracket or "$". */
function leadsNumber(text: string, i: number, cls: Uint8Array): boolean {
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  return cls[p] === SPACE || p === 40 || p === 36 || p === 91;
}

/** The span found by the last successful `specialSpan`. */
let spanStart = 0;
let spanEnd = 0;

/** Finds the URL or e-mail address inside the chunk [i,e) (into spanStart/spanEnd); false when there is none. */
function specialSpan(text: string, i: number, e: number, hasScheme: boolean, cls: Uint8Array): boolean {
  let s: number;
  let t = e;
  if (hasScheme) {
    const p = text.indexOf('://', i);
    if (p < 0 || p >= e) return false;
    s = p;
    while (s > i && cls[text.charCodeAt(s - 1)] === LETTER) s--;
    if (s === p) return false;
  } else if (text.startsWith('www.', i) || text.startsWith('www.', i + 1)) {
    s = text.startsWith('www.', i) ? i : i + 1;
  } else {
    const at = text.indexOf('@', i);
    if (at <= i || at >= e - 1) return false;
    s = at;
    while (s > i) {
      const c = text.charCodeAt(s - 1);
      const k = cls[c];
      if (k === LETTER || k === DIGIT || c === 46 || c === 95 || c === 37 || c === 43 || c === 45) s--;
      else break;
    }
    if (s >= 7 && s - 7 >= i && text.startsWith('mailto:', s - 7)) s -= 7;
    t = at + 1;
    while (t < e) {
      const c = text.charCodeAt(t);
      const k = cls[c];
      if (k === LETTER || k === DIGIT || c === 46 || c === 95 || c === 45) t++;
      else break;
    }
    if (s === at || t === at + 1) return false;
  }
  while (t > s && isUrlTrail(text.charCodeAt(t - 1))) t--;
  if (t - s < 3) return false;
  spanStart = s;
  spanEnd = t;
  return true;
}

/** A punctuation or symbol token starting at `i` (never empty). */
function scanPunct(text: string, i: number, e: number, cls: Uint8Array): number {
  const c = text.charCodeAt(i);
  let j = i + 1;
  if (c === 46 || c === 33 || c === 63 || c === 0x2026) {
    while (j < e) {
      const d = text.charCodeAt(j);
      if (d === 46 || d === 33 || d === 63 || d === 0x2026) j++;
      else break;
    }
    return j;
  }
  if (c === 0x2014 || c === 0x2013 || c === 0x2015) {
    while (j < e && text.charCodeAt(j) === c) j++;
    return j;
  }
  if (isRunSymbol(c)) {
    while (j < e && text.charCodeAt(j) === c) j++;
    return j;
  }
  if (isSingleQuote(c)) {
    while (j < e && isSingleQuote(text.charCodeAt(j))) j++;
    return j;
  }
  if (c < 128) return j;
  return symbolEnd(text, i, e, cls);
}

/**
 * A word, number or abbreviation starting at `i` (a letter, digit or mark), split into its syntactic
 * words; pushes them to `out` and returns the end.
 */
function scanWord(
  text: string,
  i: number,
  e: number,
  cls: Uint8Array,
  out: WordSpan[],
  lastToken: number,
  singleOpen: boolean,
): number {
  let q = i;
  let segStart = i;
  let dots = 0;
  let maxSeg = 0;
  let lettersOnly = true;
  let hyphens = 0;
  let apostrophe = -1;
  for (;;) {
    while (q < e) {
      const k = cls[text.charCodeAt(q)];
      if (k === LETTER || k === MARK) q++;
      else if (k === DIGIT) {
        lettersOnly = false;
        q++;
      } else if (k === HIGH && q + 1 < e && cls[text.charCodeAt(q + 1)] === LOW && q > i) {
        // Astral letters inside a word stay with it (rare scripts); emoji break it below.
        const cp = text.codePointAt(q) ?? 0;
        if (cp >= 0x1f000) break;
        q += 2;
      } else break;
    }
    if (q >= e || q + 1 >= e) break;
    const c = text.charCodeAt(q);
    const prev = cls[text.charCodeAt(q - 1)];
    const next = cls[text.charCodeAt(q + 1)];
    const nextWord = next === LETTER || next === DIGIT;
    if (!nextWord) break;
    if (c === 46 /* . */) {
      if (prev === LETTER && next === LETTER && q - segStart > 2) {
        const c1 = text.charCodeAt(q + 1);
        const c0 = text.charCodeAt(q - 1);
        const capitalAfterLower = c1 >= 65 && c1 <= 90 && c0 >= 97 && c0 <= 122;
        if (
          capitalAfterLower
            ? !joinsDomain(text, q + 1, e, cls, true)
            : dots === 0 && !joinsDomain(text, q + 1, e, cls, false)
        )
          break;
      }
      if (q - segStart > maxSeg) maxSeg = q - segStart;
      dots++;
      q++;
      segStart = q;
      continue;
    }
    if ((c === 44 /* , */ || c === 58 /* : */ || c === 47) /* / */ && prev === DIGIT && next === DIGIT) {
      q++;
      lettersOnly = false;
      continue;
    }
    if (c === 38 /* & */ && prev === LETTER && next === LETTER && q - i <= 4) {
      q++;
      continue;
    }
    if (c === 95 /* _ */) {
      q++;
      continue;
    }
    if (
      isApostrophe(c) &&
      (prev === LETTER || (prev === DIGIT && (text.charCodeAt(q + 1) | 32) === 115)) &&
      next === LETTER
    ) {
      apostrophe = q;
      q++;
      continue;
    }
    if (c === 45 /* - */) {
      if (
        prev === LETTER &&
        next === LETTER &&
        q - segStart <= 7 &&
        HYPHEN_PREFIXES.has(text.slice(segStart, q).toLowerCase())
      ) {
        hyphens++;
        q++;
        segStart = q;
        continue;
      }
      if (prev === DIGIT && next === DIGIT && isDigits(text, segStart, q)) {
        let r = q + 1;
        while (r < e && cls[text.charCodeAt(r)] === DIGIT) r++;
        const chained =
          hyphens > 0 || (r + 1 < e && text.charCodeAt(r) === 45 && cls[text.charCodeAt(r + 1)] === DIGIT);
        if (chained || (q - segStart <= 3 && r - q - 1 === 4)) {
          hyphens++;
          segStart = q + 1;
          q = r;
          lettersOnly = false;
          continue;
        }
      }
    }
    break;
  }
  if (q - segStart > maxSeg) maxSeg = q - segStart;
  const token = lastToken + 1;

  // A period that belongs to the word: abbreviations, initials, dotted acronyms.
  if (
    q < e &&
    text.charCodeAt(q) === 46 &&
    !(q + 1 < e && text.charCodeAt(q + 1) === 46 && q + 2 < e && text.charCodeAt(q + 2) === 46)
  ) {
    if (keepsPeriod(text, i, q, dots, maxSeg, lettersOnly, e)) {
      out.push({ start: i, end: q + 1, token });
      return q + 1;
    }
  }
  // Possessive of a plural: "parents'".
  if (
    q < e &&
    lettersOnly &&
    !singleOpen &&
    (text.charCodeAt(q) === 39 || text.charCodeAt(q) === 0x2019) &&
    (text.charCodeAt(q - 1) | 32) === 115 &&
    q - i >= 3 &&
    (q + 1 >= e || cls[text.charCodeAt(q + 1)] === OTHER) &&
    !(q + 1 < e && isSingleQuote(text.charCodeAt(q + 1)))
  ) {
    out.push({ start: i, end: q, token }, { start: q, end: q + 1, token });
    return q + 1;
  }
  // Clitics.
  if (dots === 0 && (lettersOnly || apostrophe > i)) {
    if (apostrophe > i) {
      // n't
      if (
        apostrophe === q - 2 &&
        (text.charCodeAt(q - 1) | 32) === 116 &&
        (text.charCodeAt(apostrophe - 1) | 32) === 110 &&
        apostrophe - 1 > i
      ) {
        out.push({ start: i, end: apostrophe - 1, token }, { start: apostrophe - 1, end: q, token });
        return q;
      }
      // Decades ("the 70's") stay whole, as in EWT.
      if (isCliticAfterApostrophe(text, apostrophe + 1, q) && !isDigits(text, i, apostrophe)) {
        out.push({ start: i, end: apostrophe, token }, { start: apostrophe, end: q, token });
        return q;
      }
    } else if (q - i <= 8 && q - i >= 2 && hyphens === 0) {
      const lower = text.slice(i, q).toLowerCase();
      const split = lower === 'its' ? (itsIsItIs(text, q, cls) ? 2 : undefined) : BARE_CONTRACTIONS.get(lower);
      if (split !== undefined) {
        out.push({ start: i, end: i + split, token }, { start: i + split, end: q, token });
        return q;
      }
    }
  }
  out.push({ start: i, end: q, token });
  return q;
}

/** Whether the dot before `s` joins a host or file name: the next part is a known ending or another dotted part. */
function joinsDomain(text: string, s: number, e: number, cls: Uint8Array, strict: boolean): boolean {
  let r = s;
  while (r < e && r - s <= 5) {
    const k = cls[text.charCodeAt(r)];
    if (k === LETTER || k === DIGIT) r++;
    else break;
  }
  if (r < e) {
    const d = text.charCodeAt(r);
    const k = cls[d];
    if (k === LETTER || k === DIGIT) return !strict; // a long part: keep
    if ((d === 46 || d === 47 || d === 95 || d === 45) && r + 1 < e && cls[text.charCodeAt(r + 1)] !== OTHER)
      return true;
  }
  if (r - s > 5) return !strict;
  return DOMAIN_ENDS.has(text.slice(s, r).toLowerCase());
}

/** Whether "its" ending at `q` reads as "it is", judged by the next word. */
function itsIsItIs(text: string, q: number, cls: Uint8Array): boolean {
  let s = q;
  while (s < text.length && s < q + 8 && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
  let e = s;
  while (e < text.length && e - s <= 12 && cls[text.charCodeAt(e)] === LETTER) e++;
  if (e === s || e - s > 12) return false;
  return AFTER_ITS_IS.has(text.slice(s, e).toLowerCase());
}

function isDigits(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return e > s;
}

function keepsPeriod(
  text: string,
  s: number,
  q: number,
  dots: number,
  maxSeg: number,
  lettersOnly: boolean,
  e: number,
): boolean {
  const len = q - s;
  const first = text.charCodeAt(s);
  const upper = first >= 65 && first <= 90;
  // Dotted acronyms and a.m./p.m./e.g./Ph.D.
  if (dots > 0) return lettersOnly && maxSeg <= 2;
  if (!lettersOnly) return false;
  // Initials.
  if (len === 1) return upper;
  if (len > 7) return false;
  const word = text.slice(s, q).toLowerCase();
  if (!ABBREVIATIONS.has(word)) return false;
  if (CAPITALISED_ONLY.has(word) && !upper) return false;
  if (!TITLES.has(word)) {
    // Not a title: a period before a line break or the end of the text ends the sentence instead.
    let k = q + 1;
    while (k < text.length && k < q + 64) {
      const d = text.charCodeAt(k);
      if (d === 32 || d === 9) k++;
      else break;
    }
    if (k >= text.length || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13) return false;
  }
  if (word === 'no' || word === 'nos') {
    // "No. 1", not "said no."
    let k = q + 1;
    while (k < e + 2 && k < text.length && text.charCodeAt(k) === 32) k++;
    const d = text.charCodeAt(k);
    return d >= 48 && d <= 57;
  }
  return true;
}
