import type { AnnotatedArticle, Story } from '../model.js';

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

/** Everything one ingest batch changes, written atomically. */
export interface Batch {
  articles: AnnotatedArticle[];
  /** Stories to create or replace (with their full membership). */
  stories: Story[];
  /** Opaque state to keep (the story clusterer's snapshot). */
  state?: Record<string, string>;
}

export interface BatchResult {
  inserted: string[];
  existing: string[];
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
  getArticles(ids: string[]): Promise<AnnotatedArticle[]>;
  countArticles(): Promise<number>;
  getStory(id: string): Promise<Story | undefined>;
  /** The story an article belongs to. */
  storyOf(articleId: string): Promise<string | undefined>;
  listStories(opts?: { limit?: number; offset?: number }): Promise<StorySummary[]>;
  search(query: string, opts?: { limit?: number }): Promise<SearchHit[]>;
  getState(key: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/** A store operation failed in a way the user must fix (bad path, corrupt file, bad query). */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}
