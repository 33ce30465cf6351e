/**
 * Scale-out on PostgreSQL: the same resampled stream ingested by one worker and by N workers on this
 * machine, each run in a database of its own, plus a kill test. Prints throughput, the ratio to the ideal,
 * exactly-once checks and the agreement of story assignments between the runs (B-cubed).
 *
 * The ideal is the machine's cores times one core's worth of one worker's throughput. One worker left
 * alone on several cores is not that: its database server and the runtime's collector threads run beside
 * it on the other cores. So the one-worker baseline runs with the worker and the server confined to one
 * core (`--baseline one-core`, Linux `taskset`); `--baseline all-cores` runs it unconfined, and `both`
 * runs both and reports the ratio to each.
 *
 *   npm run bench:workers [-- --articles 100000] [--workers 4] [--baseline one-core|all-cores|both]
 *                          [--kills 20 --kill-articles 20000] [--data DIR] [--kill-test-only]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import pg from 'pg';
import { PostgresStore } from '../src/store/postgres.js';
import { JobQueue } from '../src/store/queue.js';
import { bcubed } from '../src/stories/index.js';
import type { Article } from '../src/model.js';
import { CLOCK_TICKS, procTimes, startPgCluster, type PgCluster } from '../scripts/pg-cluster.js';
import { loadCorpus } from './corpus.js';
import { resampledArticles } from './resample.js';

interface Args {
  data: string;
  articles: number;
  workers: number;
  kills: number;
  killArticles: number;
  perJob: number;
  /** Skip the throughput runs: only the kill test (its result does not depend on the machine's load). */
  killTestOnly: boolean;
  /** How the one-worker baseline runs: confined to one core, free on all of them, or both. */
  baseline: 'one-core' | 'all-cores' | 'both';
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    data: process.env.STORYLINE_DATA ?? resolve('../shared/data'),
    articles: 100_000,
    workers: 4,
    kills: 0,
    killArticles: 20_000,
    perJob: 25,
    killTestOnly: false,
    baseline: 'both',
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = (): number => Number(argv[++i]);
    if (k === '--data') a.data = argv[++i];
    else if (k === '--articles') a.articles = v();
    else if (k === '--workers') a.workers = v();
    else if (k === '--kills') a.kills = v();
    else if (k === '--kill-articles') a.killArticles = v();
    else if (k === '--per-job') a.perJob = v();
    else if (k === '--kill-test-only') a.killTestOnly = true;
    else if (k === '--baseline') {
      const b = argv[++i];
      if (b !== 'one-core' && b !== 'all-cores' && b !== 'both')
        throw new Error(`--baseline takes one-core, all-cores or both, not ${b}`);
      a.baseline = b;
    } else throw new Error(`unknown argument ${k}`);
  }
  return a;
}

/** The worker command: the compiled CLI when built, else the TypeScript sources through tsx. */
function workerCommand(url: string, cpus?: string): [string, string[]] {
  const [cmd, args] = nodeWorkerCommand(url);
  return cpus === undefined ? [cmd, args] : ['taskset', ['--cpu-list', cpus, cmd, ...args]];
}

function nodeWorkerCommand(url: string): [string, string[]] {
  const args = ['worker', '--db', url, '--exit-when-idle', '--quiet', '--poll', '200', '--lease', '30'];
  if (process.env.STORYLINE_BENCH_TIMINGS) args.push('--timings');
  // The assigning worker holds the active clustering state and builds its checkpoints (together a few GB
  // for a long window over a dense stream), beyond Node's default heap limit on small machines.
  const heap = [`--max-old-space-size=${process.env.STORYLINE_BENCH_WORKER_HEAP_MB ?? 8192}`];
  // Processor profiles of every worker, for finding where the time goes.
  const prof = process.env.STORYLINE_BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.STORYLINE_BENCH_PROFILE}`]
    : [];
  return existsSync('dist/src/cli/bin.js')
    ? [process.execPath, [...heap, ...prof, 'dist/src/cli/bin.js', ...args]]
    : [process.execPath, [...heap, ...prof, '--import', 'tsx', 'src/cli/bin.ts', ...args]];
}

async function schemaUrl(base: string, schema: string): Promise<string> {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  await c.end();
  return `${base}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/**
 * Confines the PostgreSQL server to `cpus` (a taskset list): the postmaster, so that backends forked
 * later inherit it, and every process it has already started, with all their threads.
 */
