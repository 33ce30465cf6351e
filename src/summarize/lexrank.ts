/**
 * LexRank (Erkan & Radev 2004), the graph-centrality baseline the summariser is compared with, and its
 * topic-sensitive variant (Otterbacher, Erkan & Radev 2005).
 *
 * - Sentences: the summariser's own candidates (`candidates.ts`: same dateline and connective trimming,
 *   same boilerplate, length, question, quote- and pronoun-opening filters, same whitespace word count),
 *   so the comparison is between selection methods, not between sentence filters.
 * - Similarity: idf-modified cosine of stemmed word counts (all words; stems as ROUGE sees them). By
 *   default idf is computed over the cluster's sentences (every sentence of every article is a
 *   "document": idf = log(N / df)); `idf: 'documents'` computes it over the articles instead, which on a
 *   single-topic cluster gives the topic's own words an idf near zero.
 * - Graph: an edge between two sentences whose cosine exceeds the threshold (0.1), self-loops included
 *   as in the paper's similarity matrix; `continuous: true` weights the edges by the cosine instead.
 * - Ranking: power iteration of p = (1 − d)·u + d·Mᵀp with damping d = 0.85 (M the row-normalised
 *   adjacency) until the L1 change is below 1e-8. u is uniform; with a query it is each sentence's
 *   relevance to the query (Otterbacher et al.: Σ log(tf_s + 1)·log(tf_q + 1)·idf), normalised.
 * - Selection: sentences by decreasing score, skipping one that would exceed the word budget or whose
 *   cosine with an already selected sentence exceeds 0.5. Output order and citations are the
 *   summariser's (article date, then position; near-identical sentences of other articles cited).
 */
import type { AnnotatedArticle, SummarySentence } from '../model.js';
import { candidates, type Candidate } from './candidates.js';
import { sentenceBags, sourcesFor } from './cite.js';
import { stems } from './features.js';

export interface LexRankOptions {
  /** Word budget (whitespace-separated words); 100 by default. */
  words?: number;
  /** Topic-sensitive LexRank: the random jump goes to sentences relevant to this query. */
  query?: string;
  /** Edge threshold on the idf-modified cosine; 0.1 by default. */
  threshold?: number;
  /** Continuous LexRank: edges weighted by the cosine (above the threshold) instead of 0/1. */
  continuous?: boolean;
  /** Probability of following an edge rather than jumping; 0.85 by default. */
  damping?: number;
  /** Cosine above which a sentence repeats one already selected; 0.5 by default. */
  redundancy?: number;
  /** What idf is computed over: the cluster's sentences (default) or its articles. */
  idf?: 'sentences' | 'documents';
}

/** Similarity at which another article's sentence is the same statement (as the summariser cites). */
const COPY_COSINE = 0.8;
const TOLERANCE = 1e-8;
const MAX_ITERATIONS = 1000;

/** A tf-idf vector as a sparse map, with its Euclidean norm. */
export interface Vector {
  weights: Map<string, number>;
  norm: number;
}

function termCounts(terms: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** idf = log(N / df) over the given units (each a set of terms). */
export function inverseDocumentFrequency(units: ReadonlyArray<Iterable<string>>): Map<string, number> {
  const df = new Map<string, number>();
  for (const u of units) for (const t of new Set(u)) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, n] of df) idf.set(t, Math.log(units.length / n));
  return idf;
}

function tfidf(counts: ReadonlyMap<string, number>, idf: ReadonlyMap<string, number>): Vector {
  const weights = new Map<string, number>();
  let sq = 0;
  for (const [t, tf] of counts) {
    const w = tf * (idf.get(t) ?? 0);
    if (w === 0) continue;
    weights.set(t, w);
    sq += w * w;
  }
  return { weights, norm: Math.sqrt(sq) };
}

/** The idf-modified cosine of Erkan & Radev: Σ tf·tf·idf² / (‖tf·idf‖·‖tf·idf‖). */
function vectorCosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, x] of small.weights) {
    const y = large.weights.get(t);
    if (y !== undefined) dot += x * y;
  }
  return dot / (a.norm * b.norm);
}

/**
 * Stationary distribution of the damped random walk over a similarity matrix (rows are summed, so the
 * matrix need not be symmetric): p = (1 − d)·jump + d·Mᵀp. A row without any edge jumps.
 */
