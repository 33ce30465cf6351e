import { readFileSync } from 'node:fs';
import { readBundle, writeBundle } from '../learn/bundle.js';
import { feature, mulberry32, shuffle } from '../learn/hash.js';
import { AveragedPerceptron, LinearModel } from '../learn/perceptron.js';
import { rawTreebank, type ConlluSentence } from './conllu.js';
import { ABBREVIATIONS, tokenizeWords, type WordSpan } from './tokenize.js';
import { shippedModelPath } from '../learn/model-path.js';

/**
 * The learned sentence-boundary classifier: an averaged perceptron deciding, after each surface token,
 * whether a sentence ends there. Features are the token and its neighbours (lower-cased word, shape,
 * suffix), the space between them, abbreviation membership and the distance to the last boundary, and
 * the document's punctuation profile (`documentProfile`) conjoined with whether the gap has terminal
 * punctuation, so that it learns from the treebank's edited and unedited documents where a sentence may
 * end without punctuation. Quotation marks of every spelling ("``", "''", curly) read as straight ones.
 * Trained on a treebank laid out as raw text (`rawTreebank`), so it sees what the pipeline sees: web
 * text without final punctuation or capitals as well as edited prose.
 */

export const SENTENCE_MODEL_FILE = 'sentences.bin.gz';
const FORMAT = 'storyline-sentences/1';

interface SentenceMeta {
  format: string;
  classes: number;
  seed: number;
  epochs: number;
  trainedOn: string;
}

export class SentenceModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SentenceModelError';
  }
}

/** Surface tokens of a word list: [start,end) pairs, flattened. */
export function surfaceTokens(words: readonly WordSpan[]): Int32Array {
  let count = 0;
  for (let i = 0; i < words.length; i++) if (i === 0 || words[i].token !== words[i - 1].token) count++;
  const out = new Int32Array(count * 2);
  let k = -1;
  for (let i = 0; i < words.length; i++) {
    if (i === 0 || words[i].token !== words[i - 1].token) {
      k++;
      out[2 * k] = words[i].start;
    }
    out[2 * k + 1] = words[i].end;
  }
  return out;
}

/** FNV-1a of the lower-cased (ASCII) range. */
function hashLower(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Word shape as a small number: kind of first character (lower, upper, digit, other), whether the rest
 * has lower case, upper case, digits, a period at the end, and a length bucket.
 */
function shapeOf(s: string, from: number, to: number): number {
  const c = s.charCodeAt(from);
  let first: number;
  if (c >= 97 && c <= 122) first = 0;
  else if (c >= 65 && c <= 90) first = 1;
  else if (c >= 48 && c <= 57) first = 2;
  else if (c > 127) {
    const lower = s[from].toLowerCase() !== s[from];
    const upper = s[from].toUpperCase() !== s[from];
    first = lower ? 1 : upper ? 0 : 3;
  } else first = 3;
  let lower = 0;
  let upper = 0;
  let digit = 0;
  for (let i = from + 1; i < to && i < from + 12; i++) {
    const d = s.charCodeAt(i);
    if (d >= 97 && d <= 122) lower = 1;
    else if (d >= 65 && d <= 90) upper = 1;
    else if (d >= 48 && d <= 57) digit = 1;
  }
  const len = to - from;
  const bucket = len === 1 ? 0 : len === 2 ? 1 : len <= 4 ? 2 : 3;
  const dot = len > 1 && s.charCodeAt(to - 1) === 46 ? 1 : 0;
  // Punctuation tokens are their own shape: the first character.
  if (first === 3) return 1000 + (c & 0xffff) * 4 + bucket;
  return first | (lower << 2) | (upper << 3) | (digit << 4) | (dot << 5) | (bucket << 6);
}

const ABBREV_HASHES = new Set<number>();
for (const a of ABBREVIATIONS) ABBREV_HASHES.add(hashLower(a + '.', 0, a.length + 1));

const MAX_FEATURES = 24;

const QUOTE_HASH = hashLower('"', 0, 1);
const QUOTE_SHAPE = shapeOf('"', 0, 1);
const SINGLE_QUOTE_HASH = hashLower("'", 0, 1);
const SINGLE_QUOTE_SHAPE = shapeOf("'", 0, 1);

/**
 * 1 for a double quotation mark of any spelling ("``", "''", curly, guillemets), 2 for a lone single
 * one (backtick, curly), 0 otherwise: the model reads them all as the straight quotes of its treebank.
 */
function quoteToken(text: string, s: number, e: number): number {
  const c = text.charCodeAt(s);
  if (e - s === 1) {
    if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb) return 1;
    if (c === 96 || c === 0x2018 || c === 0x2019) return 2;
    return 0;
  }
  if (e - s === 2 && (c === 96 || c === 39) && text.charCodeAt(s + 1) === c) return 1;
  return 0;
}

