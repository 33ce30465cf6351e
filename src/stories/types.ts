import type { Signature } from './dedup.js';
import type { ArticleFeatures, FeatureGroup } from './features.js';

/* What the clusterer hands out and takes back: results, explanations, decisions and manual constraints. */

export interface SharedFeature {
  /** Entity name, term stem, date value or number as written in the features. */
  name: string;
  /** Share of the group's similarity this feature accounts for. */
  weight: number;
}

/** Why an article went where it went. */
export interface Explanation {
  decision: 'joined' | 'new' | 'duplicate' | 'repeat';
  score: number;
  threshold: number;
  /** Per-group cosine similarity with the chosen (or best rejected) story. */
  similarities: Record<FeatureGroup, number>;
  sharedEntities: SharedFeature[];
  sharedTerms: SharedFeature[];
  sharedDates: string[];
  sharedNumbers: string[];
  /** Three-word shingles of quotations found in both. */
  sharedQuoteShingles: number;
  /** Days between the article and the story's date range, when both are dated. */
  daysApart?: number;
  /** Stories scored in full. */
  candidates: number;
  /** The best story not chosen, or the best rejected one for a new story. */
  runnerUp?: { storyId: string; score: number };
  duplicate?: { articleId: string; jaccard: number; containment: number };
  /** One readable sentence. */
  summary: string;
}

export interface Assignment {
  storyId: string;
  isNew: boolean;
  score: number;
  explanation: Explanation;
  duplicateOf?: string;
  /** What another clusterer in the same state needs to repeat this step without scoring (see `add`). */
  decision?: AddDecision;
}

/**
 * The outcome of scoring one article: its story and the topic changes. Replaying it on a clusterer in the
 * same state gives the same state as scoring again, at a fraction of the cost.
 */
export interface AddDecision {
  storyId: string;
  isNew: boolean;
  /** Topic a new story was filed under, when not a topic of its own. */
  topic?: string;
  /** Topics joined with the story's topic because the article scored high against them. */
  links?: string[];
}

/** An article reduced to what story assignment reads (see `StoryClusterer.prepare`). */
export interface PreparedArticle {
  features: ArticleFeatures;
  /** Absent for an empty text or when near-duplicate detection is off. */
  signature?: Signature;
}

/** What the clusterer knows of a story (the store's `StorySummary` is what a listing shows). */
export interface ClusterSummary {
  id: string;
  /** The topic: stories about similar events share it. */
  topicId: string;
  articleIds: string[];
  /** Distinct outlets after collapsing wire copies onto their original. */
  independentSources: number;
  firstDate?: string;
  lastDate?: string;
}

export interface RecheckResult {
  merged: Array<{ kept: string; removed: string; score: number }>;
  /** Topics joined: the second folded into the first. */
  topicsJoined: Array<{ kept: string; removed: string; score: number }>;
  split: Array<{ from: string; to: string; articleIds: string[] }>;
}

export interface ClustererStats {
  articles: number;
  stories: number;
  activeStories: number;
  /** Total stories scored in full over all `add` calls. */
  scored: number;
  /** Stories scored in full for the latest article. */
  lastScored: number;
  duplicates: number;
}

/** A manual decision that `recheck()` must respect. */
export type StoryConstraint = { kind: 'together'; articleIds: string[] } | { kind: 'apart'; a: string[]; b: string[] };
