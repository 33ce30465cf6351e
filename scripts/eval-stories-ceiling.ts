/**
 * How well a bag-of-words representation can group the articles of ECB+ (by topic) or DUC 2006 (by cluster)
 * at best: offline average-link clustering of TF-IDF vectors over the whole collection, scored with B-cubed at
 * a range of thresholds (the best threshold is chosen by looking at the gold answer, so this is a ceiling,
 * not a result). Optionally with averaged word vectors from a JSON file in the wink embeddings format.
 *   npx tsx scripts/eval-stories-ceiling.ts <ecbplus or duc2006/docs folder> [--embeddings FILE]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadStoriesSet } from '../src/eval/stories.js';
import { bcubed } from '../src/stories/metrics.js';
import { annotateArticle } from '../src/pipeline.js';
import { STOPWORDS } from '../src/stories/text.js';

type Vec = Map<string, number>;

function normalise(v: Vec): Vec {
  let n = 0;
  for (const x of v.values()) n += x * x;
  n = Math.sqrt(n) || 1;
  for (const [k, x] of v) v.set(k, x / n);
  return v;
}

function dot(a: Vec, b: Vec): number {
  let s = 0;
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y !== undefined) s += x * y;
  }
  return s;
}

/** Average-link agglomeration; returns the partition reached at each threshold (descending). */
function averageLink(sim: Float64Array[], thresholds: number[]): Map<number, number[]> {
  const n = sim.length;
  const m = sim.map((r) => Float64Array.from(r));
  const size = new Array<number>(n).fill(1);
  const alive = new Array<boolean>(n).fill(true);
  const members = Array.from({ length: n }, (_, i) => [i]);
  const out = new Map<number, number[]>();
  const order = [...thresholds].sort((a, b) => b - a);
  let next = 0;
  const snapshot = (): number[] => {
    const label = new Array<number>(n);
    for (let i = 0; i < n; i++) if (alive[i]) for (const x of members[i]) label[x] = i;
    return label;
  };
  for (;;) {
    let best = -Infinity;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < n; j++) if (alive[j] && m[i][j] > best) [best, bi, bj] = [m[i][j], i, j];
    }
    while (next < order.length && (bi < 0 || best < order[next])) out.set(order[next++], snapshot());
    if (next >= order.length) return out;
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      const v = (m[bi][k] * size[bi] + m[bj][k] * size[bj]) / (size[bi] + size[bj]);
      m[bi][k] = v;
      m[k][bi] = v;
    }
    size[bi] += size[bj];
    alive[bj] = false;
    members[bi].push(...members[bj]);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const ei = args.indexOf('--embeddings');
  const embeddingsFile = ei >= 0 ? args[ei + 1] : undefined;
  const dir =
    args.find((a, i) => !a.startsWith('--') && i !== ei + 1) ?? path.resolve('../shared/data/stories/ecbplus');
  const { format, items } = await loadStoriesSet(dir);
  const gold = items.map((it) => it.topic ?? it.story);
  const docs = items.map((it) => annotateArticle(it.article));
  const n = docs.length;
  const bags = docs.map((d) => {
    const bag = new Map<string, number>();
    for (const t of d.tokens) {
      const w = t.text.toLowerCase();
      if (w.length < 3 || !/^\p{L}+$/u.test(w) || STOPWORDS.has(w)) continue;
      bag.set(w, (bag.get(w) ?? 0) + 1);
    }
    return bag;
  });
  const df = new Map<string, number>();
  for (const b of bags) for (const k of b.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const tfidf = bags.map((b) => {
    const v: Vec = new Map();
    for (const [k, c] of b) v.set(k, (1 + Math.log(c)) * Math.log(n / (df.get(k) ?? 1)));
    return normalise(v);
  });
  const representations: Array<{ name: string; sim: Float64Array[] }> = [
    { name: 'TF-IDF bag of words', sim: tfidf.map((a) => Float64Array.from(tfidf, (b) => dot(a, b))) },
  ];
  if (embeddingsFile) {
    const e = JSON.parse(readFileSync(embeddingsFile, 'utf8')) as {
      vectors: Record<string, number[]>;
      dimensions: number;
    };
    const dims = e.dimensions;
    const dense = bags.map((b) => {
      const v = new Float64Array(dims);
      for (const [w, c] of b) {
        const x = e.vectors[w];
        if (!x) continue;
        const weight = (1 + Math.log(c)) * Math.log(n / (df.get(w) ?? 1));
        for (let i = 0; i < dims; i++) v[i] += weight * x[i];
      }
      const norm = Math.hypot(...v) || 1;
      return v.map((x) => x / norm);
    });
    // Averaged word vectors all lean the same way; the common direction is taken out (as in SIF).
    const mean = new Float64Array(dims);
    for (const v of dense) for (let i = 0; i < dims; i++) mean[i] += v[i] / n;
    for (const v of dense) {
      for (let i = 0; i < dims; i++) v[i] -= mean[i];
      const norm = Math.hypot(...v) || 1;
      for (let i = 0; i < dims; i++) v[i] /= norm;
    }
    const sim = dense.map((a) => Float64Array.from(dense, (b) => a.reduce((s, x, i) => s + x * b[i], 0)));
    representations.push({ name: 'averaged word vectors', sim });
    const mixed = sim.map((row, i) => row.map((x, j) => 0.5 * x + 0.5 * representations[0].sim[i][j]));
    representations.push({ name: 'half and half', sim: mixed });
  }
  const thresholds = [0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.12, 0.1, 0.08, 0.06, 0.05, 0.04, 0.03];
  const goldMap = new Map(gold.map((g, i) => [String(i), g]));
  console.log(`${format === 'ecbplus' ? 'ECB+ topics' : 'DUC 2006 clusters'}: ${n} articles, offline average link`);
  console.log('representation | threshold | clusters | B3 P | B3 R | B3 F1');
  console.log('---|---|---|---|---|---');
  for (const r of representations) {
    let best = { f1: -1, line: '' };
    for (const [th, labels] of averageLink(r.sim, thresholds)) {
      const pred = new Map(labels.map((l, i) => [String(i), String(l)]));
      const s = bcubed(pred, goldMap);
      const line = `${r.name} | ${th} | ${new Set(labels).size} | ${(100 * s.precision).toFixed(1)} | ${(100 * s.recall).toFixed(1)} | ${(100 * s.f1).toFixed(1)}`;
      if (s.f1 > best.f1) best = { f1: s.f1, line };
    }
    console.log(best.line);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
