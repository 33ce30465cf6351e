import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  path: string;
  at: number;
  headers: IncomingMessage['headers'];
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A local HTTP server on 127.0.0.1 with a random port, serving the routes given and logging every request. */
export async function startServer(
  routes: Record<string, Route>,
): Promise<{ base: string; log: LoggedRequest[]; close: () => Promise<void>; server: Server }> {
  const log: LoggedRequest[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    log.push({ path, at: Date.now(), headers: req.headers });
    const route = routes[path];
    if (route) route(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    log,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function send(
  body: string | Buffer,
  type = 'text/html; charset=utf-8',
  extra: Record<string, string> = {},
): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': type, ...extra });
    res.end(body);
  };
}

/** An invented article page with navigation and comments around the text. */
export function articlePage(title: string, paragraphs: string[], opts: { date?: string; site?: string } = {}): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title} | ${opts.site ?? 'Test Gazette'}</title>
<meta property="og:site_name" content="${opts.site ?? 'Test Gazette'}">
${opts.date ? `<meta property="article:published_time" content="${opts.date}T08:00:00Z">` : ''}
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<div class="comments"><p>First! This comment should never be part of the article text at all.</p></div>
<footer>Copyright Test Gazette</footer></body></html>`;
}
