import { timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AnnotatedArticle, Article, Story } from '../model.js';
import { Engine } from '../engine/engine.js';
import { toStorylineJson, type StorylineJson } from '../format/json.js';
import { IngestError } from '../ingest/errors.js';
import { makeArticle, parseHeaderDate, parseTextFile } from '../ingest/parse.js';
import type { Store } from '../store/types.js';
import { readBodyLimited } from './body.js';
import { EventHub, type StoryUpdate } from './events.js';
import { openApiDocument } from './openapi.js';
import { cooccurrence, findEntities, findStories, SummaryIndex, type GraphEdge, type GraphNode } from './queries.js';
import { loadStatic } from './static.js';
import { ApiError, articleInputs, dateParam, idParam, intParam, textParam, type ArticleInput } from './validate.js';

export interface AppOptions {
  store: Store;
  /** Bearer token required by `POST /api/articles`; open when absent. */
  token?: string;
  /** Largest accepted request body in bytes (5 MB by default). */
  maxBodyBytes?: number;
  /** Folder of the built web app; no web app is served when absent. */
  webRoot?: string;
  /** Seconds between keep-alive comments on the event stream. */
  keepAliveSeconds?: number;
}

/** `GET /api/stories/:id`: the storyline/1 document of one story, plus its entity co-occurrence graph. */
export interface StoryResponse extends StorylineJson {
  graph: { nodes: GraphNode[]; edges: GraphEdge[] };
}

/** `GET /api/articles/:id`: one article with its annotations (tokens left out). */
export interface ArticleResponse extends Omit<AnnotatedArticle, 'tokens'> {
  storyId?: string;
}

export interface IngestResponse {
  stored: string[];
  duplicates: string[];
  failures: Array<{ index: number; reason: string }>;
  stories: StoryUpdate[];
}

export const DEFAULT_MAX_BODY = 5 * 1024 * 1024;

