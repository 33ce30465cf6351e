/**
 * What the SQL stores differ on, and nothing else. The rules of a batch (`batch.ts`) and of every read
 * (`reads.ts`) are written once over this interface; `sqlite/` and `postgres/` each implement it with their
 * own SQL. Connections, locks, transactions, schemas and change notices stay with each store class.
 *
 * A step may answer at once (SQLite, whose driver is synchronous) or later (PostgreSQL). The batch rules are
 * a generator of steps so that SQLite runs them to the end without yielding (`runSync`: one synchronous
 * transaction, as before) while PostgreSQL awaits each (`runAsync`).
 */
import type { AnnotatedArticle, Membership, Story } from '../model.js';
import type { ArticleRow, MemberRow, SearchRow } from './rows.js';
import type { AssignmentEntry, ListStoriesOptions, StorySummary } from './types.js';

/** A dialect's answer: a value now, or a promise of one. */
export type Step<T> = T | Promise<T>;

/** Rules written as a sequence of dialect steps, run by `runSync` or `runAsync`. */
export type Rules<T> = Generator<unknown, T, unknown>;

/** Inside rules: `const x = yield* step(dialect.op(…))` gives the step's value, now or once it resolves. */
export function* step<T>(value: Step<T>): Generator<unknown, T, unknown> {
  return (yield value) as T;
}

/** Runs rules whose steps all answer at once, without ever yielding to the event loop. */
export function runSync<T>(rules: Rules<T>): T {
  let next = rules.next();
  while (!next.done) {
    if (next.value instanceof Promise) throw new Error('a synchronous dialect returned a promise');
    next = rules.next(next.value);
  }
  return next.value;
}

/** Runs rules awaiting each step; a failed step is thrown back into the rules at the point it was taken. */
export async function runAsync<T>(rules: Rules<T>): Promise<T> {
  let next = rules.next();
  while (!next.done) {
    let value: unknown;
    try {
      value = await next.value;
    } catch (err) {
      next = rules.throw(err);
      continue;
    }
    next = rules.next(value);
  }
  return next.value;
}

/** What the batch rules need of a stored article that is not in the batch. */
export interface ArticleFacts {
  published: string | null;
  source: string | null;
}

/** The columns a story's members change without its view being rebuilt. */
export interface StoryColumns {
  outlets: string[];
  first_published: string | null;
  last_published: string | null;
}

/** A story written with its view (created, or replaced whole). */
export interface StoryWrite {
  story: Story;
  outlets: string[];
  firstPublished: string | null;
  lastPublished: string | null;
  /** New members joined: the membership version moves on. */
  bump: boolean;
}

/** A story given new members without its view (`Batch.members`). */
export interface StoryGrowth {
  storyId: string;
  independentSources: number;
  /** All outlets of the story now, sorted. */
  outlets: string[];
  /** Publication dates of the new members (those that have one). */
  addedDates: string[];
  /** The story's dates before the new members joined. */
  before: StoryColumns;
}

/** The statements of one batch, all inside one transaction the store has opened. */
export interface BatchDialect {
  /** Inserts articles not stored yet; for each, whether it was inserted (a stored one, or a later copy, is not). */
  insertArticles(docs: AnnotatedArticle[], now: string): Step<boolean[]>;
  /** Refreshes a stored article analysed again (an inferred date, better annotations). */
  updateArticle(doc: AnnotatedArticle): Step<void>;
  /** Dates and outlets of stored articles (unknown ids are left out). */
  articleFacts(ids: string[]): Step<Map<string, ArticleFacts>>;
  /** The stored members of a story. */
  memberIds(storyId: string): Step<string[]>;
  /** Creates or replaces a story and its view. */
  upsertStory(write: StoryWrite, now: string): Step<void>;
  /** Moves articles into a story with the reasons they joined; returns the other stories they left. */
  addMembers(storyId: string, ids: string[], why: Map<string, Membership>): Step<string[]>;
  /** Replaces the recorded reasons of members already there. */
  setMemberships(memberships: Membership[]): Step<void>;
  /** The columns a story's new members change, or undefined for an unknown story. */
  storyColumns(storyId: string): Step<StoryColumns | undefined>;
  /** Records a story's new members: counts, outlets, dates, and a new membership version. */
  growStory(growth: StoryGrowth, now: string): Step<void>;
  /** Stories that lost members: their membership version moves on, and those left empty are removed. */
  vacate(storyIds: string[]): Step<void>;
  /** Writes a view only if the story's membership is still at `version`; says whether it was written. */
  writeViewIfVersion(story: Story, version: number, now: string): Step<boolean>;
  /** Membership versions of these stories (removed ones are left out). */
  versions(storyIds: string[]): Step<Map<string, number>>;
  putState(entries: Array<[string, string]>): Step<void>;
  /** Drops the prepared articles of the log entries in (afterSeq, throughSeq]. */
  compactLog(afterSeq: number, throughSeq: number): Step<void>;
  appendLog(entries: AssignmentEntry[]): Step<void>;
  /** Marks queue jobs done (a database without a queue has none). */
  completeJobs(ids: number[]): Step<void>;
  /** Sequence number of the last log entry (0 when there is none). */
  lastSeq(): Step<number>;
  /** Tells other connections of the commit, if the database can push notices. */
  signalChange(): Step<void>;
}

/** A log row: the entry as JSON, and its prepared article when kept beside it. */
export interface LogRow {
  seq: number;
  entry: string;
  prepared: string | null;
}

/** The reads of the store, each one statement (or one per id where that is how the dialect reads). */
export interface ReadDialect {
  existingIds(ids: string[]): Step<Set<string>>;
  /** Rows of these articles, in any order (unknown ids are left out). */
  articleRows(ids: string[]): Step<ArticleRow[]>;
  countArticles(): Step<number>;
  storyBody(id: string): Step<{ body: string; article_count: number; view_count: number | null } | undefined>;
  /** Recorded memberships (JSON) of these stories' members. */
  membershipRows(storyIds: string[]): Step<string[]>;
  /** (story, member) rows of these stories, by story then article id. */
  memberRows(storyIds: string[]): Step<MemberRow[]>;
  staleStories(limit: number): Step<string[]>;
  storyOf(articleId: string): Step<string | undefined>;
  /** A page of story summaries in the order `listStories` documents. */
  listSummaries(opts: ListStoriesOptions): Step<StorySummary[]>;
  /** Summaries of these stories, in any order. */
  summariesOf(ids: string[]): Step<StorySummary[]>;
  /** Search hits' rows; an empty query (no words) finds nothing. */
  searchRows(query: string, limit: number): Step<SearchRow[]>;
  stateValue(key: string): Step<string | undefined>;
  logRows(afterSeq: number, limit: number): Step<LogRow[]>;
}

export type Dialect = BatchDialect & ReadDialect;
