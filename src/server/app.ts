import { Hono } from 'hono';
import { Engine } from '../engine/engine.js';
import type { Store } from '../store/types.js';
import { ChangeFeed } from './changes.js';
import { EventHub } from './events.js';
import { IngestJobs } from './jobs.js';
import { SummaryIndex } from './queries.js';
import { StoryPages } from './storypage.js';
import { allowedHostNames, requestGuard } from './security.js';
import { ApiError } from './validate.js';
import type { RouteContext } from './routes/context.js';
import { articleRoutes } from './routes/articles.js';
import { entityRoutes } from './routes/entities.js';
import { eventRoutes } from './routes/events.js';
import { jobRoutes } from './routes/jobs.js';
import { metaRoutes } from './routes/meta.js';
import { staticRoutes } from './routes/static.js';
import { storyRoutes } from './routes/stories.js';

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
export type { ArticleResponse } from './routes/articles.js';

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

export interface StorylineApp {
  app: Hono;
  events: EventHub;
  /** Ingest jobs queued by `POST /api/articles`. */
  jobs: IngestJobs;
}

/**
 * The HTTP app: security headers and the Host check on every response, one error body for every failure,
 * and the routes of each resource (`routes/`) mounted in order, the API's 404 and the web app last.
 */
export function createApp(opts: AppOptions): StorylineApp {
  const { store } = opts;
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
  const ctx: RouteContext = { store, index, pages, jobs, events, feed };
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

  metaRoutes(app, ctx);
  storyRoutes(app, ctx);
  articleRoutes(app, ctx, { token: opts.token, maxBodyBytes: opts.maxBodyBytes ?? DEFAULT_MAX_BODY });
  entityRoutes(app, ctx);
  jobRoutes(app, ctx);
  eventRoutes(app, ctx, opts.keepAliveSeconds);

  app.all('/api/*', (c) => {
    throw new ApiError(404, 'not_found', `no API route ${c.req.method} ${c.req.path} (see /api/openapi.json)`);
  });

  staticRoutes(app, opts.webRoot);

  return { app, events, jobs };
}
