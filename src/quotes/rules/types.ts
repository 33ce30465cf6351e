import type { QuoteKind } from '../../model.js';
import type { CueInfo } from '../lexicon.js';

/** A character range into the article text. */
export interface Range {
  start: number;
  end: number;
}

/**
 * One attribution as found, before speakers are named: the internal form shared by the product output and
 * the evaluation mapping. `content` is what users see (quoted words without marks); `statement` is the whole
 * reported statement (with marks, all parts of a split quote, the full "that …" clause of reported speech).
 */
export interface RawAttribution {
  /** Unique within an article, so links survive passes that drop, add or reorder attributions. */
  id: string;
  kind: QuoteKind;
  content: Range;
  statement: Range;
  cue?: Range;
  /** The words naming the source at the attribution ("Danny Frost", "he", "the letter"). */
  source?: Range;
  /** The source with its appositive ("Danny Frost, a spokesman for the office,"), as corpora mark it. */
  sourceExtent?: Range;
  /** For later parts of a split or multi-paragraph quote: id of the first part. */
  continues?: string;
  /** Id of the attribution whose speaker this one inherits (partial quotes inside reported speech). */
  inherits?: string;
  /** Offset used to find antecedents for pronouns: where the attribution is stated. */
  at: number;
  /**
   * Set when the attribution model found it: the predicate as written. The evaluation scores everything
   * the model finds (beliefs and actions too, as the corpus marks them); users see only speech and writing.
   */
  predicate?: string;
}

/** A cue word or phrase outside quotations ("said", "has told", "according to"), as token indices. */
export interface Cue {
  /** The cue word itself. */
  tok: number;
  first: number;
  last: number;
  info: CueInfo | null;
  according: boolean;
  /** A form tagged as a noun ("notes", "reads"): a cue only right next to a quotation. */
  weak?: boolean;
}

/** What a cue next to a quotation attributes it to. */
export interface Attached {
  cue?: Cue;
  /** A cue that is not a cue word (a dash, a colon, a verb introducing "the following statement"). */
  cueRange?: Range;
  source?: Range;
  extent?: Range;
}
