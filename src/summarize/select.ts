/**
 * Concept-coverage selection (Gillick & Favre 2009) optimised greedily under a word budget (Lin & Bilmes
 * 2010). Concepts are stemmed bigrams with a content word; a concept's weight is the number of articles
 * that mention it (in any of their sentences, not only the candidate ones), doubled when it contains a
 * query word. The greedy runs with three length exponents and keeps the selection with the highest
 * objective (covered weight, each concept counted with the best prior of a sentence covering it). A sentence's gain is the weight of the concepts
 * it adds that the summary does not cover yet, so redundancy is penalised by construction; near-duplicates
 * are also rejected outright.
 */
import type { AnnotatedArticle } from '../model.js';
import { bag, bagCosine, bigramConcepts, contentStems, isBoilerplate } from './features.js';
import type { Candidate } from './candidates.js';
import { MaxHeap } from './heap.js';

/**
 * Global settings, chosen on DUC 2006 as a whole (no per-cluster tuning): gain is divided by
 * length^0.8 (slightly favouring longer sentences over pure gain/length), query similarity scales a
 * sentence's gain by up to 1 + 3·cosine, and lead sentences get a small bonus.
 */
const LENGTH_EXPONENT = 0.8;
/**
 * Other exponents the greedy also runs with; the selection with the highest objective wins (the
 * objective decides, not ROUGE), which guards against one exponent packing a budget badly.
 */
const OTHER_LENGTH_EXPONENTS = [0.6, 1.0];
const QUERY_WEIGHT = 3;
const LEAD_WEIGHT = 0.3;
/** Content cosine above which two sentences say the same thing. */
export const DUPLICATE_COSINE = 0.5;

export interface SelectOptions {
  /** Word budget, including the seeds' words. */
  budget: number;
  /** Number of articles the candidates come from (concepts need two of them once there are four). */
  articles: number;
  query?: string;
  /** Sentences already in the summary: their concepts are covered and their words spent. */
  seeds?: readonly Candidate[];
  /** Concepts already known to the reader (a brief of what is new leaves them out). */
  known?: ReadonlySet<string>;
  /** Stop after this many sentences (seeds included). */
  maxSentences?: number;
  /**
   * The articles the candidates come from (candidates' `doc` indexes into it): concept weights then count
   * every sentence but boilerplate, so salience does not depend on which sentences are fit to quote.
   */
  docs?: readonly AnnotatedArticle[];
}

/** Number of articles mentioning each concept in any non-boilerplate sentence. */
function articleFrequency(docs: readonly AnnotatedArticle[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) {
    const seen = new Set<string>();
    for (const s of d.sentences) {
      if (isBoilerplate(s.text)) continue;
      for (const k of bigramConcepts(s.text)) seen.add(k);
    }
    for (const k of seen) df.set(k, (df.get(k) ?? 0) + 1);
  }
  return df;
}

/**
 * Concept weights: the number of articles mentioning each concept (in any sentence when `docs` is
 * given, else in the candidates), doubled with a query word.
 */
export function conceptWeights(
  cands: readonly Candidate[],
  articles: number,
  query: ReadonlySet<string>,
  docs?: readonly AnnotatedArticle[],
) {
  const df = docs ? articleFrequency(docs) : new Map<string, number>();
  const seen = new Map<string, number>();
  if (!docs) {
    for (const c of cands) {
      for (const k of c.concepts) {
        if (seen.get(k) === c.doc) continue;
        seen.set(k, c.doc);
        df.set(k, (df.get(k) ?? 0) + 1);
      }
    }
  }
  const minDf = articles >= 4 ? 2 : 1;
  const weight = new Map<string, number>();
  for (const [k, n] of df) {
    if (n < minDf) continue;
    const [a, b] = k.split(' ');
    weight.set(k, n * (query.has(a) || query.has(b) ? 2 : 1));
  }
  return weight;
}

/** Sentence-level prior: query relevance and lead position. */
export function priorOf(c: Candidate, queryBag: ReturnType<typeof bag> | undefined): number {
  const rel = queryBag ? bagCosine(c.content, queryBag) : 0;
  const lead = c.rank === 0 ? 1 : c.rank < 3 ? 0.5 : 0;
  return 1 + QUERY_WEIGHT * rel + LEAD_WEIGHT * lead;
}

