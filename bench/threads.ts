/**
 * `storyline ingest --threads N` on one machine: the first DUC 2006 articles streamed into a SQLite file in
 * batches, analysed on this thread (`--threads 1`: `Engine#ingest`) or on a pool of worker threads with
 * story assignment and the writes here. Prints wall time, articles/s, the processor time of the process
 * (every thread), the share of the one-thread run spent in the serial step (assignment, assembly, write),
 * and whether the stories match the one-thread run's.
 *
 *   npx tsx bench/threads.ts [--data DIR] [--articles 600] [--batch 100] [--threads 1,2] [--rounds 2]
 *                           [--one-more]
 *
 * Each run is a process of its own; settings run back to back, `--rounds` times. `--threads n` analyses in
 * n−1 threads beside the assigning one, as the CLI does; `--one-more` adds runs with n analysis threads.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Engine } from '../src/engine/engine.js';
import { AnalysisPool, analysisThreads, ThreadedIngest } from '../src/engine/threads.js';
import type { Article } from '../src/model.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { loadCorpus } from './corpus.js';

interface Args {
  data: string;
  articles: number;
  batch: number;
  threads: number[];
  rounds: number;
  /** Also run each thread count as that many analysis threads beside the assigning one. */
  oneMore: boolean;
  /** Run one setting (analysis threads) in this process and print its result as JSON. */
  child?: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    data: process.env.STORYLINE_DATA ?? resolve('../shared/data'),
    articles: 600,
    batch: 100,
    threads: [1, 2],
    rounds: 2,
    oneMore: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--data') a.data = argv[++i];
    else if (k === '--articles') a.articles = Number(argv[++i]);
    else if (k === '--batch') a.batch = Number(argv[++i]);
    else if (k === '--threads') a.threads = argv[++i].split(',').map(Number);
    else if (k === '--rounds') a.rounds = Number(argv[++i]);
    else if (k === '--one-more') a.oneMore = true;
    else if (k === '--child') a.child = Number(argv[++i]);
    else throw new Error(`unknown argument ${k}`);
  }
  if (a.threads.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--threads takes whole numbers ≥ 1');
  return a;
}

interface Setting {
  label: string;
  /** Analysis threads; 0 = analysis on this thread (`--threads 1`). */
  analysers: number;
}

interface RunResult {
  seconds: number;
  cpuSeconds: number;
  /** Wall time of the serial step on this thread (assignment, assembly, write). */
  assignSeconds: number;
  stories: string;
  stored: number;
}

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function run(articles: Article[], batch: number, analysers: number): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-threads-'));
  const store = new SqliteStore(join(dir, 'bench.db'));
  const timings = new Map<string, number>();
  const engine = new Engine(store, { timings });
  let assignSeconds = 0;
  let stored = 0;
  const timedAssign = engine.assign.bind(engine);
  engine.assign = async (...args) => {
    const t = performance.now();
    try {
      return await timedAssign(...args);
    } finally {
      assignSeconds += (performance.now() - t) / 1000;
    }
  };
  const c0 = cpu();
  const t0 = performance.now();
  if (analysers === 0) {
    // What `Engine#ingest` does, with the serial step timed.
    for (let i = 0; i < articles.length; i += batch) {
      const part = articles.slice(i, i + batch);
      const known = await engine.storedIds(part);
      stored += (await engine.assign([engine.analyse(part, { known })])).stored.length;
    }
  } else {
    const pool = AnalysisPool.forEngine(engine, { threads: analysers });
    try {
      const threaded = new ThreadedIngest(engine, pool, (r) => (stored += r.stored.length));
      for (let i = 0; i < articles.length; i += batch) await threaded.ingest(articles.slice(i, i + batch));
      await threaded.drain();
    } finally {
      await pool.close();
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = cpu() - c0;
  if (process.env.STORYLINE_BENCH_TIMINGS)
    console.error(Object.fromEntries([...timings].map(([k, v]) => [k, Math.round(v)])));
  const list = await store.listStories({ limit: 1_000_000 });
  const members = await Promise.all(
    list.map(async (s) => `${s.id}:${(await store.getStory(s.id))?.articleIds.join(',')}`),
  );
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { seconds, cpuSeconds, assignSeconds, stories: members.sort().join('\n'), stored };
}

/**
 * Each run in a process of its own, as `storyline ingest` is: every setting pays the same start-up (module
 * loading, models, compilation), which a run after another in the same process would partly skip.
 */
function runInChild(args: Args, analysers: number): RunResult {
  const out = execFileSync(
    process.execPath,
    [
      ...process.execArgv,
      process.argv[1],
      ...['--data', args.data, '--articles', String(args.articles), '--batch', String(args.batch)],
      ...['--child', String(analysers)],
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 },
  );
  return JSON.parse(out) as RunResult;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const articles = (await loadCorpus(args.data))
    .filter((x) => x.corpus === 'DUC 2006')
    .slice(0, args.articles)
    .map((x) => x.article);
  if (args.child !== undefined) {
    console.log(JSON.stringify(await run(articles, args.batch, args.child)));
    return;
  }
  const settings: Setting[] = args.threads.map((n) => ({
    label: n === 1 ? '--threads 1' : `--threads ${n} (${analysisThreads(n)} analysing)`,
    analysers: n === 1 ? 0 : analysisThreads(n),
  }));
  if (args.oneMore)
    for (const n of args.threads.filter((t) => t > 1))
      settings.push({ label: `${n} analysing + assigner`, analysers: n });
  console.log(
    `${articles.length} DUC 2006 articles, batches of ${args.batch}, SQLite file; ${availableParallelism()} cores available; node ${process.version}`,
  );
  const rows: string[][] = [['round', 'setting', 'wall s', 'articles/s', 'speed-up', 'CPU s', 'assign s', 'stories']];
  let reference: string | undefined;
  for (let round = 1; round <= args.rounds; round++) {
    let base: number | undefined;
    for (const s of settings) {
      const r = runInChild(args, s.analysers);
      reference ??= r.stories;
      base ??= r.seconds;
      rows.push([
        String(round),
        s.label,
        r.seconds.toFixed(1),
        (articles.length / r.seconds).toFixed(1),
        `${(base / r.seconds).toFixed(2)}×`,
        r.cpuSeconds.toFixed(1),
        `${r.assignSeconds.toFixed(1)} (${((r.assignSeconds / r.seconds) * 100).toFixed(0)} %)`,
        r.stories === reference ? `same (${r.stored} stored)` : 'DIFFERENT',
      ]);
      console.error(`round ${round}, ${s.label}: ${r.seconds.toFixed(1)} s`);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(
    [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n'),
  );
}

main().catch((err: unknown) => {
  console.error(`bench:threads: ${(err as Error).message}`);
  process.exitCode = 1;
});
