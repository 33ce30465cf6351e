import { constants, hostname, setPriority } from 'node:os';
import type { Leadership, PostgresStore } from '../store/postgres.js';
import { JobQueue, type Job, type QueueOptions } from '../store/queue.js';
import { decodeAnalysed, encodeAnalysed, type AnalysedBatch } from './analysed.js';
import { Engine, type EngineOptions } from './engine.js';

export interface WorkerOptions extends QueueOptions, EngineOptions {
  /** Name recorded on claimed jobs. */
  name?: string;
  /** Wait between polls of an empty queue. */
  pollMs?: number;
  /** Stop when the queue has nothing queued or running. */
  exitWhenIdle?: boolean;
  signal?: AbortSignal;
  /**
   * Lower this process's scheduling priority while another worker assigns stories, so that on a shared
   * machine the serial step gets the processor first. For worker processes of their own (the CLI sets it),
   * not for a process that does other work too.
   */
  yieldPriority?: boolean;
  /** Called on errors that do not fail a job (views left for later, an assignment to retry). */
  onError?: (err: Error) => void;
  /** Called after each job with its outcome. */
  onJob?: (event: {
    id: number;
    articles: number;
    /** Articles of the job this worker stored. */
    stored: number;
    /** Analysed and handed on to the worker that assigns stories, which stores them. */
    handedOn?: boolean;
    ok: boolean;
    error?: string;
  }) => void;
}

export interface WorkerReport {
  jobs: number;
  failedJobs: number;
  articles: number;
  stored: number;
}

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

/** Analysed jobs the assigning worker takes into one write. */
const ASSIGN_JOBS = 8;
/**
 * Analysed jobs that may wait for assignment before the other workers stop analysing: analysing further
 * ahead gains nothing and takes processor time from the worker that assigns.
 */
const MAX_BACKLOG = 6;
/** Views jobs taken at once. */
const VIEW_JOBS = 20;
const BACKLOG_WAIT_MS = 50;
/** How often the assigning worker looks again for the job that holds up the queue order. */
const LEAD_WAIT_MS = 20;
/** How often the assigning worker sets aside jobs that failed too often. */
const REAP_EVERY_MS = 1000;
/** Views an idle worker rebuilds before looking at the queue again. */
const VIEWS_PER_JOB = 25;

/**
 * Takes ingest jobs from the queue until stopped. Analysis runs in parallel in every worker; story
 * assignment runs in one of them at a time, the one holding the lead lock: the others hand their analysed
 * jobs on through the queue and rebuild story views while it assigns. One assigner means no worker
 * replays the placements of the others and the stream is assigned in queue order. When the assigner dies,
 * the database releases its lock and the next worker to look takes the role over. Assignment itself is
 * still done under the store's exclusive lock after catching up with the log, so two processes that both
 * believe they lead (after a broken connection) stay correct, only slower.
 */