/** Scripts, styles and data only from this origin; nothing inline, nothing framed. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function toArticle(input: ArticleInput, index: number): Article {
  if (input.url !== undefined && !/^https?:\/\//i.test(input.url)) {
    throw new ApiError(400, 'invalid_body', `article ${index}: url must start with http:// or https://`);
  }
  try {
    const published = input.published ? parseHeaderDate(input.published) : undefined;
    return makeArticle(input.text.replace(/\r\n?/g, '\n').trim(), {
      title: input.title,
      source: input.source,
      url: input.url,
      published,
    });
  } catch (err) {
    if (err instanceof IngestError) throw new ApiError(400, 'invalid_body', `article ${index}: ${err.message}`);
    throw err;
  }
}

export interface StorylineApp {
  app: Hono;
  events: EventHub;
}

export function createApp(opts: AppOptions): StorylineApp {
  const { store } = opts;
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const engine = new Engine(store);
  const events = new EventHub();
  const index = new SummaryIndex(store);
  let ingestQueue: Promise<unknown> = Promise.resolve();
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('X-Frame-Options', 'DENY');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    if (c.req.path.startsWith('/api/') && !h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  });

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json({ error: { code: err.code, message: err.message } }, err.status);
    console.error(`storyline serve: ${c.req.method} ${c.req.path}: ${(err as Error).message}`);
    return c.json({ error: { code: 'internal', message: 'internal error; see the server log' } }, 500);
  });

  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/api/health', async (c) => c.json({ ok: true, articles: await store.countArticles() }));

  app.get('/api/stories', async (c) => {
    const q = (k: string): string | undefined => c.req.query(k);
    const from = dateParam(q('from'), 'from');
    const to = dateParam(q('to'), 'to');
    if (from && to && from.slice(0, Math.min(from.length, to.length)) > to.slice(0, Math.min(from.length, to.length))) {
      throw new ApiError(400, 'invalid_parameter', `from (${from}) is after to (${to})`);
    }
    const result = await findStories(store, index, {
      q: textParam(q('q'), 'q'),
      entity: textParam(q('entity'), 'entity'),
      outlet: textParam(q('outlet'), 'outlet'),
      from,
      to,
      limit: intParam(q('limit'), 'limit', 50, 1, 200),
      offset: intParam(q('offset'), 'offset', 0, 0, 1_000_000),
    });
    return c.json(result);
  });

  app.get('/api/stories/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'story id');
    const story = await store.getStory(id);
    if (!story) throw new ApiError(404, 'not_found', `no story "${id}"`);
    const docs = await store.getArticles(story.articleIds, { tokens: false });
    const body: StoryResponse = { ...toStorylineJson(docs, [story]), graph: cooccurrence(story, docs) };
    return c.json(body);
  });

  app.get('/api/articles/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'article id');
    const doc = await store.getArticle(id);
    if (!doc) throw new ApiError(404, 'not_found', `no article "${id}"`);
    const { tokens: _tokens, ...rest } = doc;
    const body: ArticleResponse = { ...rest, storyId: await store.storyOf(id) };
    return c.json(body);
  });

  app.get('/api/entities', async (c) => {
    const q = textParam(c.req.query('q'), 'q');
    const limit = intParam(c.req.query('limit'), 'limit', 50, 1, 500);
    return c.json({ entities: await findEntities(store, q, limit) });
  });

  app.post('/api/articles', async (c) => {
    if (opts.token) {
      const auth = c.req.header('authorization') ?? '';
      const m = /^Bearer\s+(.+)$/i.exec(auth);
      if (!m || !sameToken(m[1].trim(), opts.token)) {
        c.header('WWW-Authenticate', 'Bearer realm="storyline"');
        throw new ApiError(
          401,
          'unauthorized',
          'a valid "Authorization: Bearer <token>" header is required (the server was started with STORYLINE_TOKEN)',
        );
      }
    }
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json' && type !== 'text/plain') {
      throw new ApiError(
        415,
        'unsupported_media_type',
        'send articles as text/plain (optional header block) or application/json',
      );
    }
    const raw = await readBodyLimited(c.req.raw, maxBody);
    let articles: Article[];
    if (type === 'text/plain') {
      if (raw.trim() === '') throw new ApiError(400, 'invalid_body', 'the body is empty');
      let parsed;
      try {
        parsed = parseTextFile(raw);
      } catch (err) {
        if (err instanceof IngestError) throw new ApiError(400, 'invalid_body', err.message);
        throw err;
      }
      const { title, source, url, published } = parsed.meta;
      articles = [toArticle({ text: parsed.body, title, source, url, published }, 0)];
    } else {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (err) {
        throw new ApiError(400, 'invalid_body', `the body is not valid JSON: ${(err as Error).message}`);
      }
      articles = articleInputs(value).map(toArticle);
    }
    // Views of large stories the batch only added members to are completed before answering.
    const run = ingestQueue.then(async () => {
      const r = await engine.ingest(articles);
      await engine.refresh();
      return r;
    });
    ingestQueue = run.catch(() => undefined);
    const report = await run;
    index.invalidate();
    const stories: StoryUpdate[] = [];
    for (const sid of report.stories) {
      const s: Story | undefined = await store.getStory(sid);
      if (s)
        stories.push({
          storyId: s.id,
          title: s.title,
          articleCount: s.articleIds.length,
          independentSources: s.independentSources,
        });
    }
    for (const u of stories) events.publish(u);
    const body: IngestResponse = {
      stored: report.stored,
      duplicates: report.duplicates,
      failures: report.failures.map((f) => ({
        index: Math.max(
          0,
          articles.findIndex((a) => a.id === f.path),
        ),
        reason: f.reason,
      })),
      stories,
    };
    if (report.stored.length === 0 && report.failures.length > 0) {
      throw new ApiError(400, 'invalid_body', `no article could be analysed: ${report.failures[0].reason}`);
    }
    return c.json(body, report.stored.length > 0 ? 201 : 200);
  });

  app.get('/api/events', (c) =>
    streamSSE(c, async (stream) => {
      const pending: StoryUpdate[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = events.subscribe((u) => {
        pending.push(u);
        wake?.();
      });
      let closed = false;
      stream.onAbort(() => {
        closed = true;
        wake?.();
      });
      const keepAlive = setInterval(() => wake?.(), (opts.keepAliveSeconds ?? 15) * 1000);
      try {
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ subscribers: events.size }), retry: 3000 });
        while (!closed) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          if (closed) break;
          if (pending.length === 0) await stream.write(': keep-alive\n\n');
          while (pending.length > 0) {
            const u = pending.shift() as StoryUpdate;
            await stream.writeSSE({ event: 'story', id: `${Date.now()}`, data: JSON.stringify(u) });
          }
        }
      } finally {
        clearInterval(keepAlive);
        unsubscribe();
      }
    }),
  );

  app.all('/api/*', (c) => {
    throw new ApiError(404, 'not_found', `no API route ${c.req.method} ${c.req.path} (see /api/openapi.json)`);
  });

  app.get('*', async (c: Context) => {
    if (!opts.webRoot) {
      return c.text('The web app is not built. Run `npm run build:web`; the API is under /api/.', 404);
    }
    const file = await loadStatic(opts.webRoot, c.req.path);
    if (!file) return c.text('not found', 404);
    if (c.req.header('if-none-match') === file.etag) {
      return c.body(null, 304, { ETag: file.etag, 'Cache-Control': file.cacheControl });
    }
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.type,
      'Cache-Control': file.cacheControl,
      ETag: file.etag,
    });
  });

  return { app, events };
}
