import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore, STORYLINE_APPLICATION_ID } from '../../src/store/sqlite.js';
import { cli, IS_ROOT, sha256File, workspaces } from '../helpers.js';
import { holdWriteLock } from '../store/processes.js';

const { make: workspace, cleanup: removeWorkspaces } = workspaces();
afterEach(removeWorkspaces);

const ARTICLES = {
  a: 'title: Plant fire forces evacuation\nsource: Valley Courier\ndate: 2024-03-05\n\nFire Chief Maria Lopez said the blaze at the Northfield chemical plant was contained on Tuesday. "We were lucky," Lopez said.',
  b: 'title: Council approves transit deal\nsource: City Ledger\ndate: 2024-04-10\n\nThe Ashford city council approved a transit contract with Greyline Buses on Monday, Mayor Tom Reyes said.',
  c: 'title: Harbor dredging begins\nsource: Coast Review\ndate: 2024-05-02\n\nCrews began dredging the Port Wren harbor channel on Thursday, harbor master Ellen Cho said, a job expected to take six weeks.',
};

/** A folder with the three articles as files, and a database holding article a. */
async function setup(): Promise<{ dir: string; db: string; file: (k: keyof typeof ARTICLES) => string }> {
  const dir = workspace();
  for (const [k, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, `${k}.txt`), text);
  const db = join(dir, 'news.db');
  const file = (k: keyof typeof ARTICLES): string => join(dir, `${k}.txt`);
  const r = await cli('ingest', file('a'), '--db', db);
  expect(r.code).toBe(0);
  return { dir, db, file };
}

async function articleCount(db: string): Promise<number> {
  const s = new SqliteStore(db, { readonly: true });
  const n = await s.countArticles();
  await s.close();
  return n;
}

