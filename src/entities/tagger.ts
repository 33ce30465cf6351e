import { gunzipSync, gzipSync } from 'node:zlib';
import { FeatureTable } from '../learn/hash.js';
import {
  ENTITY_TYPES,
  Gazetteer,
  clearFeatureCaches,
  contextFeatures,
  docContext,
  isAllCaps,
  normalizeWord,
  wordFeatures,
} from './features.js';

/**
 * How words are usually written in running text, learnt from the training data: lowercased words that
 * are mostly written in lowercase, and those mostly written in capitals (acronyms). Used to restore
 * casing in all-caps text, where the casing features say nothing.
 */
export interface Casing {
  lower: string[];
  upper: string[];
}

export interface TagOptions {
  /** Restore likely casing in sentences written entirely in capitals (or documents without any) before tagging. */
  truecaseAllCaps?: boolean;
}

/** Labels: O, then B/I/E/S for each of PER, ORG, LOC, MISC. */
export const LABELS: readonly string[] = [
  'O',
  ...ENTITY_TYPES.flatMap((t) => ['B', 'I', 'E', 'S'].map((p) => `${p}-${t}`)),
];
export const NUM_LABELS = LABELS.length;
const LABEL_INDEX = new Map(LABELS.map((l, i) => [l, i]));

export function labelIndex(tag: string): number {
  return LABEL_INDEX.get(tag) ?? 0;
}

function prefixOf(label: number): number {
  return label === 0 ? -1 : (label - 1) % 4; // 0 B, 1 I, 2 E, 3 S
}
function typeOf(label: number): number {
  return label === 0 ? -1 : Math.floor((label - 1) / 4);
}

/** BIOES well-formedness: which label may follow which, and which may start or end a sentence. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array(NUM_LABELS * NUM_LABELS);
  for (let x = 0; x < NUM_LABELS; x++) {
    for (let y = 0; y < NUM_LABELS; y++) {
      const px = prefixOf(x);
      const py = prefixOf(y);
      const open = px === 0 || px === 1;
      const ok = open ? (py === 1 || py === 2) && typeOf(x) === typeOf(y) : py === -1 || py === 0 || py === 3;
      a[x * NUM_LABELS + y] = ok ? 1 : 0;
    }
  }
  return a;
})();
const START_OK = LABELS.map((_, i) => prefixOf(i) === -1 || prefixOf(i) === 0 || prefixOf(i) === 3);
const END_OK = LABELS.map((_, i) => prefixOf(i) === -1 || prefixOf(i) === 2 || prefixOf(i) === 3);

export class NerModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NerModelError';
  }
}

/** Metadata stored with the weights. */
export interface NerModelInfo {
  version: 1;
  trainedOn: string;
  epochs: number;
  seed: number;
  features: number;
}

/**
 * A linear-chain model over BIOES labels: per-token feature weights plus label-transition weights,
 * decoded with Viterbi under the BIOES constraints.
 */
export class NerModel {
  constructor(
    readonly featureIndex: FeatureTable,
    /** `weights[f * NUM_LABELS + label]`. */
    readonly weights: Float32Array,
    /** `transitions[from * NUM_LABELS + to]`. */
    readonly transitions: Float32Array,
    readonly gazetteer: Gazetteer,
    readonly info: NerModelInfo,
    readonly casing: Casing = { lower: [], upper: [] },
  ) {
    this.lowerWords = new Set(casing.lower);
    this.upperWords = new Set(casing.upper);
  }

  private readonly lowerWords: Set<string>;
  private readonly upperWords: Set<string>;

  /** True when the training data mostly writes this (lowercased) word in lowercase: a common word. */
  usuallyLowercase(lower: string): boolean {
    return this.lowerWords.has(lower);
  }

  /**
   * Likely casing of an all-caps sentence: known lowercase words lowered, acronyms kept, the rest
   * Title-cased; words inside a multi-word gazetteer name keep the name's casing ("NEW YORK" → "New York").
   */
  truecase(words: readonly string[]): string[] {
    const title = words.map((w) => {
      const l = w.toLowerCase();
      if (l === w || this.upperWords.has(l) || (/\./.test(w) && w.length <= 6)) return w;
      return w[0] + l.slice(1);
    });
    const inName = this.gazetteer.match(title).map((pos) => pos.some((p) => p === 'B' || p === 'I' || p === 'E'));
    return words.map((w, i) => {
      const l = w.toLowerCase();
      if (!inName[i] && this.lowerWords.has(l)) return l;
      return title[i];
    });
  }

