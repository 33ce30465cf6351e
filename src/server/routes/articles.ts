import { timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import type { AnnotatedArticle, Article } from '../../model.js';
import { IngestError } from '../../ingest/errors.js';
import { isSafeLink, makeArticle, parseHeaderDate, parseTextFile } from '../../ingest/parse.js';
import { readBodyLimited } from '../body.js';
import { MAX_ARTICLES_PER_REQUEST, type JobView } from '../jobs.js';
import { ApiError, articleInputs, idParam, type ArticleInput } from '../validate.js';
import type { RouteContext } from './context.js';

/** `GET /api/articles/:id`: one article with its annotations (tokens left out). */
export interface ArticleResponse extends Omit<AnnotatedArticle, 'tokens'> {
  storyId?: string;
}

export interface ArticleRouteOptions {
  /** Bearer token required by `POST /api/articles`; open when absent. */
  token?: string;
  /** Largest accepted request body in bytes. */
  maxBodyBytes: number;
}

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

/** `GET /api/articles/:id` and `POST /api/articles` (queue articles for ingest, or wait for the result). */
export function articleRoutes(app: Hono, { store, jobs }: RouteContext, opts: ArticleRouteOptions): void {
  app.get('/api/articles/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'article id');
    const doc = await store.getArticle(id);
    if (!doc) throw new ApiError(404, 'not_found', `no article "${id}"`);
    const { tokens: _tokens, ...rest } = doc;
    const body: ArticleResponse = { ...rest, storyId: await store.storyOf(id) };
    return c.json(body);
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
    const raw = await readBodyLimited(c.req.raw, opts.maxBodyBytes);
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
}