function pinServer(cluster: PgCluster, cpus: string): void {
  const [postmaster, ...children] = cluster.pids();
  for (const pid of [postmaster, ...children]) {
    try {
      execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cpus, String(pid)], { stdio: 'ignore' });
    } catch (err) {
      // A backend that ended meanwhile is fine; a server that cannot be confined makes the baseline wrong.
      if (pid === postmaster)
        throw new Error(`cannot confine the PostgreSQL server with taskset: ${(err as Error).message}`, {
          cause: err,
        });
    }
  }
}

interface RunResult {
  workers: number;
  seconds: number;
  articlesPerSecond: number;
  stored: number;
  distinct: number;
  storyArticles: number;
  jobsLeft: number;
  /** Stories whose view was not rebuilt after their last membership change. */
  viewsBehind: number;
  kills: number;
  /** Workers that ended on their own with an error (not killed by the benchmark). */
  crashes: number;
  assignment: Map<string, string>;
  /** Processor seconds of the worker processes and of the PostgreSQL server during the run. */
  workerCpu: number;
  serverCpu: number;
}

/** Processor seconds of this process's ended children (the workers, once reaped). */
function reapedChildrenCpu(): number {
  return (procTimes(process.pid)?.children ?? 0) / CLOCK_TICKS;
}

