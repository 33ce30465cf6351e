import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  defaultDatabase,
  ForeignDatabaseError,
  openStore,
  SqliteStore,
  STORYLINE_APPLICATION_ID,
  StoreError,
  StoreLockTimeoutError,
  StoreNotFoundError,
  StoreUsageError,
} from '../../src/store/index.js';
import { lockTimeoutFromEnv, SQLITE_SCHEMA_VERSION } from '../../src/store/sqlite.js';
import { IS_ROOT, sha256File, workspaces } from '../helpers.js';
import { doc } from './contract.js';
import { holdWriteLock } from './processes.js';

const { make: workspace, cleanup: removeWorkspaces } = workspaces();
afterEach(removeWorkspaces);

/** A Storyline database with one article in it. */
async function storylineDb(file: string, text = 'Already stored before anything went wrong.'): Promise<string> {
  const s = new SqliteStore(file);
  const d = doc(text);
  await s.commit({ articles: [d], stories: [] });
  await s.close();
  return d.article.id;
}

/** A SQLite file of another application: one table, one row. */
function foreignDb(file: string): void {
  const raw = new Database(file);
  raw.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
  raw.prepare('INSERT INTO customers (name) VALUES (?)').run('Ada');
  raw.close();
}

describe('empty database location (defect 1)', () => {
  it('is a StoreUsageError from the store, openStore and an empty STORYLINE_DB', async () => {
    expect(() => new SqliteStore('')).toThrow(StoreUsageError);
    await expect(openStore('')).rejects.toThrow(StoreUsageError);
    await expect(openStore('  ')).rejects.toThrow(/location is empty.*pass a file path/);
    expect(() => defaultDatabase({ STORYLINE_DB: '' })).toThrow(StoreUsageError);
    expect(() => defaultDatabase({ STORYLINE_DB: ' ' })).toThrow(/STORYLINE_DB is set but empty/);
    expect(defaultDatabase({})).toBe('./storyline.db');
    expect(defaultDatabase({ STORYLINE_DB: '/data/x.db' })).toBe('/data/x.db');
  });
});

