import type { Article } from '../model.js';
import type { PostgresStore } from './postgres.js';
import { StoreError } from './types.js';

/** A unit of work: a few articles to analyse and store. */
export interface Job {
  id: number;
  articles: Article[];
  attempts: number;
}

export interface QueueCounts {
  queued: number;
  running: number;
  done: number;
  failed: number;
}

export interface QueueOptions {
  /** How long a claimed job stays with its worker without a heartbeat before others may take it. */
  leaseMs?: number;
  /** Claims after which a job that keeps failing (or killing its workers) is set aside as failed. */
  maxAttempts?: number;
}

/**
 * The ingest queue in PostgreSQL. Workers claim jobs with `FOR UPDATE SKIP LOCKED` under a lease; a job is
 * marked done in the same transaction that stores its articles, so a worker killed at any moment either
 * finished the job completely or left it to be claimed again when the lease runs out.
 */
export class JobQueue {
  private readonly leaseMs: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly store: PostgresStore,
    opts: QueueOptions = {},
  ) {
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.maxAttempts = opts.maxAttempts ?? 5;
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

  /** Claims up to `n` jobs: queued ones, or running ones whose lease expired (their worker died). */
  async claim(worker: string, n = 1): Promise<Job[]> {
    const { rows } = await this.store.query<{ id: string; payload: { articles: Article[] }; attempts: number }>(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, worker = $1,
              lease_until = now() + make_interval(secs => $2::double precision / 1000)
       WHERE id IN (
         SELECT id FROM jobs
         WHERE (status = 'queued' OR (status = 'running' AND lease_until < now())) AND attempts < $4
         ORDER BY id FOR UPDATE SKIP LOCKED LIMIT $3)
       RETURNING id, payload, attempts`,
      [worker, this.leaseMs, n, this.maxAttempts],
    );
    return rows.map((r) => ({ id: Number(r.id), articles: r.payload.articles, attempts: r.attempts }));
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
    const out: QueueCounts = { queued: 0, running: 0, done: 0, failed: 0 };
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
