/** The server store, PostgreSQL (`postgres/`): this path is kept for the modules that import it. */
export { PostgresStore, type PostgresStoreOptions, type Leadership, isTransient } from './postgres/store.js';
export { POSTGRES_SCHEMA_VERSION, LOCKS } from './postgres/schema.js';
export { toTsQuery } from './postgres/dialect.js';
