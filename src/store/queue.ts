import type { Article } from '../model.js';
import type { PostgresStore } from './postgres.js';
import { StoreError } from './types.js';

/**
 * A unit of work: a few articles to analyse and store (`ingest`), or story views to rebuild (`views`),
 * which the worker that assigns stories hands out so that the others rebuild each view once.
 */
export interface Job {
  id: number;
  kind: JobKind;
  articles: Article[];
  /** Stories whose views to rebuild (`views` jobs). */
  views: string[];
  attempts: number;
}

export type JobKind = 'ingest' | 'views';

export interface QueueCounts {
  queued: number;
  running: number;
  /** Analysed by a worker, waiting for story assignment. */
  analysed: number;
  done: number;
  failed: number;
}

export interface QueueOptions {
  /** How long a claimed job stays with its worker without a heartbeat before others may take it. */
  leaseMs?: number;
  /** Claims after which a job that keeps failing (or killing its workers) is set aside as failed. */
  maxAttempts?: number;
  /**
   * How long a views job waits before it is taken: the stories of a busy event change with every batch,
   * and the rebuilds queued for one story meanwhile collapse into the first one taken after the wait.
   */
  viewDelayMs?: number;
}

/**
 * The ingest queue in PostgreSQL. Workers claim jobs with `FOR UPDATE SKIP LOCKED` under a lease; a job is
 * marked done in the same transaction that stores its articles, so a worker killed at any moment either
 * finished the job completely or left it to be claimed again when the lease runs out.
 */
export class JobQueue {
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly viewDelayMs: number;

  constructor(
    private readonly store: PostgresStore,
    opts: QueueOptions = {},
  ) {
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.maxAttempts = opts.maxAttempts ?? 5;
    this.viewDelayMs = opts.viewDelayMs ?? 10_000;
  }

  /** Adds articles to the queue, `perJob` to a job. Returns the job ids. */
  async enqueue(articles: Article[], perJob = 25): Promise<number[]> {
    if (articles.length === 0) return [];
    const payloads: string[] = [];
    for (let i = 0; i < articles.length; i += perJob)
      payloads.push(JSON.stringify({ articles: articles.slice(i, i + perJob) }));
    const { rows } = await this.store.query<{ id: string }>(
      'INSERT INTO jobs (payload) SELECT unnest($1::jsonb[]) RETURNING id',
      [payloads],
    );
    return rows.map((r) => Number(r.id));
  }

  /** Queues the rebuild of these stories' views as one job. */
  async enqueueViews(storyIds: string[]): Promise<number | undefined> {
    if (storyIds.length === 0) return undefined;
    const { rows } = await this.store.query<{ id: string }>(
      `INSERT INTO jobs (kind, payload) VALUES ('views', $1) RETURNING id`,
      [JSON.stringify({ views: storyIds })],
    );
    return Number(rows[0].id);
  }

