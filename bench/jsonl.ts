/**
 * Bulk ingest throughput and memory: generates a JSONL file of synthetic articles (sentences resampled
 * from the HTML fixtures' expected texts, with names, numbers and dates changed), then streams it
 * into a SQLite store through the engine in batches, reporting articles/s and RSS at checkpoints.
 *
 *   node --expose-gc --import tsx bench/jsonl.ts [--articles 100000] [--batch 500] [--every N] [--read-only] [--json]
 *
 * With `--expose-gc` each checkpoint collects garbage first, so "heap" is live memory; "heap total" is what
 * V8 has reserved for its heap (set by the largest peak so far), which resident memory follows.
 * `--every N` adds a checkpoint every N articles (default: a tenth, half and all of them).
 */
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Article } from '../src/model.js';
import { Engine } from '../src/engine/engine.js';
import { readBulkFile } from '../src/ingest/bulk.js';
import { openStore } from '../src/store/index.js';

interface Args {
  articles: number;
  batch: number;
  readOnly: boolean;
  json: boolean;
  every: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { articles: 100_000, batch: 500, readOnly: false, json: false, every: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--articles') args.articles = Number(argv[++i]);
    else if (a === '--batch') args.batch = Number(argv[++i]);
    else if (a === '--read-only') args.readOnly = true;
    else if (a === '--json') args.json = true;
    else if (a === '--every') args.every = Number(argv[++i]);
    else throw new Error(`unknown argument ${a} (use --articles N, --batch N, --every N, --read-only, --json)`);
  }
  if (!Number.isInteger(args.articles) || args.articles <= 0)
    throw new Error('--articles must be a positive whole number');
  if (!Number.isInteger(args.every) || args.every < 0) throw new Error('--every must be a whole number');
  return args;
}

