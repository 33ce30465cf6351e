import { request, type IncomingHttpHeaders } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { readInputFile } from '../../src/ingest/files.js';
import { startServer, UnsafeListenError, type RunningServer } from '../../src/server/index.js';
import type { Article } from '../../src/model.js';
import type { Store } from '../../src/store/index.js';
import { exampleArticles, exampleStore } from './fixture.js';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request, so that Host, Origin and Sec-Fetch-Site are exactly what a browser or attacker sends. */
function send(
  port: number,
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: target, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const errorCode = (r: Reply): string => (JSON.parse(r.body) as { error: { code: string } }).error.code;

let store: Store;
let server: RunningServer;
let port: number;
let dir: string;
let storyId: string;

async function articleCount(): Promise<number> {
  return (JSON.parse((await send(port, 'GET', '/api/health')).body) as { articles: number }).articles;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyline-security-'));
  const web = path.join(dir, 'web');
  mkdirSync(path.join(web, 'assets'), { recursive: true });
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Storyline</title><div id="app"></div>');
  writeFileSync(path.join(web, 'assets', 'app-1234.js'), 'console.log(1);');
  store = await exampleStore();
  storyId = (await store.storyOf(exampleArticles()[0].id))!;
  server = await startServer({ store, port: 0, webRoot: web, allowedHosts: ['storyline.lan'] });
  port = server.port;
});

afterAll(async () => {
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cross-site writes', () => {
  const text = 'title: Forged\n\nThe mayor of Larkhollow resigned on Tuesday, a forged report said.';
  const json = JSON.stringify({ text: 'The Larkhollow council voted to sell the harbour, a forged report said.' });

  it('refuses a foreign Origin whatever the content type, and stores nothing', async () => {
    const before = await articleCount();
    for (const [type, body] of [
      ['text/plain', text],
      ['application/json', json],
      ['application/x-www-form-urlencoded', 'text=forged'],
    ]) {
      const res = await send(
        port,
        'POST',
        '/api/articles?wait=true',
        { 'Content-Type': type, Origin: 'http://evil.example' },
        body,
      );
      expect(res.status).toBe(403);
      expect(errorCode(res)).toBe('cross_site');
    }
    const opaque = await send(port, 'POST', '/api/articles', { 'Content-Type': 'text/plain', Origin: 'null' }, text);
    expect(opaque.status).toBe(403);
    expect(await articleCount()).toBe(before);
  });

  it('refuses Sec-Fetch-Site cross-site and same-site', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const res = await send(
        port,
        'POST',
        '/api/articles?wait=true',
        { 'Content-Type': 'text/plain', 'Sec-Fetch-Site': site },
        text,
      );
      expect(res.status).toBe(403);
      expect(errorCode(res)).toBe('cross_site');
      expect(res.headers['content-security-policy']).toBeDefined();
    }
  });

  it('refuses other write methods too', async () => {
    const res = await send(port, 'DELETE', '/api/stories/x', { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('accepts a same-origin write from the web app', async () => {
    const res = await send(
      port,
      'POST',
      '/api/articles?wait=true',
      {
        'Content-Type': 'text/plain',
        Origin: `http://127.0.0.1:${port}`,
        'Sec-Fetch-Site': 'same-origin',
      },
      'The Larkhollow ferry will run twice daily from June, the port authority said on Friday.',
    );
    expect(res.status).toBe(201);
    const viaName = await send(
      port,
      'POST',
      '/api/articles?wait=true',
      { Host: `localhost:${port}`, 'Content-Type': 'application/json', Origin: `http://localhost:${port}` },
      JSON.stringify({ text: 'The Larkhollow museum reopened on Saturday after a two-year renovation, staff said.' }),
    );
    expect(viaName.status).toBe(201);
  });

  it('accepts a write from a client that sends neither Origin nor Sec-Fetch-Site', async () => {
    const res = await send(
      port,
      'POST',
      '/api/articles?wait=true',
      { 'Content-Type': 'text/plain' },
      'The Larkhollow marathon drew a record 4,000 runners on Sunday, organisers said.',
    );
    expect(res.status).toBe(201);
  });
});

describe('Host allow-list', () => {
  it('refuses an unknown Host for reads and writes', async () => {
    const read = await send(port, 'GET', '/api/stories', { Host: `rebound.evil.example:${port}` });
    expect(read.status).toBe(403);
    expect(errorCode(read)).toBe('unknown_host');
    expect(JSON.parse(read.body).error.message).toMatch(/rebound\.evil\.example/);
    const write = await send(
      port,
      'POST',
      '/api/articles',
      { Host: 'rebound.evil.example', 'Content-Type': 'text/plain' },
      'x',
    );
    expect(write.status).toBe(403);
  });

  it('answers loopback names and configured names', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'storyline.lan:8080', 'LOCALHOST']) {
      expect((await send(port, 'GET', '/api/health', { Host: host })).status).toBe(200);
    }
  });
});

describe('listening beyond loopback', () => {
  it('refuses to start without a token', async () => {
    await expect(startServer({ store, port: 0, host: '0.0.0.0', webRoot: undefined })).rejects.toBeInstanceOf(
      UnsafeListenError,
    );
    await expect(startServer({ store, port: 0, host: '0.0.0.0', webRoot: undefined })).rejects.toThrow(
      /STORYLINE_TOKEN/,
    );
  });

  it('starts with a token, which writes then need', async () => {
    const open = await startServer({ store, port: 0, host: '0.0.0.0', token: 'secret', webRoot: undefined });
    try {
      const body = 'The Larkhollow tram line will close for a week of repairs, the operator said.';
      const res = await send(open.port, 'POST', '/api/articles', { 'Content-Type': 'text/plain' }, body);
      expect(res.status).toBe(401);
    } finally {
      await open.close();
    }
  });
});

