import { Command, CommanderError, Option } from 'commander';
import { Engine } from '../engine/engine.js';
import type { FieldMapping } from '../ingest/bulk.js';
import { Fetcher } from '../ingest/fetch.js';
import { FeedPoller, watchFolders } from '../ingest/watch.js';
import { defaultDatabase, openStore } from '../store/index.js';
import { ingestPaths, setDefaultFieldMapping } from './ingest-files.js';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new CommanderError(2, 'storyline.invalidNumber', `expected a positive whole number, got "${value}"`);
  return n;
}

/**
 * A `--once` run that read nothing from its feeds or folders. Thrown out of the action, it is printed
 * as one `storyline: …` line and exits with code 3, "the job could not run" (the code `run` gives to
 * errors other than usage errors), so that cron jobs and scripts notice.
 */
export class NothingReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NothingReadError';
  }
}

interface WatchOptions {
  feed?: string[];
  interval: number;
  db?: string;
  once?: boolean;
  maxBytes?: number;
  timeout: number;
  hostDelay: number;
  robots: boolean;
  batch: number;
  polling?: boolean;
}

/** Bulk-record field options, shared by `ingest`, `analyze` and `watch`. */
function addMappingOptions(cmd: Command): void {
  cmd
    .option('--text-field <name>', 'record field with the article text (default: text, body or content)')
    .option('--title-field <name>', 'record field with the title (default: title, headline)')
    .option('--date-field <name>', 'record field with the publication date (default: date, published, …)')
    .option('--source-field <name>', 'record field with the outlet (default: source, outlet, publisher, site)')
    .option('--url-field <name>', 'record field with the URL (default: url, link)')
    .option('--html', 'the text field holds HTML (converted to paragraphs)');
}

function mappingOf(opts: Record<string, unknown>): FieldMapping {
  const s = (k: string): string | undefined => (typeof opts[k] === 'string' ? (opts[k] as string) : undefined);
  return {
    textField: s('textField'),
    titleField: s('titleField'),
    dateField: s('dateField'),
    sourceField: s('sourceField'),
    urlField: s('urlField'),
    html: opts.html === true,
  };
}

/**
 * Adds `storyline watch`, and the bulk field-mapping options to `ingest` and `analyze` (their values
 * reach the file reader through `setDefaultFieldMapping` just before the command runs).
 */
export function registerWatch(program: Command, io: Io): void {
  for (const cmd of program.commands) {
    if (cmd.name() !== 'ingest' && cmd.name() !== 'analyze') continue;
    addMappingOptions(cmd);
    cmd.hook('preAction', (_parent, action) => setDefaultFieldMapping(mappingOf(action.opts())));
    cmd.hook('postAction', () => setDefaultFieldMapping({}));
  }

  const watch = program
    .command('watch')
    .description('poll feeds and/or watch folders, ingesting new articles as they appear (Ctrl-C stops)')
    .argument('[dirs...]', 'folders to watch for new or changed text, HTML, feed and bulk files')
    .option('--feed <urls...>', 'RSS/Atom/RDF/JSON Feed URLs to poll')
    .option('--interval <seconds>', 'seconds between polls of each feed', positiveInt, 300)
    .addOption(new Option('--db <file>', 'database file (env STORYLINE_DB; default ./storyline.db)'))
    .option('--once', 'poll each feed once and ingest the folders once, then exit')
    .option('--max-bytes <n>', 'largest page, feed or file to read, in bytes', positiveInt)
    .option('--timeout <seconds>', 'request timeout in seconds', positiveInt, 15)
    .option('--host-delay <ms>', 'minimum spacing of requests to one host, in ms', positiveInt, 1000)
    .option('--no-robots', 'ignore robots.txt (only for your own sites)')
    .option('--batch <n>', 'articles written per transaction', positiveInt, 100)
    .option('--polling', 'watch folders by polling (network drives, some containers)');
  addMappingOptions(watch);
  watch.action(async (dirs: string[], opts: WatchOptions) => {
    const feeds = opts.feed ?? [];
    if (feeds.length === 0 && dirs.length === 0) {
      io.err('nothing to watch: give folders and/or --feed URL…');
      throw new CommanderError(2, 'storyline.nothingToWatch', 'nothing to watch');
    }
    const mapping = mappingOf(opts as unknown as Record<string, unknown>);
    const ctl = new AbortController();
    const stop = (): void => {
      if (!ctl.signal.aborted) io.err('stopping…');
      ctl.abort();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const store = await openStore(opts.db ?? defaultDatabase());
    try {
      const engine = new Engine(store);
      const fetcher = new Fetcher({
        timeoutMs: opts.timeout * 1000,
        maxBytes: opts.maxBytes,
        perHostDelayMs: opts.hostDelay,
        robots: opts.robots,
      });
      const onFailure = (f: { path: string; reason: string }): void => io.err(`${f.path}: ${f.reason}`);
      const jobs: Promise<unknown>[] = [];
      /** Parts of a `--once` run from which nothing at all could be read. */
      const unread: string[] = [];
      if (feeds.length > 0) {
        const poller = new FeedPoller(engine, fetcher, {
          intervalMs: opts.interval * 1000,
          batchSize: opts.batch,
          onFailure,
          onPoll: (r) =>
            io.out(
              r.status === 'not-modified'
                ? `${r.feed}: not modified`
                : r.status === 'error'
                  ? `${r.feed}: failed, retry in ${Math.round(r.nextDelayMs / 1000)} s`
                  : `${r.feed}: ${r.items} new item(s), ${r.stored.length} stored, ${r.failures.length} failed`,
            ),
        });
        jobs.push(
          poller.run(feeds, { signal: ctl.signal, once: opts.once }).then((results) => {
            // Every feed failed: nothing was read from them, which a scheduled `--once` run must not hide.
            const failed = results.filter((r) => r.status === 'error').length;
            if (opts.once && !ctl.signal.aborted && results.length > 0 && failed === results.length)
              unread.push(`every feed failed (${failed} of ${feeds.length})`);
          }),
        );
      }
      if (dirs.length > 0) {
        if (opts.once) {
          jobs.push(
            ingestPaths(engine, dirs, {
              maxBytes: opts.maxBytes,
              batchSize: opts.batch,
              mapping,
              fetcher,
              signal: ctl.signal,
              onFailure,
              progress: false,
            }).then((r) => {
              io.out(
                `${r.files} file(s): ${r.stored.length} stored, ${r.duplicates.length} already present, ${r.failures.length} failed`,
              );
              if (!ctl.signal.aborted && r.articleIds.length === 0 && r.failures.length > 0)
                unread.push(`no file could be read (${r.failures.length} failed)`);
            }),
          );
        } else {
          jobs.push(
            watchFolders(engine, dirs, {
              ...mapping,
              signal: ctl.signal,
              maxBytes: opts.maxBytes,
              batchSize: opts.batch,
              fetcher,
              usePolling: opts.polling,
              onFailure,
              onReady: () => io.err(`watching ${dirs.join(', ')} (Ctrl-C to stop)`),
              onFile: (path, stored) => io.out(`${path}: ${stored.length} stored`),
            }),
          );
        }
      }
      await Promise.all(jobs);
      if (unread.length > 0) throw new NothingReadError(`watch --once: ${unread.join('; ')}; nothing could be read`);
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await store.close();
    }
  });
}
