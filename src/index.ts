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
export { STORY_STAGES, DATE_STAGE, defaultStoryParts, type StoryStage, type StoryDraft } from './engine/stages.js';
export { runStages, StageError, type Stage, type StageContext } from './engine/run-stages.js';
export { withBrief, briefOf, normaliseSince, BriefRequestError, type BriefRequest } from './engine/brief.js';
export {
  summarize,
  briefStory,
  briefSince,
  DEFAULT_BRIEF_WORDS,
  type SummarizeOptions,
  type BriefOptions,
} from './summarize/index.js';
export { lexRank } from './summarize/lexrank.js';
export { buildTimeline } from './time/index.js';
export { compareArticles, type Comparison } from './compare/index.js';
export { annotateText, tokenize, joinHyphenated } from './text/annotate.js';
export { annotateSyntax, parseTokens } from './text/parse.js';
export { splitSentences } from './text/sentences.js';
export { tokenizeWords, type WordSpan } from './text/tokenize.js';
export { PosTagger, defaultTagger, type TagResult } from './text/tagger.js';
export { lemmatize } from './text/lemma.js';
export { DependencyParser, defaultParser, type ParseInput, type ParseResult } from './syntax/index.js';
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
  StoreUsageError,
  StoreNotFoundError,
  ForeignDatabaseError,
  StoreLockTimeoutError,
  type OpenOptions,
  type Store,
  type StorySummary,
  type SearchHit,
  type Batch,
} from './store/index.js';
export { FORMAT, toStorylineJson, type StorylineJson, type JsonArticle } from './format/json.js';
export { renderStory } from './format/text.js';