describe('read-only opens (defect 2)', () => {
  it('never creates a missing database: StoreNotFoundError naming the path', async () => {
    const dir = workspace();
    const file = join(dir, 'missing.db');
    await expect(openStore(file, { readonly: true })).rejects.toThrow(StoreNotFoundError);
    await expect(openStore(file, { readonly: true })).rejects.toThrow(`database "${file}" does not exist`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads a database without changing it, and refuses to write through it', async () => {
    const dir = workspace();
    const file = join(dir, 'news.db');
    const id = await storylineDb(file);
    const before = sha256File(file);
    const s = new SqliteStore(file, { readonly: true });
    expect(s.readonly).toBe(true);
    expect(await s.countArticles()).toBe(1);
    expect((await s.getArticle(id))?.article.id).toBe(id);
    await expect(s.commit({ articles: [doc('Not allowed.')], stories: [] })).rejects.toThrow(/read-only/);
    await s.close();
    expect(sha256File(file)).toBe(before);
  });

  it.skipIf(IS_ROOT)('reads a database in a folder that cannot be written (read-only media)', async () => {
    const dir = workspace();
    const file = join(dir, 'news.db');
    const id = await storylineDb(file);
    chmodSync(dir, 0o555);
    const before = sha256File(file);
    const s = await openStore(file, { readonly: true });
    expect(await s.countArticles()).toBe(1);
    expect((await s.getArticle(id))?.article.id).toBe(id);
    await s.close();
    expect(sha256File(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['news.db']);
  });

  it('leaves a closed database out of WAL mode, so that read-only media can open it', async () => {
    const dir = workspace();
    const file = join(dir, 'news.db');
    await storylineDb(file);
    expect(readdirSync(dir)).toEqual(['news.db']);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
  });
});

describe('files of other applications (defect 3)', () => {
  it('marks new databases with Storyline’s application id', async () => {
    const file = join(workspace(), 'new.db');
    await storylineDb(file);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('application_id', { simple: true })).toBe(STORYLINE_APPLICATION_ID);
    raw.close();
  });

  it('refuses a SQLite file with other tables and no mark, for writing and reading, leaving it byte-identical', async () => {
    const dir = workspace();
    const file = join(dir, 'customers.db');
    foreignDb(file);
    const before = sha256File(file);
    expect(() => new SqliteStore(file)).toThrow(ForeignDatabaseError);
    expect(() => new SqliteStore(file)).toThrow(`"${file}" is a SQLite database of another application`);
    expect(() => new SqliteStore(file)).toThrow(/customers/);
    await expect(openStore(file, { readonly: true })).rejects.toThrow(ForeignDatabaseError);
    expect(sha256File(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['customers.db']);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT name FROM customers').pluck().all()).toEqual(['Ada']);
    raw.close();
  });

  it('refuses a file marked by another application even without tables', () => {
    const file = join(workspace(), 'other.db');
    const raw = new Database(file);
    raw.pragma('application_id = 1196444487'); // GeoPackage
    raw.close();
    const before = sha256File(file);
    expect(() => new SqliteStore(file)).toThrow(/application id is 1196444487/);
    expect(sha256File(file)).toBe(before);
  });

  it('adopts, once, a Storyline database written before the mark, keeping its data', async () => {
    const file = join(workspace(), 'old.db');
    const id = await storylineDb(file);
    const raw = new Database(file);
    raw.pragma('application_id = 0');
    raw.close();
    const s = new SqliteStore(file);
    expect((await s.getArticle(id))?.article.id).toBe(id);
    await s.close();
    const check = new Database(file, { readonly: true });
    expect(check.pragma('application_id', { simple: true })).toBe(STORYLINE_APPLICATION_ID);
    check.close();
  });
});

describe('concurrent writers (defect 4)', () => {
  it('reads the wait limit from STORYLINE_LOCK_TIMEOUT (seconds), default 60 s', () => {
    expect(lockTimeoutFromEnv({})).toBe(60_000);
    expect(lockTimeoutFromEnv({ STORYLINE_LOCK_TIMEOUT: '2.5' })).toBe(2500);
    expect(() => lockTimeoutFromEnv({ STORYLINE_LOCK_TIMEOUT: 'soon' })).toThrow(StoreUsageError);
  });

  it('waits for another process holding the write lock, then writes', async () => {
    const file = join(workspace(), 'news.db');
    const id = await storylineDb(file);
    const store = new SqliteStore(file);
    const holder = await holdWriteLock(file, 3000);
    const t = Date.now();
    const result = await store.commit({ articles: [doc('Written once the other writer let go.')], stories: [] });
    const waited = Date.now() - t;
    await holder.done;
    expect(result.inserted).toHaveLength(1);
    expect(waited).toBeGreaterThan(1500);
    expect(await store.countArticles()).toBe(2);
    expect((await store.getArticle(id))?.article.id).toBe(id);
    await store.close();
  });

  it('gives up after the wait limit with StoreLockTimeoutError, storing nothing of the batch', async () => {
    const file = join(workspace(), 'news.db');
    const id = await storylineDb(file);
    const store = new SqliteStore(file, { lockTimeoutMs: 300 });
    const holder = await holdWriteLock(file, 2500);
    const t = Date.now();
    const err = await store
      .commit({ articles: [doc('Never stored.'), doc('Nor this.')], stories: [], state: { k: 'v' } })
      .catch((e: unknown) => e);
    const waited = Date.now() - t;
    expect(err).toBeInstanceOf(StoreLockTimeoutError);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toBe(
      `database "${file}" is locked by another writer: gave up after waiting 0.3 s (wait longer with STORYLINE_LOCK_TIMEOUT=<seconds>); nothing of this write was stored`,
    );
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(2000);
    await holder.done;
    expect(await store.countArticles()).toBe(1);
    expect(await store.getState('k')).toBeUndefined();
    expect((await store.getArticle(id))?.article.id).toBe(id);
    await store.close();
  });

  it('keeps `exclusive` sections waiting too (the lock story assignment takes)', async () => {
    const file = join(workspace(), 'news.db');
    await storylineDb(file);
    const store = new SqliteStore(file);
    const holder = await holdWriteLock(file, 1500);
    const n = await store.exclusive(async (tx) => {
      await tx.commit({ articles: [doc('Inside the section.')], stories: [] });
      return tx.countArticles();
    });
    await holder.done;
    expect(n).toBe(2);
    await store.close();
  });
});

describe('first opens at the same time (defect 5)', () => {
  it('20 processes opening one new file all succeed, and migrate it once', async () => {
    const dir = workspace();
    const file = join(dir, 'race.db');
    const script = join(dir, 'open.mts');
    const storeModule = resolve('src/store/sqlite.ts');
    // Each process loads the store, says so, and opens the file when told: all of them at once.
    writeFileSync(
      script,
      `const { SqliteStore } = await import(${JSON.stringify(storeModule)});
       process.stdout.write('ready\\n');
       process.stdin.once('data', async () => {
         try {
           const s = new SqliteStore(${JSON.stringify(file)});
           await s.close();
           process.stdout.write('ok');
         } catch (e) {
           process.stdout.write('ERR ' + e.message);
         }
         process.exit(0);
       });`,
    );
    const children = Array.from({ length: 20 }, () =>
      spawn(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'pipe'] }),
    );
    const outputs = children.map((child) => {
      let out = '';
      child.stdout.on('data', (b: Buffer) => (out += b.toString()));
      child.stderr.on('data', (b: Buffer) => (out += b.toString()));
      return {
        ready: new Promise<void>((res, rej) => {
          child.stdout.on('data', () => out.includes('ready') && res());
          child.on('exit', () => rej(new Error(`child ended before it was ready: ${out}`)));
        }),
        done: new Promise<string>((res) => child.on('exit', () => res(out.replace('ready', '').trim()))),
      };
    });
    await Promise.all(outputs.map((o) => o.ready));
    for (const child of children) child.stdin.write('go\n');
    const runs = outputs.map((o) => o.done);
    const outcomes = await Promise.all(runs);
    expect(outcomes).toEqual(Array.from({ length: 20 }, () => 'ok'));
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(SQLITE_SCHEMA_VERSION);
    expect(raw.pragma('application_id', { simple: true })).toBe(STORYLINE_APPLICATION_ID);
    raw.close();
    expect(existsSync(file)).toBe(true);
  });
});
