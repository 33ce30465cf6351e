import { Option, type Command } from 'commander';
import type { Article } from '../model.js';
import type { IngestReport } from '../engine/engine.js';
import { runWorker } from '../engine/worker.js';
import { defaultDatabase, openStore } from '../store/index.js';
import { JobQueue, requirePostgres } from '../store/queue.js';
import type { ArticleSink } from './ingest-files.js';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Sends articles to the queue instead of analysing them here. */
export function queueSink(queue: JobQueue, perJob: number): ArticleSink & { queued: () => number } {
  let queued = 0;
  return {
    queued: () => queued,
    async ingest(articles: Article[]): Promise<IngestReport> {
      await queue.enqueue(articles, perJob);
      queued += articles.length;
      return { stored: [], duplicates: [], failures: [], stories: [], tokens: 0 };
    },
  };
}

/** `storyline worker`: take ingest jobs from the PostgreSQL queue until stopped. */
export function registerWorker(program: Command, io: Io): void {
  program
    .command('worker')
    .description('analyse and store articles from the ingest queue (PostgreSQL); run several for throughput')
    .addOption(new Option('--db <url>', 'postgres://… database (env STORYLINE_DB)'))
    .option('--name <name>', 'worker name recorded on its jobs (default host:pid)')
    .option('--lease <seconds>', 'seconds a job stays claimed without a heartbeat', (v) => Number(v), 60)
    .option('--max-attempts <n>', 'claims before a failing job is set aside', (v) => Number(v), 5)
    .option('--poll <ms>', 'wait between polls of an empty queue', (v) => Number(v), 500)
    .option(
      '--view-delay <seconds>',
      'seconds a story-view rebuild waits, so that rebuilds of a story that keeps changing collapse into one',
      (v) => Number(v),
      10,
    )
    .option('--exit-when-idle', 'stop when nothing is queued or running')
    .option('--quiet', 'print nothing per job')
    .option('--timings', 'print where the time went (stage, lock wait) on stderr when the worker stops')
    .action(
      async (opts: {
        db?: string;
        name?: string;
        lease: number;
        maxAttempts: number;
        poll: number;
        viewDelay: number;
        exitWhenIdle?: boolean;
        quiet?: boolean;
        timings?: boolean;
      }) => {
        const timings = opts.timings ? new Map<string, number>() : undefined;
        const store = await openStore(opts.db ?? defaultDatabase());
        const controller = new AbortController();
        const stop = (): void => controller.abort();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        try {
          requirePostgres(store);
          const report = await runWorker(store, {
            name: opts.name,
            leaseMs: opts.lease * 1000,
            maxAttempts: opts.maxAttempts,
            pollMs: opts.poll,
            viewDelayMs: opts.viewDelay * 1000,
            exitWhenIdle: opts.exitWhenIdle,
            signal: controller.signal,
            timings,
            yieldPriority: true,
            onError: opts.quiet ? undefined : (err) => io.err(`worker: ${err.message}`),
            onJob: opts.quiet
              ? undefined
              : (e) =>
                  e.ok
                    ? io.out(
                        e.handedOn
                          ? `job ${e.id}: ${e.articles} article(s) analysed, handed on for story assignment`
                          : `job ${e.id}: ${e.articles} article(s), ${e.stored} stored`,
                      )
                    : io.err(`job ${e.id} failed: ${e.error}`),
          });
          io.out(
            `worker done: ${report.jobs} job(s), ${report.stored} article(s) stored, ${report.failedJobs} failed attempt(s)`,
          );
          if (timings) {
            const per = (ms: number): string => (report.articles > 0 ? (ms / report.articles).toFixed(2) : '-');
            const rows = [...timings].sort((a, b) => b[1] - a[1]);
            io.err(
              `worker timings (ms per article of ${report.articles}; "cpu" entries processor time, the others wall clock): ${rows.map(([k, v]) => `${k} ${per(v)}`).join(', ')}; processor time ${cpuSeconds().toFixed(1)} s`,
            );
          }
        } finally {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          await store.close();
        }
      },
    );
}

/** Processor time this process used so far (user and system), in seconds. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
