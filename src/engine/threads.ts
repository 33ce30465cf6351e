/**
 * Analysis on several cores of one machine: a pool of `worker_threads` runs the per-article stages
 * (`Engine#analyse`) while the main thread assigns stories and writes, one batch at a time, in the order
 * the batches were read, so the stories and their ids are those of a one-thread run.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../model.js';
import type { StoryClustererOptions } from '../stories/index.js';
import type { AnalysedBatch } from './analysed.js';
import type { Engine, IngestReport } from './engine.js';

/** What each thread is started with. */
export interface ThreadData {
  clusterer?: Partial<StoryClustererOptions>;
  /** Send stage timings back with each batch. */
  timings?: boolean;
}

/** A batch to analyse, from the main thread to an analysis thread. */
export interface AnalysisRequest {
  id: number;
  articles: Article[];
  /** Articles already stored, to skip. */
  known: string[];
}

/**
 * An analysed batch or why the whole batch could not be analysed. The batch goes by structured clone,
 * tokens included: `encodeAnalysed` leaves them out, and without them assembling the new stories on the
 * assigning thread annotates the text again, which lengthened the serial step by about 70 % in measurement.
 */
export type AnalysisResponse =
  | { id: number; ok: true; batch: AnalysedBatch; timings?: Array<[string, number]> }
  | { id: number; ok: false; error: string };

export interface AnalysisPoolOptions {
  /** Analysis threads (at least 1). */
  threads: number;
  clusterer?: Partial<StoryClustererOptions>;
  /** Stage timings of the threads are added here when given (summed over threads: processor time). */
  timings?: Map<string, number>;
  /** Stops the threads; analyses not finished reject with an `AbortError`. */
  signal?: AbortSignal;
}

/** The thread count `--threads` asks for: a positive whole number, or `0` / `auto` for every core. */
export function parseThreads(value: string): number {
  const v = value.trim().toLowerCase();
  if (v === 'auto' || v === '0') return availableParallelism();
  const n = Number(v);
  if (v === '' || !Number.isInteger(n) || n < 0)
    throw new RangeError(`expected a whole number of threads, 0 or "auto", got "${value}"`);
  return n;
}

/**
 * Analysis threads for `--threads n`: one fewer than the cores, the main thread taking the last one. Story
 * assignment, assembly and the write take about 40 % of a one-thread run and stay on the main thread, so one
 * core is theirs; an analysis thread more than the cores left only competes with them (measured: slower on
 * two cores, see docs/performance.md).
 */
export function analysisThreads(cores: number): number {
  return Math.max(1, cores - 1);
}

/**
 * How to start a thread: the compiled `thread-entry.js` beside this file, or, under a TypeScript runner
 * (vitest, tsx), the `.ts` source through tsx's require hook. (Module hooks registered with `--import` do
 * not reach worker threads on Node 20; the require hook is per thread and works on every version.)
 */
function threadScript(): { script: string | URL; eval: boolean } {
  const self = import.meta.url;
  if (!new URL(self).pathname.endsWith('.ts')) return { script: new URL('./thread-entry.js', self), eval: false };
  const source = fileURLToPath(new URL('./thread-entry.ts', self));
  const tsx = createRequire(self).resolve('tsx/cjs/api');
  // Written to run as a script or as a module (the thread inherits `--input-type` from this process).
  const load = `const load = process.getBuiltinModule('node:module').createRequire(${JSON.stringify(source)});`;
  return { script: `${load} load(${JSON.stringify(tsx)}).register(); load(${JSON.stringify(source)});`, eval: true };
}

interface Task {
  request: AnalysisRequest;
  resolve: (b: AnalysedBatch) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Map<number, Task>;
}

/** Times an analysis thread may die and be replaced before the pool gives up on threads. */
const MAX_RESTARTS = 4;

function abortError(): Error {
  const e = new Error('analysis stopped');
  e.name = 'AbortError';
  return e;
}

/**
 * A fixed set of analysis threads. `analyse` hands a batch to the least busy thread; batches finish in
 * any order. A thread that dies fails the batches it held (the caller analyses those itself) and is
 * replaced. `close` (or the abort signal) terminates every thread.
 */
