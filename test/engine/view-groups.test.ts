import { describe, expect, it } from 'vitest';
import { EAGER_ASSEMBLY, Engine } from '../../src/engine/engine.js';
import { groupsWithin } from '../../src/engine/view-groups.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Batch, Store } from '../../src/store/types.js';
import { syntheticArticles, syntheticEvents } from '../synthetic.js';
import { allStories } from './helpers.js';

/** The story ids of the views each commit after the lock writes. */
function viewCommits(store: Store): string[][] {
  const commits: string[][] = [];
  const commit = store.commit.bind(store);
  store.commit = (batch: Batch) => {
    if (batch.views && batch.views.length > 0) commits.push(batch.views.map((v) => v.story.id));
    return commit(batch);
  };
  return commits;
}

describe('views rebuilt in groups of bounded size', () => {
  it('groups items up to a budget, an oversized item on its own, order kept', () => {
    const size = (x: number): number => x;
    expect(groupsWithin([3, 4, 2, 9, 1, 1], size, 6)).toEqual([[3], [4, 2], [9], [1, 1]]);
    expect(groupsWithin([], size, 6)).toEqual([]);
    expect(groupsWithin([7], size, 6)).toEqual([[7]]);
  });

  it('reads back and writes large stories one group at a time, with the same views as eager assembly', async () => {
    const events = syntheticEvents(3, 7);
    const articles = [
      ...syntheticArticles(events.slice(0, 2), 30, 21),
      ...syntheticArticles(events.slice(2), 3, 22),
    ].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id));
    const eagerStore = new SqliteStore(':memory:');
    const eager = new Engine(eagerStore, { assembly: EAGER_ASSEMBLY });
    const store = new SqliteStore(':memory:');
    const commits = viewCommits(store);
    // Every changed story is due at once, but at most 12 stored members are read back together.
    const engine = new Engine(store, { assembly: { ...EAGER_ASSEMBLY, eagerUpTo: 0 }, viewMembers: 12 });
    for (let i = 0; i < articles.length; i += 10) {
      await eager.ingest(articles.slice(i, i + 10));
      await engine.ingest(articles.slice(i, i + 10));
    }
    await engine.refresh();
    const sizes = new Map((await store.listStories({ limit: 1000 })).map((s) => [s.id, s.articleCount]));
    expect(commits.length).toBeGreaterThan(0);
    for (const ids of commits) {
      // Several stories share a commit only when their members fit the budget (sizes here are final, and
      // stories grew after they were written, hence the margin).
      if (ids.length > 1) expect(ids.reduce((n, id) => n + (sizes.get(id) ?? 0), 0)).toBeLessThanOrEqual(12 * 2);
    }
    expect(commits.some((ids) => ids.length === 1 && (sizes.get(ids[0]) ?? 0) > 12)).toBe(true);
    expect(await allStories(store)).toEqual(await allStories(eagerStore));
    await eagerStore.close();
    await store.close();
  });
});
