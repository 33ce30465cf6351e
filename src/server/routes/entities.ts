import type { Hono } from 'hono';
import { findEntities } from '../queries.js';
import { intParam, textParam } from '../validate.js';
import type { RouteContext } from './context.js';

/** `GET /api/entities`: entities across the store by name. */
export function entityRoutes(app: Hono, { store }: RouteContext): void {
  app.get('/api/entities', async (c) => {
    const q = textParam(c.req.query('q'), 'q');
    const limit = intParam(c.req.query('limit'), 'limit', 50, 1, 500);
    return c.json({ entities: await findEntities(store, q, limit) });
  });
}
