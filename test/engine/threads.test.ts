import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { Engine, type IngestReport } from '../../src/engine/engine.js';
import { AnalysisPool, parseThreads, ThreadedIngest } from '../../src/engine/threads.js';
import { ingestPaths } from '../../src/cli/ingest-files.js';
import type { Article } from '../../src/model.js';
import { openStore, type Store } from '../../src/store/index.js';
import { EXAMPLES, exampleArticles } from '../server/fixture.js';

const stores: Store[] = [];
const pools: AnalysisPool[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
  for (const s of stores.splice(0)) await s.close();
});

async function memoryStore(): Promise<Store> {
  const s = await openStore(':memory:');
  stores.push(s);
  return s;
}

/** Every story with its members and title, in a stable order. */
async function snapshot(store: Store): Promise<Array<{ id: string; title: string; members: string[] }>> {
  const list = await store.listStories({ limit: 10_000 });
  const out = [];
  for (const s of list) {
    const story = await store.getStory(s.id);
    out.push({ id: s.id, title: s.title, members: [...(story?.articleIds ?? [])].sort() });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

function batches(articles: Article[], size: number): Article[][] {
  const out: Article[][] = [];
  for (let i = 0; i < articles.length; i += size) out.push(articles.slice(i, i + size));
  return out;
}

/** Sorted copies of a report's lists, for comparing runs whose batches finished in another order. */
function summary(reports: IngestReport[]): Record<string, string[]> {
  const all = (pick: (r: IngestReport) => string[]): string[] => reports.flatMap(pick).sort();
  return {
    stored: all((r) => r.stored),
    duplicates: all((r) => r.duplicates),
    failures: all((r) => r.failures.map((f) => `${f.path}: ${f.reason}`)),
  };
}

/** One-thread ingest of these batches and the threaded one, each into a fresh store. */
async function both(
  input: Article[][],
): Promise<{ one: Store; two: Store; oneReports: IngestReport[]; twoReports: IngestReport[] }> {
  const one = await memoryStore();
  const oneReports: IngestReport[] = [];
  const single = new Engine(one);
  for (const b of input) oneReports.push(await single.ingest(b));

  const two = await memoryStore();
  const engine = new Engine(two);
  const pool = AnalysisPool.forEngine(engine, { threads: 2 });
  pools.push(pool);
  const twoReports: IngestReport[] = [];
  // Small chunks, so that every batch is spread over both threads and chunks finish out of order.
  const threaded = new ThreadedIngest(engine, pool, (r) => twoReports.push(r), { chunk: 2, ahead: 2 });
  for (const b of input) await threaded.ingest(b);
  await threaded.drain();
  await pool.close();
  return { one, two, oneReports, twoReports };
}

describe('analysis threads', () => {
  it('store the example corpus as one thread does: same stories, ids, members and titles', async () => {
    const articles = exampleArticles();
    // A repeat inside a batch and one across batches, as a real stream has.
    const input = batches([...articles, articles[0]], 5);
    input[0].push(articles[1]);
    const { one, two, oneReports, twoReports } = await both(input);
    const stories = await snapshot(one);
    expect(stories.length).toBeGreaterThan(1);
    expect(await snapshot(two)).toEqual(stories);
    expect(summary(twoReports)).toEqual(summary(oneReports));
    expect(twoReports.map((r) => r.stored)).toEqual(oneReports.map((r) => r.stored));
  });

  it('report a bad article in a threaded batch and store the others', async () => {
    const articles = exampleArticles().slice(0, 6);
    // An outlet that is not text makes the analysis of that one article fail.
    const bad = { ...articles[2], id: 'bad-article', path: 'bad.txt', source: 42 as unknown as string };
    const input = [[...articles.slice(0, 3), bad, ...articles.slice(3)]];
    const { one, two, oneReports, twoReports } = await both(input);
    expect(twoReports[0].failures).toEqual([expect.objectContaining({ path: 'bad.txt', kind: 'unreadable' })]);
    expect(twoReports[0].failures[0].reason).toMatch(/^analysis failed: /);
    expect([...twoReports[0].stored].sort()).toEqual(articles.map((a) => a.id).sort());
    expect(summary(twoReports)).toEqual(summary(oneReports));
    expect(await snapshot(two)).toEqual(await snapshot(one));
  });

  it('analyse a chunk here when its thread dies, and replace the thread', async () => {
    const articles = exampleArticles();
    const one = await memoryStore();
    await new Engine(one).ingest(articles);
    const two = await memoryStore();
    const engine = new Engine(two);
    const pool = AnalysisPool.forEngine(engine, { threads: 1 });
    pools.push(pool);
    const reports: IngestReport[] = [];
    const threaded = new ThreadedIngest(engine, pool, (r) => reports.push(r), { chunk: 4 });
    await threaded.ingest(articles);
    // The thread ends while it holds the batch's chunks.
    await pool['slots'][0].worker.terminate();
    await threaded.drain();
    expect(reports[0].failures).toEqual([]);
    expect(await snapshot(two)).toEqual(await snapshot(one));
    expect(pool.size).toBe(1);
    expect((await pool.analyse([articles[0]], new Set())).docs).toHaveLength(1);
  });

  it('ingests files with threads as with one thread (ingestPaths)', async () => {
    const one = await memoryStore();
    const two = await memoryStore();
    const r1 = await ingestPaths(new Engine(one), [EXAMPLES], { batchSize: 4, progress: false });
    const r2 = await ingestPaths(new Engine(two), [EXAMPLES], { batchSize: 4, progress: false, threads: 2 });
    expect(r2.stored).toEqual(r1.stored);
    expect(r2.failures).toEqual([]);
    expect(await snapshot(two)).toEqual(await snapshot(one));
  });

  it('refuses threads for a sink that is not an engine', async () => {
    const sink = {
      ingest: async (): Promise<IngestReport> => ({ stored: [], duplicates: [], failures: [], stories: [], tokens: 0 }),
    };
    await expect(ingestPaths(sink, [EXAMPLES], { threads: 2, progress: false })).rejects.toThrow(/engine/);
  });

  it('stops its threads when closed or aborted', async () => {
    const ac = new AbortController();
    const pool = new AnalysisPool({ threads: 2, signal: ac.signal });
    pools.push(pool);
    const [article] = exampleArticles();
    expect((await pool.analyse([article], new Set())).docs).toHaveLength(1);
    // Already stored: skipped, as `Engine#analyse` does.
    expect((await pool.analyse([article], new Set([article.id]))).duplicates).toEqual([article.id]);
    const pending = pool.analyse(exampleArticles(), new Set());
    ac.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(pool.size).toBe(0);
    await expect(pool.analyse([article], new Set())).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('leaves nothing running: a process that used a pool exits by itself', () => {
    const threads = pathToFileURL(resolve('src/engine/threads.ts')).href;
    const parse = pathToFileURL(resolve('src/ingest/parse.ts')).href;
    const script = `
      const { AnalysisPool } = await import(${JSON.stringify(threads)});
      const { makeArticle } = await import(${JSON.stringify(parse)});
      const pool = new AnalysisPool({ threads: 2 });
      const b = await pool.analyse([makeArticle('Mayor Tom Reyes said the council met on Monday.', {})], new Set());
      await pool.close();
      console.log('analysed', b.docs.length);
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.error).toBeUndefined();
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('analysed 1');
    expect(r.status).toBe(0);
  });

  it('parses --threads values', () => {
    expect(parseThreads('2')).toBe(2);
    expect(parseThreads('auto')).toBeGreaterThanOrEqual(1);
    expect(parseThreads('0')).toBe(parseThreads('auto'));
    for (const bad of ['-1', '1.5', 'two', '']) expect(() => parseThreads(bad)).toThrow(/whole number/);
  });
});
