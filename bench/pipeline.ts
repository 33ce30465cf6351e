/**
 * Throughput of the full pipeline on the evaluation corpora, next to a baseline built from compromise
 * (people, organisations, places, quotations) and chrono-node on the same articles in the same run.
 *
 *   npm run bench [-- --data DIR] [--limit N] [--no-baseline] [--json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import nlp from 'compromise';
import * as chrono from 'chrono-node';
import { Engine } from '../src/engine/engine.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { loadCorpus } from './corpus.js';

interface Args {
  data: string;
  limit: number;
  baseline: boolean;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    data: process.env.STORYLINE_DATA ?? resolve('../shared/data'),
    limit: Infinity,
    baseline: true,
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data') args.data = argv[++i];
    else if (a === '--limit') args.limit = Number(argv[++i]);
    else if (a === '--no-baseline') args.baseline = false;
    else if (a === '--json') args.json = true;
    else throw new Error(`unknown argument ${a} (use --data DIR, --limit N, --no-baseline, --json)`);
  }
  return args;
}

/** Process CPU time (user + system) in milliseconds; one thread does the work, so this is single-core time. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Stage timings that also attribute CPU time: each time a stage reports its end, the CPU used since the
 * previous report goes to it (the glue between stages is small and lands on the next stage). On a
 * shared machine wall time includes waiting for a core; CPU time does not.
 */
class CpuTimings extends Map<string, number> {
  readonly cpu = new Map<string, number>();
  private last = cpuMs();
  mark(): void {
    this.last = cpuMs();
  }
  override set(key: string, value: number): this {
    if (this.cpu) {
      const now = cpuMs();
      this.cpu.set(key, (this.cpu.get(key) ?? 0) + now - this.last);
      this.last = now;
    }
    return super.set(key, value);
  }
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const all = await loadCorpus(args.data);
  const items = all.slice(0, args.limit);
  const articles = items.map((i) => i.article);
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  const byCorpus = new Map<string, number>();
  for (const i of items) byCorpus.set(i.corpus, (byCorpus.get(i.corpus) ?? 0) + 1);
  const rssBefore = peakRssMb();

  // Full pipeline, streamed into a SQLite file in batches as `storyline ingest` does.
  const dir = mkdtempSync(join(tmpdir(), 'storyline-bench-'));
  const store = new SqliteStore(join(dir, 'bench.db'));
  const timings = new CpuTimings();
  const engine = new Engine(store, { timings });
  let tokens = 0;
  const c0 = cpuMs();
  timings.mark();
  const t0 = performance.now();
  for (let i = 0; i < articles.length; i += 200) {
    const r = await engine.ingest(articles.slice(i, i + 200));
    tokens += r.tokens;
  }
  const fullSeconds = (performance.now() - t0) / 1000;
  const fullCpuSeconds = (cpuMs() - c0) / 1000;
  const stories = (await store.listStories({ limit: 1_000_000 })).length;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const rssFull = peakRssMb();

  let baseline:
    | {
        seconds: number;
        cpuSeconds: number;
        people: number;
        orgs: number;
        places: number;
        quotes: number;
        dates: number;
      }
    | undefined;
  if (args.baseline) {
    const b0 = performance.now();
    const bc0 = cpuMs();
    const counts = { people: 0, orgs: 0, places: 0, quotes: 0, dates: 0 };
    for (const a of articles) {
      const doc = nlp(a.text);
      counts.people += doc.people().out('array').length;
      counts.orgs += doc.organizations().out('array').length;
      counts.places += doc.places().out('array').length;
      counts.quotes += doc.quotations().out('array').length;
      counts.dates += chrono.parse(a.text, a.published ? new Date(`${a.published}T12:00:00Z`) : new Date()).length;
    }
    baseline = { seconds: (performance.now() - b0) / 1000, cpuSeconds: (cpuMs() - bc0) / 1000, ...counts };
  }

  const result = {
    articles: articles.length,
    corpora: Object.fromEntries(byCorpus),
    characters: chars,
    tokens,
    stories,
    full: {
      seconds: fullSeconds,
      articlesPerSecond: articles.length / fullSeconds,
      tokensPerSecond: tokens / fullSeconds,
      cpuSeconds: fullCpuSeconds,
      articlesPerCpuSecond: articles.length / fullCpuSeconds,
      stagesMs: Object.fromEntries([...timings].map(([k, v]) => [k, Math.round(v)])),
      stagesCpuMs: Object.fromEntries([...timings.cpu].map(([k, v]) => [k, Math.round(v)])),
      peakRssMb: Math.round(rssFull),
    },
    baseline: baseline && {
      seconds: baseline.seconds,
      articlesPerSecond: articles.length / baseline.seconds,
      cpuSeconds: baseline.cpuSeconds,
      articlesPerCpuSecond: articles.length / baseline.cpuSeconds,
      found: {
        people: baseline.people,
        organizations: baseline.orgs,
        places: baseline.places,
        quotations: baseline.quotes,
        dates: baseline.dates,
      },
    },
    speedup: baseline ? baseline.seconds / fullSeconds : undefined,
    cpuSpeedup: baseline ? baseline.cpuSeconds / fullCpuSeconds : undefined,
    peakRssBeforeMb: Math.round(rssBefore),
    node: process.version,
  };
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const rows: Array<[string, string]> = [
    ['articles', `${result.articles} (${[...byCorpus].map(([k, v]) => `${k} ${v}`).join(', ')})`],
    ['tokens', String(tokens)],
    ['stories formed', String(stories)],
    ['full pipeline: articles/s', result.full.articlesPerSecond.toFixed(1)],
    ['full pipeline: tokens/s', result.full.tokensPerSecond.toFixed(0)],
    ['full pipeline: articles per CPU-second', result.full.articlesPerCpuSecond.toFixed(1)],
    ['full pipeline: tokens per CPU-second', (tokens / fullCpuSeconds).toFixed(0)],
    ['full pipeline: peak RSS', `${result.full.peakRssMb} MB`],
  ];
  for (const [stage, ms] of timings) {
    const cpu = timings.cpu.get(stage) ?? 0;
    rows.push([
      `  stage ${stage}`,
      `${(ms / 1000).toFixed(2)} s (${((ms / 1000 / fullSeconds) * 100).toFixed(1)}%), CPU ${(cpu / 1000).toFixed(2)} s (${((cpu / 1000 / fullCpuSeconds) * 100).toFixed(1)}%)`,
    ]);
  }
  if (result.baseline) {
    rows.push(['baseline (compromise + chrono): articles/s', result.baseline.articlesPerSecond.toFixed(1)]);
    rows.push(['baseline: articles per CPU-second', result.baseline.articlesPerCpuSecond.toFixed(1)]);
    rows.push([
      'speed ratio full / baseline',
      `${result.speedup?.toFixed(1)}× (CPU time: ${result.cpuSpeedup?.toFixed(1)}×)`,
    ]);
  }
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n'));
}

main().catch((err: unknown) => {
  console.error(`bench: ${(err as Error).message}`);
  process.exitCode = 1;
});
