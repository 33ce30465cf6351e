import { SqliteStore } from './sqlite.js';
import { PostgresStore } from './postgres.js';
import { StoreError, type Store } from './types.js';

export * from './types.js';
export { SqliteStore } from './sqlite.js';
export { PostgresStore } from './postgres.js';

/** The database used when none is given: `STORYLINE_DB`, else `./storyline.db`. */
export function defaultDatabase(env: NodeJS.ProcessEnv = process.env): string {
  return env.STORYLINE_DB && env.STORYLINE_DB.trim() !== '' ? env.STORYLINE_DB : './storyline.db';
}

/**
 * Opens a store from a location: a file path or `:memory:` for SQLite, a `postgres://…` URL for PostgreSQL.
 */
export async function openStore(location: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) return PostgresStore.open(location);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    throw new StoreError(`unsupported database URL "${location}": use a SQLite file path or postgres://user@host/db`);
  }
  return new SqliteStore(location);
}
