import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { batchRules } from '../batch.js';
import { ChangeWatches, pollForChanges } from '../changes.js';
import { runSync } from '../dialect.js';
import { DialectReads } from '../reads.js';
import {
  type Batch,
  type BatchResult,
  type Store,
  StoreError,
  StoreLockTimeoutError,
  StoreNotFoundError,
  StoreUsageError,
  ForeignDatabaseError,
} from '../types.js';
import { SqliteDialect } from './dialect.js';
import { isOwnTable, MIGRATIONS, newerSchema, schemaVersion, STORYLINE_APPLICATION_ID } from './schema.js';

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
export class SqliteStore extends DialectReads {
  readonly kind = 'sqlite' as const;
  readonly readonly: boolean;
  private db: Database.Database;
  /** This connection's statements, for the shared reads and batch rules. */
  protected readonly dialect: SqliteDialect;
  private readonly file: string;
  private readonly lockTimeoutMs: number;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    super();
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
    this.dialect = new SqliteDialect(this.db);
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

  async commit(batch: Batch): Promise<BatchResult> {
    // A batch on its own takes the write lock like any section (waiting for other writers); inside an
    // `exclusive` section it joins that section's transaction.
    if (!this.db.inTransaction) return this.exclusive(async () => this.writeBatch(batch));
    return this.writeBatch(batch);
  }

  /**
   * Writes a batch inside the transaction already open (as a savepoint: all of it or none of it). The rules
   * run synchronously to the end, so nothing else on this connection runs in between.
   */
  private writeBatch(batch: Batch): BatchResult {
    const run = this.db.transaction(() => runSync(batchRules(this.dialect, batch)));
    try {
      return run();
    } catch (err) {
      throw new StoreError(`could not write the batch (nothing was stored): ${(err as Error).message}`, { cause: err });
    }
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
