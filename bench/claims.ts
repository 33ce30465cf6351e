/**
 * Cost of the comparison stage (claims, values, alignment, disagreements) per article, on stories of 2, 5, 10 and
 * 25 DUC 2006 articles, after annotation and after a warm-up run: the stage's own cost, not the parser's.
 *
 *   npx tsx bench/claims.ts [--data DIR] [--clusters N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compareArticles, storyFacts, candidatePairs } from '../src/compare/index.js';
import { extractClaims } from '../src/compare/claims.js';
import { parseDucDocument } from '../src/eval/stories.js';
import type { AnnotatedArticle } from '../src/model.js';
import { annotateArticle } from '../src/pipeline.js';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const data = resolve(opt('--data', process.env.STORYLINE_DATA ?? '../shared/data'));
const clusters = Number(opt('--clusters', '10'));
const root = join(data, 'summaries/duc2006/docs');

const stories: AnnotatedArticle[][] = [];
for (const c of readdirSync(root).sort().slice(0, clusters)) {
  stories.push(
    readdirSync(join(root, c))
      .sort()
      .map((f) => annotateArticle(parseDucDocument(readFileSync(join(root, c, f), 'utf8'), f))),
  );
}

/** Repetitions of each measurement: one story's stage takes a few milliseconds, too short to time once. */
const REPEAT = 5;

/** Wall time of `f` on the main thread, per repetition. */
const wallMs = (f: () => void): number => {
  const t = performance.now();
  for (let r = 0; r < REPEAT; r++) f();
  return (performance.now() - t) / REPEAT;
};

/** CPU time of `f`, per repetition (all threads: the garbage collector's work is the stage's cost too). */
const cpuMs = (f: () => void): number => {
  const t = process.cpuUsage();
  for (let r = 0; r < REPEAT; r++) f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000 / REPEAT;
};

console.log(`Comparison stage, CPU ms per article (${stories.length} DUC 2006 clusters, warm)`);
console.log('');
console.log(
  'articles per story | stories | whole stage, wall | whole stage, CPU | claims | values | value pairs scored',
);
console.log(
  '-------------------|---------|-------------------|------------------|--------|--------|-------------------',
);
for (const size of [2, 5, 10, 25]) {
  const sets = stories.map((s) => s.slice(0, size)).filter((s) => s.length === size);
  for (const s of sets) compareArticles(s); // warm-up
  let articles = 0;
  let whole = 0;
  let wall = 0;
  let claims = 0;
  let values = 0;
  let pairs = 0;
  for (const s of sets) {
    articles += s.length;
    wall += wallMs(() => compareArticles(s));
    whole += cpuMs(() => compareArticles(s));
    claims += cpuMs(() => s.forEach((d) => extractClaims(d, d.article.source ?? d.article.id)));
    values += cpuMs(() => {
      const { provenance, values: v } = storyFacts(s);
      candidatePairs({ docs: s, values: v, provenance });
    });
    const { provenance, values: v } = storyFacts(s);
    pairs += candidatePairs({ docs: s, values: v, provenance }).length;
  }
  const per = (x: number): string => (x / articles).toFixed(2).padStart(6);
  console.log(
    `${String(size).padStart(18)} | ${String(sets.length).padStart(7)} | ${per(wall).padStart(17)} | ${per(whole).padStart(16)} | ${per(claims)} | ${per(values)} | ${String(Math.round(pairs / sets.length)).padStart(18)}`,
  );
}
console.log('');
console.log(
  'wall: main thread; CPU: all threads, the garbage collector included. claims: sentence claims of each article;',
);
console.log('values: copies, figures and the candidate pairs with features (both CPU)');
