/**
 * Feature extraction for the part-of-speech tagger. Training and tagging share this file, so a feature
 * means the same thing in both. Every feature is a 32-bit hash (`feature()` from src/learn/hash.ts).
 *
 * Most features look at one word only, seen from one offset (the token itself, or a neighbour at
 * −2…+2); the tagger caches the summed weights of those per word and offset, so tagging a token costs a
 * handful of vector additions plus the few features that depend on the tags already predicted.
 */

import { FeatureTable, feature, hashRange, hashString, mix } from '../learn/hash.js';
import type { ConlluSentence } from './conllu.js';
import { wordShape as shapeOf } from './shape.js';

// Template numbers: changing one invalidates trained models.
export const T = {
  bias: 1,
  word: 2,
  lower: 3,
  prefix: 4,
  suffix: 5,
  shape: 6,
  short: 7,
  flags: 8,
  amb: 9,
  ambSuffix: 10,
  // neighbours: template + offset index
  nLower: 20,
  nSuffix: 21,
  nShort: 22,
  nAmb: 23,
  pad: 24,
  nSuffix1: 25,
  // tag history and pairs
  t1: 40,
  t1t2: 41,
  t1Lower: 42,
  t1AmbNext: 43,
  lm1l0: 44,
  l0lp1: 45,
  ambm1amb0: 46,
  amb0ambp1: 47,
  t1Suffix: 48,
  t2: 49,
  capSuffix: 11,
  prefixCap: 12,
  // word clusters learnt from unlabelled text (src/text/word-clusters.ts): template + level (+ offset)
  cluster: 13,
  nCluster: 26,
  t1Cluster: 50,
  clusterPair: 51,
} as const;

/** Offsets of the neighbouring words whose own features are used: index 0…4 ↔ offset −2…+2. */
export const OFFSETS = [-2, -1, 0, 1, 2] as const;
export const CENTER = 2;

/** Hashes of one word's views, computed once per distinct word. */
export interface WordInfo {
  /** The form with typographic apostrophes made ASCII. */
  norm: string;
  /** Exact (normalised) form. */
  hWord: number;
  /** Lowercase with digits folded to 0. */
  hLower: number;
  hSuffix3: number;
  hSuffix1: number;
  hShape: number;
  hShort: number;
  flags: number;
  /** Ambiguity class (tags the word takes in training), or a constant for unknown words. */
  amb: number;
  /** The word's cluster at each level of the cluster tree, top first (empty: not clustered). */
  clusters: readonly number[];
}

/** A word's cluster path (one id per level, top first), or undefined; looked up by normalised form. */
export type ClusterLookup = (norm: string) => readonly number[] | undefined;

const NO_CLUSTERS: readonly number[] = [];

const APOS = /[\u2018\u2019\u201b\u2032\u00b4]/g;

/** Typographic apostrophes → ASCII (features only: "n’t" behaves like "n't"). */
export function normalizeForm(w: string): string {
  return /^[\x20-\x7e]*$/.test(w) ? w : w.replace(APOS, "'");
}

/** Lowercase, with every digit folded to 0 (numbers share statistics). */
export function lowerKey(w: string): string {
  const l = w.toLowerCase();
  return /\d/.test(l) ? l.replace(/\d/g, '0') : l;
}

/** The word's shape (see `text/shape.ts`). */
export function wordShape(w: string): string {
  return shapeOf(w, true);
}

export function shortShape(shape: string): string {
  let s = '';
  for (let i = 0; i < shape.length; i++) if (i === 0 || shape[i] !== shape[i - 1]) s += shape[i];
  return s;
}

const HAS_DIGIT = /\d/;
const UPPER0 = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;
const HAS_LETTER = /\p{L}/u;

function flagsOf(w: string): number {
  let f = 0;
  if (HAS_DIGIT.test(w)) f |= 1;
  if (w.length > 1 && w.includes('-')) f |= 2;
  if (UPPER0.test(w)) f |= 4;
  if (HAS_UPPER.test(w) && !HAS_LOWER.test(w)) f |= 8;
  if (!HAS_LETTER.test(w)) f |= 16;
  if (w.includes('.')) f |= 32;
  if (w.includes('@') || w.includes('://') || w.startsWith('www.')) f |= 64;
  return f;
}

/** Ambiguity class of a word never seen (often enough) in training. */
export const AMB_UNKNOWN = hashString('<unk>');

/** Key under which a word's ambiguity class is stored: exact form, or lowercase (a fallback). */
export function ambKeyExact(norm: string): number {
  return mix(hashString(norm), 1) || 1;
}
export function ambKeyLower(lower: string): number {
  return mix(hashString(lower), 2) || 1;
}

/** Looks a word's ambiguity class up in the model's dictionary (exact form first, then lowercase). */
export type AmbLookup = (key: number) => number;

