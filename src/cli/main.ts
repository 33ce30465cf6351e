import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { AnnotatedArticle, Story } from '../model.js';
import { Engine } from '../engine/engine.js';
import { briefOf, normaliseSince } from '../engine/brief.js';
import { DEFAULT_BRIEF_WORDS } from '../summarize/index.js';
import { StoryClustererError } from '../stories/index.js';
import { toStorylineJson } from '../format/json.js';
import { renderStory } from '../format/text.js';
import {
  defaultDatabase,
  openStore,
  StoreError,
  StoreUsageError,
  type OpenOptions,
  type Store,
} from '../store/index.js';
import { ingestPaths } from './ingest-files.js';
import { registerEval } from './eval.js';
import { registerWatch } from './watch.js';
import { queueSink, registerWorker } from './worker.js';
import { registerServe } from './serve.js';
import { JobQueue, requirePostgres } from '../store/queue.js';
import type { IngestFailure } from '../ingest/errors.js';
import { parseThreads } from '../engine/threads.js';

/** Exit codes: 0 all good, 1 some inputs failed, 2 usage error, 3 the job could not run. */
export const EXIT = { ok: 0, partial: 1, usage: 2, fatal: 3 } as const;

class Output {
  out: (s: string) => void = (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
  err: (s: string) => void = (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`);
}

async function withStore<T>(location: string, fn: (store: Store) => Promise<T>, options?: OpenOptions): Promise<T> {
  const store = await openStore(location, options);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function loadStory(
  store: Store,
  id: string,
): Promise<{ story: Story; docs: Map<string, AnnotatedArticle> } | undefined> {
  const story = await store.getStory(id);
  if (!story) return undefined;
  const docs = new Map((await store.getArticles(story.articleIds, { tokens: false })).map((d) => [d.article.id, d]));
  return { story, docs };
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError(`expected a positive whole number, got "${value}"`);
  return n;
}

function parseThreadsOption(value: string): number {
  try {
    return parseThreads(value);
  } catch (err) {
    // Commander prints this as a usage error (exit code 2).
    throw new InvalidArgumentError((err as Error).message);
  }
}

const THREADS_HELP =
  'cores to use: articles are analysed in n-1 threads while one assigns stories (0 or auto: every core)';

/**
 * With analysis threads (`threads` above 1), runs `fn` with a signal that the first SIGINT or SIGTERM
 * aborts: the threads stop, the batch being written completes, and `onInterrupted` is called (the command
 * exits 1: some inputs were not stored). A second signal ends the process as usual. The handlers are
 * removed afterwards. With one thread, nothing changes.
 */
async function interruptible<T>(
  threads: number,
  io: Output,
  fn: (signal: AbortSignal | undefined) => Promise<T>,
  onInterrupted: () => void,
): Promise<T> {
  if (threads <= 1) return fn(undefined);
  const ac = new AbortController();
  const stop = (): void => ac.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const out = await fn(ac.signal);
    if (ac.signal.aborted) {
      io.err('storyline: interrupted; articles read but not yet written were left out (run again to add them)');
      onInterrupted();
    }
    return out;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

interface StoryCommandOptions {
  db?: string;
  json?: boolean;
  syntax?: boolean;
  markdown?: boolean;
  words?: number;
  since?: string;
}

/** Commands that only read open the database read-only: they never create, migrate or mark a file. */
const READ_ONLY: OpenOptions = { readonly: true };

/**
 * `--db ''` (an unset variable in a script) is refused before any command runs: it used to open a
 * throwaway database, report articles as stored and keep nothing.
 */
function refuseEmptyDb(command: Command): void {
  const db = (command.opts() as { db?: unknown }).db;
  if (typeof db === 'string' && db.trim() === '') {
    throw new StoreUsageError(
      '--db is empty (an unset variable?): pass a database file (e.g. --db ./storyline.db) or a postgres:// URL, or leave --db out to use STORYLINE_DB or ./storyline.db',
    );
  }
}

/** Builds the command tree. Kept separate from `run` so tests can drive it with their own output. */
export function buildProgram(io: Output = new Output()): { program: Command; exitCode: () => number } {
  let exitCode: number = EXIT.ok;
  const program = new Command();
  program
    .name('storyline')
    .description('Turn news articles into stories: who, what was said, when, and what each outlet adds.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .hook('preAction', (_program, command) => refuseEmptyDb(command));

  const dbOption = (): Option => new Option('--db <file>', 'database file (env STORYLINE_DB; default ./storyline.db)');

  program
    .command('analyze')
    .description('ingest files or directories and print every story they belong to')
    .argument('<paths...>', 'text files or directories of articles')
    .addOption(new Option('--db <file>', 'keep the results in this database (default: a temporary in-memory store)'))
    .option('--json', 'print the storyline/1 JSON document')
    .option('--syntax', 'with --json: include sentences and parsed tokens (tags, lemmas, dependencies)')
    .option('--markdown', 'print Markdown')
    .option('--words <n>', `words in each brief (default: ${DEFAULT_BRIEF_WORDS})`, parsePositiveInt)
    .option('--max-bytes <n>', 'largest file to read, in bytes', parsePositiveInt)
    .option('--threads <n>', THREADS_HELP, parseThreadsOption, 1)
    .action(
      async (
        paths: string[],
        opts: {
          db?: string;
          json?: boolean;
          syntax?: boolean;
          markdown?: boolean;
          words?: number;
          maxBytes?: number;
          threads: number;
        },
      ) => {
        let interrupted = false;
        await withStore(opts.db ?? ':memory:', async (store) => {
          const engine = new Engine(store, { summaryWords: opts.words });
          const result = await interruptible(
            opts.threads,
            io,
            (signal) =>
              ingestPaths(engine, paths, {
                maxBytes: opts.maxBytes,
                threads: opts.threads,
                signal,
                onFailure: (f) => io.err(`${f.path}: ${f.reason}`),
              }),
            () => (interrupted = true),
          );
          if (result.failures.length > 0 || interrupted) exitCode = EXIT.partial;
          const storyIds: string[] = [];
          for (const id of result.articleIds) {
            const s = await store.storyOf(id);
            if (s && !storyIds.includes(s)) storyIds.push(s);
          }
          const loaded = [];
          for (const id of storyIds) {
            const l = await loadStory(store, id);
            if (l) loaded.push(l);
          }
          if (opts.json) {
            const docs = loaded.flatMap((l) =>
              l.story.articleIds.map((id) => l.docs.get(id)).filter((d): d is AnnotatedArticle => !!d),
            );
            io.out(
              JSON.stringify(
                toStorylineJson(
                  docs,
                  loaded.map((l) => l.story),
                  { syntax: opts.syntax === true },
                ),
                null,
                2,
              ),
            );
          } else {
            io.out(loaded.map((l) => renderStory(l.story, l.docs, opts.markdown ? 'markdown' : 'text')).join('\n'));
            io.err(
              `${result.files} file(s), ${result.articleIds.length} article(s), ${loaded.length} story(ies)` +
                (result.failures.length ? `, ${result.failures.length} failed` : ''),
            );
          }
        });
      },
    );

  program
    .command('ingest')
    .description('add files or directories of articles to the store and update their stories')
    .argument('<paths...>', 'text files or directories of articles')
    .addOption(dbOption())
    .option('--max-bytes <n>', 'largest file to read, in bytes', parsePositiveInt)
    .option('--batch <n>', 'articles written per transaction', parsePositiveInt, 500)
    .option('--no-progress', 'never show a progress bar')
    .option('--enqueue', 'put the articles on the queue for `storyline worker` processes (PostgreSQL only)')
    .option('--per-job <n>', 'articles per queued job', parsePositiveInt, 25)
    .option('--threads <n>', THREADS_HELP, parseThreadsOption, 1)
    .action(
      async (
        paths: string[],
        opts: {
          db?: string;
          maxBytes?: number;
          batch: number;
          progress: boolean;
          enqueue?: boolean;
          perJob: number;
          threads: number;
        },
      ) => {
        if (opts.enqueue && opts.threads > 1) {
          io.err(
            'storyline: --threads does not go with --enqueue: queued articles are analysed by `storyline worker` processes (start more of them to use more cores)',
          );
          exitCode = EXIT.usage;
          return;
        }
        let interrupted = false;
        await withStore(opts.db ?? defaultDatabase(), async (store) => {
          const read = {
            maxBytes: opts.maxBytes,
            batchSize: opts.batch,
            progress: opts.progress,
            onFailure: (f: IngestFailure) => io.err(`${f.path}: ${f.reason}`),
          };
          if (opts.enqueue) {
            requirePostgres(store);
            const sink = queueSink(new JobQueue(store), opts.perJob);
            const r = await ingestPaths(sink, paths, read);
            io.out(`${r.files} file(s): ${sink.queued()} article(s) queued, ${r.failures.length} failed`);
            if (r.failures.length > 0) exitCode = EXIT.partial;
            return;
          }
          const r = await interruptible(
            opts.threads,
            io,
            (signal) => ingestPaths(new Engine(store), paths, { ...read, threads: opts.threads, signal }),
            () => (interrupted = true),
          );
          io.out(
            `${r.files} file(s): ${r.stored.length} stored, ${r.duplicates.length} already present, ${r.failures.length} failed; ${r.stories.length} story(ies) updated`,
          );
          if (r.failures.length > 0 || interrupted) exitCode = EXIT.partial;
        });
      },
    );

  program
    .command('stories')
    .description('list stories, most recent first')
    .addOption(dbOption())
    .option('--limit <n>', 'how many', parsePositiveInt, 50)
    .option('--offset <n>', 'skip this many', (v) => Number(v), 0)
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; limit: number; offset: number; json?: boolean }) => {
      await withStore(
        opts.db ?? defaultDatabase(),
        async (store) => {
          const list = await store.listStories({ limit: opts.limit, offset: opts.offset });
          if (opts.json) io.out(JSON.stringify(list, null, 2));
          else if (list.length === 0) io.out('no stories yet (add articles with: storyline ingest <paths…>)');
          else
            for (const s of list) {
              const dates = s.firstPublished
                ? ` ${s.firstPublished}${s.lastPublished !== s.firstPublished ? `…${s.lastPublished}` : ''}`
                : '';
              io.out(
                `${s.id}  ${s.articleCount} art/${s.independentSources} src${dates}  ${s.title}  [${s.outlets.join(', ')}]${s.pending ? `  (${s.pending} not in view yet)` : ''}`,
              );
            }
        },
        READ_ONLY,
      );
    });

  program
    .command('story')
    .description('show one story')
    .argument('<id>', 'story id (see: storyline stories)')
    .addOption(dbOption())
    .option('--json', 'print the storyline/1 JSON document')
    .option('--syntax', 'with --json: include sentences and parsed tokens (tags, lemmas, dependencies)')
    .option('--markdown', 'print Markdown')
    .option('--words <n>', 'rebuild the brief at this many words', parsePositiveInt)
    .option('--since <time>', 'add what is new since a date or time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)')
    .action(async (id: string, opts: StoryCommandOptions) => {
      let since: string | undefined;
      try {
        since = opts.since === undefined ? undefined : normaliseSince(opts.since);
      } catch (e) {
        io.err(`storyline: ${(e as Error).message}`);
        exitCode = EXIT.usage;
        return;
      }
      await withStore(
        opts.db ?? defaultDatabase(),
        async (store) => {
          const l = await loadStory(store, id);
          if (!l) {
            io.err(`no story "${id}" (list them with: storyline stories)`);
            exitCode = EXIT.usage;
            return;
          }
          if (opts.words !== undefined || since !== undefined) {
            const members = l.story.articleIds.map((a) => l.docs.get(a)).filter((d): d is AnnotatedArticle => !!d);
            l.story = briefOf(l.story, members, { words: opts.words, since });
          }
          if (opts.json) {
            const docs = l.story.articleIds.map((a) => l.docs.get(a)).filter((d): d is AnnotatedArticle => !!d);
            io.out(JSON.stringify(toStorylineJson(docs, [l.story], { syntax: opts.syntax === true }), null, 2));
          } else io.out(renderStory(l.story, l.docs, opts.markdown ? 'markdown' : 'text'));
        },
        READ_ONLY,
      );
    });

  program
    .command('search')
    .description('full-text search over stored articles')
    .argument('<query...>', 'words to find; "quoted phrases" stay together')
    .addOption(dbOption())
    .option('--limit <n>', 'how many hits', parsePositiveInt, 20)
    .option('--json', 'print JSON')
    .action(async (words: string[], opts: { db?: string; limit: number; json?: boolean }) => {
      await withStore(
        opts.db ?? defaultDatabase(),
        async (store) => {
          const hits = await store.search(words.join(' '), { limit: opts.limit });
          if (opts.json) io.out(JSON.stringify(hits, null, 2));
          else if (hits.length === 0) io.out('no matches');
          else
            for (const h of hits)
              io.out(
                `${h.articleId}  story ${h.storyId ?? '-'}  ${h.source ?? ''} ${h.published ?? ''}  ${h.title ?? ''}\n    ${h.snippet.replace(/\s+/g, ' ')}`,
              );
        },
        READ_ONLY,
      );
    });

  const maintenance = async (db: string | undefined, step: (engine: Engine) => Promise<string>): Promise<void> => {
    await withStore(db ?? defaultDatabase(), async (store) => {
      try {
        io.out(await step(new Engine(store)));
      } catch (err) {
        if (!(err instanceof StoryClustererError)) throw err;
        io.err(`storyline: ${err.message} (list stories with: storyline stories)`);
        exitCode = EXIT.usage;
      }
    });
  };

  program
    .command('merge')
    .description('merge story <b> into story <a>; the decision sticks when more articles arrive')
    .argument('<a>', 'story to keep')
    .argument('<b>', 'story to fold into it')
    .addOption(dbOption())
    .action(async (a: string, b: string, opts: { db?: string }) => {
      await maintenance(opts.db, async (engine) => `merged ${b} into ${await engine.merge(a, b)}`);
    });

  program
    .command('split')
    .description('move articles of a story into a new story of their own; they stay apart')
    .argument('<story>', 'story id')
    .argument('<articles...>', 'article ids to move')
    .addOption(dbOption())
    .action(async (storyId: string, articleIds: string[], opts: { db?: string }) => {
      await maintenance(
        opts.db,
        async (engine) => `moved ${articleIds.length} article(s) to ${await engine.split(storyId, articleIds)}`,
      );
    });

  program
    .command('recheck')
    .description('merge stories that turned out to be one and split stories that drifted (manual decisions stay)')
    .addOption(dbOption())
    .action(async (opts: { db?: string }) => {
      await maintenance(opts.db, async (engine) => {
        const r = await engine.recheck();
        return [
          `${r.merged.length} merge(s), ${r.split.length} split(s)`,
          ...r.merged.map((m) => `  merged ${m.removed} into ${m.kept} (score ${m.score.toFixed(2)})`),
          ...r.split.map((x) => `  split ${x.articleIds.length} article(s) from ${x.from} into ${x.to}`),
        ].join('\n');
      });
    });

  program
    .command('refresh')
    .description(
      'rebuild the views (entities, quotes, timeline, brief) of large stories that gained articles since their last rebuild',
    )
    .addOption(dbOption())
    .action(async (opts: { db?: string }) => {
      await maintenance(opts.db, async (engine) => {
        const ids = await engine.refresh();
        return ids.length === 0
          ? 'every story view is complete'
          : `rebuilt ${ids.length} story view(s): ${ids.join(', ')}`;
      });
    });

  registerEval(program, io);
  registerWatch(program, io);
  registerWorker(program, io);
  registerServe(program, io);
  return { program, exitCode: () => exitCode };
}

/** Runs the CLI with these arguments and returns the exit code. Errors go to stderr, never a stack trace. */
export async function run(argv: string[], io: Output = new Output()): Promise<number> {
  const { program, exitCode } = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode();
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0
        ? EXIT.ok
        : EXIT.usage;
    }
    if (err instanceof StoreUsageError) {
      io.err(`storyline: ${err.message}`);
      return EXIT.usage;
    }
    if (err instanceof StoreError) {
      io.err(`storyline: ${err.message}`);
      return EXIT.fatal;
    }
    io.err(`storyline: ${(err as Error).message ?? String(err)}`);
    return EXIT.fatal;
  }
}

export { Output };
