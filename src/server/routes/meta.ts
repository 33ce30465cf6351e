import type { Hono } from 'hono';
import { openApiDocument } from '../openapi.js';
import type { RouteContext } from './context.js';

/** `GET /api/openapi.json` and `GET /api/health`. */
export function metaRoutes(app: Hono, { store }: RouteContext): void {
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/api/health', async (c) => c.json({ ok: true, articles: await store.countArticles() }));
}
