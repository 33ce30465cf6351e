import pg from 'pg';
import { batchRules } from '../batch.js';
import { ChangeWatches } from '../changes.js';
import { runAsync } from '../dialect.js';
import { DialectReads } from '../reads.js';
import { type Batch, type BatchResult, type Store, StoreError } from '../types.js';
import { PgDialect, type Run } from './dialect.js';
import { CHANGE_CHANNEL, LOCKS, MIGRATIONS } from './schema.js';

/** Errors worth retrying: serialisation/deadlock conflicts and a server that went away or is starting. */
export function isTransient(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return (
    code === '40001' ||
    code === '40P01' ||
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03' ||
    code.startsWith('08') ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    /Connection terminated|terminating connection|the database system is (starting up|shutting down)|Client has encountered a connection error/i.test(
      (err as Error).message ?? '',
    )
  );
}

const ignoreError = (): void => undefined;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The role taken by `PostgresStore.tryLead`, until released or until its connection is lost. */
export interface Leadership {
  readonly lost: boolean;
  release(): Promise<void>;
}

export interface PostgresStoreOptions {
  /** Connections in the pool. */
  poolSize?: number;
  /** How long to keep retrying a transient failure (a restarting server), in milliseconds. */
  retryForMs?: number;
}

/** Writes a batch inside the open transaction of `c` (workers add their own steps to the same transaction). */
function commitIn(c: pg.PoolClient, knownPartitions: Set<string>, batch: Batch): Promise<BatchResult> {
  return runAsync(batchRules(new PgDialect((sql, params) => c.query(sql, params ?? []), knownPartitions), batch));
}

/** The shared store for teams: PostgreSQL with month partitions, tsvector search and a job queue. */
export class PostgresStore extends DialectReads {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  private readonly retryForMs: number;
  /** Month partitions known to exist, shared with the transactions of `exclusive` sections. */
  private readonly knownPartitions = new Set<string>();
  /** Reads on the pool, each statement retried on transient failures. */
  protected readonly dialect: PgDialect;

