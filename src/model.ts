/**
 * The one document model every stage reads and writes.
 *
 * Everything extracted from an article is a span with `start`/`end` UTF-16 offsets into `Article.text`
 * (the body as stored, after any metadata header was removed). The invariant
 * `span.text === article.text.slice(span.start, span.end)` holds for every span, so citations and
 * highlights can always point at the exact source text.
 */

/** A half-open character range `[start, end)` into an article's text, with the text it covers. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** An article as ingested. `id` is derived from the content, so the same content is the same article. */
export interface Article {
  id: string;
  text: string;
  title?: string;
  /** The outlet (publisher), from metadata or inferred from a credit line. */
  source?: string;
  /** True when `source` was inferred from the text rather than given. */
  sourceInferred?: boolean;
  url?: string;
  /** Who wrote it, as the page or feed credits them. */
  byline?: string;
  /** Where the article was read from (file path or feed URL). */
  path?: string;
  /** Publication date as `YYYY-MM-DD`. */
  published?: string;
  /** True when `published` was inferred rather than given in metadata. */
  publishedInferred: boolean;
  /** Why the date was inferred (human-readable). */
  publishedReason?: string;
}

export interface Sentence extends Span {
  index: number;
}

export interface Token extends Span {
  index: number;
  /** Index of the sentence this token belongs to. */
  sentence: number;
  /** Universal POS tag (UD v2), when the tagger ran. */
  upos?: string;
  /** Penn Treebank tag, when the tagger ran. */
  xpos?: string;
  /** Dictionary form ("said" → "say", "children" → "child"). */
  lemma?: string;
  /** Index (into `AnnotatedArticle.tokens`) of the syntactic head; -1 for the root of its sentence. */
  head?: number;
  /** UD relation to the head ("nsubj", "obj", "ccomp", "root", …). */
  deprel?: string;
}

export type EntityType = 'person' | 'organization' | 'place' | 'other';

/** One occurrence of a name in the text. */
export interface EntityMention extends Span {
  type: EntityType;
  /** Index into `AnnotatedArticle.entities` once within-article coreference has run. */
  entity?: number;
}

/** A within-article entity: mentions of one real-world person/organisation/place in one article. */
export interface ArticleEntity {
  /** The fullest name used in the article. */
  name: string;
  type: EntityType;
  aliases: string[];
  /** Indexes into `AnnotatedArticle.mentions`. */
  mentions: number[];
  /** Titles and roles seen with the name ("spokesman", "Manhattan District Attorney", "D-N.Y."). */
  roles: string[];
}

export type QuoteKind = 'direct' | 'partial' | 'indirect';

/** A speaker of a quote, as written and, when resolved, as an entity. */
/** What can speak: a person, an organisation (or a government named by its capital), a group, a document. */
export type SpeakerType = 'person' | 'organization' | 'group' | 'document';

export interface Speaker {
  /** Canonical name of the speaker (the entity name when resolved, else the text). */
  name: string;
  /** What the speaker is; a source that is none of these is not reported as a speaker. */
  type?: SpeakerType;
  /** The span naming the speaker at the attribution (a name, a pronoun, "the letter"). */
  span?: Span;
  /** Index into `AnnotatedArticle.entities` when resolved. */
  entity?: number;
}

/** A quotation or reported statement. The span covers the quoted content (without quote marks). */
export interface Quote extends Span {
  kind: QuoteKind;
  /** The cue that introduces it ("said", "according to", "wrote"). */
  cue?: Span;
  speaker: Speaker | null;
  /** For a quote split across an attribution, the index of the first part; parts share a statement. */
  continues?: number;
}

export type TimexType = 'date' | 'time' | 'duration' | 'set';

/** A time expression normalised to a TIMEX3 type and value. */
export interface TimeExpression extends Span {
  type: TimexType;
  /** TIMEX3 value: `2018-01-01`, `2017-10`, `2017`, `P45D`, `PAST_REF`, `XXXX-WXX-1`, … */
  value: string;
  /** The date the value was resolved against, when relative (`YYYY-MM-DD`). */
  anchor?: string;
}

/** An article with all the spans the per-article stages added. */
export interface AnnotatedArticle {
  article: Article;
  sentences: Sentence[];
  tokens: Token[];
  mentions: EntityMention[];
  entities: ArticleEntity[];
  quotes: Quote[];
  timexes: TimeExpression[];
}

/** An entity resolved across the articles of a story (or the store). */
export interface StoryEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  roles: string[];
  mentions: Array<Span & { articleId: string }>;
}

export interface StoryQuote extends Span {
  articleId: string;
  kind: QuoteKind;
  cue?: string;
  speaker: { name: string; entityId?: string; type?: SpeakerType } | null;
}

export interface TimelineEvent {
  /** Normalised date (TIMEX3 value at day, month or year precision). */
  date: string;
  precision: 'day' | 'month' | 'year';
  articleId: string;
  /** The time expression. */
  start: number;
  end: number;
  text: string;
  /** The sentence the expression is in. */
  sentence: string;
  /** Other articles reporting the same event on the same date (copies of the sentence included). */
  alsoIn?: Array<{ articleId: string; start: number; end: number }>;
  /**
   * The date is not when the story's news happened: a state's start ("since 2021"), a date modifying a noun,
   * history well before the report. Kept, and folded by default.
   */
  background?: true;
  /** The date lies after the publication date of the story's latest article: still ahead when last reported. */
  future?: true;
  /** The clause of the predicate the time expression dates (offsets into the article). */
  event?: Span;
  /** That predicate's lemma ("vote", "reopen"). */
  predicate?: string;
}

