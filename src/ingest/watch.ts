import { watch as chokidarWatch } from 'chokidar';
import { basename, resolve } from 'node:path';
import type { Article } from '../model.js';
import type { Engine } from '../engine/engine.js';
import type { FieldMapping } from './bulk.js';
import { IngestError, type IngestFailure } from './errors.js';
import { decodeFeedBytes, feedArticles, readFeedChunks } from './feeds.js';
import { systemClock, type Clock, type Fetcher } from './fetch.js';
import { readInputFile } from './files.js';
import { LoopTurns } from './turn.js';

/** What is remembered about a feed between polls (kept in the store's state table). */
export interface FeedState {
  etag?: string;
  lastModified?: string;
  /** GUIDs/URLs of items already handled, most recent last (capped). */
  seen: string[];
  /** Consecutive failed polls: drives the backoff. */
  failures: number;
  lastError?: string;
  lastPolled?: string;
}

export interface FeedPollResult {
  feed: string;
  status: 'updated' | 'not-modified' | 'error';
  /** Articles newly stored. */
  stored: string[];
  /** Items read (new to this feed), whether or not their content was already stored. */
  items: number;
  failures: IngestFailure[];
  /** When to poll this feed again, ms from now. */
  nextDelayMs: number;
  error?: string;
}

export interface FeedWatchOptions {
  /** Poll interval in ms. Default 300 000 (5 minutes). */
  intervalMs?: number;
  /** Longest wait after repeated errors, ms. Default 6 hours. */
  maxBackoffMs?: number;
  /** GUIDs remembered per feed. Default 5 000. */
  seenCap?: number;
  batchSize?: number;
  clock?: Clock;
  /** Random source in [0, 1) for jitter; injectable for tests. */
  random?: () => number;
  onPoll?: (r: FeedPollResult) => void;
  onFailure?: (f: IngestFailure) => void;
}

const STATE_PREFIX = 'feed:';

/** Exponential backoff with jitter: interval × 2^failures, capped, scaled by a random factor in [0.75, 1.25). */
export function backoffDelay(
  failures: number,
  intervalMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const base = failures <= 0 ? intervalMs : Math.min(maxMs, intervalMs * 2 ** Math.min(failures, 30));
  const jitter = failures <= 0 ? 0.9 + 0.2 * random() : 0.75 + 0.5 * random();
  return Math.max(1, Math.round(Math.min(maxMs, base * jitter)));
}

/** Polls feeds with conditional GETs, remembering validators and seen items in the store. */
export class FeedPoller {
  private readonly intervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly clock: Clock;
  private readonly random: () => number;

  constructor(
    private readonly engine: Engine,
    private readonly fetcher: Fetcher,
    private readonly opts: FeedWatchOptions = {},
  ) {
    this.intervalMs = opts.intervalMs ?? 300_000;
    this.maxBackoffMs = opts.maxBackoffMs ?? 6 * 3600_000;
    this.clock = opts.clock ?? fetcher.clock ?? systemClock;
    this.random = opts.random ?? Math.random;
  }

  async loadState(url: string): Promise<FeedState> {
    const raw = await this.engine.store.getState(STATE_PREFIX + url);
    if (raw) {
      try {
        const s = JSON.parse(raw) as FeedState;
        return { ...s, seen: Array.isArray(s.seen) ? s.seen : [], failures: s.failures ?? 0 };
      } catch {
        // A corrupt state entry only costs one unconditional poll.
      }
    }
    return { seen: [], failures: 0 };
  }

  private async saveState(url: string, state: FeedState): Promise<void> {
    await this.engine.store.commit({
      articles: [],
      stories: [],
      state: { [STATE_PREFIX + url]: JSON.stringify(state) },
    });
  }

  /** One poll of one feed. Never throws: errors come back in the result and raise the backoff. */
  async poll(url: string, signal?: AbortSignal): Promise<FeedPollResult> {
    const state = await this.loadState(url);
    const result: FeedPollResult = { feed: url, status: 'updated', stored: [], items: 0, failures: [], nextDelayMs: 0 };
    state.lastPolled = new Date(this.clock.now()).toISOString();
    try {
      const res = await this.fetcher.get(url, {
        etag: state.etag,
        lastModified: state.lastModified,
        signal,
        accept:
          'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
      });
      if (res.notModified) {
        result.status = 'not-modified';
      } else {
        const feed = readFeedChunks(decodeFeedBytes(res.body, res.charset));
        const seen = new Set(state.seen);
        let batch: Article[] = [];
        const flush = async (): Promise<void> => {
          if (batch.length === 0) return;
          const report = await this.engine.ingest(batch);
          result.stored.push(...report.stored);
          for (const f of report.failures) this.fail(result, f);
          batch = [];
        };
        for await (const r of feedArticles(feed, url, { fetcher: this.fetcher, seen, signal })) {
          result.items++;
          if (r.ok) batch.push(r.article);
          else this.fail(result, r.failure);
          if (batch.length >= (this.opts.batchSize ?? 100)) await flush();
        }
        await flush();
        if (result.stored.length > 0) await this.engine.refresh();
        state.seen = [...seen].slice(-(this.opts.seenCap ?? 5000));
        // Validators are kept only after the items were stored, so a crash means a full re-poll, not a loss.
        state.etag = res.etag;
        state.lastModified = res.lastModified;
      }
      state.failures = 0;
      delete state.lastError;
    } catch (err) {
      const e = err instanceof IngestError ? err : new IngestError('unreadable', (err as Error).message);
      state.failures++;
      state.lastError = e.message;
      result.status = 'error';
      result.error = e.message;
      this.fail(result, { path: url, kind: e.kind, reason: e.message });
    }
    result.nextDelayMs = backoffDelay(state.failures, this.intervalMs, this.maxBackoffMs, this.random);
    await this.saveState(url, state);
    this.opts.onPoll?.(result);
    return result;
  }

