import Database from 'better-sqlite3';
import type { AnnotatedArticle, Membership, Story } from '../model.js';
import {
  type AssignmentEntry,
  type Batch,
  type BatchResult,
  type LoggedEntry,
  type ReadOptions,
  type SearchHit,
  type Store,
  StoreError,
  type StoryMemberList,
  type StorySummary,
} from './types.js';
import { encodeAnnotations, outletOf } from './codec.js';
import {
  type ArticleRow,
  articleFromRow,
  queryParts,
  type SearchRow,
  searchHitFromRow,
  groupMembers,
  type MemberRow,
  pendingOf,
  summaryFromRow,
  type StorySummaryRow,
  withPending,
} from './rows.js';

/** Schema migrations, applied in order; the index + 1 is the schema version. Never edit a released one. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE articles (
     id TEXT PRIMARY KEY,
     path TEXT, title TEXT, source TEXT, source_inferred INTEGER NOT NULL DEFAULT 0, url TEXT,
     published TEXT, published_inferred INTEGER NOT NULL DEFAULT 0, published_reason TEXT,
     text TEXT NOT NULL,
     annotations TEXT NOT NULL,
     ingested_at TEXT NOT NULL
   );
   CREATE INDEX articles_published ON articles(published);
   CREATE TABLE stories (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     article_count INTEGER NOT NULL,
     independent_sources INTEGER NOT NULL,
     outlets TEXT NOT NULL,
     first_published TEXT, last_published TEXT,
     body TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX stories_updated ON stories(updated_at);
   CREATE TABLE story_articles (
     article_id TEXT PRIMARY KEY REFERENCES articles(id),
     story_id TEXT NOT NULL REFERENCES stories(id)
   );
   CREATE INDEX story_articles_story ON story_articles(story_id);
   CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61');
   CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
     INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
   END;
   CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
     INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
   END;
   CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
     INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
     INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
   END;`,
  `CREATE TABLE assignment_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, entry TEXT NOT NULL);`,
  `ALTER TABLE articles ADD COLUMN byline TEXT;`,
  // Story lists page through this order; without the index every page sorted the whole table.
  `CREATE INDEX stories_recent ON stories(last_published DESC, updated_at DESC, id);`,
  // Why each article joined is kept with its membership, so a story's view can be rebuilt later from the
  // members alone. version counts membership changes; view_version is the version the stored view was
  // built from, and view_count how many members it covers.
  `ALTER TABLE story_articles ADD COLUMN membership TEXT;
   ALTER TABLE stories ADD COLUMN view_count INTEGER;
   ALTER TABLE stories ADD COLUMN view_updated_at TEXT;
   ALTER TABLE stories ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE stories ADD COLUMN view_version INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX stories_stale ON stories(article_count) WHERE view_version < version;`,
];

export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

interface StoryRow extends StorySummaryRow {
  outlets: string;
  updated_at: string;
  view_updated_at: string | null;
}

/** The embedded store: one SQLite file (or `:memory:`), WAL mode, FTS5 over titles and text. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;

  constructor(file: string) {
    try {
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      // Another process writing (an ingest beside a server) makes us wait instead of failing.
      this.db.pragma('busy_timeout = 10000');
      this.migrate();
    } catch (err) {
      throw new StoreError(`cannot open database "${file}": ${(err as Error).message}`, { cause: err });
    }
  }

  private migrate(): void {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const row = this.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    const current = row.v ?? 0;
    if (current > MIGRATIONS.length) {
      throw new StoreError(
        `database schema version ${current} is newer than this Storyline (${MIGRATIONS.length}); upgrade Storyline`,
      );
    }
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]);
        this.db
          .prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)')
          .run(v + 1, new Date().toISOString());
      })();
    }
  }

  async existingIds(ids: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    const stmt = this.db.prepare('SELECT 1 FROM articles WHERE id = ?');
    for (const id of ids) if (stmt.get(id)) out.add(id);
    return out;
  }

  async commit(batch: Batch): Promise<BatchResult> {
    const now = new Date().toISOString();
    const insertArticle = this.db.prepare(
      `INSERT INTO articles (id, path, title, source, source_inferred, url, byline, published, published_inferred, published_reason, text, annotations, ingested_at)
       VALUES (@id, @path, @title, @source, @source_inferred, @url, @byline, @published, @published_inferred, @published_reason, @text, @annotations, @ingested_at)
       ON CONFLICT(id) DO NOTHING`,
    );
    const updateArticle = this.db.prepare(
      `UPDATE articles SET published = @published, published_inferred = @published_inferred, published_reason = @published_reason,
       annotations = @annotations WHERE id = @id`,
    );
    const upsertStory = this.db.prepare(
      `INSERT INTO stories (id, title, article_count, independent_sources, outlets, first_published, last_published, body, view_count, version, view_version, updated_at, view_updated_at)
       VALUES (@id, @title, @article_count, @independent_sources, @outlets, @first_published, @last_published, @body, @article_count, 1, 1, @updated_at, @updated_at)
       ON CONFLICT(id) DO UPDATE SET title = excluded.title, article_count = excluded.article_count,
       independent_sources = excluded.independent_sources, outlets = excluded.outlets, first_published = excluded.first_published,
       last_published = excluded.last_published, body = excluded.body, view_count = excluded.view_count,
       version = stories.version + @bump, view_version = stories.version + @bump, updated_at = excluded.updated_at,
       view_updated_at = excluded.updated_at`,
    );
    const bumpVersion = this.db.prepare('UPDATE stories SET version = version + 1 WHERE id = ?');
    const versionOf = this.db.prepare('SELECT version FROM stories WHERE id = ?').pluck();
    const writeView = this.db.prepare(
      `UPDATE stories SET title = @title, independent_sources = @independent_sources, body = @body,
       view_count = @view_count, view_version = version, updated_at = @updated_at, view_updated_at = @updated_at
       WHERE id = @id AND version = @version`,
    );
    const assign = this.db.prepare(
      `INSERT INTO story_articles (article_id, story_id, membership) VALUES (?, ?, ?)
       ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, membership = coalesce(excluded.membership, membership)`,
    );
    const setMembership = this.db.prepare('UPDATE story_articles SET membership = ? WHERE article_id = ?');
    const storyColumns = this.db.prepare('SELECT outlets, first_published, last_published FROM stories WHERE id = ?');
    const grow = this.db.prepare(
      `UPDATE stories SET article_count = (SELECT COUNT(*) FROM story_articles WHERE story_id = @id),
       independent_sources = @independent_sources, outlets = @outlets, first_published = @first_published,
       last_published = @last_published, version = version + 1, updated_at = @updated_at WHERE id = @id`,
    );
    const storyOfArticle = this.db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').pluck();
    const membersOf = this.db.prepare('SELECT article_id FROM story_articles WHERE story_id = ?').pluck();
    const deleteIfEmpty = this.db.prepare(
      'DELETE FROM stories WHERE id = ? AND NOT EXISTS (SELECT 1 FROM story_articles WHERE story_id = ?)',
    );
    const putState = this.db.prepare(
      'INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    const appendLog = this.db.prepare('INSERT INTO assignment_log (entry) VALUES (?)');
    const compactLog = this.db.prepare(
      "UPDATE assignment_log SET entry = json_remove(entry, '$.prepared') WHERE seq > ? AND seq <= ? AND json_type(entry, '$.prepared') IS NOT NULL",
    );
    const lastSeq = this.db.prepare('SELECT MAX(seq) AS seq FROM assignment_log');
    const result: BatchResult = { inserted: [], existing: [], lastSeq: 0, versions: {}, staleViews: [] };
    const run = this.db.transaction(() => {
      const vacated = new Set<string>();
      for (const doc of batch.articles) {
        const row = articleRow(doc, now);
        const info = insertArticle.run(row);
        if (info.changes > 0) result.inserted.push(doc.article.id);
        else {
          result.existing.push(doc.article.id);
          // Re-analysis (inferred dates, better annotations) refreshes the stored annotations.
          updateArticle.run(row);
        }
      }
      const published = this.publishedLookup(batch);
      const outlet = this.outletLookup(batch);
      for (const story of batch.stories) {
        const dates = story.articleIds
          .map((id) => published(id))
          .filter((d): d is string => !!d)
          .sort();
        // Only new members are written; a story that loses its last article to another is removed below.
        const current = new Set(membersOf.all(story.id) as string[]);
        const added = story.articleIds.filter((id) => !current.has(id));
        upsertStory.run({
          id: story.id,
          title: story.title,
          article_count: story.articleIds.length,
          independent_sources: story.independentSources,
          outlets: JSON.stringify([...new Set(story.articleIds.map(outlet).filter((o): o is string => !!o))].sort()),
          first_published: dates[0] ?? null,
          last_published: dates[dates.length - 1] ?? null,
          body: JSON.stringify(story),
          bump: added.length > 0 ? 1 : 0,
          updated_at: now,
        });
        const why = new Map((story.membership ?? []).map((m) => [m.articleId, m]));
        for (const id of story.articleIds) {
          const m = why.get(id);
          // A manual decision replaces the recorded reason; other rebuilds keep it.
          if (current.has(id) && m?.decision === 'manual') setMembership.run(JSON.stringify(m), id);
        }
        for (const id of added) {
          const previous = storyOfArticle.get(id) as string | undefined;
          if (previous !== undefined) vacated.add(previous);
          const m = why.get(id);
          assign.run(id, story.id, m ? JSON.stringify(m) : null);
        }
      }
      for (const { storyId, added, independentSources } of batch.members ?? []) {
        const row = storyColumns.get(storyId) as
          Pick<StoryRow, 'outlets' | 'first_published' | 'last_published'> | undefined;
        if (!row) throw new StoreError(`story ${storyId} does not exist: its new members cannot be recorded`);
        const dates = [row.first_published, row.last_published];
        const outlets = new Set(JSON.parse(row.outlets) as string[]);
        for (const m of added) {
          const previous = storyOfArticle.get(m.articleId) as string | undefined;
          if (previous !== undefined && previous !== storyId) vacated.add(previous);
          assign.run(m.articleId, storyId, JSON.stringify(m));
          dates.push(published(m.articleId) ?? null);
          const source = outlet(m.articleId);
          if (source) outlets.add(source);
        }
        const known = dates.filter((d): d is string => !!d).sort();
        grow.run({
          id: storyId,
          independent_sources: independentSources,
          outlets: JSON.stringify([...outlets].sort()),
          first_published: known[0] ?? null,
          last_published: known[known.length - 1] ?? null,
          updated_at: now,
        });
      }
      for (const id of vacated) {
        // A story that lost members has a view that no longer matches them.
        bumpVersion.run(id);
        deleteIfEmpty.run(id, id);
      }
      for (const { story, version } of batch.views ?? []) {
        const info = writeView.run({
          id: story.id,
          title: story.title,
          independent_sources: story.independentSources,
          body: JSON.stringify(story),
          view_count: story.articleIds.length,
          version,
          updated_at: now,
        });
        if (info.changes === 0) result.staleViews.push(story.id);
      }
      for (const id of [...batch.stories.map((s) => s.id), ...(batch.members ?? []).map((m) => m.storyId)]) {
        const v = versionOf.get(id) as number | undefined;
        if (v !== undefined) result.versions[id] = v;
      }
      for (const [key, value] of Object.entries(batch.state ?? {})) putState.run(key, value);
      if (batch.compactLog) compactLog.run(batch.compactLog.afterSeq, batch.compactLog.throughSeq);
      for (const entry of batch.log ?? []) appendLog.run(JSON.stringify(entry));
      result.lastSeq = (lastSeq.get() as { seq: number | null }).seq ?? 0;
    });
    try {
      run();
    } catch (err) {
      throw new StoreError(`could not write the batch (nothing was stored): ${(err as Error).message}`, { cause: err });
    }
    return result;
  }

  private publishedLookup(batch: Batch): (id: string) => string | undefined {
    const inBatch = new Map(batch.articles.map((d) => [d.article.id, d.article.published]));
    const stmt = this.db.prepare('SELECT published FROM articles WHERE id = ?');
    return (id) =>
      inBatch.get(id) ?? (stmt.get(id) as { published: string | null } | undefined)?.published ?? undefined;
  }

  /** The outlet of an article: from the batch when it is in it, else stored. */
  private outletLookup(batch: Batch): (id: string) => string | undefined {
    const inBatch = new Map(batch.articles.map((d) => [d.article.id, d.article]));
    const stmt = this.db.prepare('SELECT source FROM articles WHERE id = ?');
    return (id) => {
      const a = inBatch.get(id);
      return a ? outletOf(a) : ((stmt.get(id) as { source: string | null } | undefined)?.source ?? undefined);
    };
  }

  async getArticle(id: string): Promise<AnnotatedArticle | undefined> {
    const row = this.db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
    return row ? articleFromRow(row) : undefined;
  }

  async getArticles(ids: string[], opts: ReadOptions = {}): Promise<AnnotatedArticle[]> {
    const stmt = this.db.prepare('SELECT * FROM articles WHERE id = ?');
    const out: AnnotatedArticle[] = [];
    for (const id of ids) {
      const row = stmt.get(id) as ArticleRow | undefined;
      if (row) out.push(articleFromRow(row, opts.tokens ?? true));
    }
    return out;
  }

  async countArticles(): Promise<number> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
  }

  async getStory(id: string): Promise<Story | undefined> {
    const row = this.db.prepare('SELECT body, article_count, view_count FROM stories WHERE id = ?').get(id) as
      { body: string; article_count: number; view_count: number | null } | undefined;
    return row ? withPending(JSON.parse(row.body) as Story, pendingOf(row)) : undefined;
  }

  async getMemberships(storyIds: string[]): Promise<Map<string, Membership>> {
    const rows = this.db
      .prepare(
        `SELECT membership FROM story_articles
         WHERE story_id IN (SELECT value FROM json_each(?)) AND membership IS NOT NULL`,
      )
      .pluck()
      .all(JSON.stringify(storyIds)) as string[];
    return new Map(rows.map((r) => JSON.parse(r) as Membership).map((m) => [m.articleId, m]));
  }

  async getStoryMembers(storyIds: string[]): Promise<StoryMemberList[]> {
    const rows = this.db
      .prepare(
        `SELECT s.id, s.independent_sources, s.version, s.view_version, sa.article_id
         FROM stories s JOIN story_articles sa ON sa.story_id = s.id
         WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.id, sa.article_id`,
      )
      .all(JSON.stringify(storyIds)) as MemberRow[];
    return groupMembers(storyIds, rows);
  }

  async staleStories(limit: number): Promise<string[]> {
    return this.db
      .prepare('SELECT id FROM stories WHERE view_version < version ORDER BY article_count DESC, id LIMIT ?')
      .pluck()
      .all(limit) as string[];
  }

  async storyOf(articleId: string): Promise<string | undefined> {
    const row = this.db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').get(articleId) as
      { story_id: string } | undefined;
    return row?.story_id;
  }

  async listStories(opts: { limit?: number; offset?: number } = {}): Promise<StorySummary[]> {
    const rows = this.db
      .prepare('SELECT * FROM stories ORDER BY last_published DESC, updated_at DESC, id LIMIT ? OFFSET ?')
      .all(opts.limit ?? 50, opts.offset ?? 0) as StoryRow[];
    return rows.map(storySummary);
  }

  async getStorySummaries(ids: string[]): Promise<StorySummary[]> {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT id, title, article_count, independent_sources, outlets, first_published, last_published, view_count,
                updated_at, view_updated_at
         FROM stories WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as StoryRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [storySummary(r)] : [];
    });
  }

  async search(query: string, opts: { limit?: number } = {}): Promise<SearchHit[]> {
    const match = toFtsQuery(query);
    if (!match) return [];
    try {
      const rows = this.db
        .prepare(
          `SELECT a.id, a.title, a.source, a.published, sa.story_id,
                  snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet
           FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
           LEFT JOIN story_articles sa ON sa.article_id = a.id
           WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?`,
        )
        .all(match, opts.limit ?? 20) as SearchRow[];
      return rows.map(searchHitFromRow);
    } catch (err) {
      throw new StoreError(`bad search query "${query}": ${(err as Error).message}`, { cause: err });
    }
  }

  async getState(key: string): Promise<string | undefined> {
    const row = this.db.prepare('SELECT value FROM state WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  async readLog(afterSeq: number, limit = 10_000): Promise<LoggedEntry[]> {
    const rows = this.db
      .prepare('SELECT seq, entry FROM assignment_log WHERE seq > ? ORDER BY seq LIMIT ?')
      .all(afterSeq, limit) as Array<{
      seq: number;
      entry: string;
    }>;
    return rows.map((r) => ({ seq: r.seq, entry: JSON.parse(r.entry) as AssignmentEntry }));
  }

  private exclusiveTail: Promise<unknown> = Promise.resolve();

  /**
   * One write transaction (BEGIN IMMEDIATE, so other processes wait) around `fn`; sections in this
   * process queue behind each other because `fn` is asynchronous.
   */
  async exclusive<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    };
    const next = this.exclusiveTail.then(run, run);
    this.exclusiveTail = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.exclusiveTail;
    this.db.close();
  }
}

