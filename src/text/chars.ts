/**
 * Character classes for the tokeniser: a table of every UTF-16 code unit's class, built once, and small
 * predicates over code units (apostrophes, quotes, URL edges, emoticons, symbol sequences).
 */

export const OTHER = 0;
export const SPACE = 1;
export const LETTER = 2;
export const DIGIT = 3;
export const MARK = 4;
export const HIGH = 5;
export const LOW = 6;

let TABLE: Uint8Array | undefined;

/** Class of every UTF-16 code unit, built once on first use. */
export function classTable(): Uint8Array {
  if (TABLE) return TABLE;
  const t = new Uint8Array(65536);
  const letter = /[\p{L}]/u;
  const digit = /\p{Nd}/u;
  const mark = /[\p{M}\p{Cf}]/u;
  const space = /[\s\p{Cc}\p{Zs}\p{Zl}\p{Zp}]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdbff) t[c] = HIGH;
    else if (c >= 0xdc00 && c <= 0xdfff) t[c] = LOW;
    else if (c < 128) {
      if (c <= 32 || c === 127) t[c] = SPACE;
      else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) t[c] = LETTER;
      else if (c >= 48 && c <= 57) t[c] = DIGIT;
      else t[c] = OTHER;
    } else {
      const s = String.fromCharCode(c);
      if (space.test(s) || c === 0x200b || c === 0xfeff || c === 0xfffe || c === 0xffff) t[c] = SPACE;
      else if (letter.test(s)) t[c] = LETTER;
      else if (digit.test(s)) t[c] = DIGIT;
      else if (mark.test(s)) t[c] = MARK;
      else t[c] = OTHER;
    }
  }
  TABLE = t;
  return t;
}

/** Whether the code unit is whitespace (or an invisible control) that never belongs to a token. */
export function isSpaceCode(c: number): boolean {
  return classTable()[c] === SPACE;
}

export function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 96;
}

export function isSingleQuote(c: number): boolean {
  return c === 39 || c === 0x2018 || c === 0x2019 || c === 96;
}

/** Characters stripped from the ends of a URL or e-mail address. */
export function isUrlTrail(c: number): boolean {
  return (
    c === 46 ||
    c === 44 ||
    c === 59 ||
    c === 58 ||
    c === 33 ||
    c === 63 ||
    c === 41 ||
    c === 93 ||
    c === 125 ||
    c === 34 ||
    c === 39 ||
    c === 62 ||
    c === 0x201d ||
    c === 0x2019 ||
    c === 0xbb
  );
}

export function isUrlLead(c: number): boolean {
  return (
    c === 40 || c === 91 || c === 123 || c === 34 || c === 39 || c === 60 || c === 0x201c || c === 0x2018 || c === 0xab
  );
}

/** Symbols whose repeated runs form one token ("--", "***", ">>", "!!"). */
export function isRunSymbol(c: number): boolean {
  return c < 128 && c !== 34 && c !== 39 && c !== 40 && c !== 91 && c !== 123 && c !== 44;
}

/** Emoticon at `i` (":)", ":-(", ";D", "=)", ":P", "<3"); returns its end or -1. */
export function emoticonEnd(text: string, i: number, e: number, cls: Uint8Array): number {
  const c = text.charCodeAt(i);
  let j = i + 1;
  if (c === 60 /* < */) {
    if (j < e && text.charCodeAt(j) === 51 /* 3 */) j++;
    else return -1;
  } else {
    if (c !== 58 && c !== 59 && c !== 61) return -1;
    if (j < e) {
      const n = text.charCodeAt(j);
      if (n === 45 || n === 111 || n === 94 || n === 39) j++;
    }
    if (j >= e) return -1;
    const m = text.charCodeAt(j);
    // ) ( D P p / \ | ] [ * 3 O o $ @
    if (
      m === 41 ||
      m === 40 ||
      m === 68 ||
      m === 80 ||
      m === 112 ||
      m === 47 ||
      m === 92 ||
      m === 124 ||
      m === 93 ||
      m === 91 ||
      m === 42 ||
      m === 51 ||
      m === 79 ||
      m === 111 ||
      m === 36 ||
      m === 64
    )
      j++;
    else return -1;
    // Repeated mouths ":)))".
    while (j < e && text.charCodeAt(j) === m && (m === 41 || m === 40)) j++;
  }
  // Must end the chunk or be followed by a non-word character.
  if (j < e) {
    const k = cls[text.charCodeAt(j)];
    if (k === LETTER || k === DIGIT) return -1;
  }
  return j;
}

/** End of one symbol starting at `i`: a code point with its combining marks, variation selectors and ZWJ sequences. */
export function symbolEnd(text: string, i: number, e: number, cls: Uint8Array): number {
  const cpEnd = (j: number): number =>
    cls[text.charCodeAt(j)] === HIGH && j + 1 < e && cls[text.charCodeAt(j + 1)] === LOW ? j + 2 : j + 1;
  let j = cpEnd(i);
  while (j < e) {
    const c = text.charCodeAt(j);
    if (cls[c] === MARK) {
      j++;
      // After a zero-width joiner the next code point joins the symbol.
      if (c === 0x200d && j < e && cls[text.charCodeAt(j)] !== SPACE) j = cpEnd(j);
      continue;
    }
    // Emoji skin-tone modifiers (U+1F3FB–1F3FF).
    if (c === 0xd83c && j + 1 < e) {
      const lo = text.charCodeAt(j + 1);
      if (lo >= 0xdffb && lo <= 0xdfff) {
        j += 2;
        continue;
      }
    }
    break;
  }
  return j;
}

/**
 * Text with typographic quote marks, primes and typewriter backticks replaced by their ASCII forms, one code
 * unit for one, so that matching can ignore the difference while offsets still index the original text.
 */
export function normalizeQuotes(text: string): string {
  return text
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/[\u2018\u2019\u201a\u201b\u2032`]/g, "'");
}