  private fail(result: FeedPollResult, f: IngestFailure): void {
    result.failures.push(f);
    this.opts.onFailure?.(f);
  }

  /**
   * Polls each feed on its own schedule until the signal aborts (or once each with `once`).
   * Feeds are polled one at a time so that per-host spacing and memory stay predictable.
   */
  async run(urls: string[], opts: { signal?: AbortSignal; once?: boolean } = {}): Promise<FeedPollResult[]> {
    const results: FeedPollResult[] = [];
    if (opts.once) {
      for (const url of urls) {
        if (opts.signal?.aborted) break;
        results.push(await this.poll(url, opts.signal));
      }
      return results;
    }
    const due = new Map(urls.map((u) => [u, this.clock.now()]));
    while (!opts.signal?.aborted && due.size > 0) {
      let next = urls[0];
      for (const [u, at] of due) if (at < (due.get(next) ?? Infinity)) next = u;
      const wait = (due.get(next) ?? 0) - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait, opts.signal);
      if (opts.signal?.aborted) break;
      const r = await this.poll(next, opts.signal);
      results.push(r);
      if (results.length > 1000) results.shift();
      due.set(next, this.clock.now() + r.nextDelayMs);
    }
    return results;
  }
}

export interface FolderWatchOptions extends FieldMapping {
  signal?: AbortSignal;
  /** Ms a file's size must stay unchanged before it is read. Default 500. */
  stabilityMs?: number;
  /** Use polling (network file systems, some containers). */
  usePolling?: boolean;
  maxBytes?: number;
  batchSize?: number;
  fetcher?: Fetcher;
  /** Called after each file is ingested. */
  onFile?: (path: string, stored: string[], failures: IngestFailure[]) => void;
  onFailure?: (f: IngestFailure) => void;
  /** Called once the initial scan is done and new files will be noticed. */
  onReady?: () => void;
}

function ignoredName(path: string): boolean {
  const name = basename(path);
  return (
    name.startsWith('.') ||
    /\.(?:db|db-wal|db-shm|db-journal|md|tmp|part|crdownload|swp)$/i.test(name) ||
    name.endsWith('~')
  );
}

/**
 * Watches folders and ingests text, HTML, feed and bulk files as they appear or change (after their
 * size has settled). Existing files are read first; content already stored is recognised by its hash.
 * Resolves when the signal aborts.
 */
export async function watchFolders(engine: Engine, dirs: string[], opts: FolderWatchOptions = {}): Promise<void> {
  const roots = new Set(dirs.map((d) => resolve(d)));
  const queue: string[] = [];
  const queued = new Set<string>();
  let wake: (() => void) | undefined;
  const watcher = chokidarWatch(dirs, {
    ignoreInitial: false,
    persistent: true,
    usePolling: opts.usePolling ?? false,
    interval: 200,
    awaitWriteFinish: { stabilityThreshold: opts.stabilityMs ?? 500, pollInterval: 100 },
    // Hidden folders (.git, .cache) are skipped whole; other names are judged once known to be files.
    ignored: (p: string, stats?: { isFile(): boolean }) =>
      (!roots.has(resolve(p)) && basename(p).startsWith('.')) || (!!stats?.isFile() && ignoredName(p)),
  });
  const enqueue = (p: string): void => {
    if (ignoredName(p) || queued.has(p)) return;
    queued.add(p);
    queue.push(p);
    wake?.();
  };
  watcher.on('add', enqueue);
  watcher.on('change', enqueue);
  watcher.on('error', (err) =>
    opts.onFailure?.({ path: dirs.join(', '), kind: 'unreadable', reason: `watch error: ${(err as Error).message}` }),
  );
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  const stopped = new Promise<void>((resolve) => {
    if (opts.signal?.aborted) resolve();
    opts.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  let announced = false;
  try {
    await Promise.race([ready, stopped]);
    while (!opts.signal?.aborted) {
      const path = queue.shift();
      if (!path) {
        // Nothing waiting: complete the views of stories that grew faster than they were rebuilt.
        await engine.refresh();
        if (!announced) {
          announced = true;
          opts.onReady?.();
        }
        await Promise.race([new Promise<void>((r) => (wake = r)), stopped]);
        wake = undefined;
        continue;
      }
      queued.delete(path);
      await ingestOneFile(engine, path, opts);
    }
  } finally {
    await watcher.close();
  }
}

async function ingestOneFile(engine: Engine, path: string, opts: FolderWatchOptions): Promise<void> {
  const stored: string[] = [];
  const failures: IngestFailure[] = [];
  const fail = (f: IngestFailure): void => {
    failures.push(f);
    opts.onFailure?.(f);
  };
  let batch: Article[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    try {
      const report = await engine.ingest(batch);
      stored.push(...report.stored);
      report.failures.forEach(fail);
    } catch (err) {
      fail({ path, kind: 'unreadable', reason: `could not store: ${(err as Error).message}` });
    }
    batch = [];
  };
  const turns = new LoopTurns();
  for await (const r of readInputFile(path, { ...opts, signal: opts.signal })) {
    // Signals are handled only when the event loop turns: let it, between records.
    await turns.maybe();
    // Stopping: articles read but not stored are read again on the next start (stored ones are known by hash).
    if (opts.signal?.aborted) return;
    if (r.ok) batch.push(r.article);
    else fail(r.failure);
    if (batch.length >= (opts.batchSize ?? 500)) await flush();
  }
  if (opts.signal?.aborted) return;
  await flush();
  opts.onFile?.(path, stored, failures);
}
