import type { AnnotatedArticle, Membership, Story } from '../model.js';
import type { AddDecision, EncodedPrepared } from '../stories/index.js';

/** A story as listed: enough to show a row without loading every article. */
export interface StorySummary {
  id: string;
  title: string;
  articleCount: number;
  independentSources: number;
  outlets: string[];
  firstPublished?: string;
  lastPublished?: string;
  updatedAt: string;
  /** Articles that joined after the story's view was built (see `Story.pending`). */
  pending?: number;
  /** When the story's view was last rebuilt (stories written before this was recorded leave it out). */
  viewUpdatedAt?: string;
}

/**
 * Articles that joined a story whose view the batch does not rebuild: their membership is recorded and
 * the story's counts and dates move on, while its view waits for its next rebuild.
 */
export interface StoryMembers {
  storyId: string;
  added: Membership[];
  /** Distinct outlets of the whole story now, wire copies collapsed. */
  independentSources: number;
}

/** A story's members as stored, with the membership version a view built from them would carry. */
export interface StoryMemberList {
  storyId: string;
  articleIds: string[];
  independentSources: number;
  version: number;
  /** The membership version the stored view was built from: the view is current when it equals `version`. */
  viewVersion: number;
}

export interface SearchHit {
  articleId: string;
  title?: string;
  source?: string;
  published?: string;
  storyId?: string;
  /** A fragment of the matching text with the matched terms between `[` and `]`. */
  snippet: string;
}

/**
 * One step of story assignment, appended to a log in the same transaction as its effects. Replaying the
 * log in order rebuilds the story clusterer in any process: that is how several workers share it.
 */
export type AssignmentEntry =
  /**
   * `decision` lets other processes repeat the placement without scoring it again, and `prepared` without
   * reading the article back (older entries lack it and are replayed from the stored article).
   */
  | { op: 'add'; articleId: string; decision?: AddDecision; prepared?: EncodedPrepared }
  | { op: 'merge'; a: string; b: string }
  | { op: 'split'; storyId: string; articleIds: string[] }
  | { op: 'recheck' };

export interface LoggedEntry {
  seq: number;
  entry: AssignmentEntry;
}

export interface ListStoriesOptions {
  limit?: number;
  offset?: number;
  updatedSince?: string;
}

export interface ArticleReadOptions {
  tokens?: boolean;
}

/** Everything one ingest batch changes, written atomically. */
export interface Batch {
  articles: AnnotatedArticle[];
  /** Stories to create or replace (with their full membership). */
  stories: Story[];
  /** New members of stories whose views are not rebuilt by this batch. */
  members?: StoryMembers[];
  /**
   * Views built outside the assignment lock from the membership at `version` (as a previous batch's
   * result reported it). A view is written only if the story's membership has not changed since;
   * otherwise it is left out (see `BatchResult.staleViews`) for the writer of the newer membership.
   */
  views?: Array<{ story: Story; version: number }>;
  /** Small values to keep (clusterer checkpoints, feed validators). */
  state?: Record<string, string>;
  /**
   * Log entries in this range (after `afterSeq`, up to `throughSeq`) lose their prepared articles: a
   * checkpoint now covers them, so they are only replayed from it, never one by one again (and a process
   * that still reads them falls back on the stored article).
   */
  compactLog?: { afterSeq: number; throughSeq: number };
  /** Assignment steps taken by this batch, appended to the log. */
  log?: AssignmentEntry[];
  /** Queue jobs this batch finishes (server databases only). */
  completeJobs?: number[];
}

export interface BatchResult {
  inserted: string[];
  existing: string[];
  /** Sequence number of the last log entry written (or the previous last one when none was). */
  lastSeq: number;
  /** Membership version of each story written or given new members by the batch. */
  versions: Record<string, number>;
  /** Views of `Batch.views` not written because their story's membership had moved on. */
  staleViews: string[];
}

/**
 * The storage interface. SQLite is the embedded default; a server database implements the same
 * contract. Methods are async so that both fit behind it.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Which of these article ids are already stored. */
  existingIds(ids: string[]): Promise<Set<string>>;
  /** Writes a batch in one transaction: all of it or none of it. */
  commit(batch: Batch): Promise<BatchResult>;
  getArticle(id: string): Promise<AnnotatedArticle | undefined>;
  /**
   * Articles in the order asked (missing ids are left out). Tokens are rebuilt from the text unless
   * `tokens: false` says the caller does not need them (story assembly does not).
   */
  getArticles(ids: string[], opts?: ArticleReadOptions): Promise<AnnotatedArticle[]>;
  countArticles(): Promise<number>;
  getStory(id: string): Promise<Story | undefined>;
  /** Why each member of these stories joined, as recorded when it did (members without a record are left out). */
  getMemberships(storyIds: string[]): Promise<Map<string, Membership>>;
  /**
   * The stored members of these stories, in the order given (unknown ids are left out): what a process
   * that does not keep the clusterer needs to rebuild their views.
   */
  getStoryMembers(storyIds: string[]): Promise<StoryMemberList[]>;
  /** Stories whose stored view was built from an older membership than they have now, largest first. */
  staleStories(limit: number): Promise<string[]>;
  /** The story an article belongs to. */
  storyOf(articleId: string): Promise<string | undefined>;
  /**
   * Story summaries, most recently published first; with `updatedSince` (an `updatedAt` seen before),
   * only stories updated after it, oldest update first, so a reader can follow changes page by page.
   */
  listStories(opts?: ListStoriesOptions): Promise<StorySummary[]>;
  /** Summaries of these stories, in the order given; unknown ids are left out. */
  getStorySummaries(ids: string[]): Promise<StorySummary[]>;
  search(query: string, opts?: { limit?: number }): Promise<SearchHit[]>;
  getState(key: string): Promise<string | undefined>;
  /** Log entries after `seq`, in order. */
  readLog(afterSeq: number, limit?: number): Promise<LoggedEntry[]>;
  /**
   * Runs `fn` while holding the store's assignment lock, with a view of the store whose reads see every
   * committed batch and whose `commit` joins the same transaction. Only one `exclusive` section runs at a
   * time across all processes sharing the store. `fn` may be run again if the database asks for a retry.
   */
  exclusive<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  /**
   * Calls `onChange` soon after a commit by another process or connection (this one's own commits may or
   * may not be reported): how a server learns of `storyline ingest` runs. Returns a function that stops.
   */
  watchChanges(onChange: () => void): () => void;
  close(): Promise<void>;
}

/** A store operation failed in a way the user must fix (bad path, corrupt file, bad query). */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** The database location itself is unusable as given (empty `--db`, an unset variable): a usage error. */
export class StoreUsageError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUsageError';
  }
}

/** A command that only reads was pointed at a database file that does not exist (it is never created). */
export class StoreNotFoundError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreNotFoundError';
  }
}

/** The file is a SQLite database of another application: Storyline leaves it untouched. */
export class ForeignDatabaseError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ForeignDatabaseError';
  }
}

/** Another process held the write lock for longer than the writer was allowed to wait; nothing was written. */
export class StoreLockTimeoutError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreLockTimeoutError';
  }
}
