import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { makeArticle } from '../../src/ingest/parse.js';
import { createApp, startServer, type RunningServer, type StoryResponse } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from '../helpers.js';
import { syntheticArticles, syntheticEvents } from '../synthetic.js';
import { exampleStore } from './fixture.js';

/** Reads an event stream until `needle` shows up, or fails after `ms`. */
async function readUntil(res: Response, needle: RegExp, ms: number): Promise<string> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const timer = setTimeout(() => void reader.cancel(), ms);
  try {
    while (!needle.test(text)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`no ${needle} within ${ms} ms; got: ${text}`);
      text += decoder.decode(value, { stream: true });
    }
    return text;
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
}

describe('changes made by another process', () => {
  const tmp = tempDir();
  const file = path.join(tmp.dir, 'live.db');
  let served: Store;
  let other: Store;
  let server: RunningServer;
  beforeAll(async () => {
    served = await openStore(file);
    other = await openStore(file);
    server = await startServer({ store: served, port: 0, webRoot: undefined });
  });
  afterAll(async () => {
    await server.close();
    await served.close();
    await other.close();
    tmp.cleanup();
  });

  it('reach the event stream within two seconds', async () => {
    const ctl = new AbortController();
    const res = await fetch(`${server.url}/api/events`, { signal: ctl.signal });
    await readUntil(res, /event: ready/, 2000);
    const article = makeArticle('The Larkhollow library will close for repairs in March, the council said on Monday.', {
      title: 'Library to close',
      source: 'Larkhollow Courier',
    });
    const report = await new Engine(other).ingest([article]);
    const t0 = Date.now();
    const text = await readUntil(res, /event: story\n(id: .*\n)?data: .*Library to close/, 2000);
    expect(Date.now() - t0).toBeLessThan(2000);
    const data = /data: (\{.*"Library to close".*\})/.exec(text);
    expect(JSON.parse(data![1])).toMatchObject({ storyId: report.stories[0], articleCount: 1 });
    ctl.abort();
  });

  it('stops watching when nobody follows the stream', async () => {
    let calls = 0;
    const stop = served.watchChanges(() => calls++);
    stop();
    await new Engine(other).ingest([makeArticle('A quiet note about the Brackenford weather, forecasters said.', {})]);
    await new Promise((r) => setTimeout(r, 700));
    expect(calls).toBe(0);
  });
});

describe('story reads', () => {
  let store: Store;
  let big: string;
  beforeAll(async () => {
    store = await exampleStore();
    // One event reported 60 times makes a story larger than a page.
    const report = await new Engine(store).ingest(syntheticArticles(syntheticEvents(1, 3), 60));
    const summaries = await store.getStorySummaries(report.stories);
    big = summaries.sort((a, b) => b.articleCount - a.articleCount)[0].id;
  });
  afterAll(async () => {
    await store.close();
  });

  it('lists stories from the list columns only', async () => {
    const allowed = new Set([
      'id',
      'title',
      'articleCount',
      'independentSources',
      'outlets',
      'firstPublished',
      'lastPublished',
      'updatedAt',
      'pending',
      'viewUpdatedAt',
    ]);
    const list = await store.listStories({ limit: 100 });
    expect(list.length).toBeGreaterThan(1);
    for (const s of list) for (const k of Object.keys(s)) expect(allowed.has(k), k).toBe(true);
    const since = await store.listStories({ updatedSince: '2000-01-01T00:00:00.000Z', limit: 1000 });
    expect(since.map((s) => s.id).sort()).toEqual(list.map((s) => s.id).sort());
    expect(await store.listStories({ updatedSince: '2999-01-01T00:00:00.000Z' })).toEqual([]);
  });

  it('pages a large story’s articles with a next link', async () => {
    const { app } = createApp({ store });
    const first = await app.request(`/api/stories/${big}`);
    expect(first.status).toBe(200);
    const a = (await first.json()) as StoryResponse;
    const total = a.stories[0].articleIds.length;
    expect(total).toBeGreaterThan(50);
    expect(a.articles).toHaveLength(50);
    expect(a.articlePage).toMatchObject({ offset: 0, limit: 50, total });
    expect(a.articles.map((x) => x.id)).toEqual(a.stories[0].articleIds.slice(0, 50));
    expect(a.graph.nodes.length).toBeGreaterThan(0);
    const b = (await (await app.request(a.articlePage.next!)).json()) as StoryResponse;
    expect(b.articlePage.offset).toBe(50);
    expect(b.articles.map((x) => x.id)).toEqual(a.stories[0].articleIds.slice(50, 100));
    expect(b.graph).toEqual(a.graph);
    const small = (await (
      await app.request(`/api/stories/${big}?articleLimit=10&articleOffset=5`)
    ).json()) as StoryResponse;
    expect(small.articles.map((x) => x.id)).toEqual(a.stories[0].articleIds.slice(5, 15));
    expect((await app.request(`/api/stories/${big}?articleLimit=0`)).status).toBe(400);
    expect((await app.request(`/api/stories/${big}?articleLimit=1000`)).status).toBe(400);
  });

  it('answers 304 to a current ETag and 200 once the story changes', async () => {
    const { app } = createApp({ store });
    const res = await app.request(`/api/stories/${big}`);
    const etag = res.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/".+"$/);
    expect(res.headers.get('cache-control')).toMatch(/no-cache/);
    const again = await app.request(`/api/stories/${big}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const otherPage = await app.request(`/api/stories/${big}?articleOffset=50`, { headers: { 'if-none-match': etag } });
    expect(otherPage.status).toBe(200);
    await new Promise((r) => setTimeout(r, 5));
    const candidates = syntheticArticles(syntheticEvents(1, 3), 70);
    const known = await store.existingIds(candidates.map((a) => a.id));
    const report = await new Engine(store).ingest(candidates.filter((a) => !known.has(a.id)));
    expect(report.stories).toContain(big);
    const changed = await app.request(`/api/stories/${big}`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });
});
