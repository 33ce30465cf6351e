import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { makeArticle } from '../../src/ingest/parse.js';
import { PostgresStore } from '../../src/store/postgres.js';

const url = inject('pgUrl');
const opened: PostgresStore[] = [];

/** Two stores on one fresh schema: the server's and another process's. */
async function twoStores(base: string): Promise<[PostgresStore, PostgresStore]> {
  const schema = `live${process.pid}_${Date.now() % 100000}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const sep = base.includes('?') ? '&' : '?';
  const at = `${base}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const a = await PostgresStore.open(at, { retryForMs: 5000 });
  const b = await PostgresStore.open(at, { retryForMs: 5000 });
  opened.push(a, b);
  return [a, b];
}

afterAll(async () => {
  await Promise.all(opened.map((s) => s.close().catch(() => undefined)));
});

describe.skipIf(!url)('PostgreSQL change notices', () => {
  it('reach a watcher when another store commits, and stop when asked', async () => {
    const [served, other] = await twoStores(url);
    let notices = 0;
    let wake: () => void = () => undefined;
    const stop = served.watchChanges(() => {
      notices++;
      wake();
    });
    // LISTEN is issued on a connection of its own; give it a moment.
    await new Promise((r) => setTimeout(r, 300));
    const heard = new Promise<void>((resolve) => (wake = resolve));
    const t0 = Date.now();
    await new Engine(other).ingest([
      makeArticle('The Port Emery pier reopened on Sunday after repairs, the harbour office said.', {}),
    ]);
    await Promise.race([heard, new Promise((r) => setTimeout(r, 2000))]);
    expect(notices).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(5000);
    const since = await served.listStories({ updatedSince: new Date(t0 - 60_000).toISOString() });
    expect(since).toHaveLength(1);
    expect(since[0].articleCount).toBe(1);
    stop();
    const before = notices;
    await new Engine(other).ingest([makeArticle('Rain is expected in Larkhollow on Friday, forecasters said.', {})]);
    await new Promise((r) => setTimeout(r, 300));
    expect(notices).toBe(before);
  });
});
