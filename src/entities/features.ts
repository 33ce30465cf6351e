/**
 * Feature extraction for the NER tagger. Training and tagging share this file, so a feature means the
 * same thing in both. A feature is a 32-bit hash of its template and values: computing it needs no
 * string building, which keeps tagging fast.
 */

import { feature, hashRange, hashString } from '../learn/hash.js';
import { wordShape as shapeOf } from '../text/shape.js';

export { feature, hashString } from '../learn/hash.js';

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type ConllType = (typeof ENTITY_TYPES)[number];

/** Titles and honorifics (lowercase, without the final dot) that announce a person's name. */
export const TITLES: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'rev',
  'reverend',
  'fr',
  'father',
  'gov',
  'governor',
  'sen',
  'senator',
  'rep',
  'representative',
  'congressman',
  'congresswoman',
  'president',
  'vice',
  'premier',
  'minister',
  'chancellor',
  'secretary',
  'ambassador',
  'mayor',
  'judge',
  'justice',
  'attorney',
  'prosecutor',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'gen',
  'general',
  'col',
  'colonel',
  'lt',
  'capt',
  'captain',
  'sgt',
  'cmdr',
  'adm',
  'admiral',
  'maj',
  'major',
  'coach',
  'chairman',
  'chairwoman',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'ceo',
  'director',
  'commissioner',
  'sheriff',
  'officer',
  'detective',
  'inspector',
  'chief',
  'st',
]);

/** Maps typographic characters to their ASCII forms, for features only (token text is never changed). */
export function normalizeWord(w: string): string {
  if (/^[\x20-\x7e]*$/.test(w)) return w;
  return w
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2013\u2012\u2212]/g, '-')
    .replace(/[\u2014\u2015]/g, '--')
    .replace(/\u2026/g, '...')
    .replace(/\u00a0/g, ' ');
}

/** The word's shape (see `text/shape.ts`). */
export function wordShape(w: string): string {
  return shapeOf(w);
}

/** The shape with repeated classes collapsed ("Xxxxx" → "Xx"). */
export function shortShape(shape: string): string {
  let s = '';
  for (let i = 0; i < shape.length; i++) if (i === 0 || shape[i] !== shape[i - 1]) s += shape[i];
  return s;
}

const UPPER0 = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;

export function isCapitalized(w: string): boolean {
  return UPPER0.test(w);
}

/**
 * Phrase gazetteer: every name seen with a type in the training data. Stored with all its prefixes (mask
 * 0) so longest matching walks the sentence one token at a time.
 */
export class Gazetteer {
  readonly phrases = new Map<string, number>();

  add(words: readonly string[], type: ConllType): void {
    const bit = 1 << ENTITY_TYPES.indexOf(type);
    let key = '';
    for (let i = 0; i < words.length; i++) {
      key = i === 0 ? words[0] : `${key} ${words[i]}`;
      const prev = this.phrases.get(key) ?? 0;
      this.phrases.set(key, i === words.length - 1 ? prev | bit : prev);
    }
  }

  /** Per token and type, the position (B/I/E/S) in the longest gazetteer match covering it, or ''. */
  match(words: readonly string[]): string[][] {
    const n = words.length;
    const pos: string[][] = [];
    const cover: number[][] = [];
    for (let i = 0; i < n; i++) {
      pos.push(['', '', '', '']);
      cover.push([0, 0, 0, 0]);
    }
    for (let i = 0; i < n; i++) {
      let key = '';
      for (let j = i; j < n; j++) {
        key = j === i ? words[i] : `${key} ${words[j]}`;
        const mask = this.phrases.get(key);
        if (mask === undefined) break;
        if (mask === 0) continue;
        const len = j - i + 1;
        for (let t = 0; t < 4; t++) {
          if ((mask & (1 << t)) === 0) continue;
          for (let k = i; k <= j; k++) {
            if (cover[k][t] >= len) continue;
            cover[k][t] = len;
            pos[k][t] = len === 1 ? 'S' : k === i ? 'B' : k === j ? 'E' : 'I';
          }
        }
      }
    }
    return pos;
  }

  toJSON(): Array<[string, number]> {
    return [...this.phrases].filter(([, m]) => m !== 0);
  }

  static fromJSON(entries: Array<[string, number]>): Gazetteer {
    const g = new Gazetteer();
    for (const [phrase, mask] of entries) {
      const words = phrase.split(' ');
      for (let t = 0; t < 4; t++) if (mask & (1 << t)) g.add(words, ENTITY_TYPES[t]);
    }
    return g;
  }
}

