import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../src/engine/engine.js';
import { SharedClusterer } from '../../src/engine/assignment.js';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { syntheticArticles, syntheticEvents } from '../synthetic.js';

/** Story membership as a set of sorted article-id lists, independent of story ids. */
async function partition(store: Store): Promise<string[]> {
  const out: string[] = [];
  for (const s of await store.listStories({ limit: 1000 })) {
    const story = await store.getStory(s.id);
    out.push([...(story?.articleIds ?? [])].sort().join(','));
  }
  return out.sort();
}

describe('engines sharing one store', () => {
  it('place articles exactly as one engine would, by replaying each other’s logged decisions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'storyline-replay-'));
    try {
      const articles = syntheticArticles(syntheticEvents(10, 3), 6, 5);
      const batches: (typeof articles)[] = [];
      for (let i = 0; i < articles.length; i += 7) batches.push(articles.slice(i, i + 7));

      const alone = new SqliteStore(join(dir, 'alone.db'));
      const one = new Engine(alone);
      for (const b of batches) await one.ingest(b);

      // Two engines (as two processes would) take turns on one database file.
      const file = join(dir, 'shared.db');
      const s1 = new SqliteStore(file);
      const s2 = new SqliteStore(file);
      const engines = [new Engine(s1), new Engine(s2)];
      for (const [i, b] of batches.entries()) await engines[i % 2].ingest(b);

      const expected = await partition(alone);
      expect(expected.length).toBeGreaterThan(5);
      expect(expected.length).toBeLessThan(articles.length);
      expect(await partition(s1)).toEqual(expected);
      // The log carries the decisions the other engine replayed (copies are found again, not decided).
      const log = await s1.readLog(0, 10_000);
      expect(log.filter((e) => e.entry.op === 'add').length).toBe(articles.length);
      expect(log.filter((e) => e.entry.op === 'add' && e.entry.decision).length).toBeGreaterThanOrEqual(
        expected.length,
      );
      // Every placement carries its prepared article, so a third process catches up on the log without
      // reading a single article back.
      expect(log.every((e) => e.entry.op !== 'add' || e.entry.prepared)).toBe(true);
      const s3 = new SqliteStore(file);
      const reads = vi.spyOn(s3, 'getArticles');
      const caughtUp = await new SharedClusterer().sync(s3);
      expect(reads).not.toHaveBeenCalled();
      expect(caughtUp.stats().articles).toBe(articles.length);
      // Entries written before placements carried their prepared article are replayed from the stored article.
      const raw = new Database(file);
      raw.prepare("UPDATE assignment_log SET entry = json_remove(entry, '$.prepared')").run();
      raw.close();
      const s4 = new SqliteStore(file);
      const fromArticles = await new SharedClusterer().sync(s4);
      const { stats: _a, ...viaArticles } = fromArticles.snapshot();
      const { stats: _b, ...viaLog } = caughtUp.snapshot();
      expect(viaArticles.stories).toEqual(viaLog.stories);
      await Promise.all([alone.close(), s1.close(), s2.close(), s3.close(), s4.close()]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