export async function runWorker(store: PostgresStore, opts: WorkerOptions = {}): Promise<WorkerReport> {
  const name = opts.name ?? `${hostname()}:${process.pid}`;
  const queue = new JobQueue(store, opts);
  const engine = new Engine(store, opts);
  const leaseMs = opts.leaseMs ?? 60_000;
  const report: WorkerReport = { jobs: 0, failedJobs: 0, articles: 0, stored: 0 };
  let lead: Leadership | undefined;
  let yielded = false;
  let reaped = 0;
  /**
   * Wall clock under `label`, processor time under `cpu label`: the gap is waiting (on the database, a lock
   * or other processes).
   */
  const since = (label: string, t: number, c: NodeJS.CpuUsage): void => {
    const timings = opts.timings;
    if (!timings) return;
    const used = process.cpuUsage(c);
    timings.set(label, (timings.get(label) ?? 0) + performance.now() - t);
    timings.set(`cpu ${label}`, (timings.get(`cpu ${label}`) ?? 0) + (used.user + used.system) / 1000);
  };
  const timed = async <T>(label: string, fn: () => T | Promise<T>): Promise<T> => {
    if (!opts.timings) return fn();
    const t = performance.now();
    const c = process.cpuUsage();
    try {
      return await fn();
    } finally {
      since(label, t, c);
    }
  };
  /**
   * Assigns analysed jobs handed on by others (and this worker's own, when given), in queue order. Jobs
   * that cannot be decoded or assigned go back to be analysed again, so one bad job blocks nothing.
   */
  const assignStaged = async (own?: {
    id: number;
    batch: AnalysedBatch;
  }): Promise<{ jobs: number; stored: string[] }> => {
    const staged = await timed('handover', () => queue.analysed(ASSIGN_JOBS));
    const jobs: Array<{ id: number; batch: AnalysedBatch }> = [];
    for (const j of staged) {
      try {
        jobs.push({ id: j.id, batch: decodeAnalysed(j.result) });
      } catch (err) {
        await queue.reanalyse([j.id], `unreadable analysis: ${(err as Error).message}`);
      }
    }
    if (own) jobs.push(own);
    if (jobs.length === 0) return { jobs: staged.length, stored: [] };
    jobs.sort((a, b) => a.id - b.id);
    try {
      const r = await timed('assign', () =>
        engine.assign(
          jobs.map((j) => j.batch),
          { completeJobs: jobs.map((j) => j.id), deferViews: true },
        ),
      );
      report.stored += r.stored.length;
      // Views due for a rebuild go out as a job, so that other workers rebuild each one once.
      if (r.deferredViews && r.deferredViews.length > 0)
        await queue.enqueueViews(r.deferredViews).catch((err: unknown) => opts.onError?.(err as Error));
      return { jobs: jobs.length, stored: r.stored };
    } catch (err) {
      const others = jobs.filter((j) => j.id !== own?.id).map((j) => j.id);
      await queue.reanalyse(others, `story assignment failed: ${(err as Error).message}`);
      throw err;
    }
  };
  try {
    while (!opts.signal?.aborted) {
      if (lead?.lost) {
        await lead.release();
        lead = undefined;
      }
      lead ??= await store.tryLead();
      if (!lead && !yielded && opts.yieldPriority) {
        // Assignment is the one serial step: a worker that does not assign gives way to the one that
        // does when they share a machine. (Lowering a priority needs no privileges; raising it again
        // would, so a worker that takes the role over later keeps the lower one.)
        yielded = true;
        try {
          setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
        } catch {
          // Not allowed here (some containers): the workers share the processors evenly instead.
        }
      }
      if (lead) {
        try {
          if ((await assignStaged()).jobs > 0) continue;
          // A job whose workers kept dying holds back the queue order until it is set aside.
          if (Date.now() - reaped > REAP_EVERY_MS) {
            reaped = Date.now();
            await queue.reapExhausted();
          }
        } catch (err) {
          opts.onError?.(err as Error);
          await sleep(opts.pollMs ?? 500, opts.signal);
          continue;
        }
      }
      // Ingest comes first everywhere: the assigner analyses when nothing waits for assignment and rebuilds
      // views last; the others rebuild views when nothing is left to analyse.
      let job: Job | undefined;
      const tc = performance.now();
      const cc = process.cpuUsage();
      const backlog = await queue.backlog();
      if (backlog.firstId !== undefined && (lead || backlog.jobs >= MAX_BACKLOG)) {
        // Analysed jobs wait for earlier ones. The assigner takes nothing else meanwhile (it would hold up
        // all of them), and the others stop analysing ahead, which would only take the cores assignment
        // needs; an earlier job nobody holds (its worker died) is taken by whoever sees it first.
        [job] = await queue.claim(name, 1, { only: 'ingest', beforeId: backlog.firstId });
        if (!job) {
          since('claim', tc, cc);
          await sleep(lead ? LEAD_WAIT_MS : BACKLOG_WAIT_MS, opts.signal);
          continue;
        }
      } else if (lead) {
        [job] = await queue.claim(name, 1, { only: 'ingest' });
        if (!job) [job] = await queue.claim(name, 1, { only: 'views' });
      } else {
        [job] = await queue.claim(name, 1, { prefer: 'ingest' });
      }
      since('claim', tc, cc);
      if (!job) {
        await queue.reapExhausted();
        const c = await queue.counts();
        const idle = c.queued === 0 && c.running === 0 && c.analysed === 0;
        // Once nothing is left to assign, the assigning worker completes the views of stories that grew
        // faster than they were rebuilt (one worker, so that no view is built twice). Not before: they
        // would be rebuilt again and again while stories still change.
        if (idle && lead && (await engine.catchUpViews({ limit: VIEWS_PER_JOB })) > 0) continue;
        if (idle && opts.exitWhenIdle) break;
        await sleep(opts.pollMs ?? 500, opts.signal);
        continue;
      }
      if (job.kind === 'views') {
        // Views jobs waiting together are taken together, so a story they share is rebuilt once.
        const jobs = [job, ...(await queue.claim(name, VIEW_JOBS - 1, { only: 'views' }))];
        const ids = [...new Set(jobs.flatMap((j) => j.views))];
        try {
          await timed('views', () => engine.rebuildStoredViews(ids, { dueOnly: true }));
          await queue.complete(jobs.map((j) => j.id));
        } catch (err) {
          for (const j of jobs) await queue.release(j.id, (err as Error).message ?? String(err)).catch(() => undefined);
          opts.onError?.(err as Error);
        }
        continue;
      }
      const beat = setInterval(
        () => void queue.heartbeat([job.id], name).catch(() => undefined),
        Math.max(1000, leaseMs / 3),
      );
      try {
        const known = await engine.storedIds(job.articles);
        const batch = await timed('analyse', () => engine.analyse(job.articles, { known }));
        let stored: number | undefined;
        if (lead && !lead.lost && (await queue.isNext(job.id))) {
          const own = new Set(batch.docs.map((d) => d.article.id));
          stored = (await assignStaged({ id: job.id, batch })).stored.filter((id) => own.has(id)).length;
        } else {
          await timed('handover', () => queue.stage(job.id, name, encodeAnalysed(batch)));
        }
        report.jobs++;
        report.articles += job.articles.length;
        opts.onJob?.({
          id: job.id,
          articles: job.articles.length,
          stored: stored ?? 0,
          handedOn: stored === undefined,
          ok: true,
        });
      } catch (err) {
        report.failedJobs++;
        const message = (err as Error).message ?? String(err);
        await queue.release(job.id, message).catch(() => undefined);
        opts.onJob?.({ id: job.id, articles: job.articles.length, stored: 0, ok: false, error: message });
      } finally {
        clearInterval(beat);
      }
    }
  } finally {
    await lead?.release().catch(() => undefined);
  }
  return report;
}
