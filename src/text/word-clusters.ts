import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { FeatureTable, hashString } from '../learn/hash.js';
import type { ConlluSentence } from './conllu.js';
import { tokenizeWords } from './tokenize.js';

/**
 * Word clusters learnt from unlabelled text, for the part-of-speech tagger's features: words that occur
 * in similar contexts share a cluster, so a word the treebank never tagged still carries what its
 * neighbours in news text say about it (Koo et al. 2008 and Turian et al. 2010 use Brown clusters so).
 *
 * The clusters are those of a class bigram language model, as Brown clusters are, found by the exchange
 * algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998) rather than by Brown's agglomeration: each
 * pass moves every word to the class that raises the corpus likelihood most. Instead of one tree there
 * are a few flat clusterings of different sizes (by default 64 and 256 classes), each a feature level.
 * Deterministic: words are visited by decreasing frequency (ties by form) from a fixed start.
 */

export interface WordClusters {
  /** `hashString(clusterKey(word))` per clustered word, most frequent first. */
  keys: Uint32Array;
  /** Cluster of word r at level l: `ids[r * levels + l]` (coarsest level first). */
  ids: Uint16Array;
  levels: number;
}

export interface ClusterOptions {
  /** Words seen fewer times are not clustered (default 3). */
  minCount?: number;
  /** At most this many words are clustered, the most frequent first (default 50,000). */
  maxWords?: number;
  /** Numbers of clusters, one flat clustering (feature level) per size, coarsest first (default [64, 256]). */
  sizes?: number[];
  /** Exchange passes per clustering (default 6). */
  iterations?: number;
  log?: (line: string) => void;
}

/** The form under which words are clustered: typographic apostrophes made ASCII, digits folded to 0. */
export function clusterKey(w: string): string {
  let s = /^[\x20-\x7e]*$/.test(w) ? w : w.replace(/[\u2018\u2019\u201b\u2032\u00b4]/g, "'");
  if (/\d/.test(s)) s = s.replace(/\d/g, '0');
  return s;
}

/** Splits texts into word sequences exactly as the tokeniser does at run time. */
export function tokenizeTexts(texts: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const t of texts) {
    const spans = tokenizeWords(t);
    out.push(spans.map((s) => t.slice(s.start, s.end)));
  }
  return out;
}

/**
 * The tagger's clusters: learnt from unlabelled text (tokenised as at run time) plus the words of the
 * treebank sentences (deterministic).
 */
export function learnTaggerClusters(
  train: readonly ConlluSentence[],
  unlabelled: readonly string[],
  opts: ClusterOptions = {},
): WordClusters {
  const seqs = tokenizeTexts(unlabelled);
  for (const s of train) seqs.push(s.words.map((w) => w.form));
  return learnWordClusters(seqs, opts);
}

/** Learns word clusters from word sequences (a sequence's ends count as a boundary context). */
export function learnWordClusters(sequences: Iterable<readonly string[]>, opts: ClusterOptions = {}): WordClusters {
  const minCount = opts.minCount ?? 3;
  const maxWords = opts.maxWords ?? 50_000;
  const log = opts.log ?? ((): void => {});
  const t0 = Date.now();

  // Word ids by first occurrence, counts.
  const ids = new Map<string, number>();
  const counts: number[] = [];
  const seqs: Int32Array[] = [];
  let tokens = 0;
  for (const seq of sequences) {
    const a = new Int32Array(seq.length);
    for (let i = 0; i < seq.length; i++) {
      const k = clusterKey(seq[i]);
      let id = ids.get(k);
      if (id === undefined) {
        id = counts.length;
        ids.set(k, id);
        counts.push(0);
      }
      counts[id]++;
      a[i] = id;
    }
    tokens += seq.length;
    seqs.push(a);
  }
  const words = [...ids.keys()];
  const byFreq = words.map((_, i) => i).sort((a, b) => counts[b] - counts[a] || (words[a] < words[b] ? -1 : 1));
  // Rows: the clustered words, most frequent first.
  const row = new Int32Array(words.length).fill(-1);
  const members: number[] = [];
  for (const w of byFreq) {
    if (counts[w] < minCount || members.length >= maxWords) break;
    row[w] = members.length;
    members.push(w);
  }
  const V = members.length;
  log(`clusters: ${tokens} tokens, ${words.length} word types, ${V} clustered (seen ${minCount}+ times)`);
  if (V === 0) return { keys: new Uint32Array(0), ids: new Uint16Array(0), levels: 0 };
  // Ids must fit 16 bits with room for the tagger's "not clustered" and "no word" ids.
  const sizes = (opts.sizes ?? [64, 256]).map((n) => Math.max(1, Math.min(60_000, Math.floor(n))));
  const out = new Uint16Array(V * sizes.length);
  sizes.forEach((size, l) => {
    const cls = exchangeClusters(seqs, row, V, size, opts.iterations ?? 6, log);
    for (let r = 0; r < V; r++) out[r * sizes.length + l] = cls[r];
  });
  const keys = new Uint32Array(V);
  for (let r = 0; r < V; r++) keys[r] = hashString(words[members[r]]);
  log(`clusters: exchange ${sizes.join('/')} in ${Date.now() - t0} ms`);
  return { keys, ids: out, levels: sizes.length };
}

