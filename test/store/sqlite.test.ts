import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore, SQLITE_SCHEMA_VERSION, toFtsQuery } from '../../src/store/sqlite.js';
import { tempDir } from '../helpers.js';
import { doc, storeContract } from './contract.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

storeContract('SQLite', async () => new SqliteStore(':memory:'));

describe('SqliteStore', () => {
  it('migrates a new file and reopens it without re-running migrations', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = join(dir, 'x.db');
    const s1 = new SqliteStore(file);
    await s1.commit({ articles: [doc('Persisted across reopen.')], stories: [], state: { k: 'v' } });
    await s1.close();
    const s2 = new SqliteStore(file);
    expect(await s2.countArticles()).toBe(1);
    expect(await s2.getState('k')).toBe('v');
    await s2.close();
    const raw = new Database(file);
    expect(raw.prepare('SELECT version FROM schema_migrations').all()).toHaveLength(SQLITE_SCHEMA_VERSION);
    raw.close();
  });

  it('refuses a database from a newer version with an actionable message', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = join(dir, 'newer.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    raw.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(99, 'x');
    raw.close();
    expect(() => new SqliteStore(file)).toThrow(/newer than this Storyline/);
  });
});

describe('toFtsQuery', () => {
  it('quotes every word so user input never becomes FTS syntax', () => {
    expect(toFtsQuery('vance NEAR(cuomo)')).toBe('"vance" "NEAR" "cuomo"*');
    expect(toFtsQuery('"open letter" time')).toBe('"open letter" "time"*');
    expect(toFtsQuery('  ')).toBe('');
  });
});
