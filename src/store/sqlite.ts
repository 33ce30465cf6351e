import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { AnnotatedArticle, Membership, Story } from '../model.js';
import {
  type AssignmentEntry,
  type Batch,
  type BatchResult,
  type ListStoriesOptions,
  type LoggedEntry,
  type ReadOptions,
  type SearchHit,
  type Store,
  StoreError,
  StoreLockTimeoutError,
  StoreNotFoundError,
  StoreUsageError,
  ForeignDatabaseError,
  type StoryMemberList,
  type StorySummary,
} from './types.js';
import { ChangeWatches, pollForChanges } from './changes.js';
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

/**
 * `PRAGMA application_id` of Storyline databases ("Stor" in ASCII), set when Storyline creates a file. A
 * SQLite file with other tables and without it belongs to another application and is never written.
 */
export const STORYLINE_APPLICATION_ID = 0x53746f72;

/** How long a writer waits for another process's write lock by default, in seconds. */
export const DEFAULT_LOCK_TIMEOUT_SECONDS = 60;

/**
 * The write-lock wait from `STORYLINE_LOCK_TIMEOUT` (seconds, fractions allowed), else 60 s. A value that is
 * not a number of seconds is refused rather than silently replaced.
 */
export function lockTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.STORYLINE_LOCK_TIMEOUT;
  if (raw === undefined || raw.trim() === '') return DEFAULT_LOCK_TIMEOUT_SECONDS * 1000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new StoreUsageError(`STORYLINE_LOCK_TIMEOUT must be a number of seconds (e.g. 60), got "${raw}"`);
  return Math.round(seconds * 1000);
}

export interface SqliteStoreOptions {
  /**
   * Only read: the file must exist, is opened read-only (it works on read-only media) and is never created,
   * migrated or marked. Writes fail.
   */
  readonly?: boolean;
  /**
   * How long a write waits for another process's write lock before it gives up, in milliseconds (default
   * `STORYLINE_LOCK_TIMEOUT` seconds, else 60 s). Nothing of a write that gave up is stored.
   */
  lockTimeoutMs?: number;
}

/** Tables a Storyline database may hold; a file with any other table belongs to someone else. */
/** The columns a story summary is read from. */
const SUMMARY_COLUMNS =
  'id, title, article_count, independent_sources, outlets, first_published, last_published, view_count, updated_at, view_updated_at';

const OWN_TABLES = new Set(['articles', 'stories', 'story_articles', 'state', 'assignment_log', 'schema_migrations']);
const isOwnTable = (name: string): boolean =>
  OWN_TABLES.has(name) || name === 'articles_fts' || name.startsWith('articles_fts_') || name.startsWith('sqlite_');

/** How a file relates to Storyline: marked as ours, unmarked but holding only our tables, empty, or not ours. */
type Ownership = 'marked' | 'unmarked' | 'empty' | { foreign: string[]; applicationId: number };

/** Each attempt to take the write lock waits this long inside SQLite before the retry loop sleeps. */
const BUSY_SLICE_MS = 200;

