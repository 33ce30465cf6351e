import type { AnnotatedArticle, Article } from './model.js';
import { annotateText } from './text/annotate.js';
import { annotateSyntax } from './text/parse.js';
import { annotateEntities } from './entities/index.js';
import { annotateTime } from './time/index.js';
import { annotateQuotes } from './quotes/index.js';

/** Settings shared by the stages of one run. */
export interface PipelineContext {
  /** Stage timings in milliseconds, accumulated when present (benchmarks read them). */
  timings?: Map<string, number>;
}

/** A per-article stage: a pure function from an annotated article to a richer one. */
export interface ArticleStage {
  name: string;
  run: (doc: AnnotatedArticle, ctx: PipelineContext) => AnnotatedArticle;
}

/**
 * The per-article stages, in order. Each reads what the stages before it added:
 * the parse needs tagged tokens; entities need tokens and sentences; quotes need entities to name speakers;
 * time needs sentences.
 */
export const ARTICLE_STAGES: readonly ArticleStage[] = [
  { name: 'text', run: (doc) => annotateText(doc) },
  { name: 'syntax', run: (doc) => annotateSyntax(doc) },
  { name: 'entities', run: (doc) => annotateEntities(doc) },
  { name: 'time', run: (doc) => annotateTime(doc) },
  { name: 'quotes', run: (doc) => annotateQuotes(doc) },
];

export function emptyAnnotations(article: Article): AnnotatedArticle {
  return { article, sentences: [], tokens: [], mentions: [], entities: [], quotes: [], timexes: [] };
}

/** Runs every per-article stage over one article. */
export function annotateArticle(article: Article, ctx: PipelineContext = {}): AnnotatedArticle {
  let doc = emptyAnnotations(article);
  for (const stage of ARTICLE_STAGES) {
    if (ctx.timings) {
      const t0 = performance.now();
      doc = stage.run(doc, ctx);
      ctx.timings.set(stage.name, (ctx.timings.get(stage.name) ?? 0) + performance.now() - t0);
    } else {
      doc = stage.run(doc, ctx);
    }
  }
  return doc;
}