export function wordInfo(w: string, amb: AmbLookup, clusters?: ClusterLookup): WordInfo {
  const norm = normalizeForm(w);
  const lower = lowerKey(norm);
  const shape = wordShape(norm);
  const len = lower.length;
  let a = amb(ambKeyExact(norm));
  if (a === 0) {
    const l = amb(ambKeyLower(lower));
    a = l === 0 ? AMB_UNKNOWN : mix(l, 7);
  }
  return {
    norm,
    hWord: hashString(norm),
    hLower: hashString(lower),
    hSuffix3: hashRange(lower, Math.max(0, len - 3), len),
    hSuffix1: hashRange(lower, Math.max(0, len - 1), len),
    hShape: hashString(shape),
    hShort: hashString(shortShape(shape)),
    flags: flagsOf(norm),
    amb: a,
    clusters: clusters?.(norm) ?? NO_CLUSTERS,
  };
}

/**
 * Features of one word seen from offset `OFFSETS[k]` (k = CENTER: the token itself). Appends to `out`
 * from `n`, returns the new count.
 */
export function offsetFeatures(info: WordInfo, k: number, out: Uint32Array | number[], n: number): number {
  if (k === CENTER) {
    const lower = lowerKey(info.norm);
    const len = lower.length;
    out[n++] = feature(T.bias);
    out[n++] = feature(T.word, info.hWord);
    out[n++] = feature(T.lower, info.hLower);
    for (let j = 1; j <= 4 && j < len; j++) {
      out[n++] = feature(T.prefix, j, hashRange(lower, 0, j));
      out[n++] = feature(T.suffix, j, hashRange(lower, len - j, len));
    }
    out[n++] = feature(T.shape, info.hShape);
    out[n++] = feature(T.short, info.hShort);
    out[n++] = feature(T.flags, info.flags);
    out[n++] = feature(T.amb, info.amb);
    if (info.amb === AMB_UNKNOWN) out[n++] = feature(T.ambSuffix, info.hSuffix3, info.hShort);
    out[n++] = feature(T.capSuffix, info.flags & 13, info.hSuffix3);
    if (len > 2) out[n++] = feature(T.prefixCap, info.flags & 13, hashRange(lower, 0, 2));
    const cl = info.clusters;
    for (let l = 0; l < cl.length; l++) out[n++] = feature(T.cluster, l, cl[l]);
    if (cl.length === 0) out[n++] = feature(T.cluster, 99, info.flags & 13);
    return n;
  }
  const cl = info.clusters;
  const levels = k === CENTER - 1 || k === CENTER + 1 ? cl.length : Math.min(cl.length, NEIGHBOUR2_LEVELS);
  for (let l = 0; l < levels; l++) out[n++] = feature(T.nCluster, k * 16 + l, cl[l]);
  out[n++] = feature(T.nLower, k, info.hLower);
  out[n++] = feature(T.nAmb, k, info.amb);
  if (k === CENTER - 1 || k === CENTER + 1) {
    out[n++] = feature(T.nSuffix, k, info.hSuffix3);
    out[n++] = feature(T.nShort, k, info.hShort);
    out[n++] = feature(T.nSuffix1, k, info.hSuffix1);
  }
  return n;
}

/** Cluster levels used for the words at ±2. */
const NEIGHBOUR2_LEVELS = 3;

/** The feature standing for "no word here" (before the start or after the end) at offset index k. */
export function padFeature(k: number): number {
  return feature(T.pad, k);
}

/** Tag class for "before the sentence start" in history features. */
export const START_TAG = 0xffff;

/** Pair features of neighbouring words (no tags): computed per token, not cacheable per word. */
export function pairFeatures(
  prev: WordInfo | undefined,
  cur: WordInfo,
  next: WordInfo | undefined,
  out: Uint32Array | number[],
  n: number,
): number {
  const lp = prev ? prev.hLower : 1;
  const ln = next ? next.hLower : 2;
  const ap = prev ? prev.amb : 1;
  const an = next ? next.amb : 2;
  out[n++] = feature(T.lm1l0, lp, cur.hLower);
  out[n++] = feature(T.l0lp1, cur.hLower, ln);
  out[n++] = feature(T.ambm1amb0, ap, cur.amb);
  out[n++] = feature(T.amb0ambp1, cur.amb, an);
  return n;
}

/** A neighbour's finest cluster in cluster-pair features: "not clustered" and "no word" are ids too. */
export const CLUSTER_NONE = 0xfffe;
export const CLUSTER_PAD = 0xffff;

export function finestCluster(w: WordInfo | undefined): number {
  if (!w) return CLUSTER_PAD;
  const cl = w.clusters;
  return cl.length > 0 ? cl[cl.length - 1] : CLUSTER_NONE;
}