  /** Tags a document given as sentences of raw token strings; returns one BIOES tag per token. */
  tagDocument(sentences: readonly (readonly string[])[], opts: TagOptions = {}): string[][] {
    // A document with no capital letter at all (chat-style text) gets the same restoration as all-caps text.
    const noCaps = opts.truecaseAllCaps === true && sentences.every((s) => s.every((w) => w.toLowerCase() === w));
    const norm = sentences.map((s) => {
      const words = s.map(normalizeWord);
      if (noCaps) return this.truecase(words.map((w) => w.toUpperCase()));
      return opts.truecaseAllCaps && isAllCaps(words) ? this.truecase(words) : words;
    });
    const ctx = docContext(norm);
    return norm.map((words) => {
      if (words.length === 0) return [];
      const scores = this.emissions(words, contextFeatures(words, ctx, this.gazetteer));
      return viterbi(scores, words.length, this.transitions).map((l) => LABELS[l]);
    });
  }

  /** Summed weights of each word's own features, cached: most tokens of a text are repeats. */
  private readonly wordCache = new Map<string, Float32Array>();

  /** Drops the per-word caches (memory, or timing from a cold start). */
  clearCaches(): void {
    this.wordCache.clear();
    clearFeatureCaches();
  }

  private wordScores(w: string): Float32Array {
    let v = this.wordCache.get(w);
    if (v) return v;
    v = new Float32Array(NUM_LABELS);
    this.addFeatures(v, 0, wordFeatures(w));
    if (this.wordCache.size > 200_000) this.wordCache.clear();
    this.wordCache.set(w, v);
    return v;
  }

  private addFeatures(scores: Float32Array, base: number, feats: readonly number[]): void {
    const W = this.weights;
    const table = this.featureIndex;
    for (let j = 0; j < feats.length; j++) {
      const idx = table.get(feats[j]);
      if (idx < 0) continue;
      const off = idx * NUM_LABELS;
      for (let k = 0; k < NUM_LABELS; k++) scores[base + k] += W[off + k];
    }
  }

  /** Per-token label scores for one sentence of normalised words. */
  emissions(words: readonly string[], context: readonly (readonly number[])[]): Float32Array {
    const n = words.length;
    const scores = new Float32Array(n * NUM_LABELS);
    for (let i = 0; i < n; i++) {
      const base = i * NUM_LABELS;
      scores.set(this.wordScores(words[i]), base);
      this.addFeatures(scores, base, context[i]);
    }
    return scores;
  }

  /**
   * Compact binary form, gzipped: a JSON header (info, gazetteer, quantisation scale), the feature
   * strings, then per feature its non-zero weights as (label byte, int16). Weights below `prune` are dropped.
   */
  serialize(prune = 0): Buffer {
    let max = 0;
    for (const v of this.weights) max = Math.max(max, Math.abs(v));
    for (const v of this.transitions) max = Math.max(max, Math.abs(v));
    const scale = max > 0 ? max / 32767 : 1;
    const keys = this.featureIndex.list();
    const kept: number[] = [];
    const rows: number[] = [];
    for (let idx = 0; idx < keys.length; idx++) {
      const entries: number[] = [];
      for (let k = 0; k < NUM_LABELS; k++) {
        const v = this.weights[idx * NUM_LABELS + k];
        const q = Math.round(v / scale);
        if (Math.abs(v) > prune && q !== 0) entries.push(k, q);
      }
      if (entries.length === 0) continue;
      kept.push(keys[idx]);
      rows.push(entries.length / 2, ...entries);
    }
    const header = Buffer.from(
      JSON.stringify({
        info: { ...this.info, features: kept.length },
        scale,
        transitions: [...this.transitions],
        gazetteer: this.gazetteer.toJSON(),
        casing: this.casing,
      }),
      'utf8',
    );
    let rowBytes = 0;
    for (let i = 0; i < rows.length;) {
      const n = rows[i];
      rowBytes += 1 + n * 3;
      i += 1 + n * 2;
    }
    const buf = Buffer.alloc(8 + 4 + header.length + 4 + kept.length * 4 + rowBytes);
    let o = buf.write('SLNER2\n\0', 0, 'latin1');
    o = buf.writeUInt32LE(header.length, o);
    o += header.copy(buf, o);
    o = buf.writeUInt32LE(kept.length, o);
    for (const k of kept) o = buf.writeUInt32LE(k, o);
    for (let i = 0; i < rows.length;) {
      const n = rows[i];
      o = buf.writeUInt8(n, o);
      for (let j = 0; j < n; j++) {
        o = buf.writeUInt8(rows[i + 1 + 2 * j], o);
        o = buf.writeInt16LE(rows[i + 2 + 2 * j], o);
      }
      i += 1 + n * 2;
    }
    return gzipSync(buf, { level: 9 });
  }