export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private restarts = 0;
  private closed = false;
  private readonly onAbort = (): void => void this.close();

  constructor(private readonly opts: AnalysisPoolOptions) {
    if (!Number.isInteger(opts.threads) || opts.threads < 1) throw new RangeError('an analysis pool needs 1+ threads');
    for (let i = 0; i < opts.threads; i++) this.slots.push(this.spawn());
    opts.signal?.addEventListener('abort', this.onAbort, { once: true });
    if (opts.signal?.aborted) void this.close();
  }

  /**
   * A pool that analyses as `engine` does: with its clusterer options (the features depend on them), its
   * stage timings collecting the threads' times.
   */
  static forEngine(engine: Engine, o: Omit<AnalysisPoolOptions, 'clusterer' | 'timings'>): AnalysisPool {
    // The engine keeps its options private; element access is TypeScript's sanctioned way in.
    const eo = engine['opts'];
    return new AnalysisPool({ ...o, clusterer: eo.clusterer, timings: eo.timings });
  }

  get size(): number {
    return this.slots.length;
  }

  /** Analyses a batch in a thread (see `Engine#analyse`); `known` are articles already stored. */
  analyse(articles: Article[], known: Set<string>): Promise<AnalysedBatch> {
    if (this.closed) return Promise.reject(abortError());
    // Every thread died and none may be started: the caller analyses the batch itself.
    if (this.slots.length === 0) return Promise.reject(new Error('no analysis thread left'));
    const slot = this.slots.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
    const request: AnalysisRequest = { id: this.nextId++, articles, known: [...known] };
    return new Promise<AnalysedBatch>((resolve, reject) => {
      slot.busy.set(request.id, { request, resolve, reject });
      slot.worker.postMessage(request);
    });
  }

  /** Terminates the threads; analyses not finished reject. Safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.opts.signal?.removeEventListener('abort', this.onAbort);
    const slots = this.slots.splice(0);
    for (const s of slots) for (const t of s.busy.values()) t.reject(abortError());
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => 0)));
  }

  private spawn(): Slot {
    const { script, eval: isEval } = threadScript();
    const data: ThreadData = { clusterer: this.opts.clusterer, timings: this.opts.timings !== undefined };
    const worker = new Worker(script, { workerData: data, eval: isEval });
    const slot: Slot = { worker, busy: new Map() };
    worker.on('message', (m: AnalysisResponse) => {
      const task = slot.busy.get(m.id);
      if (!task) return;
      slot.busy.delete(m.id);
      if (!m.ok) return task.reject(new Error(m.error));
      if (m.timings && this.opts.timings)
        for (const [k, v] of m.timings) this.opts.timings.set(k, (this.opts.timings.get(k) ?? 0) + v);
      task.resolve(m.batch);
    });
    const died = (err: Error): void => {
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      this.slots.splice(i, 1);
      for (const t of slot.busy.values()) t.reject(err);
      slot.busy.clear();
      void worker.terminate().catch(() => 0);
      if (!this.closed && this.restarts++ < MAX_RESTARTS) this.slots.push(this.spawn());
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`analysis thread exited with code ${code}`)));
    return slot;
  }
}

export interface ThreadedIngestOptions {
  /** Batches read ahead of the one being assigned (bounds memory; default 2). */
  ahead?: number;
  /** Articles per message to a thread (default 32): a batch is spread over every thread. */
  chunk?: number;
  signal?: AbortSignal;
}

/** The analysed chunks of one batch as the batch `Engine#analyse` would have returned. */
function merged(repeats: string[], parts: AnalysedBatch[]): AnalysedBatch {
  const out: AnalysedBatch = { docs: [], prepared: new Map(), duplicates: [...repeats], failures: [], tokens: 0 };
  for (const p of parts) {
    out.docs.push(...p.docs);
    for (const [k, v] of p.prepared) out.prepared.set(k, v);
    out.duplicates.push(...p.duplicates);
    out.failures.push(...p.failures);
    out.tokens += p.tokens;
  }
  return out;
}

interface Chunk {
  articles: Article[];
  known: Set<string>;
  analysed: Promise<AnalysedBatch>;
}

/**
 * Ingests batches with analysis on a pool of threads and assignment here, in the order `ingest` was
 * called: each batch is split into chunks analysed on every thread, put back together in input order and
 * assigned as `engine.ingest` would, so the stories and their ids are those of a one-thread run.
 * `ingest` resolves once the batch is handed out (assigning earlier ones while too many wait); `drain`
 * assigns the rest.
 */
export class ThreadedIngest {
  private readonly queue: Array<{ repeats: string[]; chunks: Chunk[] }> = [];
  private readonly ahead: number;
  private readonly chunk: number;

  constructor(
    private readonly engine: Engine,
    private readonly pool: AnalysisPool,
    private readonly onReport: (r: IngestReport) => void,
    private readonly opts: ThreadedIngestOptions = {},
  ) {
    this.ahead = Math.max(1, opts.ahead ?? 2);
    this.chunk = Math.max(1, opts.chunk ?? 32);
  }

  /** Hands a batch out for analysis; assigns the oldest batches while too many wait. */
  async ingest(articles: Article[]): Promise<void> {
    // Repeats within the batch are set aside here, as `analyse` does, so that chunks never share an id.
    const unique = new Map<string, Article>();
    const repeats: string[] = [];
    for (const a of articles) {
      if (unique.has(a.id)) repeats.push(a.id);
      else unique.set(a.id, a);
    }
    const list = [...unique.values()];
    const known = await this.engine.storedIds(list);
    const chunks: Chunk[] = [];
    for (let i = 0; i < list.length; i += this.chunk) {
      const part = list.slice(i, i + this.chunk);
      const analysed = this.pool.analyse(part, known);
      // Awaited when the batch's turn comes; this only keeps an early failure from going unhandled.
      analysed.catch(() => undefined);
      chunks.push({ articles: part, known, analysed });
    }
    this.queue.push({ repeats, chunks });
    while (this.queue.length > this.ahead) await this.assignNext();
  }

  /** Assigns every batch handed out, in order. */
  async drain(): Promise<void> {
    while (this.queue.length > 0) await this.assignNext();
  }

  private async assignNext(): Promise<void> {
    // Stopped: what is not stored yet stays unstored, as when a one-thread run is stopped between batches.
    if (this.opts.signal?.aborted) this.queue.splice(0);
    const next = this.queue.shift();
    if (!next) return;
    const parts: AnalysedBatch[] = [];
    for (const c of next.chunks) {
      try {
        parts.push(await c.analysed);
      } catch (err) {
        if (this.opts.signal?.aborted || (err as Error).name === 'AbortError') {
          this.queue.splice(0);
          return;
        }
        // The thread failed the whole chunk (it died, or its result could not be read): analyse it here,
        // so that a bad article costs only itself, as in a one-thread run.
        parts.push(this.engine.analyse(c.articles, { known: c.known }));
      }
    }
    this.onReport(await this.engine.assign([merged(next.repeats, parts)]));
  }
}
