/**
 * The batch rules are written once (src/store/batch.ts) and run by both dialects: the same batches give
 * the same results and the same stored state in SQLite and PostgreSQL.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runAsync, runSync, step, type Rules } from '../../src/store/dialect.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Batch, BatchResult, Store, StorySummary } from '../../src/store/types.js';
import type { Membership } from '../../src/model.js';
import { doc, story } from './contract.js';
import { freshPostgresStore } from './pg-schema.js';

const url = inject('pgUrl');
const opened: Store[] = [];

afterAll(async () => {
  await Promise.all(opened.map((s) => s.close().catch(() => undefined)));
});

const why = (articleId: string, decision: Membership['decision']): Membership => ({
  articleId,
  decision,
  score: 0.5,
  summary: decision,
});

/** A run of batches touching every rule: new and re-analysed articles, moves, members, views, state, log. */
function batches(): Batch[] {
  const a = doc('The bridge over the Vell river closed after cracks were found.', {
    source: 'Courier',
    published: '2024-06-01',
  });
  const b = doc('Engineers said the Vell bridge could reopen within a month.', {
    source: 'Herald',
    published: '2024-06-03',
  });
  const c = doc('Commuters queued for the ferry while the Vell bridge stayed shut.', { source: 'Courier' });
  const d = doc('A separate story about the harvest festival in Orm.', { source: 'Gazette', published: '2024-05-20' });
  const cDated = { ...c, article: { ...c.article, published: '2024-06-02', publishedInferred: true } };
  const [ia, ib, ic, id] = [a, b, c, d].map((x) => x.article.id);
  return [
    {
      articles: [a, d, a],
      stories: [
        { ...story('s1', [ia]), membership: [why(ia, 'new')] },
        { ...story('s2', [id]), membership: [why(id, 'new')] },
      ],
      state: { checkpoint: 'one' },
      log: [
        { op: 'add', articleId: ia },
        { op: 'add', articleId: id },
      ],
    },
    {
      articles: [b, c],
      stories: [],
      members: [{ storyId: 's1', added: [why(ib, 'joined'), why(ic, 'joined')], independentSources: 2 }],
      log: [
        { op: 'add', articleId: ib },
        { op: 'add', articleId: ic },
      ],
    },
    // A late view of the first membership is refused, the date of c is inferred, d moves into s1 and b's reason
    // is replaced by hand.
    {
      articles: [cDated],
      stories: [{ ...story('s1', [ia, ib, ic, id]), membership: [why(ib, 'manual'), why(id, 'merged')] }],
      views: [{ story: { ...story('s1', [ia]), title: 'Late' }, version: 1 }],
      state: { checkpoint: 'two' },
      log: [{ op: 'merge', a: 's1', b: 's2' }, { op: 'recheck' }],
      compactLog: { afterSeq: 0, throughSeq: 2 },
    },
  ];
}

/** What a store holds after the batches, without the times each database stamps. */
async function snapshot(store: Store, results: BatchResult[]) {
  const undated = (s: StorySummary) => ({ ...s, updatedAt: undefined, viewUpdatedAt: undefined });
  const ids = ['s1', 's2'];
  return {
    results,
    stories: (await store.listStories()).map(undated),
    views: await Promise.all(ids.map((id) => store.getStory(id))),
    members: await store.getStoryMembers(ids),
    memberships: [...(await store.getMemberships(ids)).entries()].sort(),
    stale: await store.staleStories(10),
    state: await store.getState('checkpoint'),
    log: await store.readLog(0),
    articles: (await store.getArticles((await store.getStoryMembers(['s1']))[0].articleIds, { tokens: false })).map(
      (x) => x.article,
    ),
  };
}

async function play(store: Store): Promise<Awaited<ReturnType<typeof snapshot>>> {
  const results: BatchResult[] = [];
  for (const batch of batches()) results.push(await store.commit(batch));
  return snapshot(store, results);
}

describe('the shared batch rules', () => {
  it('give SQLite the state the rules describe', async () => {
    const store = new SqliteStore(':memory:');
    opened.push(store);
    const got = await play(store);
    expect(got.results.map((r) => r.versions)).toEqual([{ s1: 1, s2: 1 }, { s1: 2 }, { s1: 3 }]);
    expect(got.results.map((r) => r.existing.length)).toEqual([1, 0, 1]);
    expect(got.results[2].staleViews).toEqual(['s1']);
    // s2 lost its only article to s1 and is gone; the view of s1 is current again.
    expect(got.stories.map((s) => s.id)).toEqual(['s1']);
    expect(got.views[1]).toBeUndefined();
    expect(got.stale).toEqual([]);
    expect(got.state).toBe('two');
    expect(got.memberships.map(([, m]) => m.decision).sort()).toEqual(['joined', 'manual', 'merged', 'new']);
    expect(got.log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it.skipIf(!url)('give PostgreSQL exactly what they give SQLite', async () => {
    const sqlite = new SqliteStore(':memory:');
    opened.push(sqlite);
    const expected = await play(sqlite);
    expect(await play(await freshPostgresStore(url, opened))).toEqual(expected);
  });
});

describe('running rules', () => {
  function* rules(values: Array<number | Promise<number>>): Rules<number> {
    let sum = 0;
    for (const v of values) sum += yield* step(v);
    return sum;
  }

  it('runs synchronous steps without yielding, and refuses a promise', () => {
    expect(runSync(rules([1, 2, 3]))).toBe(6);
    expect(() => runSync(rules([1, Promise.resolve(2)]))).toThrow(/synchronous dialect returned a promise/);
  });

  it('awaits asynchronous steps and throws a failed step back into the rules', async () => {
    expect(await runAsync(rules([1, Promise.resolve(2), 3]))).toBe(6);
    function* guarded(): Rules<string> {
      try {
        yield* step(Promise.reject(new Error('boom')));
        return 'not reached';
      } catch (err) {
        return `caught ${(err as Error).message}`;
      }
    }
    expect(await runAsync(guarded())).toBe('caught boom');
  });
});
