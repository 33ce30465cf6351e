import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../src/engine/engine.js';
import { Fetcher } from '../../src/ingest/fetch.js';
import { backoffDelay, FeedPoller, watchFolders } from '../../src/ingest/watch.js';
import { openStore, type Store } from '../../src/store/index.js';
import { cli, workspaces } from '../helpers.js';
import { articlePage, send, startServer, type Route } from './server.js';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const f of cleanups.splice(0)) await f();
});
const { make: workspace, cleanup: removeWorkspaces } = workspaces();
afterEach(removeWorkspaces);
async function memoryStore(): Promise<Store> {
  const store = await openStore(':memory:');
  cleanups.push(() => store.close());
  return store;
}

const P = (topic: string, n: number): string =>
  `Update ${n} on ${topic}: officials in Kestrel Bay said on Monday that the work would continue through the winter months despite the weather.`;

let version = 1;
const rss = (): string => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Kestrel Wire</title><link>/</link>
<item><title>Quay works begin</title><guid>kw-1</guid><pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate><content:encoded><![CDATA[<p>${P('the quay', 1)}</p><p>${P('the quay', 2)}</p>]]></content:encoded></item>
${version > 1 ? `<item><title>Quay works pause</title><guid>kw-2</guid><content:encoded><![CDATA[<p>${P('the pause', 3)}</p>]]></content:encoded></item>` : ''}
</channel></rss>`;

let srv: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  const feedRoute: Route = (req, res) => {
    const etag = `"v${version}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/rss+xml; charset=utf-8',
      etag,
      'last-modified': 'Mon, 02 Mar 2026 08:00:00 GMT',
    });
    res.end(rss());
  };
  srv = await startServer({
    '/robots.txt': send('User-agent: Storyline\nDisallow: /private/\n', 'text/plain'),
    '/feed.xml': feedRoute,
    '/links.xml': (_q, res) => {
      const base = srv.base;
      const items = ['/story/ok', '/story/missing', '/story/error', '/story/slow', '/private/x', '/story/loop']
        .map(
          (p, i) =>
            `<item><title>Linked ${i}</title><link>${base}${p}</link><guid>${p}</guid><description>Teaser ${i}</description></item>`,
        )
        .join('');
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<rss version="2.0"><channel><title>Links</title>${items}</channel></rss>`);
    },
    '/broken.xml': send(
      '<rss version="2.0"><channel><title>Broken</title><item><title>oops</ti',
      'application/rss+xml',
    ),
    '/story/ok': send(
      articlePage('Ferry pier reopens', [P('the pier', 1), P('the pier', 2)], {
        date: '2026-03-03',
        site: 'Pier Post',
      }),
    ),
    '/story/error': (_q, res) => {
      res.writeHead(500);
      res.end();
    },
    '/story/slow': () => undefined,
    '/story/report.pdf': send(Buffer.from('%PDF-1.7 binary'), 'application/pdf'),
    '/story/loop': (_q, res) => {
      res.writeHead(302, { location: '/story/loop' });
      res.end();
    },
  });
});
afterAll(() => srv.close());

const fetcher = (): Fetcher => new Fetcher({ perHostDelayMs: 0, timeoutMs: 500 });

describe('feed polling', () => {
  it('uses conditional GET: the second poll is a 304, a changed feed yields only the new item', async () => {
    version = 1;
    const store = await memoryStore();
    const poller = new FeedPoller(new Engine(store), fetcher(), { intervalMs: 60_000, random: () => 0.5 });
    const url = `${srv.base}/feed.xml`;
    const first = await poller.poll(url);
    expect(first.status).toBe('updated');
    expect(first.stored).toHaveLength(1);
    expect((await poller.loadState(url)).etag).toBe('"v1"');

    const second = await poller.poll(url);
    expect(second.status).toBe('not-modified');
    const feedRequests = srv.log.filter((r) => r.path === '/feed.xml');
    expect(feedRequests.at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(feedRequests.at(-1)?.headers['if-modified-since']).toBe('Mon, 02 Mar 2026 08:00:00 GMT');

    version = 2;
    const third = await poller.poll(url);
    expect(third.status).toBe('updated');
    expect(third.items).toBe(1);
    expect(third.stored).toHaveLength(1);
    expect(await store.countArticles()).toBe(2);
    expect(third.nextDelayMs).toBe(60_000);
  });

  it('remembers validators in the store across pollers', async () => {
    version = 1;
    const dir = workspace();
    const db = join(dir, 's.db');
    const s1 = await openStore(db);
    await new FeedPoller(new Engine(s1), fetcher()).poll(`${srv.base}/feed.xml`);
    await s1.close();
    const s2 = await openStore(db);
    cleanups.push(() => s2.close());
    const r = await new FeedPoller(new Engine(s2), fetcher()).poll(`${srv.base}/feed.xml`);
    expect(r.status).toBe('not-modified');
  });

  it('fetches link-only items; each bad link is a clear per-item error and the rest is ingested', async () => {
    const store = await memoryStore();
    const failures: string[] = [];
    const poller = new FeedPoller(new Engine(store), fetcher(), {
      onFailure: (f) => failures.push(`${f.path}: ${f.reason}`),
    });
    const r = await poller.poll(`${srv.base}/links.xml`);
    expect(r.status).toBe('updated');
    expect(r.stored).toHaveLength(1);
    const [doc] = await store.getArticles(r.stored);
    expect(doc.article.source).toBe('Pier Post');
    expect(doc.article.published).toBe('2026-03-03');
    expect(doc.article.text).not.toContain('First!');
    expect(failures).toHaveLength(5);
    expect(failures.find((f) => f.includes('/story/missing'))).toMatch(/HTTP 404/);
    expect(failures.find((f) => f.includes('/story/error'))).toMatch(/HTTP 500/);
    expect(failures.find((f) => f.includes('/story/slow'))).toMatch(/within 500 ms/);
    expect(failures.find((f) => f.includes('/private/x'))).toMatch(/robots\.txt/);
    expect(failures.find((f) => f.includes('/story/loop'))).toMatch(/redirect loop/);
    expect(srv.log.some((q) => q.path === '/private/x')).toBe(false);
  });

  it('backs off exponentially with jitter after errors, per feed', async () => {
    const store = await memoryStore();
    const poller = new FeedPoller(new Engine(store), fetcher(), { intervalMs: 1000, random: () => 0.5 });
    const a = await poller.poll(`${srv.base}/broken.xml`);
    const b = await poller.poll(`${srv.base}/broken.xml`);
    expect(a.status).toBe('error');
    expect(a.error).toMatch(/malformed feed|not a feed/);
    expect(b.nextDelayMs).toBe(2 * a.nextDelayMs);
    expect((await poller.loadState(`${srv.base}/broken.xml`)).failures).toBe(2);
    const healthy = await poller.poll(`${srv.base}/feed.xml`);
    expect(healthy.nextDelayMs).toBe(1000);
    expect(backoffDelay(40, 1000, 60_000, () => 0.99)).toBeLessThanOrEqual(60_000);
    const jittered = new Set([0, 0.3, 0.9].map((x) => backoffDelay(3, 1000, 1e9, () => x)));
    expect(jittered.size).toBe(3);
  });

  it('run() stops when its signal aborts', async () => {
    const store = await memoryStore();
    const ctl = new AbortController();
    const poller = new FeedPoller(new Engine(store), fetcher(), { intervalMs: 3_600_000, onPoll: () => ctl.abort() });
    const results = await poller.run([`${srv.base}/feed.xml`], { signal: ctl.signal });
    expect(results).toHaveLength(1);
  });
});

describe('folder watching', () => {
  it('ingests files present at start and new files as they appear, then stops on abort', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'first.txt'), `title: First\n\n${P('the first file', 1)}`);
    const store = await memoryStore();
    const ctl = new AbortController();
    const seen: string[] = [];
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    let gotNew!: () => void;
    const newIngested = new Promise<void>((r) => (gotNew = r));
    const job = watchFolders(new Engine(store), [dir], {
      signal: ctl.signal,
      stabilityMs: 100,
      usePolling: true,
      onReady: ready,
      onFile: (p, stored) => {
        seen.push(`${p.split('/').pop()}:${stored.length}`);
        if (p.endsWith('.html')) gotNew();
      },
    });
    await isReady;
    writeFileSync(
      join(dir, 'second.html'),
      articlePage('Second file', [P('the second file', 1), P('the second file', 2)]),
    );
    writeFileSync(join(dir, '.hidden.txt'), 'ignored');
    await newIngested;
    ctl.abort();
    await job;
    expect(seen).toEqual(['first.txt:1', 'second.html:1']);
    expect(await store.countArticles()).toBe(2);
  }, 20_000);
});

describe('storyline watch', () => {
  it('polls a feed once and ingests a folder once', async () => {
    version = 1;
    const dir = workspace();
    const docs = join(dir, 'docs');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(docs);
    writeFileSync(join(docs, 'a.jsonl'), JSON.stringify({ story: P('bulk', 1), day: '2026-01-01' }) + '\n{bad\n');
    const db = join(dir, 'w.db');
    const r = await cli(
      'watch',
      docs,
      '--feed',
      `${srv.base}/feed.xml`,
      '--once',
      '--db',
      db,
      '--host-delay',
      '1',
      '--text-field',
      'story',
      '--date-field',
      'day',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/feed\.xml: 1 new item\(s\), 1 stored/);
    expect(r.stdout).toMatch(/1 file\(s\): 1 stored/);
    expect(r.stderr).toMatch(/a\.jsonl:2: invalid JSON/);
  });

  it('ingest reads feed and page URLs, with a clear error for a missing one', async () => {
    version = 1;
    const dir = workspace();
    const r = await cli(
      'ingest',
      `${srv.base}/feed.xml`,
      `${srv.base}/story/ok`,
      `${srv.base}/story/gone`,
      `${srv.base}/story/report.pdf`,
      '--db',
      join(dir, 'u.db'),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/4 file\(s\): 2 stored/);
    expect(r.stderr).toMatch(/story\/gone: HTTP 404/);
    expect(r.stderr).toMatch(/report\.pdf is not a web page \(Content-Type application\/pdf\)/);
  });

  it('analyze reads HTML pages and feed files from a folder; help lists the new options', async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'page.html'),
      articlePage('Pier reopens', [P('the pier', 1), P('the pier', 2)], { date: '2026-03-03', site: 'Pier Post' }),
    );
    version = 1;
    writeFileSync(join(dir, 'saved-feed.txt'), rss());
    const r = await cli('analyze', dir, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { articles: Array<{ source?: string; text: string }> };
    expect(doc.articles.map((a) => a.source).sort()).toEqual(['Kestrel Wire', 'Pier Post']);
    expect(doc.articles.some((a) => a.text.includes('First!'))).toBe(false);
    const help = await cli('ingest', '--help');
    expect(help.stdout).toMatch(/--text-field <name>/);
    expect(help.stdout).toMatch(/--html/);
    expect((await cli('watch', '--help')).stdout).toMatch(/--feed <urls\.\.\.>/);
  });

  it('needs something to watch', async () => {
    const r = await cli('watch');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to watch/);
  });

  it('ingest takes field-mapping options for bulk files', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'a.csv'), `headline,story\nOne,"${P('csv', 1)}"\nTwo,\n`);
    const r = await cli(
      'ingest',
      join(dir, 'a.csv'),
      '--db',
      join(dir, 'i.db'),
      '--text-field',
      'story',
      '--title-field',
      'headline',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1 stored/);
    expect(r.stderr).toMatch(/a\.csv:3: no text in field "story"/);
  });
});
