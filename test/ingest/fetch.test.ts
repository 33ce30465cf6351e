import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGzip } from 'node:zlib';
import { Fetcher, FetchError, type Clock } from '../../src/ingest/fetch.js';
import { articlePage, send, startServer, type Route } from './server.js';

/** 1 GB of zeros, gzip-compressed by streaming (about 1 MB on the wire). */
async function gzipBomb(): Promise<Buffer> {
  const gz = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gz.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<void>((resolve) => gz.on('end', () => resolve()));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < 1024; i++) {
    if (!gz.write(zeros)) await new Promise<void>((r) => gz.once('drain', () => r()));
  }
  gz.end();
  await done;
  return Buffer.concat(parts);
}

const PARAS = [
  'The ferry operator confirmed on Friday that the winter timetable will begin a week earlier than planned this year.',
  'Passengers with booked tickets will be moved to the nearest departure free of charge, a spokeswoman said.',
];

let srv: Awaited<ReturnType<typeof startServer>>;
let bomb: Buffer;
const hang: Route = () => undefined; // never answers

beforeAll(async () => {
  bomb = await gzipBomb();
  srv = await startServer({
    '/robots.txt': send(
      'User-agent: *\nDisallow: /private/\n\nUser-agent: Storyline\nDisallow: /private/\nDisallow: /no-storyline\n',
      'text/plain',
    ),
    '/ok': send(articlePage('Winter timetable starts early', PARAS, { date: '2026-10-02' })),
    '/private/page': send(articlePage('Secret', PARAS)),
    '/no-storyline': send(articlePage('Not for us', PARAS)),
    '/error': (_q, r) => {
      r.writeHead(500, { 'content-type': 'text/plain' });
      r.end('boom');
    },
    '/slow': hang,
    '/loop-a': (_q, r) => {
      r.writeHead(302, { location: '/loop-b' });
      r.end();
    },
    '/loop-b': (_q, r) => {
      r.writeHead(301, { location: '/loop-a' });
      r.end();
    },
    ...Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [
        `/chain-${i}`,
        ((_q, r) => {
          r.writeHead(302, { location: `/chain-${i + 1}` });
          r.end();
        }) as Route,
      ]),
    ),
    '/moved': (_q, r) => {
      r.writeHead(301, { location: '/ok' });
      r.end();
    },
    '/bomb': (_q, r) => {
      r.writeHead(200, {
        'content-type': 'text/html',
        'content-encoding': 'gzip',
        'content-length': String(bomb.length),
      });
      r.end(bomb);
    },
    '/huge': (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html' }); // chunked: no length to refuse up front
      const chunk = Buffer.from(`<p>${'filler text '.repeat(800)}</p>\n`);
      let sent = 0;
      const pump = (): void => {
        while (sent < 3000) {
          sent++;
          if (!r.write(chunk)) return void r.once('drain', pump);
        }
        r.end();
      };
      pump();
    },
    '/latin1': send(
      Buffer.from(
        articlePage('Café owners protest', [
          'Le Café de la Fontaine a ouvert ses portes en 1921 et sert depuis le meilleur chocolat chaud de la ville.',
        ]),
        'latin1',
      ),
      'text/html; charset=utf-8',
    ),
  });
}, 60_000);
afterAll(() => srv.close());

function fetcher(extra: ConstructorParameters<typeof Fetcher>[0] = {}): Fetcher {
  return new Fetcher({ perHostDelayMs: 0, timeoutMs: 2000, ...extra });
}

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(FetchError);
    return err as FetchError;
  }
  throw new Error('expected the fetch to fail');
}

