import { hostname } from 'node:os';
import type { PostgresStore } from '../store/postgres.js';
import { JobQueue, type QueueOptions } from '../store/queue.js';
import { Engine, type EngineOptions } from './engine.js';

export interface WorkerOptions extends QueueOptions, EngineOptions {
  /** Name recorded on claimed jobs. */
  name?: string;
  /** Wait between polls of an empty queue. */
  pollMs?: number;
  /** Stop when the queue has nothing queued or running. */
  exitWhenIdle?: boolean;
  signal?: AbortSignal;
  /** Called after each job with its outcome. */
  onJob?: (event: { id: number; articles: number; stored: number; ok: boolean; error?: string }) => void;
}

export interface WorkerReport {
  jobs: number;
  failedJobs: number;
  articles: number;
  stored: number;
}

/** Stories an idle worker rebuilds before looking at the queue again. */
const REFRESH_WHEN_IDLE = 20;

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * Takes ingest jobs from the queue until stopped. Analysis of a job runs in parallel with other workers;
 * its story assignment and write happen in one transaction that also marks the job done.
 */
export async function runWorker(store: PostgresStore, opts: WorkerOptions = {}): Promise<WorkerReport> {
  const name = opts.name ?? `${hostname()}:${process.pid}`;
  const queue = new JobQueue(store, opts);
  const engine = new Engine(store, opts);
  const leaseMs = opts.leaseMs ?? 60_000;
  const report: WorkerReport = { jobs: 0, failedJobs: 0, articles: 0, stored: 0 };
  while (!opts.signal?.aborted) {
    const [job] = await queue.claim(name, 1);
    if (!job) {
      // An idle worker completes the views of stories that grew faster than they were rebuilt.
      const refreshed = await engine.refresh({ limit: REFRESH_WHEN_IDLE });
      if (refreshed.length > 0) continue;
      await queue.reapExhausted();
      if (opts.exitWhenIdle) {
        const c = await queue.counts();
        if (c.queued === 0 && c.running === 0) break;
      }
      await sleep(opts.pollMs ?? 500, opts.signal);
      continue;
    }
    const beat = setInterval(
      () => void queue.heartbeat([job.id], name).catch(() => undefined),
      Math.max(1000, leaseMs / 3),
    );
    try {
      const r = await engine.ingest(job.articles, { completeJobs: [job.id] });
      report.jobs++;
      report.articles += job.articles.length;
      report.stored += r.stored.length;
      opts.onJob?.({ id: job.id, articles: job.articles.length, stored: r.stored.length, ok: true });
    } catch (err) {
      report.failedJobs++;
      const message = (err as Error).message ?? String(err);
      await queue.release(job.id, message).catch(() => undefined);
      opts.onJob?.({ id: job.id, articles: job.articles.length, stored: 0, ok: false, error: message });
    } finally {
      clearInterval(beat);
    }
  }
  return report;
}