const sleepSync = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * The embedded store: one SQLite file (or `:memory:`), WAL mode, FTS5 over titles and text.
 *
 * Writers wait for each other: a write takes SQLite's write lock (`BEGIN IMMEDIATE`), retrying with backoff
 * for up to `lockTimeoutMs` while another process holds it, then fails with `StoreLockTimeoutError` having
 * written nothing. The schema is created and migrated once, under an exclusive lock, however many processes
 * open a new file at the same time.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly readonly: boolean;
  private db: Database.Database;
  private readonly file: string;
  private readonly lockTimeoutMs: number;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    if (file.trim() === '')
      throw new StoreUsageError('no database given (the location is empty): pass a file path, or ":memory:"');
    this.file = file;
    const memory = file === ':memory:';
    this.readonly = (options.readonly ?? false) && !memory;
    this.lockTimeoutMs = options.lockTimeoutMs ?? lockTimeoutFromEnv();
    if (this.readonly && !existsSync(file)) {
      throw new StoreNotFoundError(
        `database "${file}" does not exist (nothing is created by commands that only read; add articles with: storyline ingest <paths…> --db ${file})`,
      );
    }
    try {
      this.db = this.readonly ? this.openReadonly() : this.openForWriting(memory);
    } catch (err) {
      if (err instanceof StoreError) throw err;
      const code = (err as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) {
        throw new StoreError(
          `cannot write to database "${file}": it (or its folder) is read-only; commands that only read (stories, story, search) can still use it`,
          { cause: err },
        );
      }
      throw new StoreError(`cannot open database "${file}": ${(err as Error).message}`, { cause: err });
    }
  }

  private openForWriting(memory: boolean): Database.Database {
    const db = new Database(this.file);
    try {
      db.pragma(`busy_timeout = ${Math.min(this.lockTimeoutMs, 5000)}`);
      // Nothing is written to a file that is not ours, not even the journal mode.
      if (!memory) this.checkOwnership(db);
      const version = schemaVersion(db);
      if (version > MIGRATIONS.length) throw newerSchema(version);
      this.retrySync(() => db.pragma('journal_mode = WAL'));
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      this.migrate(db, memory);
      return db;
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /**
   * Opens read-only: never creates, migrates or marks the file. Works on read-only media for files that
   * Storyline closed (they are left in rollback-journal mode, see `close`).
   */
  private openReadonly(): Database.Database {
    const open = (name: string): Database.Database => {
      const db = new Database(name, { readonly: true, fileMustExist: true });
      try {
        db.pragma(`busy_timeout = ${Math.min(this.lockTimeoutMs, 5000)}`);
        this.checkOwnership(db);
        this.checkReadableSchema(db);
        return db;
      } catch (err) {
        db.close();
        throw err;
      }
    };
    try {
      return open(this.file);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      // SQLITE_READONLY_DIRECTORY, _CANTINIT, _RECOVERY: a WAL file whose -shm file cannot be created.
      if (typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN'))) {
        throw new StoreError(
          `cannot read "${this.file}" read-only: it is in WAL mode and its -shm file cannot be created beside it (${(err as Error).message}); ` +
            `let the process writing it finish (Storyline leaves a closed database readable from read-only media), or copy the file somewhere writable`,
          { cause: err },
        );
      }
      throw err;
    }
  }

  private ownership(db: Database.Database): Ownership {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    if (applicationId === STORYLINE_APPLICATION_ID) return 'marked';
    const foreign = tables.filter((t) => !isOwnTable(t));
    if (applicationId !== 0 || foreign.length > 0) return { foreign, applicationId };
    return tables.some((t) => !t.startsWith('sqlite_')) ? 'unmarked' : 'empty';
  }

  private checkOwnership(db: Database.Database): Ownership {
    const o = this.ownership(db);
    if (typeof o === 'object') {
      const what =
        o.foreign.length > 0
          ? `it has tables Storyline did not create (${o.foreign.slice(0, 5).join(', ')}${o.foreign.length > 5 ? ', …' : ''})`
          : `its application id is ${o.applicationId}, not Storyline's`;
      throw new ForeignDatabaseError(
        `"${this.file}" is a SQLite database of another application (${what}); Storyline left it untouched. Pass --db a Storyline database or a new file name.`,
      );
    }
    return o;
  }

  private checkReadableSchema(db: Database.Database): void {
    const version = schemaVersion(db);
    if (version > MIGRATIONS.length) throw newerSchema(version);
    if (version < MIGRATIONS.length) {
      throw new StoreError(
        version === 0
          ? `"${this.file}" holds no Storyline data yet (add articles with: storyline ingest <paths…> --db ${this.file})`
          : `database "${this.file}" has schema version ${version}, this Storyline reads ${MIGRATIONS.length}: run a command that writes (e.g. storyline refresh --db ${this.file}) once to upgrade it`,
      );
    }
  }

  /**
   * Creates or migrates the schema, and marks the file as Storyline's, in one exclusive transaction whose
   * first step re-reads the version: of several processes opening a new file at once, one does the work and
   * the others find it done.
   */
  private migrate(db: Database.Database, memory: boolean): void {
    const current = (): boolean =>
      schemaVersion(db) === MIGRATIONS.length &&
      (memory || db.pragma('application_id', { simple: true }) === STORYLINE_APPLICATION_ID);
    if (current()) return;
    this.retrySync(() => db.exec('BEGIN EXCLUSIVE'));
    try {
      if (!memory) this.checkOwnership(db);
      const version = schemaVersion(db);
      if (version > MIGRATIONS.length) throw newerSchema(version);
      db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
      for (let v = version; v < MIGRATIONS.length; v++) {
        db.exec(MIGRATIONS[v]);
        record.run(v + 1, new Date().toISOString());
      }
      // New files are marked at creation; Storyline files from before the mark are adopted here, once.
      db.pragma(`application_id = ${STORYLINE_APPLICATION_ID}`);
      db.exec('COMMIT');
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  }

  /** Runs a statement that takes a lock, retrying while another process holds it, up to the lock timeout. */
  private retrySync<T>(fn: () => T): T {
    const deadline = Date.now() + this.lockTimeoutMs;
    for (let delay = 20; ; delay = Math.min(delay * 2, 500)) {
      try {
        return fn();
      } catch (err) {
        if (!isBusy(err)) throw err;
        const left = deadline - Date.now();
        if (left <= 0) throw this.lockTimeout(err);
        sleepSync(Math.min(delay, left));
      }
    }
  }

  private lockTimeout(cause: unknown): StoreLockTimeoutError {
    const seconds = Math.round(this.lockTimeoutMs / 100) / 10;
    return new StoreLockTimeoutError(
      `database "${this.file}" is locked by another writer: gave up after waiting ${seconds} s (wait longer with STORYLINE_LOCK_TIMEOUT=<seconds>); nothing of this write was stored`,
      { cause },
    );
  }

  /**
   * Takes the write lock (`BEGIN IMMEDIATE`): each attempt waits briefly inside SQLite, then the event loop
   * is let go between attempts, with a growing pause, until the lock timeout.
   */
  private async beginImmediate(): Promise<void> {
    if (this.readonly) throw new StoreError(`database "${this.file}" was opened read-only: it cannot be written`);
    const deadline = Date.now() + this.lockTimeoutMs;
    const busy = this.db.pragma('busy_timeout', { simple: true }) as number;
    try {
      for (let delay = 10; ; delay = Math.min(delay * 2, 1000)) {
        const left = deadline - Date.now();
        this.db.pragma(`busy_timeout = ${Math.max(0, Math.min(BUSY_SLICE_MS, left))}`);
        try {
          this.db.exec('BEGIN IMMEDIATE');
          return;
        } catch (err) {
          if (!isBusy(err)) throw err;
          const after = deadline - Date.now();
          if (after <= 0) throw this.lockTimeout(err);
          await sleep(Math.min(delay, after));
        }
      }
    } finally {
      this.db.pragma(`busy_timeout = ${busy}`);
    }
  }

  async existingIds(ids: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    const stmt = this.db.prepare('SELECT 1 FROM articles WHERE id = ?');
    for (const id of ids) if (stmt.get(id)) out.add(id);
    return out;
  }

  async commit(batch: Batch): Promise<BatchResult> {
    // A batch on its own takes the write lock like any section (waiting for other writers); inside an
    // `exclusive` section it joins that section's transaction.
    if (!this.db.inTransaction) return this.exclusive(async () => this.writeBatch(batch));
    return this.writeBatch(batch);
  }

  /** Writes a batch inside the transaction already open (as a savepoint: all of it or none of it). */
  private writeBatch(batch: Batch): BatchResult {
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

  async listStories(opts: ListStoriesOptions = {}): Promise<StorySummary[]> {
    // Only the list columns: a story's body holds its whole view and is megabytes for a large story.
    const rows = (
      opts.updatedSince === undefined
        ? this.db
            .prepare(
              `SELECT ${SUMMARY_COLUMNS} FROM stories ORDER BY last_published DESC, updated_at DESC, id LIMIT ? OFFSET ?`,
            )
            .all(opts.limit ?? 50, opts.offset ?? 0)
        : this.db
            .prepare(
              `SELECT ${SUMMARY_COLUMNS} FROM stories WHERE updated_at > ? ORDER BY updated_at, id LIMIT ? OFFSET ?`,
            )
            .all(opts.updatedSince, opts.limit ?? 50, opts.offset ?? 0)
    ) as StoryRow[];
    return rows.map(storySummary);
  }

  async getStorySummaries(ids: string[]): Promise<StorySummary[]> {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM stories WHERE id IN (SELECT value FROM json_each(?))`)
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
   * process queue behind each other because `fn` is asynchronous. While another process holds the lock
   * this waits (see `beginImmediate`) up to the lock timeout, then fails having written nothing.
   */
  async exclusive<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      await this.beginImmediate();
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

  private readonly watches = new ChangeWatches();

  /** `data_version` moves whenever another connection commits to the file. */
  watchChanges(onChange: () => void): () => void {
    return this.watches.add(pollForChanges(() => this.db.pragma('data_version', { simple: true }), onChange));
  }

  async close(): Promise<void> {
    this.watches.stopAll();
    await this.exclusiveTail;
    if (!this.readonly && this.file !== ':memory:') {
      // The last process to close the file leaves it in rollback-journal mode (the WAL checkpointed and
      // removed), so that it can be copied to and read from read-only media, where a WAL file cannot be
      // opened without its -shm file. With other connections open this is refused at once, and WAL stays.
      try {
        this.db.pragma('busy_timeout = 0');
        this.db.pragma('journal_mode = DELETE');
      } catch {
        // Another process has the file open: it stays in WAL mode, which is fine.
      }
    }
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

/** The schema version recorded in a database (0 for a new or empty file). */
function schemaVersion(db: Database.Database): number {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!has) return 0;
  return (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
}

function newerSchema(version: number): StoreError {
  return new StoreError(
    `database schema version ${version} is newer than this Storyline (${MIGRATIONS.length}); upgrade Storyline`,
  );
}
