import { readFileSync } from 'node:fs';
import { readBundle, writeBundle, type BundleArray } from '../learn/bundle.js';
import { FeatureTable, hashString, mulberry32, shuffle } from '../learn/hash.js';
import { shippedModelPath } from '../learn/model-path.js';
import { AveragedPerceptron } from '../learn/perceptron.js';
import type { ConlluSentence } from './conllu.js';
import {
  CENTER,
  START_TAG,
  buildLexicon,
  historyFeatures,
  CLUSTER_NONE,
  CLUSTER_PAD,
  clusterPairFeature,
  clusterPairFeatures,
  finestCluster,
  tagClusterFeature,
  tagFeatures,
  tagNextFeature,
  tagSuffixFeature,
  tagWordFeature,
  offsetFeatures,
  padFeature,
  pairFeatures,
  wordInfo,
  type ClusterLookup,
  type WordInfo,
} from './tagger-features.js';
import { clusterLookup, learnTaggerClusters, type ClusterOptions, type WordClusters } from './word-clusters.js';

/**
 * Part-of-speech tagger: a greedy left-to-right averaged perceptron over joint "UPOS XPOS" classes
 * (Universal POS and Penn Treebank tags, as in UD English EWT). Frequent unambiguous words are tagged
 * from a dictionary; every other token is scored from cached per-word weight vectors (each word's own
 * features and its features as a neighbour at −2…+2) plus the features of the tags already predicted.
 */

export interface TagResult {
  upos: string[];
  xpos: string[];
}

export class TaggerModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaggerModelError';
  }
}

export interface TaggerMeta {
  version: 1;
  /** "UPOS XPOS" per class. */
  classes: string[];
  /** Weight of one quantisation step. */
  scale: number;
  trainedOn: string;
  epochs: number;
  seed: number;
  /** Levels (granularities) of the word clusters (absent: the model has no clusters). */
  clusterLevels?: number;
}

/** The model's arrays, as stored in the file. */
export interface TaggerArrays {
  /** Feature ids, one per sparse row. */
  keys: Uint32Array;
  /** Row r's entries are `rowStart[r]` … `rowStart[r + 1] - 1`. */
  rowStart: Uint32Array;
  cls: Uint8Array;
  /** Quantised weights (× meta.scale). */
  val: Int16Array;
  ambKeys: Uint32Array;
  ambVals: Uint32Array;
  dictKeys: Uint32Array;
  dictCls: Uint8Array;
  /** Frequent words: the classes they may take, `candCls[candStart[r]]` … `candCls[candStart[r + 1] - 1]`. */
  candKeys: Uint32Array;
  candStart: Uint32Array;
  candCls: Uint8Array;
  /** Word clusters (optional): `hashString(clusterKey(word))` and the word's cluster at each level. */
  clusterKeys?: Uint32Array;
  clusterIds?: Uint16Array;
}

const CACHE_LIMIT = 100_000;

interface Entry {
  info: WordInfo;
  /** Summed weights of the word's features seen from each offset: `vec[k * C + c]`. */
  vec: Float32Array;
  /** Class from the tag dictionary, or -1. */
  dict: number;
  /** Classes the word may take (frequent words), or undefined: any class. */
  cands: Uint8Array | undefined;
  /**
   * Slots of the features pairing a previous tag with this word, filled on first use: per tag t,
   * `[4t]` tag + word, `[4t + 1]` tag + suffix, `[4t + 2]` tag + this word's ambiguity as the next word,
   * `[4t + 3]` tag + this word's cluster (-2 not looked up yet, -1 absent).
   */
  tagSlots: Int32Array;
}

