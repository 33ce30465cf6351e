/**
 * HTTP API latency with a large store: fills a SQLite file with copies of the example stories (real
 * annotations, distinct ids and texts) written straight through `store.commit`, starts the server on
 * loopback and times sequential requests, then requests at a concurrency of 20, then the same while a
 * 1,000-article ingest (two requests of 500) is analysed by the server.
 *
 *   npx tsx bench/api.ts [--articles 100000] [--requests 300] [--list-requests 50] [--ingest 1000] [--db FILE]
 *
 * With --db the file is kept, and a later run on it only tops it up to --articles before measuring.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AnnotatedArticle, Story } from '../src/model.js';
import { Engine } from '../src/engine/engine.js';
import { makeArticle, parseTextFile } from '../src/ingest/parse.js';
import { startServer } from '../src/server/index.js';
import { openStore } from '../src/store/index.js';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : def;
}

const total = Number(arg('articles', '100000'));
const requests = Number(arg('requests', '300'));
const listRequests = Number(arg('list-requests', '50'));
const dir = mkdtempSync(path.join(tmpdir(), 'storyline-bench-api-'));
const dbFile = arg('db', path.join(dir, 'api.db'));
const examples = arg('examples', 'examples');
const ingestSize = Number(arg('ingest', '1000'));
const CONCURRENCY = 20;

async function templates(): Promise<{ stories: Story[]; docs: Map<string, AnnotatedArticle> }> {
  const mem = await openStore(':memory:');
  const articles = readdirSync(examples)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const { body, meta } = parseTextFile(readFileSync(path.join(examples, f), 'utf8'), f);
      return makeArticle(body, meta);
    });
  const report = await new Engine(mem).ingest(articles);
  const stories = (await Promise.all(report.stories.map((id) => mem.getStory(id)))).filter((s): s is Story => !!s);
  const docs = new Map((await mem.getArticles(articles.map((a) => a.id))).map((d) => [d.article.id, d]));
  await mem.close();
  return { stories, docs };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeRequests(base: string, paths: string[]): Promise<{ p50: number; p95: number; max: number }> {
  const times: number[] = [];
  for (const p of paths) {
    const t0 = performance.now();
    const res = await fetch(base + p);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${p}: HTTP ${res.status}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
}

type Timing = { p50: number; p95: number; max: number };

/** Requests `paths` with `concurrency` in flight at once; each time is one request's own latency. */
async function timeConcurrent(base: string, paths: string[], concurrency = CONCURRENCY): Promise<Timing> {
  const times: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const p = paths[next++];
      const t0 = performance.now();
      const res = await fetch(base + p);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${p}: HTTP ${res.status}`);
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
}

/** Distinct articles for the ingest: example texts, each with a sentence of its own. */
function ingestBodies(n: number): Array<{ text: string; title?: string; source?: string; published?: string }> {
  const base = [...docs.values()].map((d) => d.article);
  return Array.from({ length: n }, (_, i) => {
    const a = base[i % base.length];
    return {
      text: `${a.text}\n\nIngest reference ${Date.now()}-${i}.`,
      title: a.title,
      source: a.source,
      published: a.published,
    };
  });
}

const { stories: tpl, docs } = await templates();
const store = await openStore(dbFile);
let written = await store.countArticles();
const t0 = performance.now();
const storyIds: string[] = [];
const articleIds: string[] = [];
let group = 0;
while (written < total) {
  const batchDocs: AnnotatedArticle[] = [];
  const batchStories: Story[] = [];
  while (batchDocs.length < 2000 && written + batchDocs.length < total) {
    const t = tpl[group % tpl.length];
    const map = new Map<string, string>();
    t.articleIds.forEach((id, i) =>
      map.set(id, `${group.toString(16).padStart(12, '0')}${i.toString(16).padStart(4, '0')}`),
    );
    for (const [oldId, newId] of map) {
      const d = docs.get(oldId);
      if (!d) continue;
      // Appending keeps every span's offsets valid while making each text (and its search entry) distinct.
      const copy: AnnotatedArticle = {
        ...d,
        article: { ...d.article, id: newId, text: `${d.article.text}\n\nRef ${group}-${newId}.` },
      };
      batchDocs.push(copy);
      articleIds.push(newId);
    }
    let json = JSON.stringify(t);
    for (const [oldId, newId] of map) json = json.split(oldId).join(newId);
    const s = JSON.parse(json) as Story;
    s.id = `story-${map.get(t.articleIds[0])}`;
    s.title = `${t.title} (${group})`;
    batchStories.push(s);
    storyIds.push(s.id);
    group++;
  }
  await store.commit({ articles: batchDocs, stories: batchStories });
  written += batchDocs.length;
  process.stderr.write(`\r${written} articles, ${storyIds.length} stories`);
}
process.stderr.write('\n');
if (storyIds.length < requests) {
  // A store filled by an earlier run: sample ids through the search index (every copy ends "Ref …").
  for (const h of await store.search('Ref', { limit: 5000 })) {
    articleIds.push(h.articleId);
    if (h.storyId && !storyIds.includes(h.storyId)) storyIds.push(h.storyId);
  }
}
// Offsets spread over the whole list (about one story per four articles in the copies).
const maxOffset = Math.max(1, Math.floor((await store.countArticles()) / 4) - 50);
const fillSeconds = (performance.now() - t0) / 1000;
const server = await startServer({ store, port: 0, webRoot: undefined });
const pick = <T>(xs: T[], n: number): T[] => Array.from({ length: n }, (_, i) => xs[(i * 7919) % xs.length]);
try {
  await timeRequests(
    server.url,
    pick(storyIds, 20).map((id) => `/api/stories/${id}`),
  ); // warm-up
  const results: Record<string, Timing> = {
    'GET /api/stories/:id': await timeRequests(
      server.url,
      pick(storyIds, requests).map((id) => `/api/stories/${id}`),
    ),
    'GET /api/stories?limit=50&offset=…': await timeRequests(
      server.url,
      pick(storyIds, listRequests).map((_, i) => `/api/stories?limit=50&offset=${(i * 7919) % maxOffset}`),
    ),
    'GET /api/stories?q=…': await timeRequests(
      server.url,
      pick(
        ['evacuation', 'council vote', 'Corvane', 'bus operations', 'smoke inhalation'],
        Math.min(requests, 100),
      ).map((q) => `/api/stories?q=${encodeURIComponent(q)}&limit=20`),
    ),
    'GET /api/articles/:id': await timeRequests(
      server.url,
      pick(articleIds, requests).map((id) => `/api/articles/${id}`),
    ),
  };
  const listPaths = (n: number): string[] =>
    pick(storyIds, n).map((_, i) => `/api/stories?limit=50&offset=${(i * 7919) % maxOffset}`);
  const storyPaths = (n: number): string[] => pick(storyIds, n).map((id) => `/api/stories/${id}`);
  results[`GET /api/stories (c=${CONCURRENCY})`] = await timeConcurrent(server.url, listPaths(requests));
  results[`GET /api/stories/:id (c=${CONCURRENCY})`] = await timeConcurrent(server.url, storyPaths(requests));
  // While the server analyses a large ingest: rounds of concurrent reads until the jobs are done.
  const bodies = ingestBodies(ingestSize);
  const tIngest = performance.now();
  const locations: string[] = [];
  for (let at = 0; at < bodies.length; at += 500) {
    const res = await fetch(`${server.url}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bodies.slice(at, at + 500)),
    });
    if (res.status !== 202) throw new Error(`POST /api/articles: HTTP ${res.status} ${await res.text()}`);
    locations.push(res.headers.get('location') as string);
  }
  const acceptedMs = performance.now() - tIngest;
  const during: Record<string, number[]> = { list: [], story: [] };
  const finished = async (): Promise<boolean> => {
    for (const l of locations) {
      const job = (await (await fetch(server.url + l)).json()) as { status: string; error?: { message: string } };
      if (job.status === 'failed') throw new Error(`ingest job failed: ${job.error?.message}`);
      if (job.status !== 'done') return false;
    }
    return true;
  };
  let rounds = 0;
  while (!(await finished())) {
    for (const [kind, paths] of [
      ['list', listPaths(CONCURRENCY)],
      ['story', storyPaths(CONCURRENCY)],
    ] as const) {
      const times: number[] = [];
      await Promise.all(
        paths.map(async (p) => {
          const t0 = performance.now();
          const res = await fetch(server.url + p);
          await res.arrayBuffer();
          times.push(performance.now() - t0);
        }),
      );
      during[kind].push(...times);
    }
    rounds++;
  }
  const ingestSeconds = (performance.now() - tIngest) / 1000;
  const summarise = (xs: number[]): Timing => {
    const t = [...xs].sort((a, b) => a - b);
    return { p50: percentile(t, 50), p95: percentile(t, 95), max: t[t.length - 1] };
  };
  if (rounds > 0) {
    results[`GET /api/stories, ingest running (c=${CONCURRENCY})`] = summarise(during.list);
    results[`GET /api/stories/:id, ingest running (c=${CONCURRENCY})`] = summarise(during.story);
  }
  const size = existsSync(dbFile) ? statSync(dbFile).size : 0;
  console.log(
    `store: ${await store.countArticles()} articles, ${storyIds.length} stories sampled, ${(size / 1e6).toFixed(0)} MB; filled in ${fillSeconds.toFixed(0)} s`,
  );
  console.log(
    `ingest of ${ingestSize} articles: accepted in ${acceptedMs.toFixed(0)} ms, stored in ${ingestSeconds.toFixed(1)} s (${rounds} rounds of reads meanwhile)`,
  );
  console.log(`${'endpoint'.padEnd(52)}  p50 ms   p95 ms   max ms`);
  for (const [name, r] of Object.entries(results))
    console.log(
      `${name.padEnd(52)} ${r.p50.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)}`,
    );
} finally {
  await server.close();
  await store.close();
  if (!process.argv.includes('--db')) rmSync(dir, { recursive: true, force: true });
}
