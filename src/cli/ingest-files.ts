import cliProgress from 'cli-progress';
import type { Article } from '../model.js';
import { Engine, type IngestReport } from '../engine/engine.js';
import type { IngestFailure } from '../ingest/errors.js';
import { readArticleFile, walkPaths } from '../ingest/files.js';

export interface FileIngestOptions {
  maxBytes?: number;
  /** Articles written per transaction. */
  batchSize?: number;
  /** Show a progress bar (only honoured when stderr is a terminal). */
  progress?: boolean;
  /** Called with each failed input as soon as it is known. */
  onFailure?: (f: IngestFailure) => void;
}

export interface FileIngestResult extends IngestReport {
  /** Every article read from the inputs, including those already stored. */
  articleIds: string[];
  files: number;
}

/** Reads files and directories and feeds them to the engine in batches. */
export async function ingestPaths(engine: Engine, paths: string[], opts: FileIngestOptions = {}): Promise<FileIngestResult> {
  const files: string[] = [];
  const failures: IngestFailure[] = [];
  const fail = (f: IngestFailure): void => {
    failures.push(f);
    opts.onFailure?.(f);
  };
  for await (const item of walkPaths(paths)) {
    if ('failure' in item) fail(item.failure);
    else files.push(item.path);
  }
  const showBar = (opts.progress ?? true) && process.stderr.isTTY === true && files.length > 5;
  const bar = showBar
    ? new cliProgress.SingleBar(
        { format: 'ingest [{bar}] {value}/{total} files | {rate} files/s | eta {eta_formatted}', stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const started = Date.now();
  bar?.start(files.length, 0, { rate: '0' });
  const result: FileIngestResult = { stored: [], duplicates: [], failures, stories: [], tokens: 0, articleIds: [], files: files.length };
  const batchSize = opts.batchSize ?? 500;
  let batch: Article[] = [];
  let done = 0;
  const stories = new Set<string>();
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const report = await engine.ingest(batch);
    result.stored.push(...report.stored);
    result.duplicates.push(...report.duplicates);
    result.tokens += report.tokens;
    for (const f of report.failures) fail(f);
    for (const s of report.stories) stories.add(s);
    batch = [];
  };
  for (const path of files) {
    const read = await readArticleFile(path, { maxBytes: opts.maxBytes });
    if (read.ok) {
      batch.push(read.article);
      result.articleIds.push(read.article.id);
    } else {
      fail(read.failure);
    }
    done++;
    bar?.update(done, { rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0) });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  bar?.stop();
  result.stories = [...stories];
  return result;
}
