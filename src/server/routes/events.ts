import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { StoryUpdate } from '../events.js';
import type { RouteContext } from './context.js';

/** `GET /api/events`: story updates as server-sent events, with keep-alive comments between them. */
export function eventRoutes(app: Hono, { events, feed }: RouteContext, keepAliveSeconds = 15): void {
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
      const keepAlive = setInterval(() => wake?.(), keepAliveSeconds * 1000);
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
}
