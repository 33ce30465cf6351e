import type { Hono } from 'hono';
import { ApiError, idParam } from '../validate.js';
import type { RouteContext } from './context.js';

/** `GET /api/jobs/:id`: an ingest job queued by `POST /api/articles`. */
export function jobRoutes(app: Hono, { jobs }: RouteContext): void {
  app.get('/api/jobs/:id', (c) => {
    const id = idParam(c.req.param('id'), 'job id');
    const job = jobs.get(id);
    if (!job) {
      throw new ApiError(404, 'not_found', `no job "${id}" (finished jobs are kept for a while, not forever)`);
    }
    return c.json(job);
  });
}