const xlogx = (x: number): number => (x > 0 ? x * Math.log(x) : 0);

/**
 * Exchange clustering (Kneser & Ney 1993, Martin et al. 1998): maximises the likelihood of a class
 * bigram model by moving one word at a time to the class that gains most. Rare words and sequence ends
 * are two fixed classes. Words are visited by decreasing frequency; the start puts word r in class r % C.
 */
function exchangeClusters(
  seqs: readonly Int32Array[],
  row: Int32Array,
  V: number,
  C: number,
  iterations: number,
  log: (line: string) => void,
): Uint16Array {
  const RARE = V;
  const EDGE = V + 1;
  const U = V + 2;
  const K = C + 2;
  // Bigram counts between units (clustered words, RARE, EDGE), as CSR both ways.
  const pairs = new Map<number, number>();
  for (const a of seqs) {
    let prev = EDGE;
    for (let i = 0; i <= a.length; i++) {
      const u = i < a.length ? (row[a[i]] < 0 ? RARE : row[a[i]]) : EDGE;
      const key = prev * U + u;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
      prev = u;
    }
  }
  const build = (first: boolean): { start: Int32Array; other: Int32Array; count: Float64Array } => {
    const start = new Int32Array(U + 1);
    for (const key of pairs.keys()) start[(first ? Math.floor(key / U) : key % U) + 1]++;
    for (let u = 0; u < U; u++) start[u + 1] += start[u];
    const fill = start.slice(0, U);
    const other = new Int32Array(pairs.size);
    const count = new Float64Array(pairs.size);
    for (const [key, n] of pairs) {
      const a = Math.floor(key / U);
      const b = key % U;
      const p = fill[first ? a : b]++;
      other[p] = first ? b : a;
      count[p] = n;
    }
    return { start, other, count };
  };
  const right = build(true); // (u, v): right neighbours of u
  const left = build(false); // (v, u): left neighbours of u
  const cls = new Int32Array(U);
  for (let r = 0; r < V; r++) cls[r] = r % C;
  cls[RARE] = C;
  cls[EDGE] = C + 1;
  const N = new Float64Array(K * K);
  const NL = new Float64Array(K);
  const NR = new Float64Array(K);
  for (const [key, n] of pairs) {
    const a = cls[Math.floor(key / U)];
    const b = cls[key % U];
    N[a * K + b] += n;
    NL[a] += n;
    NR[b] += n;
  }
  const Lw = new Float64Array(K);
  const Rw = new Float64Array(K);
  const lList: number[] = [];
  const rList: number[] = [];
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let w = 0; w < V; w++) {
      const a = cls[w];
      let self = 0;
      let nL = 0;
      let nR = 0;
      lList.length = 0;
      rList.length = 0;
      for (let p = left.start[w]; p < left.start[w + 1]; p++) {
        const u = left.other[p];
        const n = left.count[p];
        nR += n;
        if (u === w) self += n;
        else {
          const d = cls[u];
          if (Lw[d] === 0) lList.push(d);
          Lw[d] += n;
        }
      }
      for (let p = right.start[w]; p < right.start[w + 1]; p++) {
        const u = right.other[p];
        const n = right.count[p];
        nL += n;
        if (u === w) continue;
        const d = cls[u];
        if (Rw[d] === 0) rList.push(d);
        Rw[d] += n;
      }
      // Take w out of its class.
      for (const d of lList) N[d * K + a] -= Lw[d];
      for (const d of rList) N[a * K + d] -= Rw[d];
      N[a * K + a] -= self;
      NL[a] -= nL;
      NR[a] -= nR;
      let best = a;
      let bestGain = -Infinity;
      for (let c = 0; c < C; c++) {
        let g = 0;
        for (const d of lList) if (d !== c) g += xlogx(N[d * K + c] + Lw[d]) - xlogx(N[d * K + c]);
        for (const d of rList) if (d !== c) g += xlogx(N[c * K + d] + Rw[d]) - xlogx(N[c * K + d]);
        const cc = N[c * K + c];
        g += xlogx(cc + Lw[c] + Rw[c] + self) - xlogx(cc);
        g -= xlogx(NL[c] + nL) - xlogx(NL[c]) + xlogx(NR[c] + nR) - xlogx(NR[c]);
        if (g > bestGain + 1e-9) [best, bestGain] = [c, g];
      }
      for (const d of lList) N[d * K + best] += Lw[d];
      for (const d of rList) N[best * K + d] += Rw[d];
      N[best * K + best] += self;
      NL[best] += nL;
      NR[best] += nR;
      if (best !== a) moved++;
      cls[w] = best;
      for (const d of lList) Lw[d] = 0;
      for (const d of rList) Rw[d] = 0;
    }
    log(`clusters: exchange ${C}, pass ${it + 1}: ${moved} words moved`);
    if (moved === 0) break;
  }
  return Uint16Array.from(cls.subarray(0, V));
}

