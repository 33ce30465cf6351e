import type { LeadFeatures } from './features.js';
import type { LeadProfile } from './lead.js';
import type { Vectors } from './vectors.js';

/** What the clusterer keeps of an article once placed. */
export interface ArticleRecord {
  id: string;
  source?: string;
  day?: number;
  duplicateOf?: string;
  /** Unit-normalised raw weights; absent for duplicates, which add nothing new. */
  vec?: Vectors;
  lead?: LeadFeatures;
}

export interface StoryState {
  id: string;
  created: number;
  lastSeq: number;
  firstDay?: number;
  lastDay?: number;
  articles: ArticleRecord[];
  centroid: Vectors;
  lead: LeadProfile;
  /** Non-duplicate articles in the centroid. */
  size: number;
  active: boolean;
  topic: string;
}

/** A topic: stories about similar events, with the centroid of all their articles. */
export interface TopicState {
  id: string;
  centroid: Vectors;
  size: number;
  firstDay?: number;
  lastDay?: number;
}
