/**
 * The reads of every SQL store, written once over a dialect's rows (`dialect.ts`): ordering by the ids
 * asked, decoding rows, pending counts, log entries with their prepared articles.
 */
import type { AnnotatedArticle, Membership, Story } from '../model.js';
import type { EncodedPrepared } from '../stories/index.js';
import type { ReadDialect } from './dialect.js';
import { type ArticleRow, articleFromRow, groupMembers, pendingOf, searchHitFromRow, withPending } from './rows.js';
import type {
  AssignmentEntry,
  Batch,
  BatchResult,
  ListStoriesOptions,
  LoggedEntry,
  ArticleReadOptions,
  SearchHit,
  Store,
  StoryMemberList,
  StorySummary,
} from './types.js';

/** A store whose reads go through `dialect`; writing, locking and watching are the subclass's. */
export abstract class DialectReads implements Store {
  abstract readonly kind: Store['kind'];
  protected abstract readonly dialect: ReadDialect;

  abstract commit(batch: Batch): Promise<BatchResult>;
  abstract exclusive<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  abstract watchChanges(onChange: () => void): () => void;
  abstract close(): Promise<void>;

  async existingIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    return this.dialect.existingIds(ids);
  }

  async getArticle(id: string): Promise<AnnotatedArticle | undefined> {
    return (await this.getArticles([id]))[0];
  }

  async getArticles(ids: string[], opts: ArticleReadOptions = {}): Promise<AnnotatedArticle[]> {
    if (ids.length === 0) return [];
    const rows = await this.dialect.articleRows(ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const withTokens = opts.tokens ?? true;
    return ids
      .map((id) => byId.get(id))
      .filter((r): r is ArticleRow => !!r)
      .map((r) => articleFromRow(r, withTokens));
  }

  async countArticles(): Promise<number> {
    return this.dialect.countArticles();
  }

  async getStory(id: string): Promise<Story | undefined> {
    const row = await this.dialect.storyBody(id);
    return row ? withPending(JSON.parse(row.body) as Story, pendingOf(row)) : undefined;
  }

  async getMemberships(storyIds: string[]): Promise<Map<string, Membership>> {
    if (storyIds.length === 0) return new Map();
    const rows = await this.dialect.membershipRows(storyIds);
    return new Map(rows.map((r) => JSON.parse(r) as Membership).map((m) => [m.articleId, m]));
  }

  async getStoryMembers(storyIds: string[]): Promise<StoryMemberList[]> {
    if (storyIds.length === 0) return [];
    return groupMembers(storyIds, await this.dialect.memberRows(storyIds));
  }

  async staleStories(limit: number): Promise<string[]> {
    return this.dialect.staleStories(limit);
  }

  async storyOf(articleId: string): Promise<string | undefined> {
    return this.dialect.storyOf(articleId);
  }

  async listStories(opts: ListStoriesOptions = {}): Promise<StorySummary[]> {
    return this.dialect.listSummaries(opts);
  }

  async getStorySummaries(ids: string[]): Promise<StorySummary[]> {
    if (ids.length === 0) return [];
    const byId = new Map((await this.dialect.summariesOf(ids)).map((s) => [s.id, s]));
    return ids.flatMap((id) => {
      const s = byId.get(id);
      return s ? [s] : [];
    });
  }

  async search(query: string, opts: { limit?: number } = {}): Promise<SearchHit[]> {
    return (await this.dialect.searchRows(query, opts.limit ?? 20)).map(searchHitFromRow);
  }

  async getState(key: string): Promise<string | undefined> {
    return this.dialect.stateValue(key);
  }

  async readLog(afterSeq: number, limit = 10_000): Promise<LoggedEntry[]> {
    return (await this.dialect.logRows(afterSeq, limit)).map((r) => {
      const entry = JSON.parse(r.entry) as AssignmentEntry;
      if (r.prepared !== null && entry.op === 'add') entry.prepared = JSON.parse(r.prepared) as EncodedPrepared;
      return { seq: r.seq, entry };
    });
  }
}
