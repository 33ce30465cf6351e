/** The embedded store, SQLite (`sqlite/`): this path is kept for the modules that import it. */
export {
  SqliteStore,
  type SqliteStoreOptions,
  DEFAULT_LOCK_TIMEOUT_SECONDS,
  lockTimeoutFromEnv,
} from './sqlite/store.js';
export { SQLITE_SCHEMA_VERSION, STORYLINE_APPLICATION_ID } from './sqlite/schema.js';
export { toFtsQuery } from './sqlite/dialect.js';
