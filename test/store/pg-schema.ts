import pg from 'pg';
import { PostgresStore } from '../../src/store/postgres.js';

let schemas = 0;

/** A PostgreSQL store in a schema of its own, so every test starts empty; `opened` collects it for closing. */
export async function freshPostgresStore(
  base: string,
  opened: Array<{ close(): Promise<void> }>,
): Promise<PostgresStore> {
  const schema = `t${process.pid}_${++schemas}_${Date.now() % 100000}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const sep = base.includes('?') ? '&' : '?';
  const store = await PostgresStore.open(`${base}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`, {
    retryForMs: 5000,
  });
  opened.push(store);
  return store;
}