export function stationaryDistribution(
  sim: readonly Float64Array[],
  damping: number,
  jump?: readonly number[],
): number[] {
  const n = sim.length;
  if (n === 0) return [];
  const u = jump ?? new Array<number>(n).fill(1 / n);
  const rowSum = sim.map((row) => row.reduce((a, b) => a + b, 0));
  let p = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    const next = u.map((x) => (1 - damping) * x);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      if (rowSum[i] === 0) {
        dangling += p[i];
        continue;
      }
      const f = (damping * p[i]) / rowSum[i];
      const row = sim[i];
      for (let j = 0; j < n; j++) if (row[j] !== 0) next[j] += f * row[j];
    }
    for (let j = 0; j < n; j++) next[j] += damping * dangling * u[j];
    let delta = 0;
    for (let j = 0; j < n; j++) delta += Math.abs(next[j] - p[j]);
    p = next;
    if (delta < TOLERANCE) break;
  }
  return p;
}

/** Otterbacher et al.'s relevance of a sentence to a query: Σ log(tf_s + 1)·log(tf_q + 1)·idf. */
function relevance(
  sentence: ReadonlyMap<string, number>,
  query: ReadonlyMap<string, number>,
  idf: ReadonlyMap<string, number>,
): number {
  let r = 0;
  for (const [t, q] of query) {
    const s = sentence.get(t);
    if (s !== undefined) r += Math.log(s + 1) * Math.log(q + 1) * (idf.get(t) ?? 0);
  }
  return r;
}

/** LexRank scores of the candidate sentences, with the vectors selection compares. */
export function lexRankScores(
  docs: readonly AnnotatedArticle[],
  cands: readonly Candidate[],
  opts: LexRankOptions = {},
): { scores: number[]; vectors: Vector[] } {
  const threshold = opts.threshold ?? 0.1;
  const damping = opts.damping ?? 0.85;
  const units =
    opts.idf === 'documents'
      ? docs.map((d) => stems(d.article.text))
      : docs.flatMap((d) => d.sentences.map((s) => stems(s.text)));
  const idf = inverseDocumentFrequency(units);
  const counts = cands.map((c) => termCounts(stems(c.text)));
  const vectors = counts.map((c) => tfidf(c, idf));
  const n = cands.length;
  const sim = vectors.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const c = i === j ? (vectors[i].norm > 0 ? 1 : 0) : vectorCosine(vectors[i], vectors[j]);
      if (c <= threshold) continue;
      const w = opts.continuous ? c : 1;
      sim[i][j] = w;
      sim[j][i] = w;
    }
  }
  let jump: number[] | undefined;
  if (opts.query) {
    const q = termCounts(stems(opts.query));
    const rel = counts.map((c) => relevance(c, q, idf));
    const total = rel.reduce((a, b) => a + b, 0);
    if (total > 0) jump = rel.map((r) => r / total);
  }
  return { scores: stationaryDistribution(sim, damping, jump), vectors };
}

/** A LexRank summary within a word budget, in the summariser's output shape and order. */
export function lexRank(docs: readonly AnnotatedArticle[], opts: LexRankOptions = {}): SummarySentence[] {
  const requested = opts.words ?? 100;
  const budget = Number.isFinite(requested) ? Math.max(0, Math.floor(requested)) : 100;
  if (docs.length === 0 || budget === 0) return [];
  const cands = candidates(docs);
  if (cands.length === 0) return [];
  const { scores, vectors } = lexRankScores(docs, cands, opts);
  const redundancy = opts.redundancy ?? 0.5;
  // Ties (equal scores) go to the earlier sentence, so the result does not depend on sort stability.
  const order = cands.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const chosen: number[] = [];
  let used = 0;
  for (const i of order) {
    if (used + cands[i].words > budget) continue;
    if (chosen.some((j) => vectorCosine(vectors[i], vectors[j]) > redundancy)) continue;
    chosen.push(i);
    used += cands[i].words;
  }
  const picked = chosen.map((i) => cands[i]);
  picked.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.doc - b.doc || a.start - b.start));
  const bags = sentenceBags(docs);
  return picked.map((c) => ({ text: c.text, sources: sourcesFor(c, docs, bags, COPY_COSINE) }));
}