describe('Fetcher', () => {
  it('fetches a page, following a redirect, and sends its user agent', async () => {
    const res = await fetcher().get(`${srv.base}/moved`);
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${srv.base}/ok`);
    expect(Buffer.from(res.body).toString()).toContain('Winter timetable');
    expect(srv.log.find((r) => r.path === '/ok')?.headers['user-agent']).toMatch(/^Storyline\//);
  });

  it('honours robots.txt for the Storyline agent and never requests disallowed pages', async () => {
    const f = fetcher();
    const e1 = await failure(f.get(`${srv.base}/private/page`));
    expect(e1.code).toBe('robots');
    expect(e1.message).toMatch(/robots\.txt .* disallows \/private\/page/);
    expect((await failure(f.get(`${srv.base}/no-storyline`))).code).toBe('robots');
    expect(srv.log.some((r) => r.path === '/private/page' || r.path === '/no-storyline')).toBe(false);
    expect(srv.log.filter((r) => r.path === '/robots.txt').length).toBeGreaterThanOrEqual(1);
  });

  it('caches robots.txt per host', async () => {
    const before = srv.log.filter((r) => r.path === '/robots.txt').length;
    const f = fetcher();
    await f.get(`${srv.base}/ok`);
    await f.get(`${srv.base}/ok`);
    expect(srv.log.filter((r) => r.path === '/robots.txt').length).toBe(before + 1);
  });

  it('reports HTTP errors with their status', async () => {
    const e404 = await failure(fetcher().get(`${srv.base}/nothing-here`));
    expect(e404).toMatchObject({ code: 'http', status: 404, kind: 'not-found' });
    expect(e404.message).toMatch(/HTTP 404/);
    const e500 = await failure(fetcher().get(`${srv.base}/error`));
    expect(e500).toMatchObject({ code: 'http', status: 500, kind: 'unreadable' });
  });

  it('times out a server that never answers', async () => {
    const e = await failure(fetcher({ timeoutMs: 300 }).get(`${srv.base}/slow`));
    expect(e.code).toBe('timeout');
    expect(e.message).toMatch(/within 300 ms/);
  });

  it('detects redirect loops and limits redirect chains', async () => {
    const loop = await failure(fetcher().get(`${srv.base}/loop-a`));
    expect(loop.code).toBe('redirect-loop');
    expect(loop.message).toMatch(/loop-a was already visited/);
    const chain = await failure(fetcher({ maxRedirects: 3 }).get(`${srv.base}/chain-0`));
    expect(chain.code).toBe('too-many-redirects');
  });

  it('stops a gzip bomb at the size limit instead of inflating it', async () => {
    const rssBefore = process.memoryUsage().rss;
    const e = await failure(fetcher({ maxBytes: 2 * 1024 * 1024 }).get(`${srv.base}/bomb`));
    expect(e.code).toBe('too-large');
    expect(e.kind).toBe('too-large');
    expect(e.message).toMatch(/after decompression/);
    // Far less than the 1 GB the body would inflate to.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 1024 * 1024);
  });

  it('stops a huge streamed page at the size limit', async () => {
    const e = await failure(fetcher({ maxBytes: 1024 * 1024 }).get(`${srv.base}/huge`));
    expect(e.code).toBe('too-large');
  });

  it('refuses URLs it cannot fetch', async () => {
    expect((await failure(fetcher().get('ftp://example.com/x'))).code).toBe('bad-url');
    expect((await failure(fetcher().get('not a url'))).code).toBe('bad-url');
  });

  it('spaces requests to one host by the per-host delay (virtual clock), but not requests to different hosts', async () => {
    let now = 1_000_000;
    const sleeps: number[] = [];
    const clock: Clock = {
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    };
    const f = new Fetcher({ perHostDelayMs: 5000, clock, timeoutMs: 2000 });
    const starts: number[] = [];
    for (let i = 0; i < 3; i++) {
      await f.get(`${srv.base}/ok`);
      starts.push(now);
    }
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(5000);
    expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(5000);
    const n = sleeps.length;
    await f.get(srv.base.replace('127.0.0.1', 'localhost') + '/ok');
    expect(sleeps.length).toBe(n);
  });

  it('decodes with the charset the body really has when the header is wrong', async () => {
    const { extractHtmlBytes } = await import('../../src/ingest/html.js');
    const res = await fetcher().get(`${srv.base}/latin1`);
    expect(res.charset).toBe('utf-8');
    expect(extractHtmlBytes(res.body, { headerCharset: res.charset, pageUrl: res.url }).text).toContain(
      'Le Café de la Fontaine',
    );
  });
});
