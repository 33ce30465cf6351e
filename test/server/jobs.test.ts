import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/index.js';
import type { IngestResponse, JobView } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { syntheticArticles, syntheticEvents } from '../synthetic.js';
import { exampleStore } from './fixture.js';

const asInput = (n: number, events = 20): Array<{ text: string; source?: string; published?: string }> =>
  syntheticArticles(syntheticEvents(events), Math.ceil(n / events))
    .slice(0, n)
    .map((a) => ({ text: a.text, source: a.source, published: a.published }));

async function pollJob(base: string, location: string, timeoutMs = 120_000): Promise<JobView> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const job = (await (await fetch(base + location)).json()) as JobView;
    if (job.status === 'done' || job.status === 'failed' || Date.now() > end) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('ingest jobs', () => {
  let server: RunningServer;
  let store: Store;
  beforeAll(async () => {
    store = await exampleStore();
    server = await startServer({ store, port: 0, maxBodyBytes: 8 * 1024 * 1024, webRoot: undefined });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  const post = (body: unknown, qs = ''): Promise<Response> =>
    fetch(`${server.url}/api/articles${qs}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers 202 with a job, whose status ends done with the ingest result', async () => {
    const res = await post(asInput(3));
    expect(res.status).toBe(202);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/api\/jobs\/[0-9a-f]+$/);
    const queued = (await res.json()) as JobView;
    expect(['queued', 'running']).toContain(queued.status);
    expect(queued.articles).toBe(3);
    const job = await pollJob(server.url, location);
    expect(job.status).toBe('done');
    expect(job.analysed).toBe(3);
    const result = job.result as IngestResponse;
    expect(result.stored).toHaveLength(3);
    expect(result.stories.length).toBeGreaterThan(0);
    expect(await store.getArticle(result.stored[0])).toBeDefined();
  });

  it('keeps the synchronous answer with ?wait=true', async () => {
    const res = await post(
      [1, 2].map((n) => ({ text: `The Brackenford ferry ${n} was delayed by fog on Tuesday, its operator said.` })),
      '?wait=true',
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as IngestResponse;
    expect(body.stored).toHaveLength(2);
    expect(res.headers.get('location')).toMatch(/^\/api\/jobs\//);
  });

  it('refuses more than 500 articles in one request with 413', async () => {
    const res = await post(Array.from({ length: 501 }, (_, i) => ({ text: `Note ${i} about the harbour.` })));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('payload_too_large');
    expect(body.error.message).toMatch(/500 articles/);
  });

  it('answers 404 for an unknown job and 400 for a malformed id', async () => {
    expect((await fetch(`${server.url}/api/jobs/0123456789abcdef`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/jobs/%3Cx%3E`)).status).toBe(400);
  });

  it('serves reads while a large batch is analysed', async () => {
    const list = (await (await fetch(`${server.url}/api/stories?limit=1`)).json()) as {
      stories: Array<{ id: string }>;
    };
    const storyId = list.stories[0].id;
    const res = await post(asInput(200, 40));
    expect(res.status).toBe(202);
    const location = res.headers.get('location') ?? '';
    // Wait until analysis is under way, then read.
    while (((await (await fetch(server.url + location)).json()) as JobView).status === 'queued') {
      await new Promise((r) => setTimeout(r, 20));
    }
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const r = await fetch(`${server.url}/api/stories/${storyId}`);
      await r.arrayBuffer();
      expect(r.status).toBe(200);
      times.push(performance.now() - t0);
    }
    const during = (await (await fetch(server.url + location)).json()) as JobView;
    expect(during.status).not.toBe('done');
    expect(Math.max(...times)).toBeLessThan(1000);
    const job = await pollJob(server.url, location);
    expect(job.status).toBe('done');
    expect((job.result?.stored.length ?? 0) + (job.result?.duplicates.length ?? 0)).toBe(200);
  }, 180_000);
});

describe('jobs in a fresh store', () => {
  it('answers the first ingest into an empty store', async () => {
    const store = await openStore(':memory:');
    const server = await startServer({ store, port: 0, webRoot: undefined });
    try {
      const res = await fetch(`${server.url}/api/articles?wait=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'Rain fell in Brackenford on Monday, forecasters said.' }),
      });
      expect(res.status).toBe(201);
    } finally {
      await server.close();
      await store.close();
    }
  });
});