describe('stored links', () => {
  let fromFile: Article;
  let fromJsonl: Article[];

  beforeAll(async () => {
    const file = path.join(dir, 'bad-link.txt');
    writeFileSync(
      file,
      'title: Bad link\nurl: javascript:alert(document.domain)\n\nThe Larkhollow bridge reopened to traffic on Monday after repairs, the council said.',
    );
    const jsonl = path.join(dir, 'bad-links.jsonl');
    writeFileSync(
      jsonl,
      [
        { text: 'The Larkhollow zoo welcomed two snow leopards on Wednesday, keepers said.', url: 'http://' },
        { text: 'The Larkhollow choir won the national contest on Saturday, judges said.', url: 'JavaScript:alert(1)' },
        { text: 'The Larkhollow school board approved a new gym on Thursday, members said.', url: 'data:text/html,x' },
        {
          text: 'The Larkhollow airport added a route to Lisbon on Friday, officials said.',
          url: 'https://ok.example/a',
        },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const collect = async (p: string): Promise<Article[]> => {
      const out: Article[] = [];
      for await (const r of readInputFile(p)) if (r.ok) out.push(r.article);
      return out;
    };
    [fromFile] = await collect(file);
    fromJsonl = await collect(jsonl);
    await new Engine(store).ingest([fromFile, ...fromJsonl]);
  });

  it('keeps the articles and drops links that are not http(s) URLs with a host', async () => {
    expect(fromJsonl).toHaveLength(4);
    for (const a of [fromFile, ...fromJsonl]) {
      const res = await send(port, 'GET', `/api/articles/${a.id}`);
      expect(res.status).toBe(200);
      expect(res.body).not.toMatch(/javascript:|data:text|"url":"http:\/\/"/i);
    }
    const good = JSON.parse((await send(port, 'GET', `/api/articles/${fromJsonl[3].id}`)).body) as {
      article: { url?: string };
    };
    expect(good.article.url).toBe('https://ok.example/a');
    const list = await send(port, 'GET', '/api/stories?limit=200');
    expect(list.body).not.toMatch(/javascript:/i);
  });

  it('refuses such links in a POST', async () => {
    for (const url of ['javascript:alert(1)', 'http://', 'http:// x.example/']) {
      const res = await send(
        port,
        'POST',
        '/api/articles',
        { 'Content-Type': 'application/json' },
        JSON.stringify({ text: 'The Larkhollow pier will be rebuilt next year, the council said.', url }),
      );
      expect(res.status).toBe(400);
    }
  });
});

describe('input checks', () => {
  it('refuses impossible calendar dates', async () => {
    for (const q of ['from=2026-13-45', 'to=2026-02-30', 'from=2026-00', 'to=2025-02-29', 'from=2026-1-1']) {
      const res = await send(port, 'GET', `/api/stories?${q}`);
      expect(res.status, q).toBe(400);
      expect(errorCode(res)).toBe('invalid_parameter');
    }
    for (const q of ['from=2024-02-29', 'to=2026-12-31', 'from=2026-02', 'to=2026']) {
      expect((await send(port, 'GET', `/api/stories?${q}`)).status, q).toBe(200);
    }
  });

  it('refuses a text with nothing visible', async () => {
    const invisible = '\u0001\u0002\u0003\u200b\u0007';
    const plain = await send(port, 'POST', '/api/articles', { 'Content-Type': 'text/plain' }, invisible);
    expect(plain.status).toBe(400);
    expect(JSON.parse(plain.body).error.message).toMatch(/visible/);
    const json = await send(
      port,
      'POST',
      '/api/articles',
      { 'Content-Type': 'application/json' },
      JSON.stringify({ text: invisible, title: 'x' }),
    );
    expect(json.status).toBe(400);
  });

  it('answers an overlong URL with 414 rather than a reset', async () => {
    const medium = await send(port, 'GET', `/${'a'.repeat(9 * 1024)}`);
    expect(medium.status).toBe(414);
    const long = await send(port, 'GET', `/api/stories?q=${'a'.repeat(100 * 1024)}`);
    expect(long.status).toBe(414);
    expect(errorCode(long)).toBe('uri_too_long');
    const headers = await send(port, 'GET', '/api/health', { 'X-Filler': 'b'.repeat(20 * 1024) });
    expect(headers.status).toBe(431);
    expect((await send(port, 'GET', '/api/health')).status).toBe(200);
  });
});

describe('paths', () => {
  it('serves the app only on its own routes and files', async () => {
    for (const p of ['/', `/story/${storyId}`, '/article/abc/', '/assets/app-1234.js']) {
      expect((await send(port, 'GET', p)).status, p).toBe(200);
    }
    const app = await send(port, 'GET', `/story/${storyId}`);
    expect(app.body).toContain('<div id="app">');
    for (const p of ['/.git/config', '/.env', '/admin', '/story', '/story/a/b', '/wp-login.php', '/assets/../.git']) {
      const res = await send(port, 'GET', p);
      expect(res.status, p).toBe(404);
      expect(res.body).not.toContain('<div id="app">');
    }
    const api = await send(port, 'GET', '/api/nothing');
    expect(api.status).toBe(404);
    expect(errorCode(api)).toBe('not_found');
  });
});

describe('event stream', () => {
  it('says ready without internal counts', async () => {
    const ctl = new AbortController();
    const res = await fetch(`${server.url}/api/events`, { signal: ctl.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!/event: ready\ndata: .*\n/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    ctl.abort();
    const data = /event: ready\ndata: (.*)\n/.exec(text)?.[1];
    expect(data).toBe('{}');
  });
});
