/**
 * Story clustering: the public API. The clusterer itself is in clusterer.ts; the other modules here are
 * its parts (options, weights, postings, topics, explanations, maintenance, snapshots, outlet counting).
 */
export {
  articleFeatures,
  explicitDates,
  FEATURE_GROUPS,
  type ArticleFeatures,
  type FeatureGroup,
  type LeadFeatures,
} from './features.js';
export {
  NearDuplicateIndex,
  DEFAULT_DEDUP_OPTIONS,
  type DedupOptions,
  type DuplicateMatch,
  type Signature,
} from './dedup.js';
export { bcubed, pairwise, type PRF } from './metrics.js';
export { decodePrepared, encodePrepared, type EncodedPrepared } from './prepared.js';
export { DEFAULT_STORY_OPTIONS, type StoryClustererOptions } from './options.js';
export type {
  AddDecision,
  Assignment,
  ClustererStats,
  Explanation,
  PreparedArticle,
  RecheckResult,
  SharedFeature,
  StoryConstraint,
  ClusterSummary,
} from './types.js';
export { StoryClustererError } from './errors.js';
export type { ClustererSnapshot } from './snapshot.js';
export { StoryClusterer, clusterArticles } from './clusterer.js';