/**
 * Turns user words into an FTS5 query: every word must match (prefix match on the last one, as people
 * type), quoted phrases stay phrases. User input never reaches FTS5 syntax unescaped.
 */
export function toFtsQuery(query: string): string {
  const parts = queryParts(query);
  // A single word is a prefix when it comes last, quoted or not.
  return parts
    .map((p, i) => `"${p.words.join(' ')}"${i === parts.length - 1 && p.words.length === 1 ? '*' : ''}`)
    .join(' ');
}

function articleRow(doc: AnnotatedArticle, now: string): Record<string, string | number | null> {
  const a = doc.article;
  return {
    id: a.id,
    path: a.path ?? null,
    title: a.title ?? null,
    source: a.source ?? null,
    source_inferred: a.sourceInferred ? 1 : 0,
    url: a.url ?? null,
    byline: a.byline ?? null,
    published: a.published ?? null,
    published_inferred: a.publishedInferred ? 1 : 0,
    published_reason: a.publishedReason ?? null,
    text: a.text,
    annotations: encodeAnnotations(doc),
    ingested_at: now,
  };
}

function storySummary(r: StoryRow): StorySummary {
  return summaryFromRow(r, JSON.parse(r.outlets) as string[], r.updated_at, r.view_updated_at ?? undefined);
}
