import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, startServer, type RunningServer } from '../../src/server/index.js';
import type { StorylineApp } from '../../src/server/index.js';
import type { Store } from '../../src/store/index.js';
import { openStore } from '../../src/store/index.js';
import { openApiDocument } from '../../src/server/openapi.js';
import { exampleArticles, exampleStore } from './fixture.js';

interface ErrorBody {
  error: { code: string; message: string };
}

let store: Store;
let api: StorylineApp;
let storyId: string;
let articleId: string;

beforeAll(async () => {
  store = await exampleStore();
  api = createApp({ store, maxBodyBytes: 64 * 1024 });
  // The story of the first Larkhollow fire report, whatever else the clustering puts with it.
  const first = exampleArticles()[0];
  storyId = (await store.storyOf(first.id))!;
  articleId = (await store.getStory(storyId))!.articleIds[0];
});
afterAll(async () => {
  await store.close();
});

const get = (path: string, init?: RequestInit): Promise<Response> => Promise.resolve(api.app.request(path, init));
const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;

describe('GET /api/stories', () => {
  it('lists stories with summaries', async () => {
    const res = await get('/api/stories');
    expect(res.status).toBe(200);
    const body = await json<{
      hasMore: boolean;
      total?: number;
      stories: Array<{ id: string; articleCount: number; outlets: string[] }>;
    }>(res);
    expect(body.stories.length).toBeGreaterThanOrEqual(2);
    expect(body.hasMore).toBe(false);
    expect(body.total).toBeUndefined();
    expect(body.stories.map((s) => s.id)).toContain(storyId);
    expect(body.stories.every((s) => s.articleCount >= 1 && s.outlets.length >= 1)).toBe(true);
  });

  it('pages with limit and offset', async () => {
    const a = await json<{ hasMore: boolean; stories: Array<{ id: string }> }>(await get('/api/stories?limit=1'));
    expect(a.hasMore).toBe(true);
    const b = await json<{ stories: Array<{ id: string }> }>(await get('/api/stories?limit=1&offset=1'));
    expect(a.stories).toHaveLength(1);
    expect(b.stories).toHaveLength(1);
    expect(a.stories[0].id).not.toBe(b.stories[0].id);
  });

  it('searches text and filters by outlet, entity and dates', async () => {
    const q = await json<{ stories: Array<{ id: string; title: string }> }>(
      await get('/api/stories?q=bus%20operations'),
    );
    expect(q.stories.length).toBeGreaterThan(0);
    expect(q.stories[0].title).toMatch(/bus|transit|Port Emery/i);
    const outlet = await json<{ stories: Array<{ outlets: string[] }> }>(
      await get('/api/stories?outlet=harbor%20ledger'),
    );
    expect(outlet.stories.length).toBeGreaterThan(0);
    expect(outlet.stories.every((s) => s.outlets.some((o) => /harbor ledger/i.test(o)))).toBe(true);
    const entity = await json<{ stories: Array<{ id: string }> }>(await get('/api/stories?entity=Corvane'));
    expect(entity.stories.map((s) => s.id)).toContain(storyId);
    const transit = await store.storyOf(exampleArticles().find((a) => a.path?.includes('transit-vote'))!.id);
    expect(entity.stories.map((s) => s.id)).not.toContain(transit);
    const none = await json<{ total: number }>(await get('/api/stories?from=2030-01-01'));
    expect(none.total).toBe(0);
    const october = await json<{ total: number }>(await get('/api/stories?from=2026-10-01&to=2026-10-31'));
    expect(october.total).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=1000', 'limit'],
    ['offset=-1', 'offset'],
    ['from=yesterday', 'from'],
    ['from=2026-10-10&to=2026-10-01', 'after'],
  ])('rejects %s with a JSON 400', async (qs, word) => {
    const res = await get(`/api/stories?${qs}`);
    expect(res.status).toBe(400);
    const body = await json<ErrorBody>(res);
    expect(body.error.code).toBe('invalid_parameter');
    expect(body.error.message).toContain(word);
  });
});