describe('--db "" and STORYLINE_DB="" (defect 1)', () => {
  it('are usage errors (exit 2) naming what to pass, for every command; nothing is written anywhere', async () => {
    const { db, file } = await setup();
    const hadDefault = existsSync('storyline.db');
    for (const argv of [
      ['ingest', file('b'), '--db', ''],
      ['analyze', file('b'), '--db', ''],
      ['stories', '--db', ''],
      ['story', 'x', '--db', ''],
      ['search', 'fire', '--db', ' '],
      ['merge', 'x', 'y', '--db', ''],
      ['refresh', '--db', ''],
      ['watch', file('b'), '--once', '--db', ''],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain('storyline: --db is empty (an unset variable?): pass a database file');
      expect(r.stdout).not.toMatch(/stored/);
    }
    expect(await articleCount(db)).toBe(1);
    expect(existsSync('storyline.db')).toBe(hadDefault);
  });

  it('STORYLINE_DB set but empty is a usage error, not a quiet ./storyline.db', async () => {
    const { db, file } = await setup();
    const hadDefault = existsSync('storyline.db');
    process.env.STORYLINE_DB = '';
    try {
      for (const argv of [['ingest', file('b')], ['stories']]) {
        const r = await cli(...argv);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('storyline: STORYLINE_DB is set but empty: set it to a database file');
      }
    } finally {
      delete process.env.STORYLINE_DB;
    }
    expect(await articleCount(db)).toBe(1);
    expect(existsSync('storyline.db')).toBe(hadDefault);
  });
});

describe('commands that only read (defect 2)', () => {
  it('never create a database: a missing file is an error naming it (exit 3)', async () => {
    const dir = workspace();
    const missing = join(dir, 'typo.db');
    for (const argv of [['stories'], ['story', 'story-1'], ['search', 'fire']]) {
      const r = await cli(...argv, '--db', missing);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`storyline: database "${missing}" does not exist`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leave the file as it is: no migration, no mark (a write command adopts it)', async () => {
    const { db, file } = await setup();
    const raw = new Database(db);
    raw.pragma('application_id = 0'); // as written by Storyline before databases were marked
    raw.close();
    const before = sha256File(db);
    expect((await cli('stories', '--db', db)).code).toBe(0);
    expect((await cli('search', 'chemical', '--db', db)).stdout).toMatch(/Plant fire/);
    expect(sha256File(db)).toBe(before);
    expect((await cli('ingest', file('b'), '--db', db)).code).toBe(0);
    const check = new Database(db, { readonly: true });
    expect(check.pragma('application_id', { simple: true })).toBe(STORYLINE_APPLICATION_ID);
    check.close();
    expect(await articleCount(db)).toBe(2);
  });

  it.skipIf(IS_ROOT)('work on a database in a folder nobody may write (read-only media)', async () => {
    const { dir, db } = await setup();
    chmodSync(dir, 0o555);
    const before = sha256File(db);
    const list = await cli('stories', '--db', db, '--json');
    expect(list.code).toBe(0);
    const stories = JSON.parse(list.stdout) as Array<{ id: string; title: string }>;
    expect(stories.map((s) => s.title)).toEqual(['Plant fire forces evacuation']);
    expect((await cli('story', stories[0].id, '--db', db)).code).toBe(0);
    expect((await cli('search', 'chemical', '--db', db)).stdout).toMatch(/Plant fire/);
    expect(sha256File(db)).toBe(before);
  });
});

describe('a SQLite file of another application (defect 3)', () => {
  it('is refused by write and read commands, byte-identical afterwards, the message naming it', async () => {
    const { dir, file } = await setup();
    const customers = join(dir, 'customers.db');
    const raw = new Database(customers);
    raw.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    raw.prepare('INSERT INTO customers (name) VALUES (?)').run('Ada');
    raw.close();
    const before = sha256File(customers);
    for (const argv of [
      ['ingest', file('b'), '--db', customers],
      ['stories', '--db', customers],
      ['search', 'fire', '--db', customers],
      ['refresh', '--db', customers],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(3);
      expect(r.stderr).toContain(`storyline: "${customers}" is a SQLite database of another application`);
      expect(r.stderr).toContain('customers');
      expect(r.stdout).toBe('');
    }
    expect(sha256File(customers)).toBe(before);
    expect(existsSync(`${customers}-wal`)).toBe(false);
    expect(existsSync(`${customers}-journal`)).toBe(false);
  });
});

describe('two writers at once (defect 4)', () => {
  it('ingest waits while another process holds the write lock, then stores its batch', async () => {
    const { db, file } = await setup();
    const holder = await holdWriteLock(db, 3000);
    const t = Date.now();
    const r = await cli('ingest', file('b'), '--db', db);
    const waited = Date.now() - t;
    await holder.done;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 stored, 0 already present, 0 failed/);
    expect(waited).toBeGreaterThan(1000);
    expect(await articleCount(db)).toBe(2);
  });

  it('past STORYLINE_LOCK_TIMEOUT it fails with a clear message, exit 3, storing nothing of the batch', async () => {
    const { db, file } = await setup();
    const holder = await holdWriteLock(db, 3000);
    process.env.STORYLINE_LOCK_TIMEOUT = '0.2';
    let r;
    try {
      r = await cli('ingest', file('b'), file('c'), '--db', db);
    } finally {
      delete process.env.STORYLINE_LOCK_TIMEOUT;
    }
    await holder.done;
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `storyline: database "${db}" is locked by another writer: gave up after waiting 0.2 s (wait longer with STORYLINE_LOCK_TIMEOUT=<seconds>); nothing of this write was stored`,
    );
    expect(await articleCount(db)).toBe(1);
    const again = await cli('ingest', file('b'), file('c'), '--db', db);
    expect(again.stdout).toMatch(/2 stored, 0 already present/);
  });

  it('refuses a STORYLINE_LOCK_TIMEOUT that is not a number of seconds (exit 2)', async () => {
    const { db, file } = await setup();
    process.env.STORYLINE_LOCK_TIMEOUT = 'a minute';
    try {
      const r = await cli('ingest', file('b'), '--db', db);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('STORYLINE_LOCK_TIMEOUT must be a number of seconds');
    } finally {
      delete process.env.STORYLINE_LOCK_TIMEOUT;
    }
    expect(await articleCount(db)).toBe(1);
  });
});
