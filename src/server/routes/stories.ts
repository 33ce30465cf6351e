import type { Hono } from 'hono';
import { BriefRequestError, normaliseSince, withBrief } from '../../engine/brief.js';
import { findStories } from '../queries.js';
import { DEFAULT_ARTICLE_PAGE, etagMatches, MAX_ARTICLE_PAGE, storyEtag } from '../storypage.js';
import { ApiError, dateParam, idParam, intParam, textParam } from '../validate.js';
import type { RouteContext } from './context.js';

/** The longest brief a client may ask for, in words. */
const MAX_BRIEF_WORDS = 1000;

/** `GET /api/stories` (search and listing) and `GET /api/stories/:id` (one story, a page of its articles). */
export function storyRoutes(app: Hono, { store, index, pages }: RouteContext): void {
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
}