// ---------------------------------------------------------------------------------------------------
// Unlabelled text

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
  });
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/**
 * The unlabelled news text shipped with the evaluation data (never UD English EWT dev or test): DUC 2006
 * article bodies, PolNeAR train and dev articles, ECB+ stories (pre-tokenised, joined with spaces) and
 * CoNLL-2003 English train sentences. Missing corpora are skipped. One string per article or sentence.
 */
export function loadUnlabelledText(dataRoot: string): string[] {
  const out: string[] = [];
  const duc = path.join(dataRoot, 'summaries/duc2006/docs');
  for (const set of listDir(duc))
    for (const f of listDir(path.join(duc, set))) {
      const sgml = readFileSync(path.join(duc, set, f), 'latin1');
      for (const m of sgml.matchAll(/<TEXT>([\s\S]*?)<\/TEXT>/g))
        for (const p of m[1].split(/<\/?P>/)) if (p.trim()) out.push(decodeEntities(p.replace(/<[^>]*>/g, ' ')));
    }
  for (const part of ['train', 'dev']) {
    const dir = path.join(dataRoot, 'quotes/polnear', part, 'text');
    for (const f of listDir(dir)) if (f.endsWith('.txt')) out.push(readFileSync(path.join(dir, f), 'utf8'));
  }
  const ecb = path.join(dataRoot, 'stories/ecbplus');
  for (const topic of listDir(ecb))
    for (const f of listDir(path.join(ecb, topic))) {
      if (!f.endsWith('.xml')) continue;
      const xml = readFileSync(path.join(ecb, topic, f), 'utf8');
      let sent = '';
      let words: string[] = [];
      for (const m of xml.matchAll(/<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
        if (m[1] !== sent && words.length) {
          out.push(words.join(' '));
          words = [];
        }
        sent = m[1];
        words.push(decodeEntities(m[2]));
      }
      if (words.length) out.push(words.join(' '));
    }
  const conll = path.join(dataRoot, 'ner/conll2003/eng.train');
  if (existsSync(conll)) {
    let words: string[] = [];
    for (const line of readFileSync(conll, 'utf8').split(/\r?\n/)) {
      const w = line.split(/\s/)[0];
      if (!w || w === '-DOCSTART-') {
        if (words.length) out.push(words.join(' '));
        words = [];
      } else words.push(w);
    }
    if (words.length) out.push(words.join(' '));
  }
  return out;
}

/**
 * Looks words up in clusters: the exact form first, then lowercase. Returns the cluster id at each
 * level of the tree (top first), or undefined for a word that was not clustered.
 */
export function clusterLookup(clusters: WordClusters): (norm: string) => readonly number[] | undefined {
  const { levels, ids } = clusters;
  const table = new FeatureTable(clusters.keys);
  const paths = new Map<number, readonly number[]>();
  return (norm) => {
    const key = clusterKey(norm);
    let r = table.get(hashString(key));
    if (r < 0) {
      const lower = key.toLowerCase();
      if (lower !== key) r = table.get(hashString(lower));
    }
    if (r < 0) return undefined;
    let p = paths.get(r);
    if (!p) paths.set(r, (p = Array.from(ids.subarray(r * levels, r * levels + levels))));
    return p;
  };
}