export class PosTagger {
  readonly classes: number;
  private readonly upos: string[];
  private readonly xpos: string[];
  /** Open addressing over feature ids: `[key, first entry, end]` per slot (one cache line per probe). */
  private readonly slots: Uint32Array;
  private readonly mask: number;
  /** Sparse weights: class in the low 8 bits, quantised weight above. */
  private readonly packed: Int32Array;
  private readonly scale: number;
  private readonly ambTable: FeatureTable;
  private readonly dictTable: FeatureTable;
  private readonly candTable: FeatureTable;
  private readonly all: Uint8Array;
  /** Scores of the (t1, t2) history features, dense: `hist[(t1 * (C + 1) + t2) * C + c]`, START = C. */
  private readonly hist: Float32Array;
  /** Scores of the padding feature at each offset. */
  private readonly pad: Float32Array;
  /** Per-word cache in two generations: when the young one fills up it becomes the old one. */
  private cache = new Map<string, Entry>();
  private oldCache = new Map<string, Entry>();
  private buf = new Float32Array(0);
  private readonly feats = new Uint32Array(64);
  private readonly amb: (key: number) => number;
  private readonly clusterOf: ClusterLookup | undefined;
  /**
   * Slots of the cluster-pair features, filled on first use (-2 not looked up yet, -1 absent):
   * `[(side * P + a) * P + b]` for finest clusters a, b (P - 2: not clustered, P - 1: no word).
   */
  private readonly pairSlots: Int32Array;
  private readonly pairP: number;
  /** `tagSlots` of the missing word after the sentence end. */
  private readonly padTagSlots: Int32Array;

