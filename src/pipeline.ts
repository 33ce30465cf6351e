import type { AnnotatedArticle, Article } from './model.js';
import { annotateText } from './text/annotate.js';
import { annotateSyntax } from './text/parse.js';
import { annotateEntities } from './entities/index.js';
import { annotateTime } from './time/index.js';
import { analyzeQuotes } from './quotes/index.js';
import { runStages, type Stage, type StageContext } from './engine/run-stages.js';

/** Settings shared by the stages of one run. */
export type PipelineContext = StageContext;

/** A per-article stage: a pure function from an annotated article to a richer one. */
export type ArticleStage = Stage<AnnotatedArticle, PipelineContext>;

/** What the per-article stages start from: the article, with every annotation empty. */
export const ARTICLE_INPUTS: readonly (keyof AnnotatedArticle)[] = ['article'];

/**
 * The per-article stages, in order. Each reads what the stages before it added: the parse needs tagged
 * tokens; entities need tokens and sentences; time needs sentences (and the parse for tense); quotes need
 * entities to name speakers.
 */
export const ARTICLE_STAGES: readonly ArticleStage[] = [
  { name: 'text', requires: ['article'], assigns: ['sentences', 'tokens'], run: (doc) => annotateText(doc) },
  { name: 'syntax', requires: ['tokens'], assigns: ['tokens'], run: (doc) => annotateSyntax(doc) },
  {
    name: 'entities',
    requires: ['article', 'tokens'],
    assigns: ['mentions', 'entities'],
    run: (doc) => annotateEntities(doc),
  },
  { name: 'time', requires: ['article', 'sentences', 'tokens'], assigns: ['timexes'], run: (doc) => annotateTime(doc) },
  {
    name: 'quotes',
    requires: ['article', 'sentences', 'tokens', 'mentions', 'entities'],
    assigns: ['quotes'],
    // A malformed article must not stop the pipeline: it simply has no quotes.
    optional: true,
    run: (doc) => ({ ...doc, quotes: analyzeQuotes(doc).quotes }),
  },
];

export function emptyAnnotations(article: Article): AnnotatedArticle {
  return { article, sentences: [], tokens: [], mentions: [], entities: [], quotes: [], timexes: [] };
}

/** Runs every per-article stage over one article. */
export function annotateArticle(article: Article, ctx: PipelineContext = {}): AnnotatedArticle {
  return runStages(ARTICLE_STAGES, emptyAnnotations(article), ctx);
}
