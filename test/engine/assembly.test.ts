import { describe, expect, it } from 'vitest';
import { annotateArticle } from '../../src/pipeline.js';
import { Engine, EAGER_ASSEMBLY } from '../../src/engine/engine.js';
import { decodeAnalysed, encodeAnalysed } from '../../src/engine/analysed.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Batch, Store } from '../../src/store/types.js';
import type { Story } from '../../src/model.js';
import { syntheticArticles, syntheticEvents } from '../synthetic.js';
import { allStories } from './helpers.js';

/** Counts the story views each commit writes (under the lock or after it), by story id. */
function countViews(store: Store): Map<string, number> {
  const written = new Map<string, number>();
  const commit = store.commit.bind(store);
  store.commit = (batch: Batch) => {
    for (const s of [...batch.stories, ...(batch.views ?? []).map((v) => v.story)])
      written.set(s.id, (written.get(s.id) ?? 0) + 1);
    return commit(batch);
  };
  return written;
}

describe('story assembly policy', () => {
  // One large event and a few small ones, fed in small batches as a stream would arrive.
  const events = syntheticEvents(4, 5);
  const articles = [
    ...syntheticArticles(events.slice(0, 1), 60, 11),
    ...syntheticArticles(events.slice(1), 4, 12),
  ].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id));
  const batches: (typeof articles)[] = [];
  for (let i = 0; i < articles.length; i += 4) batches.push(articles.slice(i, i + 4));

  it('rebuilds a large story as it grows by a share of its size, and refresh completes it exactly', async () => {
    const eagerStore = new SqliteStore(':memory:');
    const eagerViews = countViews(eagerStore);
    const eager = new Engine(eagerStore, { assembly: EAGER_ASSEMBLY });
    const lazyStore = new SqliteStore(':memory:');
    const lazyViews = countViews(lazyStore);
    const lazy = new Engine(lazyStore, {
      assembly: { eagerUpTo: 10, growth: 0.5, maxAgeMs: Infinity, ageUpTo: Infinity },
    });
    let sawPending = false;
    for (const b of batches) {
      await eager.ingest(b);
      const r = await lazy.ingest(b);
      for (const id of r.stories) {
        const [s] = await lazyStore.getStorySummaries([id]);
        const [e] = await eagerStore.getStorySummaries([id]);
        // Counts, outlets and dates stay exact while the view waits.
        expect({ ...s, pending: undefined, updatedAt: '', viewUpdatedAt: '' }).toEqual({
          ...e,
          pending: undefined,
          updatedAt: '',
          viewUpdatedAt: '',
        });
        if (s.pending) {
          sawPending = true;
          expect(s.articleCount).toBeGreaterThan(10);
          expect((await lazyStore.getStory(id))?.pending).toBe(s.pending);
        }
      }
    }
    expect(sawPending).toBe(true);
    const big = (await lazyStore.listStories()).sort((a, b) => b.articleCount - a.articleCount)[0];
    expect(big.articleCount).toBeGreaterThanOrEqual(50);
    // The eager engine rebuilt the large story on every batch it touched; the lazy one a few times.
    expect(eagerViews.get(big.id)).toBeGreaterThanOrEqual(12);
    expect(lazyViews.get(big.id)).toBeLessThanOrEqual(8);

    const rebuilt = await lazy.refresh();
    expect(rebuilt.length).toBeGreaterThan(0);
    expect(await lazyStore.staleStories(10)).toEqual([]);
    expect(await lazy.refresh()).toEqual([]);
    // The completed views are the ones an engine rebuilding every time would have written.
    expect(await allStories(lazyStore)).toEqual(await allStories(eagerStore));
    await eagerStore.close();
    await lazyStore.close();
  });

  it('views deferred by the assigner are completed from the store alone, equal to views rebuilt every time', async () => {
    const eagerStore = new SqliteStore(':memory:');
    const eager = new Engine(eagerStore, { assembly: EAGER_ASSEMBLY });
    const assignerStore = new SqliteStore(':memory:');
    const policy = { eagerUpTo: 10, growth: 0.5, maxAgeMs: Infinity, ageUpTo: Infinity };
    const assigner = new Engine(assignerStore, { assembly: policy });
    // Another process: it never assigns, so its clusterer knows nothing; it only catches up on views.
    const catcher = new Engine(assignerStore, { assembly: policy });
    let caughtUp = 0;
    for (const b of batches) {
      await eager.ingest(b);
      // Analysed in one place, handed on as text, assigned in another, as workers do.
      const handed = decodeAnalysed(encodeAnalysed(catcher.analyse(b)));
      await assigner.assign([handed], { deferViews: true });
      caughtUp += await catcher.catchUpViews({ limit: 3, dueOnly: true });
    }
    expect(caughtUp).toBeGreaterThan(0);
    while ((await catcher.catchUpViews({ limit: 5 })) > 0);
    expect(await assignerStore.staleStories(10)).toEqual([]);
    expect(await allStories(assignerStore)).toEqual(await allStories(eagerStore));
    await eagerStore.close();
    await assignerStore.close();
  });

  it('rebuilds a view that is older than the age limit even when its story has barely grown', async () => {
    const pendingAfter = async (maxAgeMs: number, ageUpTo = Infinity): Promise<number> => {
      const store = new SqliteStore(':memory:');
      const engine = new Engine(store, { assembly: { eagerUpTo: 2, growth: 100, maxAgeMs, ageUpTo } });
      let pending = 0;
      for (const b of batches.slice(0, 10)) {
        await engine.ingest(b);
        for (const s of await store.listStories({ limit: 100 })) pending += s.pending ?? 0;
      }
      await store.close();
      return pending;
    };
    expect(await pendingAfter(Infinity)).toBeGreaterThan(0);
    expect(await pendingAfter(0)).toBe(0);
    // Past the size limit for the age rule, only growth rebuilds a story.
    expect(await pendingAfter(0, 2)).toBeGreaterThan(0);
  });

  it('stops refreshing a story it cannot rebuild instead of looping', async () => {
    const store = new SqliteStore(':memory:');
    const engine = new Engine(store);
    await engine.ingest(batches[0]);
    // A story the clusterer does not know (written by hand) has no members to rebuild it from.
    const [a, b] = syntheticArticles(events.slice(3), 2, 99).map((x) => annotateArticle(x));
    const ghost: Story = {
      id: 'ghost',
      title: 'Ghost',
      articleIds: [a.article.id],
      independentSources: 1,
      entities: [],
      quotes: [],
      timeline: [],
      summary: [],
    };
    await store.commit({ articles: [a], stories: [ghost] });
    await store.commit({
      articles: [b],
      stories: [],
      members: [
        {
          storyId: 'ghost',
          added: [{ articleId: b.article.id, decision: 'manual', score: 1, summary: 'by hand' }],
          independentSources: 1,
        },
      ],
    });
    expect(await store.staleStories(10)).toEqual(['ghost']);
    expect(await engine.refresh()).toEqual(['ghost']);
    expect(await store.staleStories(10)).toEqual(['ghost']);
    await store.close();
  });
});