  static deserialize(gz: Buffer): NerModel {
    let buf: Buffer;
    try {
      buf = gunzipSync(gz);
    } catch (err) {
      throw new NerModelError(
        `NER model file is not valid gzip (${(err as Error).message}); retrain it with scripts/train-ner.ts.`,
      );
    }
    if (buf.length < 16 || buf.toString('latin1', 0, 8) !== 'SLNER2\n\0')
      throw new NerModelError('NER model file has an unknown format; retrain it with scripts/train-ner.ts.');
    let o = 8;
    const hlen = buf.readUInt32LE(o);
    o += 4;
    const header = JSON.parse(buf.toString('utf8', o, o + hlen)) as {
      info: NerModelInfo;
      scale: number;
      transitions: number[];
      gazetteer: Array<[string, number]>;
      casing?: Casing;
    };
    o += hlen;
    const count = buf.readUInt32LE(o);
    o += 4;
    const keys = new Uint32Array(count);
    for (let f = 0; f < count; f++) keys[f] = buf.readUInt32LE(o + 4 * f);
    o += 4 * count;
    const weights = new Float32Array(count * NUM_LABELS);
    for (let f = 0; f < count; f++) {
      const n = buf.readUInt8(o++);
      for (let j = 0; j < n; j++) {
        const k = buf.readUInt8(o);
        const q = buf.readInt16LE(o + 1);
        o += 3;
        weights[f * NUM_LABELS + k] = q * header.scale;
      }
    }
    const featureIndex = new FeatureTable(keys);
    const transitions = Float32Array.from(header.transitions);
    return new NerModel(
      featureIndex,
      weights,
      transitions,
      Gazetteer.fromJSON(header.gazetteer),
      header.info,
      header.casing,
    );
  }
}

/** For each label, the labels allowed before it. */
const PREDECESSORS: Int8Array[] = LABELS.map((_, y) =>
  Int8Array.from(LABELS.map((__, x) => x).filter((x) => ALLOWED[x * NUM_LABELS + y] === 1)),
);

let deltaBuf = new Float64Array(0);
let backBuf = new Int8Array(0);

/** Best BIOES-consistent label sequence for one sentence. `scores[i * L + label]`. */
export function viterbi(scores: Float32Array, n: number, transitions: Float32Array): number[] {
  const L = NUM_LABELS;
  if (deltaBuf.length < n * L) {
    deltaBuf = new Float64Array(n * L * 2);
    backBuf = new Int8Array(n * L * 2);
  }
  const delta = deltaBuf;
  const back = backBuf;
  for (let k = 0; k < L; k++) delta[k] = START_OK[k] ? scores[k] : -Infinity;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    for (let y = 0; y < L; y++) {
      const preds = PREDECESSORS[y];
      let best = -Infinity;
      let arg = 0;
      for (let j = 0; j < preds.length; j++) {
        const x = preds[j];
        const v = delta[prev + x] + transitions[x * L + y];
        if (v > best) {
          best = v;
          arg = x;
        }
      }
      delta[i * L + y] = best + scores[i * L + y];
      back[i * L + y] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let k = 0; k < L; k++) {
    const v = END_OK[k] ? delta[(n - 1) * L + k] : -Infinity;
    if (v > best) {
      best = v;
      arg = k;
    }
  }
  const out = new Array<number>(n);
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * L + out[i]];
  return out;
}
