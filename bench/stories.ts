/**
 * Story clustering at scale: streams a resampled news stream (see resample.ts) of up to 1M articles into a
 * SQLite store through the engine (assignment, story assembly, one transaction per batch) and reports the
 * time per article around 10k, 100k and 1M articles, with memory, so growth with the store size shows.
 *
 *   npm run bench:stories [-- --sizes 10000,100000,1000000] [--data DIR] [--batch 500] [--json]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AnnotatedArticle } from '../src/model.js';
import { annotateArticle } from '../src/pipeline.js';
import { Engine } from '../src/engine/engine.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { loadCorpus } from './corpus.js';
import { resampledStream } from './resample.js';

interface Args {
  data: string;
  sizes: number[];
  batch: number;
  json: boolean;
  window: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    data: process.env.STORYLINE_DATA ?? resolve('../shared/data'),
    sizes: [10_000, 100_000, 1_000_000],
    batch: 500,
    json: false,
    window: 5000,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--data') a.data = argv[++i];
    else if (k === '--sizes')
      a.sizes = argv[++i]
        .split(',')
        .map(Number)
        .sort((x, y) => x - y);
    else if (k === '--batch') a.batch = Number(argv[++i]);
    else if (k === '--window') a.window = Number(argv[++i]);
    else if (k === '--json') a.json = true;
    else throw new Error(`unknown argument ${k} (use --data DIR, --sizes N,N, --batch N, --window N, --json)`);
  }
  return a;
}

interface Checkpoint {
  articles: number;
  msPerArticleWindow: number;
  /** Process CPU time (user + system) per article over the same window: what the machine's load does not inflate. */
  cpuMsPerArticleWindow: number;
  msPerArticleOverall: number;
  stories: number;
  largestStory: number;
  rssMb: number;
  heapMb: number;
  dbMb: number;
  stagesMsPerArticle: Record<string, number>;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const base: AnnotatedArticle[] = (await loadCorpus(args.data)).map((x) => annotateArticle(x.article));
  const annotateSeconds = (performance.now() - t0) / 1000;
  const max = args.sizes[args.sizes.length - 1];

  const dir = mkdtempSync(join(tmpdir(), 'storyline-bench-stories-'));
  const file = join(dir, 'stories.db');
  const store = new SqliteStore(file);
  const timings = new Map<string, number>();
  const engine = new Engine(store, { timings });
  const checkpoints: Checkpoint[] = [];
  let n = 0;
  let batch: AnnotatedArticle[] = [];
  const windowStart = new Map<number, { t: number; cpu: number; timings: Map<string, number> }>();
  const cpuMs = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const startedCpu = cpuMs();
  const started = performance.now();
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await engine.ingestAnnotated(batch);
    batch = [];
  };
  for (const doc of resampledStream(base, max)) {
    batch.push(doc);
    n++;
    for (const size of args.sizes)
      if (n === Math.max(1, size - args.window))
        windowStart.set(size, { t: performance.now(), cpu: cpuMs(), timings: new Map(timings) });
    if (batch.length >= args.batch || args.sizes.includes(n)) await flush();
    if (args.sizes.includes(n)) {
      const w = windowStart.get(n);
      const now = performance.now();
      const windowCount = Math.min(args.window, n);
      const stages: Record<string, number> = {};
      for (const [k, v] of timings) stages[k] = (v - (w?.timings.get(k) ?? 0)) / windowCount;
      const { stories, largest } = storyCounts(file);
      const mem = process.memoryUsage();
      checkpoints.push({
        articles: n,
        msPerArticleWindow: (now - (w?.t ?? started)) / windowCount,
        cpuMsPerArticleWindow: (cpuMs() - (w?.cpu ?? startedCpu)) / windowCount,
        msPerArticleOverall: (now - started) / n,
        stories,
        largestStory: largest,
        rssMb: Math.round(mem.rss / 1048576),
        heapMb: Math.round(mem.heapUsed / 1048576),
        dbMb: Math.round(statSync(file).size / 1048576),
        stagesMsPerArticle: stages,
      });
      if (!args.json) {
        const c = checkpoints[checkpoints.length - 1];
        console.error(
          `… ${c.articles} articles: ${c.msPerArticleWindow.toFixed(2)} ms/article, ${c.cpuMsPerArticleWindow.toFixed(2)} CPU ms/article (last ${windowCount}), ${c.stories} stories, RSS ${c.rssMb} MB`,
        );
      }
    }
  }
  await flush();
  // Views of large stories rebuilt on growth are completed once at the end, as a run of `ingest` does.
  const r0 = performance.now();
  const refreshed = (await engine.refresh()).length;
  const refreshSeconds = (performance.now() - r0) / 1000;
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const result = {
    baseArticles: base.length,
    annotateSeconds,
    refreshed,
    refreshSeconds,
    batch: args.batch,
    checkpoints,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const head = [
    'articles',
    'ms/article (window)',
    'CPU ms/article (window)',
    'ms/article (overall)',
    'stories',
    'largest',
    'RSS MB',
    'heap MB',
    'db MB',
  ];
  const rows = checkpoints.map((c) => [
    String(c.articles),
    c.msPerArticleWindow.toFixed(2),
    c.cpuMsPerArticleWindow.toFixed(2),
    c.msPerArticleOverall.toFixed(2),
    String(c.stories),
    String(c.largestStory),
    String(c.rssMb),
    String(c.heapMb),
    String(c.dbMb),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]): string => r.map((x, i) => x.padStart(widths[i])).join('  ');
  console.log(
    `base corpus: ${base.length} articles annotated in ${annotateSeconds.toFixed(1)} s; batches of ${args.batch}`,
  );
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  const first = checkpoints[0];
  const last = checkpoints[checkpoints.length - 1];
  if (first && last && last !== first)
    console.log(
      `per-article time at ${last.articles} / at ${first.articles}: ${(last.msPerArticleWindow / first.msPerArticleWindow).toFixed(2)}× wall, ${(last.cpuMsPerArticleWindow / first.cpuMsPerArticleWindow).toFixed(2)}× CPU`,
    );
  for (const c of checkpoints) {
    console.log(
      `stages at ${c.articles} (ms/article): ${Object.entries(c.stagesMsPerArticle)
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(', ')}`,
    );
  }
  console.log(`final refresh: ${refreshed} story view(s) in ${refreshSeconds.toFixed(1)} s`);
  console.log(`peak RSS ${result.peakRssMb} MB`);
}

/** Story count and largest story, read from the database file beside the store's own connection. */
function storyCounts(file: string): { stories: number; largest: number } {
  const db = new Database(file, { readonly: true });
  try {
    const r = db.prepare('SELECT COUNT(*) AS n, COALESCE(MAX(article_count), 0) AS m FROM stories').get() as {
      n: number;
      m: number;
    };
    return { stories: r.n, largest: r.m };
  } finally {
    db.close();
  }
}

main().catch((err: unknown) => {
  console.error(`bench:stories: ${(err as Error).message}`);
  process.exitCode = 1;
});
