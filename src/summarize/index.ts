/**
 * Multi-document extractive summarisation: candidate sentences (`candidates.ts`), concept-coverage
 * selection under a word budget (`select.ts`), citations (`cite.ts`); the story brief built on them is
 * in `brief.ts`. The result is ordered by article date and position, and each sentence cites its article
 * plus any article carrying a near-identical sentence.
 */
import type { AnnotatedArticle, SummarySentence } from '../model.js';
import { candidates } from './candidates.js';
import { selectCandidates } from './select.js';
import { sentenceBags, sourcesFor } from './cite.js';

export { briefStory, briefSince, DEFAULT_BRIEF_WORDS, type BriefOptions } from './brief.js';

export interface SummarizeOptions {
  /** Word budget (whitespace-separated words); 100 by default. */
  words?: number;
  /** A query or topic statement to focus the summary on. */
  query?: string;
  /**
   * Drop closing attributions (", officials said.") to fit more content. Off by default: a brief
   * should say who said what; the evaluation reports both settings.
   */
  compress?: boolean;
  /** Drop asides between commas (", who has led the department since 2021,"); see `SummarySentence.omitted`. */
  trimAsides?: boolean;
}

/** Similarity at which another article's sentence is the same statement (a copy or near copy). */
const COPY_COSINE = 0.8;

/** Word budget from a requested number of words: a finite non-negative integer, else the default. */
export function wordBudget(requested: number | undefined, fallback: number): number {
  const n = requested ?? fallback;
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : fallback;
}

/** Multi-document extractive summary within a word budget; see the module comment for the method. */
export function summarize(docs: readonly AnnotatedArticle[], opts: SummarizeOptions = {}): SummarySentence[] {
  const budget = wordBudget(opts.words, 100);
  if (docs.length === 0 || budget === 0) return [];
  const cands = candidates(docs, { compress: opts.compress, trimAsides: opts.trimAsides });
  if (cands.length === 0) return [];
  const chosen = selectCandidates(cands, { budget, articles: docs.length, query: opts.query, docs });
  chosen.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.doc - b.doc || a.start - b.start));
  const bags = sentenceBags(docs);
  return chosen.map((c) => {
    const sentence: SummarySentence = { text: c.text, sources: sourcesFor(c, docs, bags, COPY_COSINE) };
    if (c.omitted) sentence.omitted = c.omitted;
    return sentence;
  });
}