export interface SourceRef {
  articleId: string;
  start: number;
  end: number;
}

export interface SummarySentence {
  text: string;
  sources: SourceRef[];
  /**
   * Asides left out of `text` (a clause between commas such as ", who has led the department since 2021,"),
   * as offsets into the first source's article: `text` is that passage without them.
   */
  omitted?: Array<{ start: number; end: number }>;
}

/** Why an article is in its story: the clustering decision, in words and numbers. */
export interface Membership {
  articleId: string;
  decision: 'new' | 'joined' | 'duplicate' | 'repeat' | 'merged' | 'manual';
  score: number;
  /** The article this one is a copy of (wire copies). */
  duplicateOf?: string;
  /** Entities, terms and dates shared with the story when the article joined. */
  shared?: string[];
  summary: string;
}

export interface Story {
  id: string;
  title: string;
  articleIds: string[];
  /** Number of distinct outlets after wire copies are collapsed. */
  independentSources: number;
  /** For each article, why it is in the story. */
  membership?: Membership[];
  /**
   * Articles that joined after this view was built (large stories are rebuilt as they grow by a share of
   * their size, and whenever the store is refreshed). Absent when the view is complete.
   */
  pending?: number;
  entities: StoryEntity[];
  quotes: StoryQuote[];
  timeline: TimelineEvent[];
  summary: SummarySentence[];
  /**
   * What the reports published at or after `since` add (two or three cited sentences); present only when a
   * reader asked for it (`storyline story --since`, `?since=`).
   */
  whatsNew?: { since: string; sentences: SummarySentence[] };
  /**
   * Statements quoted by more than one article, with each article's excerpt; `wordingDiffers` flags the
   * same speaker quoted with different words.
   */
  statements?: LinkedStatement[];
  /** Statements aligned across outlets: shared, unique to one outlet, or in conflict. */
  claims?: Claim[];
  /** Outlets × claims, and what each outlet adds that no other has. */
  coverage?: Coverage & { byOutlet: OutletSummary[] };
  /** Figures outlets give for the same thing that cannot both be true, each side with its exact words. */
  conflicts?: ValueDisagreement[];
  /** Figures that changed as the story developed (a later report, a later figure): not disagreements. */
  updates?: ValueDisagreement[];
}

// Comparing outlets: figures, claims and where reports disagree.

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

/** A number with the word it counts ("45 days" → value 45, unit "day"). */
export interface NumberFact {
  value: number;
  unit: string;
  text: string;
}

export interface ClaimSpan {
  articleId: string;
  outlet: string;
  /** Offsets into the article text; `text === article.text.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
}

export type ClaimKind = 'shared' | 'unique' | 'conflict';

/** A disagreement between outlets on a figure the claim states: what is measured, and each outlet's value. */
export interface ClaimConflict {
  /** Id of the story-level disagreement (`Comparison.conflicts`). */
  id: string;
  slot: string;
  values: Array<{ value: string; outlet: string; source: ClaimSpan }>;
}

/** One statement, as reported by one or more outlets. */
export interface Claim {
  id: string;
  /** Text of the first report (earliest article, then earliest position). */
  text: string;
  kind: ClaimKind;
  outlets: string[];
  /** Every report of the claim, with exact offsets. */
  sources: ClaimSpan[];
  entities: string[];
  /** The claim's figures in the older, simpler form (value, unit word, text); `values` supersedes it. */
  numbers: NumberFact[];
  dates: string[];
  quote?: string;
  /** The figures the claim states (from its first report), normalised. */
  values: ClaimValue[];
  conflicts: ClaimConflict[];
  /** Outlets that ran a copy of a report of this claim (wire syndication): not independent confirmation. */
  alsoCarriedBy?: string[];
}

/** Outlets × claims: `matrix[o][c]` is true when outlet `outlets[o]` reports claim `claims[c]`. */
export interface Coverage {
  outlets: string[];
  claims: string[];
  matrix: boolean[][];
}

export interface OutletSummary {
  outlet: string;
  articleIds: string[];
  /** Number of claims the outlet reports. */
  claims: number;
  /** Claims no other outlet has (ids). */
  adds: string[];
  /** The outlet whose dispatches this outlet's articles copy, when all of them are copies. */
  carries?: string;
}

// Statements quoted by several articles.

/** One article's excerpt of a statement. */
export interface LinkedExcerpt {
  articleId: string;
  /** Index into that article's `quotes`. */
  quote: number;
  start: number;
  end: number;
  text: string;
  kind: QuoteKind;
  speaker: string | null;
}

/** The same statement as quoted by one or more articles. */
export interface LinkedStatement {
  id: string;
  /** The speaker most excerpts agree on, or null. */
  speaker: string | null;
  /** The longest direct wording, else the longest excerpt. */
  text: string;
  excerpts: LinkedExcerpt[];
  /** Number of distinct articles quoting it. */
  articles: number;
  /** True when two articles quote the same speaker with different wording of the same statement. */
  wordingDiffers: boolean;
}