/** Deterministic PRNG so that runs are comparable. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Anna',
  'Bilal',
  'Carmen',
  'Dmitri',
  'Esther',
  'Farid',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Kemal',
  'Lucia',
  'Mateo',
  'Nadia',
  'Oskar',
  'Priya',
  'Quentin',
  'Rosa',
  'Stefan',
  'Tova',
];
const LAST = [
  'Abbott',
  'Brandt',
  'Castillo',
  'Dahl',
  'Engel',
  'Fontaine',
  'Gallo',
  'Haas',
  'Iversen',
  'Jansen',
  'Kowal',
  'Lindqvist',
  'Moreau',
  'Novak',
  'Ortega',
  'Petrov',
  'Quist',
  'Rossi',
  'Sato',
  'Tanaka',
];
const PLACES = [
  'Ashby',
  'Brookfield',
  'Carrow',
  'Dunmore',
  'Elmstead',
  'Farley',
  'Glenrae',
  'Harlow',
  'Ivybridge',
  'Kessel',
  'Lindholm',
  'Morrow',
];
const OUTLETS = [
  'Ashby Post',
  'Carrow Courier',
  'Dunmore Daily',
  'Glenrae Gazette',
  'Harlow Herald',
  'Kessel Tribune',
  'Morrow Ledger',
];

function sentencePool(): string[] {
  const dir = resolve('test/fixtures/html');
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.expected.txt'))) {
    const text = readFileSync(join(dir, f), 'utf8');
    for (const s of text.split(/(?<=[.!?]["”]?)\s+/)) if (s.length > 40 && !s.includes('|')) out.push(s.trim());
  }
  return out;
}

export async function generate(path: string, n: number): Promise<number> {
  const rnd = mulberry32(42);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const pool = sentencePool();
  const out = createWriteStream(path);
  const day0 = Date.UTC(2025, 0, 1);
  for (let i = 0; i < n; i++) {
    const person = `${pick(FIRST)} ${pick(LAST)}`;
    const place = pick(PLACES);
    const k = 4 + Math.floor(rnd() * 5);
    const sentences: string[] = [];
    for (let j = 0; j < k; j++) {
      sentences.push(
        pick(pool)
          .replace(/\b[A-Z][a-z]+ [A-Z][a-z]+(?= said| told)/g, person)
          .replace(/\b\d[\d,.]*\b/g, () => String(1 + Math.floor(rnd() * 900)))
          .replace(/\b(Kestrel Bay|Southbridge|Brookhollow|Morrow|Dornfeld|Halden|Glenrae)\b/g, place),
      );
    }
    const paras = [
      sentences.slice(0, 2).join(' '),
      sentences.slice(2, 5).join(' '),
      sentences.slice(5).join(' '),
    ].filter(Boolean);
    const date = new Date(day0 + Math.floor(rnd() * 700) * 86400_000).toISOString().slice(0, 10);
    const rec = {
      id: i,
      title: `${place}: ${sentences[0].split(' ').slice(0, 8).join(' ')}`,
      text: `${paras.join('\n\n')} (ref ${i})`,
      date,
      source: pick(OUTLETS),
    };
    if (!out.write(JSON.stringify(rec) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}

const mb = (bytes: number): number => Math.round(bytes / 1048576);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'storyline-bench-'));
  try {
    const file = join(dir, 'articles.jsonl');
    const t0 = performance.now();
    const size = await generate(file, args.articles);
    const genSec = (performance.now() - t0) / 1000;

    // Stage 1: reading and mapping records only.
    const every =
      args.every > 0
        ? Array.from({ length: Math.floor(args.articles / args.every) }, (_, i) => (i + 1) * args.every)
        : [];
    const checkpoints =
      every.length > 0
        ? [...new Set([...every, args.articles])]
        : args.articles >= 100_000
          ? [...new Set([10_000, 50_000, 100_000, args.articles])].sort((a, b) => a - b)
          : [...new Set([Math.ceil(args.articles / 10), Math.ceil(args.articles / 2), args.articles])];
    const readRows: Array<{ articles: number; rssMb: number; heapMb: number }> = [];
    const r0 = performance.now();
    let read = 0;
    let ri = 0;
    for await (const r of readBulkFile(file, 'jsonl')) {
      if (r.ok) read++;
      if (ri < checkpoints.length && read === checkpoints[ri]) {
        // With --expose-gc the reading is of live memory, not of garbage not yet collected.
        (globalThis as { gc?: () => void }).gc?.();
        const mem = process.memoryUsage();
        readRows.push({ articles: read, rssMb: mb(mem.rss), heapMb: mb(mem.heapUsed) });
        ri++;
      }
    }
    const readSec = (performance.now() - r0) / 1000;

    const rows: Array<{
      articles: number;
      seconds: number;
      rate: number;
      rssMb: number;
      peakRssMb: number;
      heapMb: number;
      heapTotalMb: number;
    }> = [];
    const timings = new Map<string, number>();
    if (!args.readOnly) {
      const store = await openStore(join(dir, 'bench.db'));
      const engine = new Engine(store, { timings });
      const s0 = performance.now();
      let batch: Article[] = [];
      let done = 0;
      let next = 0;
      const flush = async (): Promise<void> => {
        await engine.ingest(batch);
        done += batch.length;
        batch = [];
        while (next < checkpoints.length && done >= checkpoints[next]) {
          const seconds = (performance.now() - s0) / 1000;
          // With --expose-gc the reading is of live memory, not of garbage not yet collected.
          (globalThis as { gc?: () => void }).gc?.();
          const mem = process.memoryUsage();
          rows.push({
            articles: done,
            seconds,
            rate: done / seconds,
            rssMb: mb(mem.rss),
            peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
            heapMb: mb(mem.heapUsed),
            heapTotalMb: mb(mem.heapTotal),
          });
          if (!args.json)
            console.error(
              `  ${done} articles: ${(done / seconds).toFixed(0)}/s, rss ${mb(mem.rss)} MB, heap ${mb(mem.heapUsed)} MB`,
            );
          next++;
        }
      };
      for await (const r of readBulkFile(file, 'jsonl')) {
        if (r.ok) batch.push(r.article);
        if (batch.length >= args.batch) await flush();
      }
      if (batch.length) await flush();
      // A run ends by completing the views of large stories that were rebuilt only as they grew.
      const r0 = performance.now();
      const refreshed = (await engine.refresh()).length;
      const seconds = (performance.now() - s0) / 1000;
      if (!args.json)
        console.error(
          `  final refresh of ${refreshed} story view(s): ${((performance.now() - r0) / 1000).toFixed(1)} s; overall ${(done / seconds).toFixed(0)} articles/s`,
        );
      await store.close();
    }
    const result = {
      articles: args.articles,
      fileMb: mb(size),
      generateSeconds: genSec,
      readOnly: { articles: read, seconds: readSec, rate: read / readSec, memory: readRows },
      checkpoints: rows,
      stageSeconds: Object.fromEntries([...timings].map(([k, v]) => [k, v / 1000])),
    };
    if (args.json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(`JSONL file: ${args.articles} articles, ${result.fileMb} MB (generated in ${genSec.toFixed(1)} s)`);
      console.log(
        `read + map only: ${read} articles in ${readSec.toFixed(1)} s = ${(read / readSec).toFixed(0)} articles/s`,
      );
      console.log('  ' + readRows.map((r) => `${r.articles}: rss ${r.rssMb} MB, heap ${r.heapMb} MB`).join('; '));
      if (rows.length) {
        console.log('articles   seconds   articles/s   RSS MB   peak RSS MB   heap MB   heap total MB');
        for (const r of rows)
          console.log(
            `${String(r.articles).padStart(8)}  ${r.seconds.toFixed(1).padStart(8)}  ${r.rate.toFixed(0).padStart(11)}  ${String(r.rssMb).padStart(7)}  ${String(r.peakRssMb).padStart(12)}  ${String(r.heapMb).padStart(8)}  ${String(r.heapTotalMb).padStart(14)}`,
          );
        const total = [...timings.values()].reduce((a, b) => a + b, 0);
        console.log(
          'stage time (s): ' +
            [...timings]
              .sort((a, b) => b[1] - a[1])
              .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} (${((100 * v) / total).toFixed(0)}%)`)
              .join(', '),
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run as a script; imported (by probes that reuse `generate`), it does nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error((err as Error).message);
    process.exit(1);
  });
}