/** A candidate's score on its own: covered weight × prior / length^0.8 (for choosing a sentence outright). */
export function standaloneScore(
  c: Candidate,
  weight: ReadonlyMap<string, number>,
  queryBag: ReturnType<typeof bag> | undefined,
): number {
  let gain = 0;
  for (const k of c.concepts) gain += weight.get(k) ?? 0;
  return (gain * priorOf(c, queryBag)) / Math.pow(Math.max(1, c.words), LENGTH_EXPONENT);
}

export function queryBagOf(query: string | undefined): ReturnType<typeof bag> | undefined {
  const q = query ? contentStems(query) : [];
  return q.length > 0 ? bag([...new Set(q)]) : undefined;
}

/** Picks candidates greedily by gain under the budget; returns the chosen ones (seeds excluded). */
export function selectCandidates(cands: readonly Candidate[], opts: SelectOptions): Candidate[] {
  const query = new Set(opts.query ? contentStems(opts.query) : []);
  const queryBag = query.size > 0 ? bag([...query]) : undefined;
  const weight = conceptWeights(cands, opts.articles, query, opts.docs);
  const seeds = opts.seeds ?? [];

  const conceptId = new Map<string, number>();
  const weights: number[] = [];
  const idOf = (k: string): number | undefined => {
    const w = weight.get(k);
    if (w === undefined) return undefined;
    let id = conceptId.get(k);
    if (id === undefined) {
      id = weights.length;
      conceptId.set(k, id);
      weights.push(w);
    }
    return id;
  };
  const ids = cands.map((c) => c.concepts.map(idOf).filter((x): x is number => x !== undefined));
  const initial = new Uint8Array(weights.length);
  const cover = (concepts: readonly string[]): void => {
    for (const k of concepts) {
      const id = conceptId.get(k);
      if (id !== undefined) initial[id] = 1;
    }
  };
  for (const s of seeds) cover(s.concepts);
  if (opts.known) cover([...opts.known]);

  const priors = cands.map((c) => priorOf(c, queryBag));
  const greedy = (exponent: number): number[] => {
    const covered = Uint8Array.from(initial);
    // Lazy greedy (Minoux): a candidate's score only falls as coverage grows, so a stale score is an
    // upper bound and most candidates are never rescored.
    const scoreOf = (i: number): number => {
      let gain = 0;
      for (const id of ids[i]) if (!covered[id]) gain += weights[id];
      return gain <= 0 ? 0 : (gain * priors[i]) / Math.pow(cands[i].words, exponent);
    };
    const heap = new MaxHeap();
    cands.forEach((_, i) => {
      const sc = scoreOf(i);
      if (sc > 0) heap.push(i, sc);
    });
    const chosen: number[] = [];
    const inSummary = [...seeds];
    let used = seeds.reduce((n, s) => n + s.words, 0);
    const limit = opts.maxSentences ?? Infinity;
    while (heap.size > 0 && inSummary.length < limit) {
      const i = heap.pop();
      const c = cands[i];
      if (used + c.words > opts.budget) continue;
      if (inSummary.includes(c)) continue;
      const sc = scoreOf(i);
      if (sc <= 0) continue;
      if (heap.size > 0 && sc < heap.topScore()) {
        heap.push(i, sc);
        continue;
      }
      if (inSummary.some((x) => bagCosine(x.content, c.content) > DUPLICATE_COSINE)) continue;
      // A sentence that refers back reads only after one that introduces what it refers to.
      if (c.antecedent && !inSummary.some((x) => x.content.counts.has(c.antecedent as string))) continue;
      chosen.push(i);
      inSummary.push(c);
      used += c.words;
      for (const id of ids[i]) covered[id] = 1;
    }
    return chosen;
  };
  // The objective: each newly covered concept's weight times the best prior of a chosen sentence covering it.
  const objective = (chosen: readonly number[]): number => {
    const best = new Map<number, number>();
    for (const i of chosen)
      for (const id of ids[i]) if (!initial[id] && (best.get(id) ?? 0) < priors[i]) best.set(id, priors[i]);
    let v = 0;
    for (const [id, p] of best) v += weights[id] * p;
    return v;
  };
  let chosen = greedy(LENGTH_EXPONENT);
  let value = objective(chosen);
  for (const exponent of OTHER_LENGTH_EXPONENTS) {
    const other = greedy(exponent);
    const v = objective(other);
    if (v > value) {
      chosen = other;
      value = v;
    }
  }
  return chosen.map((i) => cands[i]);
}