/** Finest clusters of the previous word and this one (side 0), or of this word and the next (side 1). */
export function clusterPairFeature(side: number, a: number, b: number): number {
  return feature(T.clusterPair, side, a, b);
}

/** The two cluster-pair features of a clustered word (none for a word without clusters). */
export function clusterPairFeatures(
  prev: WordInfo | undefined,
  cur: WordInfo,
  next: WordInfo | undefined,
  out: Uint32Array | number[],
  n: number,
): number {
  if (cur.clusters.length === 0) return n;
  const c = finestCluster(cur);
  out[n++] = clusterPairFeature(0, finestCluster(prev), c);
  out[n++] = clusterPairFeature(1, c, finestCluster(next));
  return n;
}

/** Features of the previous two predicted tags alone (the tagger keeps their scores in a dense table). */
export function tagFeatures(t1: number, t2: number, out: Uint32Array | number[], n: number): number {
  out[n++] = feature(T.t1, t1);
  out[n++] = feature(T.t2, t2);
  out[n++] = feature(T.t1t2, t1, t2);
  return n;
}

/** The previous tag with the word (the tagger caches these per word and tag). */
export function tagWordFeature(t1: number, cur: WordInfo): number {
  return feature(T.t1Lower, t1, cur.hLower);
}
export function tagSuffixFeature(t1: number, cur: WordInfo): number {
  return feature(T.t1Suffix, t1, cur.hSuffix3);
}
/** The previous tag with the next word's ambiguity class (cached on the next word's entry). */
export function tagNextFeature(t1: number, next: WordInfo | undefined): number {
  return feature(T.t1AmbNext, t1, next ? next.amb : 2);
}

/** The previous tag with the word's finest cluster, or 0 for a word without clusters. */
export function tagClusterFeature(t1: number, cur: WordInfo): number {
  const cl = cur.clusters;
  return cl.length > 0 ? feature(T.t1Cluster, t1, cl[cl.length - 1]) : 0;
}

/** Every feature depending on the previous two predicted tags (training). */
export function historyFeatures(
  t1: number,
  t2: number,
  cur: WordInfo,
  next: WordInfo | undefined,
  out: Uint32Array | number[],
  n: number,
): number {
  n = tagFeatures(t1, t2, out, n);
  out[n++] = tagWordFeature(t1, cur);
  out[n++] = tagNextFeature(t1, next);
  out[n++] = tagSuffixFeature(t1, cur);
  const tc = tagClusterFeature(t1, cur);
  if (tc !== 0) out[n++] = tc;
  return n;
}

// ---------------------------------------------------------------------------------------------------
// The lexicon learnt from a treebank: classes, ambiguity classes, tag dictionary, candidate classes

/** Rarer "UPOS XPOS" pairs are folded into the most frequent pair with the same UPOS. */
const MIN_CLASS_COUNT = 10;
/** A class joins a word's ambiguity class above this share of its occurrences. */
const AMB_MIN_SHARE = 0.05;

export interface LexiconOptions {
  ambMinCount: number;
  dictMinCount: number;
  dictMinShare: number;
  candMinCount: number;
  /** Below this count, a word's candidates also include every frequent open-class tag. */
  candFullCount: number;
  folds: number;
}

export interface Lexicon {
  /** "UPOS XPOS" per class. */
  classes: string[];
  /** Class of every training word. */
  gold: Uint8Array[];
  ambKeys: Uint32Array;
  ambVals: Uint32Array;
  dictKeys: Uint32Array;
  dictCls: Uint8Array;
  candKeys: Uint32Array;
  candStart: Uint32Array;
  candCls: Uint8Array;
  folds: number;
  /** Ambiguity classes computed without fold `f` (sentence i is in fold i % folds). */
  foldAmb(f: number): AmbLookup;
}

