import { SqliteStore } from './sqlite.js';
import { StoreError, type Store } from './types.js';

export * from './types.js';
export { SqliteStore } from './sqlite.js';

/** The database used when none is given: `STORYLINE_DB`, else `./storyline.db`. */
export function defaultDatabase(env: NodeJS.ProcessEnv = process.env): string {
  return env.STORYLINE_DB && env.STORYLINE_DB.trim() !== '' ? env.STORYLINE_DB : './storyline.db';
}

/**
 * Opens a store from a location: a file path or `:memory:` for SQLite; `postgres://…` URLs are
 * reserved for the PostgreSQL backend.
 */
export async function openStore(location: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new StoreError('the PostgreSQL backend is not available in this build; use a SQLite file path');
  }
  return new SqliteStore(location);
}
