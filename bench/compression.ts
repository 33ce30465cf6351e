/**
 * PostgreSQL's server time for the values Storyline writes inside its assignment transaction, compressed
 * with pglz (the server default) and with lz4: article rows (text and annotations) of the evaluation corpus,
 * and one large JSON value the size of a clusterer checkpoint. Each method is measured twice, alternating.
 *
 *   npx tsx bench/compression.ts [--data DIR] [--articles 1500] [--value-mb 100]
 */
import { resolve } from 'node:path';
import pg from 'pg';
import { startPgCluster } from '../scripts/pg-cluster.js';
import { annotateArticle } from '../src/pipeline.js';
import { encodeAnnotations } from '../src/store/codec.js';
import { loadCorpus } from './corpus.js';

function parseArgs(argv: string[]): { data: string; articles: number; valueMb: number } {
  const a = { data: process.env.STORYLINE_DATA ?? resolve('../shared/data'), articles: 1500, valueMb: 100 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--data') a.data = argv[++i];
    else if (k === '--articles') a.articles = Number(argv[++i]);
    else if (k === '--value-mb') a.valueMb = Number(argv[++i]);
    else throw new Error(`unknown argument ${k}`);
  }
  return a;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const rows = (await loadCorpus(args.data))
    .slice(0, args.articles)
    .map(({ article }) => ({ text: article.text, annotations: encodeAnnotations(annotateArticle(article)) }));
  // Feature/weight pairs, the shape of a checkpoint's vectors.
  const pairs: Array<[string, number]> = [];
  let value = '';
  for (let i = 0; value.length < args.valueMb * 1e6; i++) {
    pairs.push([`feature-${i % 50_000}`, Math.round(Math.sin(i) * 1e6) / 1e6]);
    if (pairs.length === 100_000) value += JSON.stringify(pairs.splice(0));
  }
  const cluster = await startPgCluster();
  const c = new pg.Client({ connectionString: cluster.url });
  await c.connect();
  try {
    const lines = [
      `${rows.length} articles (annotations ${(rows.reduce((n, r) => n + r.annotations.length, 0) / rows.length / 1000).toFixed(1)} KB on average), one ${(value.length / 1e6).toFixed(0)} MB value`,
      '| method | server ms per article insert | wall ms per article | large value: server s | wall s | stored MB |',
      '|---|---|---|---|---|---|',
    ];
    for (const [run, method] of ['pglz', 'lz4', 'pglz', 'lz4'].entries()) {
      const articles = `articles_${run}`;
      const state = `state_${run}`;
      await c.query(
        `CREATE TABLE ${articles} (text TEXT COMPRESSION ${method}, annotations TEXT COMPRESSION ${method})`,
      );
      await c.query(`CREATE TABLE ${state} (key TEXT PRIMARY KEY, value TEXT COMPRESSION ${method})`);
      let server = cluster.cpuSeconds();
      let t = performance.now();
      for (let i = 0; i < rows.length; i += 25) {
        const part = rows.slice(i, i + 25);
        await c.query(`INSERT INTO ${articles} SELECT * FROM unnest($1::text[], $2::text[])`, [
          part.map((r) => r.text),
          part.map((r) => r.annotations),
        ]);
      }
      const perArticle = [
        ((cluster.cpuSeconds() - server) * 1000) / rows.length,
        (performance.now() - t) / rows.length,
      ];
      server = cluster.cpuSeconds();
      t = performance.now();
      await c.query(`INSERT INTO ${state} VALUES ('checkpoint', $1)`, [value]);
      const large = [cluster.cpuSeconds() - server, (performance.now() - t) / 1000];
      const stored = Number(
        (await c.query<{ n: string }>(`SELECT pg_column_size(value) AS n FROM ${state}`)).rows[0].n,
      );
      lines.push(
        `| ${method} | ${perArticle[0].toFixed(3)} | ${perArticle[1].toFixed(3)} | ${large[0].toFixed(2)} | ${large[1].toFixed(2)} | ${(stored / 1e6).toFixed(0)} |`,
      );
    }
    console.log(lines.join('\n'));
  } finally {
    await c.end();
    cluster.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`bench:compression: ${(err as Error).message}`);
  process.exitCode = 1;
});