function classInventory(train: readonly ConlluSentence[]): { classes: string[]; index: Map<string, number> } {
  const counts = new Map<string, number>();
  for (const s of train)
    for (const w of s.words) {
      const k = `${w.upos} ${w.xpos}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const classes = sorted.filter(([, c]) => c >= MIN_CLASS_COUNT).map(([k]) => k);
  if (classes.length === 0) classes.push(...sorted.slice(0, 1).map(([k]) => k));
  if (classes.length > 250) classes.length = 250;
  const index = new Map(classes.map((k, i) => [k, i]));
  for (const [k] of sorted) {
    if (index.has(k)) continue;
    const [u, x] = k.split(' ');
    let to = classes.findIndex((c) => c.split(' ')[0] === u);
    if (to < 0) to = classes.findIndex((c) => c.split(' ')[1] === x);
    index.set(k, Math.max(0, to));
  }
  return { classes, index };
}

/** Hash of the classes taking at least AMB_MIN_SHARE of the counts (`minus` subtracted first). */
function classSetHash(counts: Map<number, number>, minus?: Map<number, number>): number {
  let total = 0;
  const kept: number[] = [];
  for (const [k, c] of counts) total += c - (minus?.get(k) ?? 0);
  for (const [k, c] of counts) if (c - (minus?.get(k) ?? 0) >= Math.max(1, AMB_MIN_SHARE * total)) kept.push(k);
  kept.sort((a, b) => a - b);
  let h = 0x3c6ef372;
  for (const k of kept) h = mix(h, k + 1);
  return h || 1;
}

type Counts = Map<string, Map<number, number>>;

const OPEN_CLASS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM', 'X', 'INTJ']);

function bump(m: Counts, k: string, c: number): void {
  let x = m.get(k);
  if (!x) m.set(k, (x = new Map()));
  x.set(c, (x.get(c) ?? 0) + 1);
}

function total(m: Map<number, number> | undefined): number {
  let n = 0;
  if (m) for (const v of m.values()) n += v;
  return n;
}

export function buildLexicon(train: readonly ConlluSentence[], o: LexiconOptions): Lexicon {
  const { classes, index } = classInventory(train);
  const gold = train.map((s) => Uint8Array.from(s.words, (w) => index.get(`${w.upos} ${w.xpos}`) ?? 0));
  const folds = Math.max(1, o.folds);
  const byForm: Counts = new Map();
  const byLower: Counts = new Map();
  const foldForm: Counts[] = Array.from({ length: folds }, () => new Map());
  const foldLower: Counts[] = Array.from({ length: folds }, () => new Map());
  train.forEach((s, si) =>
    s.words.forEach((w, i) => {
      const norm = normalizeForm(w.form);
      const lower = lowerKey(norm);
      bump(byForm, norm, gold[si][i]);
      bump(byLower, lower, gold[si][i]);
      bump(foldForm[si % folds], norm, gold[si][i]);
      bump(foldLower[si % folds], lower, gold[si][i]);
    }),
  );
  // Frequent open-class tags (classes are sorted by frequency).
  const open = classes
    .map((c, i) => [c.split(' ')[0], i] as const)
    .filter(([u, i]) => i < 40 && OPEN_CLASS.has(u))
    .map(([, i]) => i);
  const ambKeys: number[] = [];
  const ambVals: number[] = [];
  const dictKeys: number[] = [];
  const dictCls: number[] = [];
  const candKeys: number[] = [];
  const candStart: number[] = [0];
  const candCls: number[] = [];
  for (const [form, m] of byForm) {
    const n = total(m);
    if (n >= o.ambMinCount) {
      ambKeys.push(ambKeyExact(form));
      ambVals.push(classSetHash(m));
    }
    let best = -1;
    let bestCount = 0;
    for (const [c, k] of m) if (k > bestCount) [best, bestCount] = [c, k];
    if (n >= o.candMinCount) {
      const set = new Set(m.keys());
      if (n < o.candFullCount) for (const c of open) set.add(c);
      candKeys.push(hashString(form));
      candCls.push(...[...set].sort((a, b) => a - b));
      candStart.push(candCls.length);
    }
    if (n >= o.dictMinCount && bestCount >= o.dictMinShare * n) {
      dictKeys.push(hashString(form));
      dictCls.push(best);
    }
  }
  for (const [lower, m] of byLower) {
    if (total(m) < o.ambMinCount) continue;
    ambKeys.push(ambKeyLower(lower));
    ambVals.push(classSetHash(m));
  }
  const foldTables = new Map<number, AmbLookup>();
  const foldAmb = (f: number): AmbLookup => {
    let t = foldTables.get(f);
    if (t) return t;
    const keys: number[] = [];
    const vals: number[] = [];
    const add = (all: Counts, part: Counts, key: (k: string) => number): void => {
      for (const [k, m] of all) {
        const minus = part.get(k);
        if (total(m) - total(minus) < o.ambMinCount) continue;
        keys.push(key(k));
        vals.push(classSetHash(m, minus));
      }
    };
    add(byForm, folds > 1 ? foldForm[f] : new Map(), ambKeyExact);
    add(byLower, folds > 1 ? foldLower[f] : new Map(), ambKeyLower);
    const table = new FeatureTable(keys);
    t = (key: number): number => {
      const r = table.get(key);
      return r < 0 ? 0 : vals[r];
    };
    foldTables.set(f, t);
    return t;
  };
  return {
    classes,
    gold,
    ambKeys: Uint32Array.from(ambKeys),
    ambVals: Uint32Array.from(ambVals),
    dictKeys: Uint32Array.from(dictKeys),
    dictCls: Uint8Array.from(dictCls),
    candKeys: Uint32Array.from(candKeys),
    candStart: Uint32Array.from(candStart),
    candCls: Uint8Array.from(candCls),
    folds,
    foldAmb,
  };
}