/** Facts about the whole document that a token's features look at. */
export interface DocContext {
  /** Lowercased words that occur in lowercase somewhere in the document. */
  lowerSeen: Set<string>;
  /** Words that occur capitalised away from the start of a sentence. */
  capMidSeen: Set<string>;
  /** Capitalised words seen as the last word of a longer capitalised run ("Harvey Weinstein"). */
  nameTail: Set<string>;
  /** Capitalised words seen as the first word of a longer capitalised run. */
  nameHead: Set<string>;
  /** Capitalised words seen right after a title ("Mr. Weinstein"). */
  titled: Set<string>;
}

export function docContext(sentences: readonly (readonly string[])[]): DocContext {
  const lowerSeen = new Set<string>();
  const capMidSeen = new Set<string>();
  const nameTail = new Set<string>();
  const nameHead = new Set<string>();
  const titled = new Set<string>();
  for (const s of sentences) {
    if (isAllCaps(s)) continue;
    for (let i = 0; i < s.length; i++) {
      const w = s[i];
      if (!HAS_UPPER.test(w) && HAS_LOWER.test(w)) lowerSeen.add(w);
      else if (i > 0 && isCapitalized(w) && HAS_LOWER.test(w) && !isOpeningPunct(s[i - 1])) capMidSeen.add(w);
      if (i > 0 && isCapitalized(w) && isCapitalized(s[i - 1])) {
        if (i === s.length - 1 || !isCapitalized(s[i + 1])) nameTail.add(w);
        if (i === 1 || !isCapitalized(s[i - 2])) nameHead.add(s[i - 1]);
        if (TITLES.has(stripDot(s[i - 1].toLowerCase()))) titled.add(w);
      }
    }
  }
  return { lowerSeen, capMidSeen, nameTail, nameHead, titled };
}

function isOpeningPunct(w: string): boolean {
  return w === '"' || w === '(' || w === '-' || w === '--' || w === ':' || w === "'" || w === '``';
}

/** True when a sentence is written in capitals (headlines, datelines), which breaks casing cues. */
export function isAllCaps(words: readonly string[]): boolean {
  let caps = 0;
  let lower = 0;
  for (const w of words) {
    if (HAS_LOWER.test(w)) lower++;
    else if (HAS_UPPER.test(w)) caps++;
  }
  return caps >= 2 && lower === 0;
}

// Template numbers: changing one invalidates trained models.
const T = {
  bias: 1,
  word: 2,
  lower: 3,
  shape: 4,
  short: 5,
  prefix: 6,
  suffix: 7,
  abbr: 8,
  lm1: 10,
  lp1: 11,
  lm2: 12,
  lp2: 13,
  sm1: 14,
  sp1: 15,
  sm10: 16,
  s0p1: 17,
  sm10p1: 18,
  lm10: 19,
  l0p1: 20,
  lm1s0: 21,
  s0lp1: 22,
  caps: 23,
  first: 24,
  last: 25,
  lcdoc: 26,
  capmid: 27,
  title1: 28,
  title2: 29,
  gaz: 30,
  gazShape: 31,
  gazPrev: 32,
  gazNext: 33,
  docTail: 34,
  docHead: 35,
  docTitled: 36,
} as const;

const BOS = hashString('<s>');
const EOS = hashString('</s>');
const GAZ_POS: Record<string, number> = { B: 1, I: 2, E: 3, S: 4 };

/** Features that depend on the word alone; the tagger caches their summed weights per word. */
export function wordFeatures(w: string): number[] {
  const l = w.toLowerCase();
  const shape = wordShape(w);
  const f: number[] = [
    feature(T.bias),
    feature(T.word, hashString(w)),
    feature(T.lower, hashString(/\d/.test(l) ? l.replace(/\d/g, '0') : l)),
    feature(T.shape, hashString(shape)),
    feature(T.short, hashString(shortShape(shape))),
  ];
  const len = l.length;
  for (let k = 1; k <= 4 && k < len; k++) {
    f.push(feature(T.prefix, k, hashRange(l, 0, k)));
    f.push(feature(T.suffix, k, hashRange(l, len - k, len)));
  }
  if (len > 1 && w[len - 1] === '.' && isCapitalized(w)) f.push(feature(T.abbr));
  return f;
}

function stripDot(w: string): string {
  return w.length > 1 && w[w.length - 1] === '.' ? w.slice(0, -1) : w;
}

