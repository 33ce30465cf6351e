/**
 * The facts outlets are compared on: typed values read from the text (counts, money, tallies, dates…),
 * aligned across the articles of a story, and the conflicts and updates found between them.
 */

/** What kind of quantity a value is; values are only ever compared with values of the same type. */
export type ValueType = 'count' | 'money' | 'percent' | 'tally' | 'age' | 'duration' | 'distance' | 'date';

/** How the writer qualified the figure ("about", "nearly", "at least"…); it widens the value into an interval. */
export type Hedge = 'exact' | 'about' | 'nearly' | 'at least' | 'more than' | 'up to' | 'less than' | 'range';

/** One figure in one article, normalised, pointing back at the words it was read from. */
export interface ClaimValue {
  type: ValueType;
  /** The figure as stated, normalised to a number (a date: days since 1970-01-01; a tally: votes for). */
  value: number;
  /**
   * The interval the statement allows once its hedge is read: "about 1,200" → [1080, 1320], "at least 57" →
   * [57, null]. `null` is an open end.
   */
  low: number | null;
  high: number | null;
  hedge: Hedge;
  /** Unit after normalisation: a currency code (USD), "day" for durations, "km", "%", "" for plain counts. */
  unit: string;
  /** A tally's second figure (votes against), as in 7-4. */
  against?: number;
  /** A date value as ISO 8601 (day, month or year precision). */
  date?: string;
  /** What is measured, in words: "people evacuated", "killed", "review", "vote". */
  measured: string;
  /** The concept used to align values across outlets ("evacuated", "dead"; else the counted noun's lemma). */
  concept: string;
  articleId: string;
  /** Offsets of the figure (with its hedge and unit) in the article text. */
  start: number;
  end: number;
  text: string;
}

/** One outlet's side of a disagreement: its value and the sentence that states it. */
export interface ValueSide {
  outlet: string;
  articleId: string;
  /** Publication date of the article, when known. */
  published?: string;
  value: ClaimValue;
  /** The sentence stating the value, with offsets into the article text. */
  sentence: { start: number; end: number; text: string };
  /** Outlets that carried the same article as a copy (wire syndication). */
  alsoCarriedBy?: string[];
}

/**
 * Aligned values that cannot both be true (`conflict`), or a figure that changed between reports as the story
 * developed (`update`: the later report is later, as a rising toll).
 */
export interface ValueDisagreement {
  id: string;
  kind: 'conflict' | 'update';
  type: ValueType;
  /** What the sides measure, in words. */
  measured: string;
  /** Earliest report first. */
  sides: ValueSide[];
}