describe('GET /api/stories/:id and /api/articles/:id', () => {
  it('returns a storyline/1 document with the story and its articles', async () => {
    const res = await get(`/api/stories/${storyId}`);
    expect(res.status).toBe(200);
    const doc = await json<{
      format: string;
      stories: Array<{ id: string; articleIds: string[]; summary: unknown[] }>;
      articles: Array<{ id: string; text: string }>;
      graph: { nodes: unknown[] };
    }>(res);
    expect(doc.format).toBe('storyline/1');
    expect(doc.stories[0].id).toBe(storyId);
    expect(doc.articles.map((a) => a.id).sort()).toEqual([...doc.stories[0].articleIds].sort());
    expect(doc.stories[0].summary.length).toBeGreaterThan(0);
    expect(doc.graph.nodes.length).toBeGreaterThan(1);
  });

  it('rebuilds the brief at ?words= and adds what is new at ?since=', async () => {
    type Doc = {
      stories: Array<{ summary: Array<{ text: string }>; whatsNew?: { since: string; sentences: unknown[] } }>;
    };
    const words = (d: Doc) => d.stories[0].summary.map((s) => s.text.split(/\s+/).length).reduce((a, b) => a + b, 0);
    const plain = await get(`/api/stories/${storyId}`);
    const short = await get(`/api/stories/${storyId}?words=40`);
    expect(short.status).toBe(200);
    expect(short.headers.get('etag')).not.toBe(plain.headers.get('etag'));
    const doc = await json<Doc>(short);
    expect(words(doc)).toBeLessThanOrEqual(40);
    expect(doc.stories[0].whatsNew).toBeUndefined();
    const since = await json<Doc>(await get(`/api/stories/${storyId}?since=2026-10-07`));
    expect(since.stories[0].whatsNew?.since).toBe('2026-10-07');
    expect(since.stories[0].whatsNew?.sentences.length).toBeGreaterThan(0);
    for (const bad of ['since=yesterday', 'since=2026-13-01', 'words=0', 'words=ten']) {
      const res = await get(`/api/stories/${storyId}?${bad}`);
      expect(res.status, bad).toBe(400);
      expect((await json<ErrorBody>(res)).error.code).toBe('invalid_parameter');
    }
  });

  it('returns an article with spans that index its text', async () => {
    const res = await get(`/api/articles/${articleId}`);
    expect(res.status).toBe(200);
    const doc = await json<{
      article: { text: string };
      mentions: Array<{ start: number; end: number; text: string }>;
      quotes: unknown[];
      timexes: unknown[];
      storyId: string;
      tokens?: unknown;
    }>(res);
    expect(doc.storyId).toBe(storyId);
    expect(doc.tokens).toBeUndefined();
    expect(doc.mentions.length).toBeGreaterThan(0);
    for (const m of doc.mentions) expect(doc.article.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('answers unknown ids with 404 and malformed ids with 400', async () => {
    expect((await get('/api/stories/story-0000')).status).toBe(404);
    expect((await get('/api/articles/0000')).status).toBe(404);
    const bad = await get('/api/stories/%3Cscript%3E');
    expect(bad.status).toBe(400);
    expect((await json<ErrorBody>(bad)).error.code).toBe('invalid_parameter');
    const unknown = await get('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect((await json<ErrorBody>(unknown)).error.code).toBe('not_found');
  });
});

describe('GET /api/entities', () => {
  it('finds entities with the stories they appear in', async () => {
    const res = await get('/api/entities?q=Corvane');
    expect(res.status).toBe(200);
    const body = await json<{ entities: Array<{ name: string; stories: Array<{ id: string }> }> }>(res);
    expect(body.entities.length).toBeGreaterThan(0);
    expect(body.entities[0].name).toMatch(/Corvane/);
    expect(body.entities[0].stories.map((s) => s.id)).toContain(storyId);
  });

  it('lists entities of recent stories without a query', async () => {
    const body = await json<{ entities: unknown[] }>(await get('/api/entities?limit=5'));
    expect(body.entities).toHaveLength(5);
  });
});

describe('headers', () => {
  it('sends security headers and no-store on the API', async () => {
    const res = await get('/api/stories');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('OpenAPI', () => {
  it('documents paths that all answer', async () => {
    const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const served = await json<typeof doc>(await get('/api/openapi.json'));
    expect(served.paths).toEqual(JSON.parse(JSON.stringify(doc.paths)));
    for (const [p, methods] of Object.entries(doc.paths)) {
      const url = p
        .replace('/api/stories/{id}', `/api/stories/${storyId}`)
        .replace('/api/articles/{id}', `/api/articles/${articleId}`)
        .replace('/api/jobs/{id}', `/api/jobs/${api.jobs.submit([]).id}`);
      for (const method of Object.keys(methods)) {
        if (p === '/api/events') continue; // a stream; tested below on a real server
        const res =
          method === 'post'
            ? await get(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' })
            : await get(url);
        expect(res.status, `${method} ${p}`).not.toBe(404);
        expect(res.status, `${method} ${p}`).toBeLessThan(500);
      }
    }
  });
});

describe('POST /api/articles', () => {
  const article = (n: number): string =>
    `title: Harbour crane collapses ${n}\nsource: Test Wire\ndate: 2026-11-0${n}\n\nA crane collapsed at the Port Emery container terminal on Monday, officials said. Nobody was hurt, according to harbour master Lena Voss.`;

  it('ingests a text/plain article with a header block', async () => {
    const res = await get('/api/articles?wait=true', {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: article(1),
    });
    expect(res.status).toBe(201);
    const body = await json<{ stored: string[]; stories: Array<{ storyId: string; articleCount: number }> }>(res);
    expect(body.stored).toHaveLength(1);
    expect(body.stories).toHaveLength(1);
    const stored = await store.getArticle(body.stored[0]);
    expect(stored?.article.source).toBe('Test Wire');
    expect(stored?.article.published).toBe('2026-11-01');
    const again = await get('/api/articles?wait=true', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: article(1),
    });
    expect(again.status).toBe(200);
    expect((await json<{ duplicates: string[] }>(again)).duplicates).toEqual(body.stored);
  });

  it('ingests JSON objects and arrays', async () => {
    const res = await get('/api/articles?wait=true', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          text: 'The Larkhollow school board met on Thursday to discuss the budget, its chair said.',
          title: 'Board meets',
          source: 'Courier',
          published: '2026-11-05',
        },
        { text: 'Rain is expected in Brackenford through the weekend, forecasters said.' },
      ]),
    });
    expect(res.status).toBe(201);
    expect((await json<{ stored: string[] }>(res)).stored).toHaveLength(2);
  });

  it.each([
    ['{"text": 3}', 'text'],
    ['{"text": "x", "colour": "red"}', 'colour'],
    ['{"text": "x", "published": "2026-02-30"}', 'no such day'],
    ['{"text": "x", "url": "javascript:alert(1)"}', 'http'],
    ['not json', 'JSON'],
    ['[]', 'empty'],
  ])('rejects the JSON body %s', async (body, word) => {
    const res = await get('/api/articles?wait=true', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(400);
    const e = await json<ErrorBody>(res);
    expect(e.error.code).toBe('invalid_body');
    expect(e.error.message).toContain(word);
  });

  it('rejects other content types with 415 and oversized bodies with 413', async () => {
    const r415 = await get('/api/articles?wait=true', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<a/>',
    });
    expect(r415.status).toBe(415);
    const big = 'x'.repeat(65 * 1024);
    const r413 = await get('/api/articles?wait=true', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: big,
    });
    expect(r413.status).toBe(413);
    expect((await json<ErrorBody>(r413)).error.code).toBe('payload_too_large');
  });

  it('requires the bearer token when one is configured', async () => {
    const locked = createApp({ store, token: 's3cret' });
    const body = 'A short note about the harbour, officials said.';
    const none = await locked.app.request('/api/articles?wait=true', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
    });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/Bearer/);
    const wrong = await locked.app.request('/api/articles?wait=true', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: 'Bearer nope' },
      body,
    });
    expect(wrong.status).toBe(401);
    const right = await locked.app.request('/api/articles?wait=true', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: 'Bearer s3cret' },
      body,
    });
    expect(right.status).toBe(201);
  });
});