interface WordInfo {
  lower: string;
  hLower: number;
  hShort: number;
}

const infoCache = new Map<string, WordInfo>();

export function clearFeatureCaches(): void {
  infoCache.clear();
}

/** Per-word values the context features need, cached because most tokens are repeats. */
function wordInfo(w: string): WordInfo {
  let info = infoCache.get(w);
  if (info) return info;
  const lower = w.toLowerCase();
  info = { lower, hLower: hashString(lower), hShort: hashString(shortShape(wordShape(w))) };
  if (infoCache.size > 200_000) infoCache.clear();
  infoCache.set(w, info);
  return info;
}

/**
 * Context features for every token of one sentence (words already normalised): neighbours, casing in
 * the sentence and document, gazetteer matches, titles. `out[i]` lists token i's features; add
 * `wordFeatures(words[i])` for the full set.
 */
export function contextFeatures(words: readonly string[], ctx: DocContext, gaz: Gazetteer): number[][] {
  const n = words.length;
  const lower: string[] = new Array(n);
  const hl: number[] = new Array(n);
  const hs: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const info = wordInfo(words[i]);
    lower[i] = info.lower;
    hl[i] = info.hLower;
    hs[i] = info.hShort;
  }
  const gz = gaz.match(words);
  const caps = isAllCaps(words) ? 1 : 0;
  const out: number[][] = new Array(n);
  const lw = (i: number): number => (i < 0 ? BOS : i >= n ? EOS : hl[i]);
  const sh = (i: number): number => (i < 0 ? BOS : i >= n ? EOS : hs[i]);
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const s0 = hs[i];
    const l0 = hl[i];
    const f: number[] = [
      feature(T.lm1, lw(i - 1)),
      feature(T.lp1, lw(i + 1)),
      feature(T.lm2, lw(i - 2)),
      feature(T.lp2, lw(i + 2)),
      feature(T.sm1, sh(i - 1)),
      feature(T.sp1, sh(i + 1)),
      feature(T.sm10, sh(i - 1), s0),
      feature(T.s0p1, s0, sh(i + 1)),
      feature(T.sm10p1, sh(i - 1), s0, sh(i + 1)),
      feature(T.lm10, lw(i - 1), l0),
      feature(T.l0p1, l0, lw(i + 1)),
      feature(T.lm1s0, lw(i - 1), s0),
      feature(T.s0lp1, s0, lw(i + 1)),
      feature(T.caps, caps, s0),
    ];
    if (i === 0) f.push(feature(T.first, s0));
    if (i === n - 1) f.push(feature(T.last));
    if (isCapitalized(w)) {
      f.push(feature(T.lcdoc, ctx.lowerSeen.has(lower[i]) ? 1 : 0, i === 0 ? 1 : 0));
      if (i === 0) f.push(feature(T.capmid, ctx.capMidSeen.has(w) ? 1 : 0));
      const alone = (i === 0 || !isCapitalized(words[i - 1])) && (i === n - 1 || !isCapitalized(words[i + 1]));
      if (alone) {
        if (ctx.nameTail.has(w)) f.push(feature(T.docTail));
        if (ctx.nameHead.has(w)) f.push(feature(T.docHead));
      }
      if (ctx.titled.has(w)) f.push(feature(T.docTitled));
    }
    if (i > 0) {
      const prev = stripDot(lower[i - 1]);
      if (TITLES.has(prev)) f.push(feature(T.title1, hashString(prev)));
    }
    if (i > 1 && TITLES.has(stripDot(lower[i - 2]))) f.push(feature(T.title2));
    for (let t = 0; t < 4; t++) {
      const g = gz[i][t];
      if (g) {
        f.push(feature(T.gaz, t, GAZ_POS[g]));
        f.push(feature(T.gazShape, t, GAZ_POS[g], s0));
      }
      if (i > 0 && gz[i - 1][t]) f.push(feature(T.gazPrev, t, GAZ_POS[gz[i - 1][t]]));
      if (i < n - 1 && gz[i + 1][t]) f.push(feature(T.gazNext, t, GAZ_POS[gz[i + 1][t]]));
    }
    out[i] = f;
  }
  return out;
}

/** All features (word and context) for every token of one sentence. */
export function sentenceFeatures(words: readonly string[], ctx: DocContext, gaz: Gazetteer): number[][] {
  return contextFeatures(words, ctx, gaz).map((f, i) => [...wordFeatures(words[i]), ...f]);
}
