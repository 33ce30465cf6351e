import { chunks, toBioes, type LabelledDocument } from './conll.js';
import {
  ENTITY_TYPES,
  Gazetteer,
  docContext,
  isAllCaps,
  normalizeWord,
  sentenceFeatures,
  type ConllType,
} from './features.js';
import { FeatureTable, mulberry32 } from '../learn/hash.js';
import { NUM_LABELS, NerModel, labelIndex, viterbi, type Casing } from './tagger.js';

export interface TrainOptions {
  epochs?: number;
  seed?: number;
  /** Features seen fewer times than this are dropped. */
  minCount?: number;
  /** Folds for the training-time gazetteers (each document sees names from the other folds only); 1 uses the full list. */
  gazetteerFolds?: number;
  trainedOn?: string;
  /** Average the weights over all steps (default true); false keeps the last weights. */
  average?: boolean;
  log?: (line: string) => void;
}

function buildGazetteer(docs: readonly LabelledDocument[]): Gazetteer {
  const g = new Gazetteer();
  for (const d of docs) {
    for (const s of d.sentences) {
      const words = s.words.map(normalizeWord);
      for (const c of chunks(s.tags)) {
        if ((ENTITY_TYPES as readonly string[]).includes(c.type))
          g.add(words.slice(c.start, c.end), c.type as ConllType);
      }
    }
  }
  return g;
}

/** Usual casing of words seen at least twice away from sentence starts in mixed-case sentences. */
export function learnCasing(docs: readonly LabelledDocument[]): Casing {
  const counts = new Map<string, [number, number, number]>();
  for (const d of docs) {
    for (const s of d.sentences) {
      const words = s.words.map(normalizeWord);
      if (isAllCaps(words)) continue;
      for (let i = 1; i < words.length; i++) {
        const w = words[i];
        if (!/\p{L}/u.test(w)) continue;
        const l = w.toLowerCase();
        let c = counts.get(l);
        if (!c) counts.set(l, (c = [0, 0, 0]));
        if (w === l) c[0]++;
        else if (w === w.toUpperCase() && w.length > 1) c[1]++;
        else c[2]++;
      }
    }
  }
  const lower: string[] = [];
  const upper: string[] = [];
  for (const [l, [lo, up, cap]] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const total = lo + up + cap;
    if (total < 2) continue;
    if (lo * 2 > total) lower.push(l);
    else if (up * 2 > total) upper.push(l);
  }
  return { lower, upper };
}

interface Example {
  feats: Int32Array[];
  gold: Int32Array;
}

/**
 * Averaged structured perceptron (Collins 2002) over BIOES labels with Viterbi decoding.
 * Gazetteer features are computed from held-out folds during training: with the full list every training
 * name would be in the gazetteer and the model would learn to trust it far more than it deserves.
 */
export function trainNer(docs: readonly LabelledDocument[], opts: TrainOptions = {}): NerModel {
  const epochs = opts.epochs ?? 12;
  const seed = opts.seed ?? 13;
  const minCount = opts.minCount ?? 1;
  const folds = opts.gazetteerFolds ?? 5;
  const log = opts.log ?? (() => {});

  const foldGaz: Gazetteer[] = [];
  if (folds <= 1) foldGaz.push(buildGazetteer(docs));
  else for (let k = 0; k < folds; k++) foldGaz.push(buildGazetteer(docs.filter((_, i) => i % folds !== k)));

  const counts = new Map<number, number>();
  const raw: Array<{ feats: number[][]; gold: Int32Array }> = [];
  docs.forEach((d, di) => {
    const norm = d.sentences.map((s) => s.words.map(normalizeWord));
    const ctx = docContext(norm);
    d.sentences.forEach((s, si) => {
      const feats = sentenceFeatures(norm[si], ctx, foldGaz[di % foldGaz.length]);
      for (const fs of feats) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
      raw.push({ feats, gold: Int32Array.from(toBioes(s.tags).map(labelIndex)) });
    });
  });
  const kept: number[] = [];
  for (const [f, c] of counts) if (c >= minCount) kept.push(f);
  counts.clear();
  const featureIndex = new FeatureTable(kept);
  const examples: Example[] = raw.map((r) => ({
    gold: r.gold,
    feats: r.feats.map((fs) => Int32Array.from(fs.map((f) => featureIndex.get(f)).filter((x) => x >= 0))),
  }));
  raw.length = 0;
  log(`features: ${featureIndex.size}, sentences: ${examples.length}`);

  const L = NUM_LABELS;
  const F = featureIndex.size;
  const w = new Float32Array(F * L);
  const u = new Float64Array(F * L);
  const tw = new Float32Array(L * L);
  const tu = new Float64Array(L * L);
  let c = 1;
  const rand = mulberry32(seed);
  const order = examples.map((_, i) => i);
  let scores = new Float32Array(256 * L);

  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    let tokens = 0;
    for (const ei of order) {
      const ex = examples[ei];
      const n = ex.gold.length;
      if (scores.length < n * L) scores = new Float32Array(n * L * 2);
      scores.fill(0, 0, n * L);
      for (let t = 0; t < n; t++) {
        const base = t * L;
        for (const f of ex.feats[t]) {
          const off = f * L;
          for (let k = 0; k < L; k++) scores[base + k] += w[off + k];
        }
      }
      const pred = viterbi(scores, n, tw);
      tokens += n;
      for (let t = 0; t < n; t++) {
        const g = ex.gold[t];
        const p = pred[t];
        if (g !== p) {
          errors++;
          for (const f of ex.feats[t]) {
            w[f * L + g] += 1;
            u[f * L + g] += c;
            w[f * L + p] -= 1;
            u[f * L + p] -= c;
          }
        }
        if (t > 0) {
          const gp = ex.gold[t - 1] * L + g;
          const pp = pred[t - 1] * L + p;
          if (gp !== pp) {
            tw[gp] += 1;
            tu[gp] += c;
            tw[pp] -= 1;
            tu[pp] -= c;
          }
        }
      }
      c++;
    }
    log(`epoch ${epoch + 1}/${epochs}: token error rate ${((100 * errors) / tokens).toFixed(2)}%`);
  }
  const avg = new Float32Array(F * L);
  const avgOn = opts.average ?? true;
  for (let i = 0; i < avg.length; i++) avg[i] = avgOn ? w[i] - u[i] / c : w[i];
  const tavg = new Float32Array(L * L);
  for (let i = 0; i < tavg.length; i++) tavg[i] = avgOn ? tw[i] - tu[i] / c : tw[i];
  return new NerModel(
    featureIndex,
    avg,
    tavg,
    buildGazetteer(docs),
    {
      version: 1,
      trainedOn: opts.trainedOn ?? 'unknown',
      epochs,
      seed,
      features: F,
    },
    learnCasing(docs),
  );
}
