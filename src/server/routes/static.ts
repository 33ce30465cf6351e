import type { Context, Hono } from 'hono';
import { loadStatic } from '../static.js';

/** Every other `GET`: the built web app's files from `webRoot`, or a note that it is not built. */
export function staticRoutes(app: Hono, webRoot: string | undefined): void {
  app.get('*', async (c: Context) => {
    if (!webRoot) {
      return c.text('The web app is not built. Run `npm run build:web`; the API is under /api/.', 404);
    }
    const file = await loadStatic(webRoot, c.req.path);
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
}