  private constructor(
    private readonly url: string,
    opts: PostgresStoreOptions,
  ) {
    super();
    const run: Run = (sql, params) => this.query(sql, params ?? []);
    this.dialect = new PgDialect(run, this.knownPartitions);
    this.pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 4 });
    // An idle client losing its server must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.retryForMs = opts.retryForMs ?? 60_000;
  }

  static async open(url: string, opts: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const store = new PostgresStore(url, opts);
    try {
      await store.migrate();
    } catch (err) {
      await store.pool.end().catch(() => undefined);
      throw new StoreError(`cannot open PostgreSQL database: ${(err as Error).message}`, { cause: err });
    }
    return store;
  }

  /** Runs `fn` in a transaction, retrying the whole transaction on transient failures. */
  async tx<T>(fn: (client: pg.PoolClient) => Promise<T>, isolation = 'READ COMMITTED'): Promise<T> {
    const deadline = Date.now() + this.retryForMs;
    for (let attempt = 0; ; attempt++) {
      let client: pg.PoolClient | undefined;
      try {
        client = await this.pool.connect();
        // A server that goes away between statements must surface as a failed query, not a crash.
        client.on('error', ignoreError);
        await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
        const result = await fn(client);
        await client.query('COMMIT');
        client.off('error', ignoreError);
        client.release();
        return result;
      } catch (err) {
        if (client) {
          await client.query('ROLLBACK').catch(() => undefined);
          client.off('error', ignoreError);
          // A broken connection must not go back to the pool.
          client.release(isTransient(err) ? (err as Error) : undefined);
        }
        if (!isTransient(err) || Date.now() > deadline) throw err;
        await sleep(Math.min(2000, 50 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random()));
      }
    }
  }

  /**
   * Tries to take a lock held for as long as this process keeps a connection: the role of the one process
   * that assigns stories for all workers. The database releases it when the process dies or its
   * connection breaks, so another process can take the role over. Returns undefined when another holds it.
   */
  async tryLead(): Promise<Leadership | undefined> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      if (isTransient(err)) return undefined;
      throw err;
    }
    const state = { lost: false };
    const onError = (): void => {
      state.lost = true;
    };
    client.on('error', onError);
    try {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [LOCKS.lead]);
      if (!rows[0]?.ok) {
        client.off('error', onError);
        client.release();
        return undefined;
      }
    } catch (err) {
      client.off('error', onError);
      client.release(err as Error);
      if (isTransient(err)) return undefined;
      throw err;
    }
    return {
      get lost() {
        return state.lost;
      },
      release: async () => {
        if (!state.lost) await client.query('SELECT pg_advisory_unlock($1)', [LOCKS.lead]).catch(onError);
        client.off('error', onError);
        client.release(state.lost ? new Error('connection lost') : undefined);
      },
    };
  }

  /** A single statement with the same retry rule. */
  async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    const deadline = Date.now() + this.retryForMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.pool.query<R>(sql, params);
      } catch (err) {
        if (!isTransient(err) || Date.now() > deadline) throw err;
        await sleep(Math.min(2000, 50 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random()));
      }
    }
  }

  private async migrate(): Promise<void> {
    await this.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.migrate]);
      await c.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      const { rows } = await c.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
      const current = rows[0]?.v ?? 0;
      if (current > MIGRATIONS.length) {
        throw new StoreError(
          `database schema version ${current} is newer than this Storyline (${MIGRATIONS.length}); upgrade Storyline`,
        );
      }
      for (let v = current; v < MIGRATIONS.length; v++) {
        await c.query(MIGRATIONS[v]);
        await c.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
      }
    });
  }

  /** Writes a batch inside an open transaction (workers add their own steps to the same transaction). */
  commitIn(c: pg.PoolClient, batch: Batch): Promise<BatchResult> {
    return commitIn(c, this.knownPartitions, batch);
  }

  async commit(batch: Batch): Promise<BatchResult> {
    try {
      return await this.tx((c) => this.commitIn(c, batch));
    } catch (err) {
      if (err instanceof StoreError) throw err;
      throw new StoreError(`could not write the batch (nothing was stored): ${(err as Error).message}`, { cause: err });
    }
  }

  async exclusive<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return this.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.assign]);
      return fn(new PgTransactionView(c, this.knownPartitions));
    });
  }

  private readonly watches = new ChangeWatches();

  /**
   * LISTENs on a connection of its own for the notice every commit sends. A lost connection is reopened
   * after a second, and reported as a change since notices may have been missed meanwhile.
   */
  watchChanges(onChange: () => void): () => void {
    let stopped = false;
    let client: pg.Client | undefined;
    let retry: NodeJS.Timeout | undefined;
    const connect = async (): Promise<void> => {
      const c = new pg.Client({ connectionString: this.url });
      client = c;
      c.on('error', () => reopen(c));
      c.on('notification', (n) => {
        if (n.channel === CHANGE_CHANNEL) onChange();
      });
      try {
        await c.connect();
        await c.query(`LISTEN ${CHANGE_CHANNEL}`);
        if (stopped) await c.end();
      } catch {
        reopen(c);
      }
    };
    const reopen = (c: pg.Client): void => {
      if (stopped || client !== c) return;
      client = undefined;
      c.end().catch(() => undefined);
      retry = setTimeout(() => {
        if (stopped) return;
        onChange();
        void connect();
      }, 1000);
      retry.unref();
    };
    void connect();
    return this.watches.add(() => {
      stopped = true;
      clearTimeout(retry);
      client?.end().catch(() => undefined);
    });
  }

  async close(): Promise<void> {
    this.watches.stopAll();
    await this.pool.end();
  }
}

/** The store as seen from inside an exclusive section: every statement runs in its transaction. */
class PgTransactionView extends DialectReads {
  readonly kind = 'postgres' as const;
  protected readonly dialect: PgDialect;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly knownPartitions: Set<string>,
  ) {
    super();
    this.dialect = new PgDialect((sql, params) => client.query(sql, params ?? []), knownPartitions);
  }

  commit(batch: Batch): Promise<BatchResult> {
    return commitIn(this.client, this.knownPartitions, batch);
  }

  exclusive<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return fn(this);
  }

  /** Watching belongs to the owning store; a transaction sees no other commits. */
  watchChanges(): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {
    // The owning store closes the pool.
  }
}
