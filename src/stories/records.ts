import type { LeadFeatures } from './features.js';
import type { LeadProfile } from './lead.js';
import type { PackedVectors } from './packed.js';
import type { Vectors } from './vectors.js';

/** What the clusterer keeps of an article once placed. */
export interface ArticleRecord {
  id: string;
  source?: string;
  day?: number;
  duplicateOf?: string;
  /**
   * Unit-normalised raw weights, packed (see `PackedVectors`): a stream keeps thousands of these, while
   * scoring reads only centroids. Absent for duplicates, which add nothing new, and for retired stories.
   */
  vec?: PackedVectors;
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
