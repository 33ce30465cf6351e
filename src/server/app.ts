import { BriefRequestError, normaliseSince, withBrief } from '../engine/brief.js';
import { timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AnnotatedArticle, Article } from '../model.js';
import { Engine } from '../engine/engine.js';
import { IngestError } from '../ingest/errors.js';
import { isSafeLink, makeArticle, parseHeaderDate, parseTextFile } from '../ingest/parse.js';
import type { Store } from '../store/types.js';
import { readBodyLimited } from './body.js';
import { ChangeFeed } from './changes.js';
import { EventHub, type StoryUpdate } from './events.js';
import { IngestJobs, MAX_ARTICLES_PER_REQUEST, type JobView } from './jobs.js';
import { openApiDocument } from './openapi.js';
import { findEntities, findStories, SummaryIndex } from './queries.js';
import { DEFAULT_ARTICLE_PAGE, etagMatches, MAX_ARTICLE_PAGE, storyEtag, StoryPages } from './storypage.js';
import { allowedHostNames, requestGuard } from './security.js';
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
  /**
   * Host names (without port) requests may be addressed to besides `localhost`, `127.0.0.1` and `[::1]`:
   * the names this server is reached by. Any other Host header is refused, which stops DNS rebinding.
   */
  allowedHosts?: string[];
  /** The address the server listens on; a specific one is an allowed Host too. */
  listenHost?: string;
}

export type { StoryResponse, ArticlePage } from './storypage.js';
export type { IngestResponse, JobView, JobStatus } from './jobs.js';

/** `GET /api/articles/:id`: one article with its annotations (tokens left out). */
export interface ArticleResponse extends Omit<AnnotatedArticle, 'tokens'> {
  storyId?: string;
}

/** The longest brief a client may ask for, in words. */
const MAX_BRIEF_WORDS = 1000;

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
  if (input.url !== undefined && !isSafeLink(input.url)) {
    throw new ApiError(400, 'invalid_body', `article ${index}: url must be an http:// or https:// URL with a host`);
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
  /** Ingest jobs queued by `POST /api/articles`. */
  jobs: IngestJobs;
}

export function createApp(opts: AppOptions): StorylineApp {
  const { store } = opts;
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const engine = new Engine(store);
  const events = new EventHub();
  const index = new SummaryIndex(store);
  const pages = new StoryPages(store);
  const jobs = new IngestJobs(engine, store, (stories) => {
    index.invalidate();
    for (const u of stories) events.publish(u);
  });
  // Other processes' writes reach the event stream too, while anyone follows it.
  const feed = new ChangeFeed(
    store,
    (u) => events.publish(u),
    () => index.invalidate(),
  );
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
  // After the headers middleware, so refusals carry the security headers too.
  app.use('*', requestGuard(allowedHostNames(opts.allowedHosts, opts.listenHost)));

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
    const offset = intParam(c.req.query('articleOffset'), 'articleOffset', 0, 0, 1_000_000);
    const limit = intParam(c.req.query('articleLimit'), 'articleLimit', DEFAULT_ARTICLE_PAGE, 1, MAX_ARTICLE_PAGE);
    const words = c.req.query('words') ? intParam(c.req.query('words'), 'words', 0, 1, MAX_BRIEF_WORDS) : undefined;
    const sinceRaw = c.req.query('since');
    let since: string | undefined;
    try {
      since = sinceRaw ? normaliseSince(sinceRaw) : undefined;
    } catch (e) {
      throw new ApiError(
        400,
        'invalid_parameter',
        e instanceof BriefRequestError ? e.message.replace('--since', 'since') : String(e),
      );
    }
    const summary = await pages.summary(id);
    if (!summary) throw new ApiError(404, 'not_found', `no story "${id}"`);
    // A brief at another length or since a time is another representation: its own validator.
    const etag = storyEtag(summary, offset, limit).replace(/"$/, `${words ?? ''}|${since ?? ''}"`);
    // Revalidated on every use, so an unchanged story costs one summary read and no body.
    const headers = { ETag: etag, 'Cache-Control': 'private, no-cache' };
    if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
    const body = await pages.read(summary, offset, limit);
    if (!body) throw new ApiError(404, 'not_found', `no story "${id}"`);
    if (words !== undefined || since !== undefined)
      body.stories = await Promise.all(body.stories.map((st) => withBrief(store, st, { words, since })));
    return c.json(body, 200, headers);
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
      if (Array.isArray(value) && value.length > MAX_ARTICLES_PER_REQUEST) {
        throw new ApiError(
          413,
          'payload_too_large',
          `at most ${MAX_ARTICLES_PER_REQUEST} articles per request, got ${value.length}: send the rest in further requests`,
        );
      }
      articles = articleInputs(value, MAX_ARTICLES_PER_REQUEST).map(toArticle);
    }
    const queued = jobs.submit(articles);
    const location = `/api/jobs/${queued.id}`;
    if (c.req.query('wait') !== 'true') return c.json(queued, 202, { Location: location });
    // The synchronous form: the answer of the finished job.
    const job = (await jobs.wait(queued.id)) as JobView;
    if (job.status === 'failed' || !job.result) {
      const message = job.error?.message ?? 'the batch could not be stored';
      if (job.error?.code === 'invalid_body') throw new ApiError(400, 'invalid_body', message);
      throw new ApiError(500, 'internal', message);
    }
    return c.json(job.result, job.result.stored.length > 0 ? 201 : 200, { Location: location });
  });

  app.get('/api/jobs/:id', (c) => {
    const id = idParam(c.req.param('id'), 'job id');
    const job = jobs.get(id);
    if (!job) {
      throw new ApiError(404, 'not_found', `no job "${id}" (finished jobs are kept for a while, not forever)`);
    }
    return c.json(job);
  });

  app.get('/api/events', (c) =>
    streamSSE(c, async (stream) => {
      const pending: StoryUpdate[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = events.subscribe((u) => {
        pending.push(u);
        wake?.();
      });
      const release = feed.retain();
      let closed = false;
      stream.onAbort(() => {
        closed = true;
        wake?.();
      });
      const keepAlive = setInterval(() => wake?.(), (opts.keepAliveSeconds ?? 15) * 1000);
      try {
        await stream.writeSSE({ event: 'ready', data: '{}', retry: 3000 });
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
        release();
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
    if (!file) return c.text(`404 not found: ${c.req.path.slice(0, 200)} is not a page of this app`, 404);
    if (c.req.header('if-none-match') === file.etag) {
      return c.body(null, 304, { ETag: file.etag, 'Cache-Control': file.cacheControl });
    }
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.type,
      'Cache-Control': file.cacheControl,
      ETag: file.etag,
    });
  });

  return { app, events, jobs };
}
