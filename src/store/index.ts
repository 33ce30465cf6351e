import { SqliteStore, type SqliteStoreOptions } from './sqlite.js';
import { PostgresStore } from './postgres.js';
import { StoreError, StoreUsageError, type Store } from './types.js';

export * from './types.js';
export {
  SqliteStore,
  type SqliteStoreOptions,
  STORYLINE_APPLICATION_ID,
  DEFAULT_LOCK_TIMEOUT_SECONDS,
  lockTimeoutFromEnv,
} from './sqlite.js';
export { PostgresStore } from './postgres.js';

/**
 * The database used when none is given: `STORYLINE_DB`, else `./storyline.db`. `STORYLINE_DB` set to an
 * empty value (`STORYLINE_DB=$UNSET_VARIABLE`) is a usage error rather than a quiet fallback.
 */
export function defaultDatabase(env: NodeJS.ProcessEnv = process.env): string {
  if (env.STORYLINE_DB === undefined) return './storyline.db';
  if (env.STORYLINE_DB.trim() === '') {
    throw new StoreUsageError(
      'STORYLINE_DB is set but empty: set it to a database file (e.g. STORYLINE_DB=./storyline.db) or a postgres:// URL, or unset it to use ./storyline.db',
    );
  }
  return env.STORYLINE_DB;
}

export interface OpenOptions {
  /**
   * The caller only reads: a SQLite file must already exist and is opened read-only (never created,
   * migrated or marked). PostgreSQL ignores it.
   */
  readonly?: boolean;
  /** SQLite: how long a write waits for another writer's lock, in milliseconds (see `SqliteStoreOptions`). */
  lockTimeoutMs?: number;
}

/**
 * Opens a store from a location: a file path or `:memory:` for SQLite, a `postgres://…` URL for PostgreSQL.
 * An empty location is a `StoreUsageError`.
 */
export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  if (location.trim() === '') {
    throw new StoreUsageError(
      'no database given (the location is empty, perhaps an unset variable): pass a file path, ":memory:" or a postgres:// URL',
    );
  }
  if (/^postgres(ql)?:\/\//i.test(location)) return PostgresStore.open(location);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    throw new StoreError(`unsupported database URL "${location}": use a SQLite file path or postgres://user@host/db`);
  }
  const sqlite: SqliteStoreOptions = { readonly: options.readonly };
  if (options.lockTimeoutMs !== undefined) sqlite.lockTimeoutMs = options.lockTimeoutMs;
  return new SqliteStore(location, sqlite);
}