  /**
   * Claims up to `n` jobs: queued ones, or running ones whose lease expired (their worker died), oldest
   * first. `prefer` puts jobs of that kind first; `only` takes no other kind; `beforeId` only jobs queued
   * before that one.
   */
  async claim(
    worker: string,
    n = 1,
    opts: { prefer?: JobKind; only?: JobKind; beforeId?: number } = {},
  ): Promise<Job[]> {
    const kinds = opts.only ? [opts.only] : ['ingest', 'views'];
    const { rows } = await this.store.query<{
      id: string;
      kind: JobKind;
      payload: { articles?: Article[]; views?: string[] };
      attempts: number;
    }>(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, worker = $1,
              lease_until = now() + make_interval(secs => $2::double precision / 1000)
       WHERE id IN (
         SELECT id FROM jobs
         WHERE (status = 'queued' OR (status = 'running' AND lease_until < now())) AND attempts < $4
           AND kind = ANY($5::text[])
           AND (kind <> 'views' OR created_at < now() - make_interval(secs => $7::double precision / 1000))
           AND id < $8
         ORDER BY (kind = $6) DESC, id FOR UPDATE SKIP LOCKED LIMIT $3)
       RETURNING id, kind, payload, attempts`,
      [
        worker,
        this.leaseMs,
        n,
        this.maxAttempts,
        kinds,
        opts.prefer ?? 'ingest',
        this.viewDelayMs,
        opts.beforeId ?? Number.MAX_SAFE_INTEGER,
      ],
    );
    return rows
      .map((r) => ({
        id: Number(r.id),
        kind: r.kind,
        articles: r.payload.articles ?? [],
        views: r.payload.views ?? [],
        attempts: r.attempts,
      }))
      .sort((a, b) => a.id - b.id);
  }

  /** Marks jobs done that store nothing themselves (views rebuilt). */
  async complete(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.store.query(
      `UPDATE jobs SET status = 'done', finished_at = now(), lease_until = NULL, result = NULL
       WHERE id = ANY($1) AND status = 'running'`,
      [ids],
    );
  }

  /** Keeps the lease of jobs still being worked on. */
  async heartbeat(ids: number[], worker: string): Promise<void> {
    if (ids.length === 0) return;
    await this.store.query(
      `UPDATE jobs SET lease_until = now() + make_interval(secs => $2::double precision / 1000)
       WHERE id = ANY($1) AND status = 'running' AND worker = $3`,
      [ids, this.leaseMs, worker],
    );
  }

  /**
   * Hands an analysed job on to story assignment with its result. False when the job is no longer this
   * worker's (its lease ran out and another took it): the other worker's result counts.
   */
  async stage(id: number, worker: string, result: string): Promise<boolean> {
    const r = await this.store.query(
      `UPDATE jobs SET status = 'analysed', result = $3, lease_until = NULL
       WHERE id = $1 AND status = 'running' AND worker = $2`,
      [id, worker, result],
    );
    return (r.rowCount ?? 0) > 0;
  }

  /**
   * Analysed jobs ready for story assignment, with their results: those before the first ingest job still
   * queued or being analysed, so that stories are assigned in queue order whichever worker finished first.
   */
  async analysed(limit: number): Promise<Array<{ id: number; result: string }>> {
    const { rows } = await this.store.query<{ id: string; result: string }>(
      `SELECT id, result FROM jobs
       WHERE status = 'analysed'
         AND id < coalesce((SELECT min(id) FROM jobs WHERE status IN ('queued', 'running') AND kind = 'ingest'), 'infinity'::numeric)
       ORDER BY id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ id: Number(r.id), result: r.result }));
  }

  /** Analysed jobs waiting for story assignment: how many, and the first one's id. */
  async backlog(): Promise<{ jobs: number; firstId?: number }> {
    const { rows } = await this.store.query<{ n: string; first: string | null }>(
      `SELECT count(*) AS n, min(id) AS first FROM jobs WHERE status = 'analysed'`,
    );
    const first = rows[0].first;
    return { jobs: Number(rows[0].n), ...(first !== null ? { firstId: Number(first) } : {}) };
  }

  /** Whether every ingest job before `id` is analysed or finished (so `id` is next in queue order). */
  async isNext(id: number): Promise<boolean> {
    const { rows } = await this.store.query<{ n: string }>(
      `SELECT count(*) AS n FROM jobs WHERE id < $1 AND status IN ('queued', 'running') AND kind = 'ingest'`,
      [id],
    );
    return Number(rows[0].n) === 0;
  }

  /**
   * Sends analysed jobs whose assignment failed back to be analysed again, or to failed after too many
   * attempts, so a job that cannot be assigned never blocks the ones behind it.
   */
  async reanalyse(ids: number[], error: string): Promise<void> {
    if (ids.length === 0) return;
    await this.store.query(
      `UPDATE jobs SET status = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'queued' END, result = NULL,
              error = $2, finished_at = CASE WHEN attempts >= $3 THEN now() END
       WHERE id = ANY($1) AND status = 'analysed'`,
      [ids, error.slice(0, 2000), this.maxAttempts],
    );
  }

  /** Gives a job back after an error: queued again, or failed for good after too many attempts. */
  async release(id: number, error: string): Promise<void> {
    await this.store.query(
      `UPDATE jobs SET status = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'queued' END,
              error = $2, lease_until = NULL, finished_at = CASE WHEN attempts >= $3 THEN now() END
       WHERE id = $1 AND status = 'running'`,
      [id, error.slice(0, 2000), this.maxAttempts],
    );
  }

  /** Jobs whose lease expired after their last allowed attempt are failed, not retried forever. */
  async reapExhausted(): Promise<number> {
    const r = await this.store.query(
      `UPDATE jobs SET status = 'failed', error = coalesce(error, 'worker lost too many times'), finished_at = now()
       WHERE status = 'running' AND lease_until < now() AND attempts >= $1`,
      [this.maxAttempts],
    );
    return r.rowCount ?? 0;
  }

  async counts(): Promise<QueueCounts> {
    const { rows } = await this.store.query<{ status: keyof QueueCounts; n: string }>(
      'SELECT status, COUNT(*) AS n FROM jobs GROUP BY status',
    );
    const out: QueueCounts = { queued: 0, running: 0, analysed: 0, done: 0, failed: 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }
}

/** Only a server database can hold a queue shared by several workers. */
export function requirePostgres(store: { kind: string }): asserts store is PostgresStore {
  if (store.kind !== 'postgres') {
    throw new StoreError('queues and workers need a PostgreSQL database: pass --db postgres://… or set STORYLINE_DB');
  }
}
