/** Storyline's public API. */
export type * from './model.js';
export {
  ARTICLE_STAGES,
  annotateArticle,
  emptyAnnotations,
  type ArticleStage,
  type PipelineContext,
} from './pipeline.js';
export { Engine, type EngineOptions, type IngestReport } from './engine/engine.js';
export { assembleStory, type StoryParts } from './engine/story.js';
export { annotateText, tokenize } from './text/annotate.js';
export { splitSentences } from './text/sentences.js';
export { annotateEntities, resolveEntities } from './entities/index.js';
export { annotateTime } from './time/index.js';
export { annotateQuotes } from './quotes/index.js';
export { readArticleFile, walkPaths, DEFAULT_MAX_BYTES, type ReadResult } from './ingest/files.js';
export { parseTextFile, makeArticle, contentHash, normalizeQuotes, type ArticleMetadata } from './ingest/parse.js';
export { decodeBytes } from './ingest/decode.js';
export { IngestError, type IngestFailure, type IngestErrorKind } from './ingest/errors.js';
export {
  openStore,
  defaultDatabase,
  SqliteStore,
  StoreError,
  type Store,
  type StorySummary,
  type SearchHit,
  type Batch,
} from './store/index.js';
export { FORMAT, toStorylineJson, type StorylineJson, type JsonArticle } from './format/json.js';
export { renderStory } from './format/text.js';