async function run(
  cluster: PgCluster,
  schema: string,
  articles: Article[],
  workers: number,
  perJob: number,
  kills = 0,
  /** Confines the workers and the server to these cores (a taskset list) for the run. */
  cpus?: string,
): Promise<RunResult> {
  const url = await schemaUrl(cluster.url, schema);
  const store = await PostgresStore.open(url);
  const queue = new JobQueue(store);
  for (let i = 0; i < articles.length; i += 5000) await queue.enqueue(articles.slice(i, i + 5000), perJob);
  if (cpus !== undefined) pinServer(cluster, cpus);
  const children = new Set<ChildProcess>();
  const victims = new Set<ChildProcess>();
  let crashes = 0;
  const start = (): void => {
    const [cmd, args] = workerCommand(url, cpus);
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    children.add(child);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (!victims.has(child) && (code !== 0 || signal)) {
        // A crashed worker leaves its jobs to the others; with none left, the run would end short.
        crashes++;
        console.error(`bench:workers: a worker ended with ${signal ?? `exit code ${code}`}; starting another`);
        if (crashes <= 3) start();
      }
    });
  };
  const t0 = performance.now();
  const cpu0 = reapedChildrenCpu();
  const server0 = cluster.cpuSeconds();
  for (let i = 0; i < workers; i++) start();
  let killed = 0;
  // Spread the kills over the expected run time, checking the queue as we go.
  while (children.size > 0) {
    await new Promise((r) => setTimeout(r, 1000));
    if (killed < kills) {
      const c = await queue.counts();
      const progress = c.done / Math.max(1, c.done + c.queued + c.running);
      if (progress >= (killed + 1) / (kills + 1)) {
        const list = [...children];
        const victim = list[Math.floor(Math.random() * list.length)];
        if (victim) victims.add(victim);
        victim?.kill('SIGKILL');
        killed++;
        start();
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const workerCpu = reapedChildrenCpu() - cpu0;
  const serverCpu = cluster.cpuSeconds() - server0;
  if (cpus !== undefined) pinServer(cluster, `0-${availableParallelism() - 1}`);
  const q = async (sql: string): Promise<number> => Number((await store.query<{ n: string }>(sql)).rows[0].n);
  const { rows } = await store.query<{ article_id: string; story_id: string }>(
    'SELECT article_id, story_id FROM story_articles',
  );
  const result: RunResult = {
    workers,
    seconds,
    articlesPerSecond: articles.length / seconds,
    stored: await q('SELECT COUNT(*) AS n FROM articles'),
    distinct: await q('SELECT COUNT(DISTINCT id) AS n FROM articles'),
    storyArticles: await q('SELECT COUNT(*) AS n FROM story_articles'),
    jobsLeft: await q(`SELECT COUNT(*) AS n FROM jobs WHERE status <> 'done'`),
    viewsBehind: await q('SELECT COUNT(*) AS n FROM stories WHERE view_version < version'),
    kills: killed,
    crashes,
    assignment: new Map(rows.map((r) => [r.article_id, r.story_id])),
    workerCpu,
    serverCpu,
  };
  await store.close();
  return result;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const corpus = (await loadCorpus(args.data)).map((x) => x.article);
  const articles = [...resampledArticles(corpus, args.articles)];
  const unique = new Set(articles.map((a) => a.id)).size;
  const cluster = await startPgCluster({ maxConnections: 300 });
  try {
    const lines = [
      `articles: ${articles.length} (${unique} distinct), resampled from ${corpus.length} corpus articles; ${args.perJob} per job`,
    ];
    if (!args.killTestOnly) {
      const cores = Math.min(availableParallelism(), args.workers);
      const confined =
        args.baseline === 'all-cores' ? undefined : await run(cluster, 'one_core', articles, 1, args.perJob, 0, '0');
      const free = args.baseline === 'one-core' ? undefined : await run(cluster, 'one', articles, 1, args.perJob);
      const baselines = [
        ...(confined ? [{ label: '1 worker, one core', result: confined }] : []),
        ...(free ? [{ label: '1 worker, all cores', result: free }] : []),
      ];
      const many = await run(cluster, 'many', articles, args.workers, args.perJob);
      const manyLabel = `${args.workers} workers`;
      const runs = [...baselines, { label: manyLabel, result: many }];
      const width = Math.max(...runs.map((r) => r.label.length)) + 1;
      const pad = (label: string): string => `${label}:`.padEnd(width + 1);
      for (const { label, result: r } of runs)
        lines.push(`${pad(label)}${r.seconds.toFixed(1)} s, ${r.articlesPerSecond.toFixed(1)} articles/s`);
      for (const { label, result: b } of baselines) {
        const ideal = b.articlesPerSecond * cores;
        lines.push(
          `ideal (${cores} cores × ${label}): ${ideal.toFixed(1)} articles/s; achieved ${((many.articlesPerSecond / ideal) * 100).toFixed(1)} % of ideal`,
        );
      }
      lines.push(`workers that crashed: ${runs.map(({ label, result: r }) => `${r.crashes} (${label})`).join(', ')}`);
      for (const { label, result: r } of runs)
        lines.push(
          `exactly once (${label}): stored ${r.stored}, distinct ${r.distinct}, in stories ${r.storyArticles}, jobs left ${r.jobsLeft}, story views behind ${r.viewsBehind}`,
        );
      for (const { label, result: r } of runs)
        lines.push(
          `processor time (${label}): workers ${r.workerCpu.toFixed(1)} s, PostgreSQL ${r.serverCpu.toFixed(1)} s, ${((r.workerCpu + r.serverCpu) / r.seconds).toFixed(2)} cores busy on average`,
        );
      for (const { label, result: b } of baselines)
        lines.push(
          `story assignment agreement, ${manyLabel} vs ${label} (B-cubed F1): ${bcubed(many.assignment, b.assignment).f1.toFixed(4)}`,
        );
      // Unconfined, one worker already keeps more than one core busy, which bounds the ratio to its ideal.
      if (free)
        lines.push(
          `ceiling on ${cores} cores at the cost per article of 1 worker, all cores: ${((free.seconds / (free.workerCpu + free.serverCpu)) * 100).toFixed(1)} % of its ideal`,
        );
    }
    if (args.kills > 0) {
      const subset = articles.slice(0, args.killArticles);
      const k = await run(cluster, 'killed', subset, args.workers, args.perJob, args.kills);
      const distinct = new Set(subset.map((a) => a.id)).size;
      lines.push(
        `kill test: ${k.kills} SIGKILLs during ${subset.length} articles (${distinct} distinct): stored ${k.stored}, distinct ${k.distinct}, in stories ${k.storyArticles}, jobs left ${k.jobsLeft}, story views behind ${k.viewsBehind} → ${k.stored === distinct && k.distinct === distinct && k.storyArticles === distinct && k.jobsLeft === 0 && k.viewsBehind === 0 ? 'every article stored exactly once, every view complete' : 'MISMATCH'}`,
      );
    }
    console.log(lines.join('\n'));
  } finally {
    cluster.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`bench:workers: ${(err as Error).message}`);
  process.exitCode = 1;
});