describe('on a listening server', () => {
  let server: RunningServer;
  let own: Store;
  beforeAll(async () => {
    own = await openStore(':memory:');
    server = await startServer({ store: own, port: 0, maxBodyBytes: 256 * 1024, webRoot: undefined });
  });
  afterAll(async () => {
    await server.close();
    await own.close();
  });

  it('streams a story update after an ingest', async () => {
    const ctl = new AbortController();
    const res = await fetch(`${server.url}/api/events`, { signal: ctl.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string): Promise<void> => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before "${needle}"`);
        text += decoder.decode(value, { stream: true });
      }
    };
    await readUntil('event: ready');
    const post = await fetch(`${server.url}/api/articles?wait=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: 'The Port Emery ferry will stop running in December, the operator said on Friday.',
        title: 'Ferry to stop',
        source: 'Harbor Ledger',
      }),
    });
    expect(post.status).toBe(201);
    const { stories } = (await post.json()) as { stories: Array<{ storyId: string }> };
    await readUntil('event: story');
    const data = /event: story\ndata: (.*)\n/.exec(text.slice(text.indexOf('event: story')) + '\n');
    expect(data).not.toBeNull();
    const update = JSON.parse(data![1]) as { storyId: string; title: string; articleCount: number };
    expect(update.storyId).toBe(stories[0].storyId);
    expect(update.title).toBe('Ferry to stop');
    expect(update.articleCount).toBe(1);
    ctl.abort();
  });

  it('refuses a streamed body beyond the limit before it ends', async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode('y'.repeat(64 * 1024));
    const ctl = new AbortController();
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        // Past the limit the body never ends: only a check made while streaming can answer.
        if (sent >= 8) return new Promise<void>(() => undefined);
        sent++;
        c.enqueue(chunk);
      },
    });
    const res = await fetch(`${server.url}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: stream,
      duplex: 'half',
      signal: ctl.signal,
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.code).toBe('payload_too_large');
    ctl.abort();
  });

  it('says so when the web app is not built', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/build:web/);
  });
});
