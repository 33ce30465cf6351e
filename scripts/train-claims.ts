/**
 * Trains the value alignment model on the development half of the labelled DUC 2006 report pairs and writes
 * models/claims/alignment.json. Every comparable pair of values in an item is an example: labelled pairs (agree,
 * conflict or update) are positives, the rest negatives (the labels list every conflict and update, and the
 * agreements an annotator saw). Logistic regression by full-batch gradient descent: deterministic.
 *
 *   npx tsx scripts/train-claims.ts [duc-docs-dir] [--split dev] [--out models/claims/alignment.json]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { candidatePairs, compareArticles, storyFacts, PAIR_FEATURES } from '../src/compare/index.js';
import type { AnnotatedArticle } from '../src/model.js';
import { defaultClaimLabelsPath, itemArticles, loadClaimLabels, matches } from '../src/eval/claims-labelled.js';
import { annotateArticle } from '../src/pipeline.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir =
  args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '../shared/data/summaries/duc2006/docs';
const split = flag('--split') ?? 'dev';
const out = flag('--out') ?? path.resolve('models/claims/alignment.json');

const EPOCHS = 3000;
const RATE = 0.5;
const L2 = 0.003;

const items: Array<{ pairs: ReturnType<typeof loadClaimLabels>[number]['pairs']; docs: AnnotatedArticle[] }> = [];
const X: number[][] = [];
const y: number[] = [];
/** Conflicts and updates are what the model is for, and rarer than agreements: they count more. */
const relationWeight: number[] = [];
const DISAGREEMENT_WEIGHT = 3;
for (const item of loadClaimLabels(defaultClaimLabelsPath())) {
  if (split !== 'all' && item.split !== split) continue;
  const docs = (await itemArticles(item, dir)).map((a) => annotateArticle(a));
  items.push({ pairs: item.pairs, docs });
  const { provenance, values } = storyFacts(docs);
  for (const c of candidatePairs({ docs, values, provenance })) {
    X.push(c.features);
    const label = item.pairs.find((p) => matches(p, c));
    y.push(label ? 1 : 0);
    relationWeight.push(label && label.relation !== 'agree' ? DISAGREEMENT_WEIGHT : 1);
  }
}
const pos = y.filter((v) => v === 1).length;
console.log(`${X.length} candidate pairs, ${pos} labelled as one fact (split ${split})`);

// Positives are rare; each counts as many negatives so the model does not learn to align nothing.
const posWeight = Math.min(10, (X.length - pos) / Math.max(1, pos));
const d = PAIR_FEATURES.length;
const w = new Array<number>(d).fill(0);
let b = 0;
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
for (let epoch = 0; epoch < EPOCHS; epoch++) {
  const gw = new Array<number>(d).fill(0);
  let gb = 0;
  let total = 0;
  for (let i = 0; i < X.length; i++) {
    let z = b;
    for (let k = 0; k < d; k++) z += w[k] * X[i][k];
    const weight = (y[i] === 1 ? posWeight : 1) * relationWeight[i];
    const g = (sigmoid(z) - y[i]) * weight;
    for (let k = 0; k < d; k++) gw[k] += g * X[i][k];
    gb += g;
    total += weight;
  }
  for (let k = 0; k < d; k++) w[k] -= RATE * (gw[k] / total + L2 * w[k]);
  b -= (RATE * gb) / total;
}

// The threshold at which the whole comparison finds the training items' conflicts best (F1 of conflicts found),
// with agreements flagged as conflicts counted against it: that is what the model is for.
let best = { t: 0.5, f1: -1 };
for (let t = 0.4; t <= 0.96; t += 0.04) {
  const model = { features: [...PAIR_FEATURES], weights: w, bias: b, threshold: t };
  let gold = 0;
  let found = 0;
  let predicted = 0;
  let correct = 0;
  for (const it of items) {
    const cmp = compareArticles(it.docs, { model });
    const conflicts = it.pairs.filter((p) => p.relation === 'conflict');
    gold += conflicts.length;
    found += conflicts.filter((p) => cmp.pairs.some((q) => q.relation === 'conflict' && matches(p, q))).length;
    for (const q of cmp.pairs) {
      if (q.relation !== 'conflict') continue;
      predicted++;
      if (conflicts.some((p) => matches(p, q))) correct++;
    }
  }
  const r = gold ? found / gold : 0;
  const p = predicted ? correct / predicted : 0;
  const f1 = r + p > 0 ? (2 * r * p) / (r + p) : 0;
  if (f1 > best.f1) best = { t: Math.round(t * 100) / 100, f1 };
}
const round = (x: number): number => Math.round(x * 1e4) / 1e4;
const model = { features: [...PAIR_FEATURES], weights: w.map(round), bias: round(b), threshold: best.t };
writeFileSync(out, JSON.stringify(model, null, 2) + '\n');
console.log(`threshold ${best.t} (conflict F1 on the training items ${(100 * best.f1).toFixed(1)})`);
for (let k = 0; k < d; k++) console.log(`${PAIR_FEATURES[k].padEnd(20)} ${w[k].toFixed(3).padStart(8)}`);
console.log(`bias ${b.toFixed(3)} → ${path.relative(process.cwd(), out)}`);
