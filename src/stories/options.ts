import type { DedupOptions } from './dedup.js';
import { StoryClustererError } from './errors.js';
import { FEATURE_GROUPS, type FeatureGroup } from './features.js';

/** Tunable settings. Defaults were tuned on ECB+ (topics 1–35) and DUC 2006; see docs/evaluation/stories.md. */
export interface StoryClustererOptions {
  /** Minimum score for an article to join an existing story. */
  threshold: number;
  /**
   * Minimum score for a new story to be filed under the topic of the closest story: a similar event of the
   * same kind (another earthquake, another Oscars ceremony) rather than the same event.
   */
  topicThreshold: number;
  /** Topic score at which an article links the topic of its story with another story's topic. */
  topicLinkThreshold: number;
  /** Weights of the topic score: what kind of event (terms) counts more than who and where. */
  topicWeights: Record<FeatureGroup, number>;
  /** Weight of each feature group's cosine similarity in the score. */
  weights: Record<FeatureGroup, number>;
  /** Score added per group when both sides have features of the group but share none (negative: a conflict). */
  conflict: Record<FeatureGroup, number>;
  /**
   * Added when the article's lead (dateline and first sentence) names places or organisations and the
   * story's leads name others, none of them shared: a similar event somewhere else.
   */
  leadPlaceConflict: number;
  /** Added when the days the lead reports on are all more than `leadDayTolerance` days from the story's. */
  leadDayConflict: number;
  leadDayTolerance: number;
  /** A story whose latest article is this many days older than a new article is no longer a candidate. */
  windowDays: number;
  /** Days of inactivity after which a story's score is halved (the decay is smooth within the window). */
  halfLifeDays: number;
  /** Lowest factor the time decay applies. */
  decayFloor: number;
  /** Stories scored in full per article, after a cheap ranking of the inverted-index hits. */
  maxCandidates: number;
  /** Stories kept per feature in the inverted index (the most recently updated). */
  maxPostings: number;
  /** Salient terms of an article used to look up candidates. */
  queryTerms: number;
  /** Features seen in more than this share of articles are too common to retrieve candidates. */
  commonFeatureRatio: number;
  /** Features kept per group in a story's centroid. */
  storyFeatures: Record<FeatureGroup, number>;
  /** Near-duplicate detection settings, or false to turn it off. */
  dedup: Partial<DedupOptions> | false;
  /** Centroid score above which `recheck()` merges two stories. */
  mergeThreshold: number;
  /** Topic-centroid score above which `recheck()` joins two topics. */
  topicMergeThreshold: number;
  /** Average-link score below which `recheck()` separates parts of a story. */
  splitThreshold: number;
  /** Smallest part `recheck()` splits off. */
  minSplitSize: number;
  /** Prefix of story ids. */
  idPrefix: string;
}

export const DEFAULT_STORY_OPTIONS: StoryClustererOptions = {
  threshold: 0.2,
  topicThreshold: 0.15,
  topicLinkThreshold: 0.3,
  topicWeights: { entity: 0.2, term: 0.8, number: 0, date: 0, quote: 0 },
  weights: { entity: 0.4, term: 0.45, number: 0.05, date: 0.1, quote: 0.15 },
  conflict: { entity: -0.05, term: 0, number: 0, date: -0.03, quote: 0 },
  leadPlaceConflict: -0.12,
  leadDayConflict: -0.1,
  leadDayTolerance: 7,
  windowDays: 730,
  halfLifeDays: 180,
  decayFloor: 0.85,
  maxCandidates: 40,
  maxPostings: 64,
  queryTerms: 30,
  commonFeatureRatio: 0.1,
  storyFeatures: { entity: 150, term: 300, number: 60, date: 60, quote: 600 },
  dedup: {},
  mergeThreshold: 0.45,
  topicMergeThreshold: 0.3,
  splitThreshold: 0.08,
  minSplitSize: 2,
  idPrefix: 'story-',
};

/** Fills what `o` leaves out from `base` and refuses settings that would make scores meaningless. */
export function mergeOptions(base: StoryClustererOptions, o: Partial<StoryClustererOptions>): StoryClustererOptions {
  const out: StoryClustererOptions = {
    ...base,
    ...o,
    weights: { ...base.weights, ...(o.weights ?? {}) },
    topicWeights: { ...base.topicWeights, ...(o.topicWeights ?? {}) },
    conflict: { ...base.conflict, ...(o.conflict ?? {}) },
    storyFeatures: { ...base.storyFeatures, ...(o.storyFeatures ?? {}) },
  };
  const finite = (name: string, x: number): void => {
    if (typeof x !== 'number' || !Number.isFinite(x))
      throw new StoryClustererError(`option ${name} must be a finite number, got ${String(x)}`);
  };
  finite('threshold', out.threshold);
  finite('mergeThreshold', out.mergeThreshold);
  finite('splitThreshold', out.splitThreshold);
  finite('leadPlaceConflict', out.leadPlaceConflict);
  finite('leadDayConflict', out.leadDayConflict);
  finite('leadDayTolerance', out.leadDayTolerance);
  for (const g of FEATURE_GROUPS) {
    finite(`weights.${g}`, out.weights[g]);
    finite(`conflict.${g}`, out.conflict[g]);
  }
  for (const [name, x] of [
    ['windowDays', out.windowDays],
    ['halfLifeDays', out.halfLifeDays],
    ['maxCandidates', out.maxCandidates],
    ['maxPostings', out.maxPostings],
    ['queryTerms', out.queryTerms],
  ] as const) {
    if (typeof x !== 'number' || !(x > 0))
      throw new StoryClustererError(`option ${name} must be a positive number, got ${String(x)}`);
  }
  return out;
}
