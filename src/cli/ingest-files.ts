import cliProgress from 'cli-progress';
import type { Article } from '../model.js';
import { Engine, type IngestReport } from '../engine/engine.js';
import type { FieldMapping } from '../ingest/bulk.js';
import type { IngestFailure } from '../ingest/errors.js';
import { Fetcher } from '../ingest/fetch.js';
import { isUrl, readInputFile, readUrl, walkPaths } from '../ingest/files.js';
import { AnalysisPool, analysisThreads, ThreadedIngest } from '../engine/threads.js';

/** Where read articles go: an engine (which completes lagging story views at the end) or a queue. */
export type ArticleSink = Pick<Engine, 'ingest'> & Partial<Pick<Engine, 'refresh'>>;

export interface FileIngestOptions {
  maxBytes?: number;
  /** Articles written per transaction. */
  batchSize?: number;
  /** Show a progress bar (only honoured when stderr is a terminal). */
  progress?: boolean;
  /** Called with each failed input as soon as it is known. */
  onFailure?: (f: IngestFailure) => void;
  /** Which fields of bulk records (JSONL, JSON, CSV) hold the text and metadata. */
  mapping?: FieldMapping;
  /** Fetches the pages of link-only feed items. */
  fetcher?: Fetcher;
  signal?: AbortSignal;
  /**
   * Cores to use (default 1): above 1, articles are analysed in `worker_threads` (one fewer than this)
   * while this thread assigns stories and writes, batch by batch in input order (the same stories as one
   * thread). Needs an `Engine` as the sink.
   */
  threads?: number;
}

export interface FileIngestResult extends IngestReport {
  /** Every article read from the inputs, including those already stored. */
  articleIds: string[];
  files: number;
}

let cliMapping: FieldMapping = {};

/** Field mapping given on the command line; used by `ingestPaths` calls that pass none. */
export function setDefaultFieldMapping(mapping: FieldMapping): void {
  cliMapping = { ...mapping };
}

/** Reads files and directories (text, HTML, feeds, bulk records) and feeds them to the engine in batches. */
export async function ingestPaths(
  engine: ArticleSink,
  paths: string[],
  opts: FileIngestOptions = {},
): Promise<FileIngestResult> {
  const files: string[] = [];
  const failures: IngestFailure[] = [];
  const fail = (f: IngestFailure): void => {
    failures.push(f);
    opts.onFailure?.(f);
  };
  // Web addresses (feeds or pages) are read in place of files.
  for await (const item of walkPaths(paths.filter((p) => !isUrl(p)))) {
    if ('failure' in item) fail(item.failure);
    else files.push(item.path);
  }
  files.push(...paths.filter(isUrl));
  const hasBulk = files.some((f) => /\.(?:jsonl|ndjson|json|csv)$/i.test(f));
  const showBar = (opts.progress ?? true) && process.stderr.isTTY === true && (files.length > 5 || hasBulk);
  const bar = showBar
    ? new cliProgress.SingleBar(
        {
          format:
            'ingest [{bar}] {value}/{total} files | {articles} articles | {rate} articles/s | eta {eta_formatted}',
          stream: process.stderr,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const started = Date.now();
  bar?.start(files.length, 0, { rate: '0', articles: 0 });
  const result: FileIngestResult = {
    stored: [],
    duplicates: [],
    failures,
    stories: [],
    tokens: 0,
    articleIds: [],
    files: files.length,
  };
  const batchSize = opts.batchSize ?? 500;
  const mapping = opts.mapping ?? cliMapping;
  // Used only for URLs and link-only feed items; nothing touches the network otherwise.
  const fetcher = opts.fetcher ?? new Fetcher({ maxBytes: opts.maxBytes });
  let batch: Article[] = [];
  let done = 0;
  let articles = 0;
  const stories = new Set<string>();
  const tick = (): void => {
    bar?.update(done, { articles, rate: (articles / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0) });
  };
  const record = (report: IngestReport): void => {
    result.stored.push(...report.stored);
    result.duplicates.push(...report.duplicates);
    result.tokens += report.tokens;
    for (const f of report.failures) fail(f);
    for (const s of report.stories) stories.add(s);
    tick();
  };
  let pool: AnalysisPool | undefined;
  let threaded: ThreadedIngest | undefined;
  if ((opts.threads ?? 1) > 1) {
    if (!(engine instanceof Engine))
      throw new Error('analysis threads need an engine that stores the articles (not a queue)');
    pool = AnalysisPool.forEngine(engine, { threads: analysisThreads(opts.threads ?? 1), signal: opts.signal });
    threaded = new ThreadedIngest(engine, pool, record, { signal: opts.signal });
  }
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const articles = batch;
    batch = [];
    if (threaded) await threaded.ingest(articles);
    else record(await engine.ingest(articles));
  };
  try {
    for (const path of files) {
      if (opts.signal?.aborted) break;
      const reads = isUrl(path)
        ? readUrl(path, fetcher, { signal: opts.signal })
        : readInputFile(path, { ...mapping, maxBytes: opts.maxBytes, fetcher, signal: opts.signal });
      for await (const read of reads) {
        if (read.ok) {
          batch.push(read.article);
          result.articleIds.push(read.article.id);
          articles++;
        } else {
          fail(read.failure);
        }
        if (batch.length >= batchSize) await flush();
      }
      done++;
      tick();
    }
    await flush();
    await threaded?.drain();
  } finally {
    await pool?.close();
    bar?.stop();
  }
  // Large stories' views may lag their members during a run; a finished run leaves them complete.
  if (!opts.signal?.aborted && engine.refresh) await engine.refresh();
  result.stories = [...stories];
  return result;
}