  constructor(
    readonly meta: TaggerMeta,
    readonly arrays: TaggerArrays,
  ) {
    const C = meta.classes.length;
    this.classes = C;
    this.upos = meta.classes.map((c) => c.split(' ')[0]);
    this.xpos = meta.classes.map((c) => c.split(' ')[1]);
    let cap = 16;
    while (cap < arrays.keys.length * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Uint32Array(cap * 4);
    for (let r = 0; r < arrays.keys.length; r++) {
      const k = arrays.keys[r];
      let i = Math.imul(k, 0x9e3779b1) & this.mask;
      while (this.slots[i * 4] !== 0 && this.slots[i * 4] !== k) i = (i + 1) & this.mask;
      this.slots[i * 4] = k;
      this.slots[i * 4 + 1] = arrays.rowStart[r];
      this.slots[i * 4 + 2] = arrays.rowStart[r + 1];
    }
    this.packed = new Int32Array(arrays.val.length);
    for (let i = 0; i < arrays.val.length; i++) this.packed[i] = (arrays.val[i] << 8) | arrays.cls[i];
    this.scale = meta.scale;
    this.ambTable = new FeatureTable(arrays.ambKeys);
    this.dictTable = new FeatureTable(arrays.dictKeys);
    this.candTable = new FeatureTable(arrays.candKeys);
    this.all = Uint8Array.from({ length: C }, (_, c) => c);
    const ambVals = arrays.ambVals;
    const ambTable = this.ambTable;
    this.amb = (key) => {
      const r = ambTable.get(key);
      return r < 0 ? 0 : ambVals[r];
    };
    const { clusterKeys, clusterIds } = arrays;
    this.clusterOf =
      clusterKeys && clusterIds && meta.clusterLevels
        ? clusterLookup({ keys: clusterKeys, ids: clusterIds, levels: meta.clusterLevels })
        : undefined;
    let P = 0;
    if (clusterKeys && clusterIds && meta.clusterLevels) {
      const L = meta.clusterLevels;
      for (let i = L - 1; i < clusterIds.length; i += L) if (clusterIds[i] + 3 > P) P = clusterIds[i] + 3;
    }
    this.pairP = P;
    this.pairSlots = new Int32Array(P <= 2048 ? 2 * P * P : 0).fill(-2);
    this.pad = new Float32Array(5 * C);
    for (let k = 0; k < 5; k++) if (k !== CENTER) this.addRow(padFeature(k), this.pad, k * C);
    const S = C + 1;
    this.hist = new Float32Array(S * S * C);
    const f: number[] = [];
    for (let t1 = 0; t1 < S; t1++) {
      for (let t2 = 0; t2 < S; t2++) {
        const n = tagFeatures(t1 === C ? START_TAG : t1, t2 === C ? START_TAG : t2, f, 0);
        for (let j = 0; j < n; j++) this.addRow(f[j], this.hist, (t1 * S + t2) * C);
      }
    }
    this.padTagSlots = new Int32Array(4 * S).fill(-2);
  }

  /** Adds the weights of one feature into `out` from `base`. */
  private addRow(feat: number, out: Float32Array, base: number): void {
    const i = this.slotOf(feat);
    if (i >= 0) this.addSlot(i, out, base);
  }

  /** Adds the weights of one cluster-pair feature, its slot memoised per cluster pair. */
  private addClusterPair(side: number, a: number, b: number, out: Float32Array): void {
    const P = this.pairP;
    if (this.pairSlots.length === 0) {
      this.addRow(clusterPairFeature(side, a, b), out, 0);
      return;
    }
    const ia = a === CLUSTER_PAD ? P - 1 : a === CLUSTER_NONE ? P - 2 : a;
    const ib = b === CLUSTER_PAD ? P - 1 : b === CLUSTER_NONE ? P - 2 : b;
    const k = (side * P + ia) * P + ib;
    let slot = this.pairSlots[k];
    if (slot === -2) this.pairSlots[k] = slot = this.slotOf(clusterPairFeature(side, a, b));
    if (slot >= 0) this.addSlot(slot, out, 0);
  }

  /** Slot of a feature, or -1. */
  private slotOf(feat: number): number {
    const slots = this.slots;
    let i = Math.imul(feat, 0x9e3779b1) & this.mask;
    for (;;) {
      const k = slots[i * 4];
      if (k === feat) return i;
      if (k === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  private addSlot(i: number, out: Float32Array, base: number): void {
    const slots = this.slots;
    const packed = this.packed;
    const scale = this.scale;
    for (let p = slots[i * 4 + 1], e = slots[i * 4 + 2]; p < e; p++) {
      const x = packed[p];
      out[base + (x & 0xff)] += (x >> 8) * scale;
    }
  }

  private remember(w: string, e: Entry): void {
    if (this.cache.size >= CACHE_LIMIT) {
      this.oldCache = this.cache;
      this.cache = new Map();
    }
    this.cache.set(w, e);
  }

  private entry(w: string): Entry {
    let e = this.cache.get(w);
    if (e) return e;
    e = this.oldCache.get(w);
    if (e) {
      this.remember(w, e);
      return e;
    }
    const C = this.classes;
    const info = wordInfo(w, this.amb, this.clusterOf);
    const vec = new Float32Array(5 * C);
    const f = this.feats;
    for (let k = 0; k < 5; k++) {
      const n = offsetFeatures(info, k, f, 0);
      for (let j = 0; j < n; j++) this.addRow(f[j], vec, k * C);
    }
    const h = hashString(info.norm);
    const d = this.dictTable.get(h);
    const r = this.candTable.get(h);
    const { candStart, candCls } = this.arrays;
    const cands = r < 0 ? undefined : candCls.subarray(candStart[r], candStart[r + 1]);
    const tagSlots = new Int32Array(4 * (C + 1)).fill(-2);
    e = { info, vec, dict: d < 0 ? -1 : this.arrays.dictCls[d], cands, tagSlots };
    this.remember(w, e);
    return e;
  }

  /** Drops the per-word caches. */
  clearCaches(): void {
    this.cache.clear();
    this.oldCache.clear();
  }

  /** Class index per word (see `meta.classes`). */
  tagClasses(words: readonly string[]): Uint8Array {
    const n = words.length;
    const out = new Uint8Array(n);
    if (n === 0) return out;
    const C = this.classes;
    const S = C + 1;
    if (this.buf.length < C) this.buf = new Float32Array(C);
    const s = this.buf;
    const entries: Entry[] = new Array(n);
    for (let i = 0; i < n; i++) entries[i] = this.entry(words[i]);
    const f = this.feats;
    let t1 = C;
    let t2 = C;
    for (let i = 0; i < n; i++) {
      const e = entries[i];
      let best: number;
      if (e.dict >= 0) best = e.dict;
      else {
        s.fill(0);
        const cands = e.cands ?? this.all;
        const nc = cands.length;
        for (let k = 0; k < 5; k++) {
          const j = i + k - 2;
          const v = j >= 0 && j < n ? entries[j].vec : this.pad;
          const base = k * C;
          for (let q = 0; q < nc; q++) s[cands[q]] += v[base + cands[q]];
        }
        const h = this.hist;
        const hb = (t1 * S + t2) * C;
        for (let q = 0; q < nc; q++) s[cands[q]] += h[hb + cands[q]];
        const prev = i > 0 ? entries[i - 1].info : undefined;
        const next = i + 1 < n ? entries[i + 1].info : undefined;
        const m = pairFeatures(prev, e.info, next, f, 0);
        for (let j = 0; j < m; j++) this.addRow(f[j], s, 0);
        if (e.info.clusters.length > 0) {
          const c = finestCluster(e.info);
          this.addClusterPair(0, finestCluster(prev), c, s);
          this.addClusterPair(1, c, finestCluster(next), s);
        }
        const tag = t1 === C ? START_TAG : t1;
        const ts = e.tagSlots;
        if (ts[4 * t1] === -2) ts[4 * t1] = this.slotOf(tagWordFeature(tag, e.info));
        if (ts[4 * t1] >= 0) this.addSlot(ts[4 * t1], s, 0);
        if (ts[4 * t1 + 1] === -2) ts[4 * t1 + 1] = this.slotOf(tagSuffixFeature(tag, e.info));
        if (ts[4 * t1 + 1] >= 0) this.addSlot(ts[4 * t1 + 1], s, 0);
        if (ts[4 * t1 + 3] === -2) {
          const fc = tagClusterFeature(tag, e.info);
          ts[4 * t1 + 3] = fc === 0 ? -1 : this.slotOf(fc);
        }
        if (ts[4 * t1 + 3] >= 0) this.addSlot(ts[4 * t1 + 3], s, 0);
        const ns = i + 1 < n ? entries[i + 1].tagSlots : this.padTagSlots;
        if (ns[4 * t1 + 2] === -2) ns[4 * t1 + 2] = this.slotOf(tagNextFeature(tag, next));
        if (ns[4 * t1 + 2] >= 0) this.addSlot(ns[4 * t1 + 2], s, 0);
        best = cands[0];
        for (let q = 1; q < nc; q++) if (s[cands[q]] > s[best]) best = cands[q];
      }
      out[i] = best;
      t2 = t1;
      t1 = best;
    }
    return out;
  }

  /** Tags one sentence of words (already tokenised, UD conventions: "do" "n't", "Cuomo" "'s", hyphens split). */
  tag(words: readonly string[]): TagResult {
    const cls = this.tagClasses(words);
    const upos = new Array<string>(cls.length);
    const xpos = new Array<string>(cls.length);
    for (let i = 0; i < cls.length; i++) {
      upos[i] = this.upos[cls[i]];
      xpos[i] = this.xpos[cls[i]];
    }
    return { upos, xpos };
  }

  serialize(): Buffer {
    const arrays: Record<string, BundleArray> = {};
    for (const [k, v] of Object.entries(this.arrays)) if (v) arrays[k] = v as BundleArray;
    return writeBundle(this.meta, arrays);
  }

  static deserialize(buf: Uint8Array): PosTagger {
    let meta: TaggerMeta;
    let arrays: Record<string, unknown>;
    try {
      const b = readBundle<TaggerMeta>(buf);
      meta = b.meta;
      arrays = b.arrays;
    } catch (err) {
      throw new TaggerModelError(`Cannot read tagger model: ${(err as Error).message}`);
    }
    if (!meta || meta.version !== 1 || !Array.isArray(meta.classes))
      throw new TaggerModelError('Not a tagger model file (wrong version or missing classes)');
    const need: Array<[keyof TaggerArrays, new (...a: never[]) => unknown]> = [
      ['keys', Uint32Array],
      ['rowStart', Uint32Array],
      ['cls', Uint8Array],
      ['val', Int16Array],
      ['ambKeys', Uint32Array],
      ['ambVals', Uint32Array],
      ['dictKeys', Uint32Array],
      ['dictCls', Uint8Array],
      ['candKeys', Uint32Array],
      ['candStart', Uint32Array],
      ['candCls', Uint8Array],
    ];
    for (const [name, type] of need)
      if (!(arrays[name] instanceof type)) throw new TaggerModelError(`Tagger model file lacks array "${name}"`);
    if (meta.clusterLevels !== undefined) {
      const { clusterKeys: k, clusterIds: l } = arrays;
      if (!(k instanceof Uint32Array) || !(l instanceof Uint16Array) || k.length * meta.clusterLevels !== l.length)
        throw new TaggerModelError('Tagger model file has a broken word-cluster table');
    }
    return new PosTagger(meta, arrays as unknown as TaggerArrays);
  }
}

// ---------------------------------------------------------------------------------------------------
// Loading the shipped model

export const TAGGER_MODEL_FILE = 'tagger.bin.gz';

/** The shipped tagger (or the file named by STORYLINE_TAGGER_MODEL). */
export function defaultTaggerPath(): string {
  return shippedModelPath(import.meta.url, 'syntax', TAGGER_MODEL_FILE, 'STORYLINE_TAGGER_MODEL');
}

export function loadTagger(file: string): PosTagger {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    throw new TaggerModelError(
      `Cannot read POS tagger model "${file}": ${(err as Error).message}. Train one with \`npm run train:syntax\` or set STORYLINE_TAGGER_MODEL.`,
    );
  }
  try {
    return PosTagger.deserialize(buf);
  } catch (err) {
    throw new TaggerModelError(`${(err as Error).message} ("${file}"); retrain it with \`npm run train:syntax\`.`);
  }
}

let cached: PosTagger | undefined;

/** The default tagger, loaded on first use and kept for the life of the process. */
export function defaultTagger(): PosTagger {
  cached ??= loadTagger(defaultTaggerPath());
  return cached;
}

// ---------------------------------------------------------------------------------------------------
// Training

export interface TrainTaggerOptions {
  seed?: number;
  epochs?: number;
  log?: (line: string) => void;
  /** Drop weights whose averaged magnitude is at most this. */
  prune?: number;
  trainedOn?: string;
  /** Ambiguity classes for words seen at least this often (default 5). */
  ambMinCount?: number;
  /** Dictionary tagging for words seen this often (default 10) with one class at this share (0.99). */
  dictMinCount?: number;
  dictMinShare?: number;
  /** Words seen this often may only take the classes they took in training (default 5). */
  candMinCount?: number;
  /** Below this count a word's candidates also include the frequent open-class tags (default 20). */
  candFullCount?: number;
  /** Folds for the training words' ambiguity classes (each taken from the other folds; default 10). */
  ambFolds?: number;
  /**
   * Unlabelled text (e.g. `loadUnlabelledText(dataRoot)` from src/text/word-clusters.ts): word clusters
   * are learnt from it and the training sentences' words, and become features. Without it (and without
   * `clusters`) the tagger has no cluster features.
   */
  unlabelled?: readonly string[];
  /** Word clusters learnt beforehand (takes precedence over `unlabelled`; lets several taggers share them). */
  clusters?: WordClusters;
  clusterOptions?: ClusterOptions;
}

export { learnTaggerClusters };

/** Trains a tagger on treebank sentences (deterministic for a seed). */
export function trainTagger(train: ConlluSentence[], opts: TrainTaggerOptions = {}): PosTagger {
  const seed = opts.seed ?? 1;
  const epochs = opts.epochs ?? 10;
  const prune = opts.prune ?? 0.02;
  const log = opts.log ?? ((): void => {});
  const lex = buildLexicon(train, {
    ambMinCount: opts.ambMinCount ?? 2,
    dictMinCount: opts.dictMinCount ?? 10,
    dictMinShare: opts.dictMinShare ?? 0.99,
    candMinCount: opts.candMinCount ?? 5,
    candFullCount: opts.candFullCount ?? 20,
    folds: opts.ambFolds ?? 10,
  });
  const { classes, gold } = lex;
  const C = classes.length;
  const dict = new Map<number, number>(Array.from(lex.dictKeys, (k, i) => [k, lex.dictCls[i]]));
  const candMap = new Map<number, number[]>();
  lex.candKeys.forEach((k, r) =>
    candMap.set(k, Array.from(lex.candCls.subarray(lex.candStart[r], lex.candStart[r + 1]))),
  );
  log(
    `tagger: ${C} classes, ${lex.ambKeys.length} ambiguity entries, ${lex.dictKeys.length} dictionary words, ${lex.candKeys.length} words with candidate classes`,
  );

  // Static features (everything but the tag history) per token, computed once.
  // A training word's ambiguity class comes from the other folds, as it would for a word of new text.
  const clusters =
    opts.clusters ??
    (opts.unlabelled ? learnTaggerClusters(train, opts.unlabelled, { log, ...opts.clusterOptions }) : undefined);
  const clusterOf = clusters ? clusterLookup(clusters) : undefined;
  const infos = new Map<string, WordInfo>();
  const info = (w: string, fold: number): WordInfo => {
    const key = `${fold}\u0000${w}`;
    let x = infos.get(key);
    if (!x) infos.set(key, (x = wordInfo(w, lex.foldAmb(fold), clusterOf)));
    return x;
  };
  const sentInfos = train.map((s, si) => s.words.map((w) => info(w.form, si % lex.folds)));
  const statics: Uint32Array[][] = [];
  const tmp: number[] = [];
  for (const ws of sentInfos) {
    const per: Uint32Array[] = [];
    for (let i = 0; i < ws.length; i++) {
      let n = 0;
      for (let k = 0; k < 5; k++) {
        const j = i + k - CENTER;
        if (j >= 0 && j < ws.length) n = offsetFeatures(ws[j], k, tmp, n);
        else if (k !== CENTER) tmp[n++] = padFeature(k);
      }
      n = pairFeatures(ws[i - 1], ws[i], ws[i + 1], tmp, n);
      n = clusterPairFeatures(ws[i - 1], ws[i], ws[i + 1], tmp, n);
      per.push(Uint32Array.from(tmp.slice(0, n)));
    }
    statics.push(per);
  }

  const allClasses = Array.from({ length: C }, (_, c) => c);
  const model = new AveragedPerceptron(C, 1 << 18);
  const feats = new Uint32Array(128);
  const scores = new Float64Array(C);
  const order = train.map((_, i) => i);
  const rand = mulberry32(seed);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const t0 = Date.now();
    shuffle(order, rand);
    let right = 0;
    let seen = 0;
    for (const si of order) {
      const ws = sentInfos[si];
      const g = gold[si];
      let t1 = START_TAG;
      let t2 = START_TAG;
      for (let i = 0; i < ws.length; i++) {
        let guess = dict.get(ws[i].hWord) ?? -1;
        if (guess < 0) {
          const st = statics[si][i];
          feats.set(st);
          const n = historyFeatures(t1, t2, ws[i], ws[i + 1], feats, st.length);
          scores.fill(0);
          model.score(feats, n, scores);
          const cands = candMap.get(ws[i].hWord) ?? allClasses;
          guess = cands[0];
          for (const c of cands) if (scores[c] > scores[guess]) guess = c;
          model.learn(feats, n, g[i], guess);
          model.step++;
        }
        if (guess === g[i]) right++;
        seen++;
        t2 = t1;
        t1 = guess;
      }
    }
    log(`tagger epoch ${epoch}: train accuracy ${((100 * right) / seen).toFixed(2)} % (${Date.now() - t0} ms)`);
  }

  // Compile: average, prune, store sparse rows quantised to int16.
  const linear = model.compile(prune);
  const W = linear.weights;
  let max = 0;
  for (let i = 0; i < W.length; i++) if (Math.abs(W[i]) > max) max = Math.abs(W[i]);
  const scale = max > 0 ? max / 32767 : 1;
  const keys: number[] = [];
  const rowStart: number[] = [0];
  const cls: number[] = [];
  const val: number[] = [];
  const rows = linear.keys.length;
  // Rows sorted by feature id so the file does not depend on training order details.
  const order2 = Array.from({ length: rows }, (_, r) => r).sort((a, b) => linear.keys[a] - linear.keys[b]);
  for (const r of order2) {
    const start = cls.length;
    for (let c = 0; c < C; c++) {
      const q = Math.round(W[r * C + c] / scale);
      if (q !== 0 && Math.abs(W[r * C + c]) > prune / 4) {
        cls.push(c);
        val.push(q);
      }
    }
    if (cls.length === start) continue;
    keys.push(linear.keys[r]);
    rowStart.push(cls.length);
  }
  log(`tagger: ${keys.length} features, ${cls.length} weights kept`);
  const meta: TaggerMeta = { version: 1, classes, scale, trainedOn: opts.trainedOn ?? 'UD English EWT', epochs, seed };
  if (clusters) meta.clusterLevels = clusters.levels;
  return new PosTagger(meta, {
    keys: Uint32Array.from(keys),
    rowStart: Uint32Array.from(rowStart),
    cls: Uint8Array.from(cls),
    val: Int16Array.from(val),
    ambKeys: lex.ambKeys,
    ambVals: lex.ambVals,
    dictKeys: lex.dictKeys,
    dictCls: lex.dictCls,
    candKeys: lex.candKeys,
    candStart: lex.candStart,
    candCls: lex.candCls,
    ...(clusters ? { clusterKeys: clusters.keys, clusterIds: clusters.ids } : {}),
  });
}
