/**
 * The behaviour every store backend must have. Each backend's test file runs this suite with its own
 * factory, so SQLite and PostgreSQL give the same results for the same input.
 */
import { describe, expect, it } from 'vitest';
import { annotateArticle } from '../../src/pipeline.js';
import { makeArticle } from '../../src/ingest/parse.js';
import type { Story } from '../../src/model.js';
import type { AssignmentEntry, Store } from '../../src/store/types.js';
import { StoryClusterer, encodePrepared } from '../../src/stories/index.js';

export function doc(body: string, meta: Parameters<typeof makeArticle>[1] = {}) {
  return annotateArticle(makeArticle(body, meta));
}

export function story(id: string, articleIds: string[]): Story {
  return {
    id,
    title: `Story ${id}`,
    articleIds,
    independentSources: 1,
    entities: [],
    quotes: [],
    timeline: [],
    summary: [],
  };
}

export function storeContract(label: string, open: () => Promise<Store>): void {
  describe(`${label} store contract`, () => {
    it('stores articles with annotations and reads them back exactly', async () => {
      const store = await open();
      const d = doc('Fire Chief Maria Lopez said the fire was out. "We were lucky," she said.', {
        source: 'Courier',
        published: '2024-03-05',
        title: 'Fire',
        url: 'https://courier.example/fire',
        path: 'fire.txt',
        byline: 'Jonas Pell',
      });
      const r = await store.commit({ articles: [d], stories: [story('s1', [d.article.id])] });
      expect(r.inserted).toEqual([d.article.id]);
      const back = await store.getArticle(d.article.id);
      expect(back?.article).toEqual(d.article);
      expect(back?.sentences).toEqual(d.sentences);
      expect(back?.mentions).toEqual(d.mentions);
      expect(back?.entities).toEqual(d.entities);
      expect(back?.quotes).toEqual(d.quotes);
      expect(back?.timexes).toEqual(d.timexes);
      expect(back?.tokens).toEqual(d.tokens);
      const [light] = await store.getArticles([d.article.id], { tokens: false });
      expect(light.tokens).toEqual([]);
      expect(light.mentions).toEqual(d.mentions);
      expect(await store.storyOf(d.article.id)).toBe('s1');
      expect(await store.getStory('s1')).toEqual(story('s1', [d.article.id]));
      expect(await store.getArticle('nope')).toBeUndefined();
      expect(await store.getStory('nope')).toBeUndefined();
      await store.close();
    });

    it('keeps one article for the same content ingested twice', async () => {
      const store = await open();
      const a = doc('Same text twice.', { published: '2020-05-01' });
      const b = doc('Same   text twice.\n', { published: '2020-05-01' });
      expect(a.article.id).toBe(b.article.id);
      await store.commit({ articles: [a], stories: [] });
      const r = await store.commit({ articles: [b], stories: [] });
      expect(r.inserted).toEqual([]);
      expect(r.existing).toEqual([a.article.id]);
      expect(await store.countArticles()).toBe(1);
      expect([...(await store.existingIds([a.article.id, 'other']))]).toEqual([a.article.id]);
      // Twice in one batch: stored once, the second copy reported as existing.
      const c = doc('Twice in one batch.', { published: '2020-06-01' });
      const d = doc('Plain other text.', { published: '2020-07-01' });
      const both = await store.commit({ articles: [c, d, c], stories: [] });
      expect(both.inserted).toEqual([c.article.id, d.article.id]);
      expect(both.existing).toEqual([c.article.id]);
      expect(await store.countArticles()).toBe(3);
      await store.close();
    });

    it('reads the summaries of chosen stories in the order asked', async () => {
      const store = await open();
      const a = doc('The council voted on the budget.', { source: 'Courier', published: '2024-01-02' });
      const b = doc('The river flooded the lower town.', { source: 'Herald', published: '2024-02-03' });
      await store.commit({ articles: [a, b], stories: [story('s1', [a.article.id]), story('s2', [b.article.id])] });
      const got = await store.getStorySummaries(['s2', 'missing', 's1']);
      expect(got.map((s) => s.id)).toEqual(['s2', 's1']);
      expect(got[0]).toMatchObject({
        title: 'Story s2',
        articleCount: 1,
        outlets: ['Herald'],
        firstPublished: '2024-02-03',
      });
      expect(await store.getStorySummaries([])).toEqual([]);
      await store.close();
    });

    it('refreshes a stored article when its date is inferred later', async () => {
      const store = await open();
      const a = doc('An undated article about the vote.');
      await store.commit({ articles: [a], stories: [story('s1', [a.article.id])] });
      const dated = {
        ...a,
        article: { ...a.article, published: '2021-06-07', publishedInferred: true, publishedReason: 'from siblings' },
      };
      await store.commit({ articles: [dated], stories: [story('s1', [a.article.id])] });
      const back = await store.getArticle(a.article.id);
      expect(back?.article.published).toBe('2021-06-07');
      expect(back?.article.publishedInferred).toBe(true);
      expect(back?.article.publishedReason).toBe('from siblings');
      expect((await store.listStories())[0]).toMatchObject({ firstPublished: '2021-06-07' });
      expect(await store.countArticles()).toBe(1);
      await store.close();
    });

    it('writes a batch all or nothing', async () => {
      const store = await open();
      const a = doc('First article survives.');
      await store.commit({ articles: [a], stories: [story('s1', [a.article.id])] });
      const b = doc('Second article is rolled back.');
      await expect(
        store.commit({ articles: [b], stories: [story('s2', [b.article.id, 'missing-article'])] }),
      ).rejects.toThrow(/nothing was stored/);
      expect(await store.countArticles()).toBe(1);
      expect(await store.getArticle(b.article.id)).toBeUndefined();
      expect((await store.listStories()).map((s) => s.id)).toEqual(['s1']);
      await store.close();
    });

    it('moves an article between stories and drops stories left empty', async () => {
      const store = await open();
      const a = doc('Article one of a story.', { published: '2022-01-01' });
      const b = doc('Article two of another story.', { published: '2022-01-02' });
      await store.commit({ articles: [a, b], stories: [story('s1', [a.article.id]), story('s2', [b.article.id])] });
      await store.commit({ articles: [], stories: [story('s1', [a.article.id, b.article.id])] });
      expect(await store.storyOf(b.article.id)).toBe('s1');
      expect((await store.listStories()).map((s) => s.id)).toEqual(['s1']);
      // A story that loses some of its articles stays, and stories the batch does not touch are left alone.
      const c = doc('Article three, elsewhere.', { published: '2022-01-03' });
      const d = doc('Article four, on its own.', { published: '2022-01-04' });
      await store.commit({ articles: [c, d], stories: [story('s3', [c.article.id]), story('s4', [d.article.id])] });
      await store.commit({ articles: [], stories: [story('s3', [c.article.id, b.article.id])] });
      expect((await store.listStories()).map((s) => s.id).sort()).toEqual(['s1', 's3', 's4']);
      expect(await store.storyOf(a.article.id)).toBe('s1');
      expect(await store.storyOf(b.article.id)).toBe('s3');
      await store.close();
    });

    it('finds articles by full-text search with stemming, prefixes, phrases and snippets', async () => {
      const store = await open();
      const a = doc('The council approved the transit contract on Tuesday.', {
        title: 'Transit vote',
        published: '2023-02-01',
      });
      const b = doc('Firefighters contained the blaze at the chemical plant.', {
        title: 'Plant fire',
        published: '2023-03-01',
      });
      await store.commit({ articles: [a, b], stories: [story('s1', [a.article.id]), story('s2', [b.article.id])] });
      const hits = await store.search('transit contr');
      expect(hits.map((h) => h.articleId)).toEqual([a.article.id]);
      expect(hits[0]).toMatchObject({ storyId: 's1', title: 'Transit vote', published: '2023-02-01' });
      expect(hits[0].snippet).toMatch(/\[[A-Za-z]+\]/);
      expect((await store.search('"chemical plant"')).map((h) => h.articleId)).toEqual([b.article.id]);
      expect(await store.search('"plant chemical"')).toEqual([]);
      expect(await store.search('AND OR NOT ( : * & |')).toEqual([]);
      expect((await store.search('firefighter')).map((h) => h.articleId)).toEqual([b.article.id]);
      expect(await store.search("o'brien; DROP TABLE articles")).toEqual([]);
      expect(await store.countArticles()).toBe(2);
      await store.close();
    });

    it('lists stories most recent first with outlets, dates and paging', async () => {
      const store = await open();
      const a = doc('Old news item one.', { source: 'A', published: '2020-01-01' });
      const b = doc('New news item two.', { source: 'B', published: '2021-01-01' });
      const c = doc('New news item three.', { source: 'C', published: '2021-01-02' });
      await store.commit({
        articles: [a, b, c],
        stories: [story('old', [a.article.id]), story('new', [b.article.id, c.article.id])],
      });
      const list = await store.listStories();
      expect(list.map((s) => s.id)).toEqual(['new', 'old']);
      expect(list[0]).toMatchObject({
        articleCount: 2,
        outlets: ['B', 'C'],
        firstPublished: '2021-01-01',
        lastPublished: '2021-01-02',
      });
      expect((await store.listStories({ limit: 1, offset: 1 })).map((s) => s.id)).toEqual(['old']);
      await store.close();
    });

    it('records new members without rebuilding the view, and says how far the view is behind', async () => {
      const store = await open();
      const a = doc('The dam at Orrin Falls held overnight.', { source: 'Courier', published: '2024-04-02' });
      const b = doc('Engineers inspected the Orrin Falls dam.', { source: 'Herald', published: '2024-04-05' });
      const c = doc('Residents returned below the Orrin Falls dam.', { source: 'Courier', published: '2024-03-30' });
      const why = (articleId: string, decision: 'new' | 'joined') => ({
        articleId,
        decision,
        score: 0.5,
        summary: decision,
      });
      const s1 = { ...story('s1', [a.article.id]), membership: [why(a.article.id, 'new')] };
      await store.commit({ articles: [a], stories: [s1] });
      expect(await store.staleStories(10)).toEqual([]);

      await store.commit({
        articles: [b, c],
        stories: [],
        members: [
          { storyId: 's1', added: [why(b.article.id, 'joined'), why(c.article.id, 'joined')], independentSources: 2 },
        ],
      });
      expect(await store.storyOf(b.article.id)).toBe('s1');
      const [summary] = await store.getStorySummaries(['s1']);
      expect(summary).toMatchObject({
        articleCount: 3,
        pending: 2,
        firstPublished: '2024-03-30',
        lastPublished: '2024-04-05',
        outlets: ['Courier', 'Herald'],
        independentSources: 2,
      });
      const view = await store.getStory('s1');
      expect(view?.articleIds).toEqual([a.article.id]);
      expect(view?.pending).toBe(2);
      expect(await store.staleStories(10)).toEqual(['s1']);
      const recorded = await store.getMemberships(['s1']);
      expect([...recorded.keys()].sort()).toEqual([a.article.id, b.article.id, c.article.id].sort());
      expect(recorded.get(c.article.id)?.decision).toBe('joined');

      // A rebuilt view covers every member again.
      const all = [a.article.id, b.article.id, c.article.id];
      await store.commit({ articles: [], stories: [story('s1', all)] });
      expect((await store.getStory('s1'))?.pending).toBeUndefined();
      expect((await store.getStorySummaries(['s1']))[0].pending).toBeUndefined();
      expect(await store.staleStories(10)).toEqual([]);
      // Rebuilding without reasons keeps the recorded ones.
      expect((await store.getMemberships(['s1'])).get(b.article.id)?.decision).toBe('joined');
      await expect(
        store.commit({
          articles: [],
          stories: [],
          members: [{ storyId: 'nope', added: [why(a.article.id, 'joined')], independentSources: 1 }],
        }),
      ).rejects.toThrow(/nope does not exist/);
      expect(await store.storyOf(a.article.id)).toBe('s1');
      await store.close();
    });

    it('writes a view built outside the lock only if the membership it was built from is still current', async () => {
      const store = await open();
      const a = doc('The ferry to Kestrel Isle ran aground.', { source: 'Courier', published: '2024-05-01' });
      const b = doc('Passengers left the Kestrel Isle ferry by boat.', { source: 'Herald', published: '2024-05-02' });
      const first = await store.commit({ articles: [a], stories: [story('s1', [a.article.id])] });
      const v1 = first.versions.s1;
      expect(v1).toBeGreaterThan(0);
      const joined = { articleId: b.article.id, decision: 'joined' as const, score: 0.4, summary: 'joined' };
      const second = await store.commit({
        articles: [b],
        stories: [],
        members: [{ storyId: 's1', added: [joined], independentSources: 2 }],
      });
      const v2 = second.versions.s1;
      expect(v2).toBeGreaterThan(v1);
      expect(await store.staleStories(10)).toEqual(['s1']);
      // What a process without the clusterer rebuilds the view from: the stored members at that version.
      expect(await store.getStoryMembers(['nope', 's1'])).toEqual([
        {
          storyId: 's1',
          articleIds: [a.article.id, b.article.id].sort(),
          independentSources: 2,
          version: v2,
          viewVersion: v1,
        },
      ]);
      // A view of the older membership arrives late: it is refused, not written over the newer state.
      const late = { ...story('s1', [a.article.id]), title: 'Late view' };
      const refused = await store.commit({ articles: [], stories: [], views: [{ story: late, version: v1 }] });
      expect(refused.staleViews).toEqual(['s1']);
      expect((await store.getStory('s1'))?.title).toBe('Story s1');
      const current = { ...story('s1', [a.article.id, b.article.id]), title: 'Current view', independentSources: 2 };
      const accepted = await store.commit({ articles: [], stories: [], views: [{ story: current, version: v2 }] });
      expect(accepted.staleViews).toEqual([]);
      const back = await store.getStory('s1');
      expect(back?.title).toBe('Current view');
      expect(back?.pending).toBeUndefined();
      expect(await store.staleStories(10)).toEqual([]);
      const [summary] = await store.getStorySummaries(['s1']);
      expect(summary).toMatchObject({ title: 'Current view', articleCount: 2, independentSources: 2 });
      await store.close();
    });

    it('keeps state values with the batch', async () => {
      const store = await open();
      expect(await store.getState('k')).toBeUndefined();
      await store.commit({ articles: [], stories: [], state: { k: 'v1' } });
      await store.commit({ articles: [], stories: [], state: { k: 'v2' } });
      expect(await store.getState('k')).toBe('v2');
      await store.close();
    });

    it('appends log entries in order and drops prepared articles only from the range asked', async () => {
      const store = await open();
      const clusterer = new StoryClusterer();
      const docs = ['First article of the log.', 'Second one, a little longer.', 'Third and last.'].map((t) => doc(t));
      const log: AssignmentEntry[] = docs.map((d) => ({
        op: 'add',
        articleId: d.article.id,
        prepared: encodePrepared(clusterer.prepare(d)),
      }));
      const first = await store.commit({ articles: [], stories: [], log });
      const before = await store.readLog(0);
      expect(before.map((e) => e.entry)).toEqual(log);
      expect(first.lastSeq).toBe(before[2].seq);
      await store.commit({
        articles: [],
        stories: [],
        compactLog: { afterSeq: before[0].seq, throughSeq: before[1].seq },
      });
      const after = await store.readLog(0);
      expect(after.map((e) => e.seq)).toEqual(before.map((e) => e.seq));
      expect(after.map((e) => e.entry.op === 'add' && e.entry.prepared !== undefined)).toEqual([true, false, true]);
      expect(after[1].entry).toEqual({ op: 'add', articleId: docs[1].article.id });
      await store.close();
    });
  });
}