/** How the document is written, from its paragraphs: see `documentProfile`. */
export const PROFILE_UNKNOWN = 0;
export const PROFILE_UNEDITED = 1;
export const PROFILE_MIXED = 2;
export const PROFILE_EDITED = 3;

function isTerminalCode(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** Closing quotes and brackets that may follow terminal punctuation. */
function isCloserCode(c: number): boolean {
  return c === 34 || c === 39 || c === 41 || c === 93 || c === 0x201d || c === 0x2019 || c === 0xbb;
}

/**
 * Whether token t ends in terminal punctuation, possibly followed by closing quotes and brackets
 * (`.''`, `?)`).
 */
export function endsTerminal(text: string, toks: Int32Array, t: number): boolean {
  for (let p = t; p >= 0 && p > t - 4; p--) {
    const s = toks[2 * p];
    const e = toks[2 * p + 1];
    const last = text.charCodeAt(e - 1);
    if (isTerminalCode(last)) return true;
    if (!isCloserCode(last) || e - s > 3 || p === 0 || toks[2 * p - 1] !== s) return false;
  }
  return false;
}

/**
 * The punctuation profile of a document: the share of its prose paragraphs (lines of six tokens or
 * more) that end in terminal punctuation (or a colon or semicolon, which introduce lists), with up to
 * three trailing tokens of wire codes allowed. Edited prose (news) ends nearly all of them so; web text
 * often does not, and only there do sentences end without punctuation.
 */
export function documentProfile(text: string, toks: Int32Array): number {
  const n = toks.length / 2;
  let paras = 0;
  let closed = 0;
  let len = 0;
  let sinceTerm = 99;
  for (let t = 0; t < n; t++) {
    len++;
    const last = text.charCodeAt(toks[2 * t + 1] - 1);
    if (isTerminalCode(last) || last === 58 || last === 59) sinceTerm = 0;
    else if (!(isCloserCode(last) && toks[2 * t + 1] - toks[2 * t] <= 3)) sinceTerm++;
    if (t === n - 1 || lineBreakBetween(text, toks[2 * t + 1], toks[2 * t + 2])) {
      if (len >= 6) {
        paras++;
        if (sinceTerm <= 3) closed++;
      }
      len = 0;
    }
  }
  if (paras === 0) return PROFILE_UNKNOWN;
  const share = closed / paras;
  return share >= 0.85 ? PROFILE_EDITED : share >= 0.6 ? PROFILE_MIXED : PROFILE_UNEDITED;
}

/**
 * Features of the gap after surface token `t` (toks holds [start,end) pairs); `since` is the number of
 * tokens since the last boundary.
 */
function gapFeatures(
  text: string,
  toks: Int32Array,
  t: number,
  since: number,
  w: Uint32Array,
  sh: Uint32Array,
  profile: number,
  out: Uint32Array,
): number {
  const n = toks.length / 2;
  const w0 = w[t];
  const s0 = sh[t];
  const wm1 = t > 0 ? w[t - 1] : 1;
  const sm1 = t > 0 ? sh[t - 1] : 1;
  const w1 = t + 1 < n ? w[t + 1] : 2;
  const s1 = t + 1 < n ? sh[t + 1] : 2;
  const s2 = t + 2 < n ? sh[t + 2] : 2;
  const w2 = t + 2 < n ? w[t + 2] : 2;
  const end0 = toks[2 * t + 1];
  const space = t + 1 < n && toks[2 * t + 2] > end0 ? 1 : 0;
  const abbrev = ABBREV_HASHES.has(w0) ? 1 : 0;
  const dist = since <= 3 ? since : since <= 5 ? 4 : since <= 8 ? 5 : since <= 12 ? 6 : since <= 20 ? 7 : 8;
  const start0 = toks[2 * t];
  const suffix = hashLower(text, Math.max(start0, end0 - 3), end0);
  let k = 0;
  out[k++] = feature(0);
  out[k++] = feature(1, w0);
  out[k++] = feature(2, w1);
  out[k++] = feature(3, w0, w1);
  out[k++] = feature(4, s0);
  out[k++] = feature(5, s1);
  out[k++] = feature(6, s0, s1);
  out[k++] = feature(7, wm1);
  out[k++] = feature(8, wm1, w0);
  out[k++] = feature(9, w0, s1);
  out[k++] = feature(10, s0, w1);
  out[k++] = feature(11, s0, s1, s2);
  out[k++] = feature(12, space, s0, s1);
  out[k++] = feature(13, abbrev, s1);
  out[k++] = feature(14, dist);
  out[k++] = feature(15, dist, s0);
  out[k++] = feature(16, sm1, s0, s1);
  out[k++] = feature(17, w1, s2);
  out[k++] = feature(18, suffix, s1);
  out[k++] = feature(19, w1, w2);
  // The document's punctuation profile, with whether this gap has terminal punctuation.
  const term = endsTerminal(text, toks, t) ? 1 : 0;
  out[k++] = feature(20, profile, term);
  out[k++] = feature(21, profile, term, s1);
  out[k++] = feature(22, profile, term, s0);
  return k;
}

/** Per-token hashes and shapes, computed once. */
function tokenTables(text: string, toks: Int32Array): { w: Uint32Array; sh: Uint32Array } {
  const n = toks.length / 2;
  const w = new Uint32Array(n);
  const sh = new Uint32Array(n);
  for (let t = 0; t < n; t++) {
    const s = toks[2 * t];
    const e = toks[2 * t + 1];
    const q = quoteToken(text, s, e);
    if (q === 1) {
      w[t] = QUOTE_HASH;
      sh[t] = QUOTE_SHAPE;
    } else if (q === 2) {
      w[t] = SINGLE_QUOTE_HASH;
      sh[t] = SINGLE_QUOTE_SHAPE;
    } else {
      w[t] = e - s > 24 ? 3 : hashLower(text, s, e);
      sh[t] = shapeOf(text, s, e);
    }
  }
  return { w, sh };
}

/** Whether a line break lies between two offsets. */
function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/**
 * Whether the gap after token t can be a boundary worth asking the model about: not between a word
 * and a following lower-case word (boundaries there are rare and guessing them costs precision; skipping
 * them keeps the splitter fast).
 */
function candidate(text: string, toks: Int32Array, t: number): boolean {
  const last = text.charCodeAt(toks[2 * t + 1] - 1);
  const next = text.charCodeAt(toks[2 * t + 2]);
  const lastWord = (last >= 97 && last <= 122) || (last >= 65 && last <= 90) || (last >= 48 && last <= 57);
  const nextLower = next >= 97 && next <= 122;
  return !(lastWord && nextLower);
}

export class SentenceModel {
  private readonly scores = new Float32Array(2);
  private readonly feats = new Uint32Array(MAX_FEATURES);

  constructor(readonly linear: LinearModel) {}

  /**
   * Boundary decisions for the tokens: `out[t] = 1` when a sentence ends after token t. Line breaks
   * are always boundaries; elsewhere `rules(t, since)` decides when it returns 0 or 1 and the model
   * when it returns -1. `profile` is the document's `documentProfile`.
   */
  boundaries(
    text: string,
    toks: Int32Array,
    rules: (t: number, since: number) => number,
    profile = documentProfile(text, toks),
  ): Uint8Array {
    const n = toks.length / 2;
    const out = new Uint8Array(n);
    if (n === 0) return out;
    const { w, sh } = tokenTables(text, toks);
    let since = 1;
    for (let t = 0; t < n - 1; t++) {
      let b: number;
      if (lineBreakBetween(text, toks[2 * t + 1], toks[2 * t + 2])) b = 1;
      else {
        const r = rules(t, since);
        if (r >= 0) b = r;
        else if (!candidate(text, toks, t)) b = 0;
        else {
          const k = gapFeatures(text, toks, t, since, w, sh, profile, this.feats);
          this.scores[0] = 0;
          this.scores[1] = 0;
          this.linear.score(this.feats, k, this.scores);
          b = this.scores[1] > this.scores[0] ? 1 : 0;
        }
      }
      out[t] = b;
      since = b ? 1 : since + 1;
    }
    out[n - 1] = 1;
    return out;
  }

  serialize(meta: Omit<SentenceMeta, 'format' | 'classes'>): Buffer {
    return writeBundle<SentenceMeta>(
      { format: FORMAT, classes: this.linear.classes, ...meta },
      { keys: this.linear.keys, weights: this.linear.weights },
    );
  }

  static deserialize(buf: Uint8Array): SentenceModel {
    const { meta, arrays } = readBundle<SentenceMeta>(buf);
    if (meta.format !== FORMAT) throw new SentenceModelError(`not a sentence model (format ${String(meta.format)})`);
    const keys = arrays.keys;
    const weights = arrays.weights;
    if (!(keys instanceof Uint32Array) || !(weights instanceof Float32Array))
      throw new SentenceModelError('sentence model arrays have the wrong types');
    return new SentenceModel(new LinearModel(meta.classes, keys, weights));
  }
}

/**
 * Trains the boundary classifier on treebank sentences laid out as raw text; returns the model file
 * bytes (deterministic for a seed).
 */
export function trainSentenceModel(
  train: ConlluSentence[],
  opts: { seed?: number; epochs?: number; log?: (l: string) => void } = {},
): Buffer {
  const seed = opts.seed ?? 1;
  const epochs = opts.epochs ?? 10;
  const raw = rawTreebank(train);
  // Examples: per document, the tokens, the gold boundaries and the tables.
  const docs = raw.docs.map((doc) => {
    const toks = surfaceTokens(tokenizeWords(doc.text));
    const ends = new Set(doc.sentences.map((s) => s.end));
    const n = toks.length / 2;
    const gold = new Uint8Array(n);
    for (let t = 0; t < n; t++) gold[t] = ends.has(toks[2 * t + 1]) ? 1 : 0;
    return { text: doc.text, toks, gold, profile: documentProfile(doc.text, toks), ...tokenTables(doc.text, toks) };
  });
  const model = new AveragedPerceptron(2, 1 << 16);
  const rand = mulberry32(seed);
  const order = docs.map((_, i) => i);
  const feats = new Uint32Array(MAX_FEATURES);
  const scores = new Float64Array(2);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, rand);
    let errors = 0;
    let total = 0;
    for (const d of order) {
      const { text, toks, gold, w, sh, profile } = docs[d];
      const n = toks.length / 2;
      let since = 1;
      for (let t = 0; t < n - 1; t++) {
        if (lineBreakBetween(text, toks[2 * t + 1], toks[2 * t + 2])) {
          since = 1;
          continue;
        }
        if (!candidate(text, toks, t)) {
          since = gold[t] ? 1 : since + 1;
          continue;
        }
        const k = gapFeatures(text, toks, t, since, w, sh, profile, feats);
        scores[0] = 0;
        scores[1] = 0;
        model.score(feats, k, scores);
        const guess = scores[1] > scores[0] ? 1 : 0;
        model.step++;
        total++;
        if (guess !== gold[t]) {
          errors++;
          model.learn(feats, k, gold[t], guess);
        }
        since = gold[t] ? 1 : since + 1;
      }
    }
    opts.log?.(
      `epoch ${epoch + 1}/${epochs}: ${errors} errors in ${total} gaps (${((100 * errors) / Math.max(1, total)).toFixed(2)} %)`,
    );
  }
  const compiled = new SentenceModel(model.compile(0.001));
  return compiled.serialize({ seed, epochs, trainedOn: `${train.length} sentences` });
}

/** The shipped sentence-boundary model (or the file named by STORYLINE_SENTENCE_MODEL). */
export function defaultSentenceModelPath(): string {
  return shippedModelPath(import.meta.url, 'syntax', SENTENCE_MODEL_FILE, 'STORYLINE_SENTENCE_MODEL');
}

let cached: SentenceModel | null | undefined;

/**
 * The default model, loaded on first use and kept for the life of the process; `null` when no model
 * file can be read (the splitter then falls back to its rules).
 */
export function defaultSentenceModel(): SentenceModel | null {
  if (cached !== undefined) return cached;
  try {
    cached = SentenceModel.deserialize(readFileSync(defaultSentenceModelPath()));
  } catch {
    cached = null;
  }
  return cached;
}

/** Replaces the cached default model (tests, evaluation of a freshly trained file). */
export function setDefaultSentenceModel(model: SentenceModel | null | undefined): void {
  cached = model;
}
