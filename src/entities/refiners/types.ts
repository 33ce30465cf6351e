/** What refiners work on: draft mentions over an article's tokens, and the context they are read in. */

import type { EntityType, Token } from '../../model.js';

/** A mention being built: token range `[start, end)` into the article's tokens. */
export interface Draft {
  start: number;
  end: number;
  type: EntityType;
  /** Roles and attributes found next to the name ("Gov.", "spokesman", "D-N.Y."). */
  roles: string[];
}

export interface RefineContext {
  text: string;
  tokens: readonly Token[];
  /** True for words that are usually written in lowercase (common words). */
  isCommonWord: (lower: string) => boolean;
  /** The outlet that published the text, when known: "the Observer" there is the outlet itself. */
  outlet?: string;
}

export type Refiner = (drafts: Draft[], ctx: RefineContext) => Draft[];
