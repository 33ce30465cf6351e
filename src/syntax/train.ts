import { AveragedPerceptron } from '../learn/perceptron.js';
import { mulberry32, shuffle } from '../learn/hash.js';
import type { ConlluSentence } from '../text/conllu.js';
import { labelFeatures, MAX_FEATURES, MAX_LABEL_FEATURES, transitionFeatures, WordHashes } from './features.js';
import { Oracle } from './oracle.js';
import { BeamTrainer } from './train-beam.js';
import { DependencyParser, ROOT_LABEL } from './parser.js';
import { LEFT, MOVES, ParseState, SHIFT } from './state.js';

/**
 * Training: averaged perceptrons with the arc-hybrid dynamic oracle (Goldberg & Nivre 2013). The first
 * epoch follows the oracle; later ones follow the model's own (possibly wrong) move most of the time,
 * so the parser learns to recover from its mistakes. The labeller learns at every correct arc, from the
 * configuration the parser is in at that moment.
 */

export type Tagger = (words: string[]) => { upos: string[]; xpos: string[] };

export interface TrainOptions {
  seed?: number;
  epochs?: number;
  /** Tags the training sentences (use a jackknifed tagger, see `jackknife.ts`); gold tags otherwise. */
  tagger?: Tagger;
  log?: (line: string) => void;
  /** Epochs that follow the oracle only before exploration starts (default 1). */
  staticEpochs?: number;
  /** Probability of following a wrong prediction when exploring (default 0.9). */
  explore?: number;
  /** Rows whose averaged weights are all at or below this magnitude are dropped (default `DEFAULT_PRUNE`). */
  prune?: number;
  /**
   * Beam width for global training (max-violation updates, see `train-beam.ts`); 1 (the default) trains
   * the greedy parser with the dynamic oracle. Parse with the same width: `parse(input, { beam })`.
   */
  beam?: number;
}

interface Example {
  words: string[];
  upos: string[];
  xpos: string[];
  /** Gold heads in parser numbering (the root word's head is `n`). */
  heads: Int32Array;
  labels: Int32Array;
}

export const DEFAULT_EPOCHS = 12;
/** Rows whose averaged weights all stay within this of 0 are dropped (halves the model, no loss on EWT dev). */
export const DEFAULT_PRUNE = 1;

function prepare(sentences: readonly ConlluSentence[], labelIds: Map<string, number>, tagger?: Tagger): Example[] {
  const out: Example[] = [];
  for (const s of sentences) {
    const words = s.words.map((w) => w.form);
    const n = words.length;
    if (n === 0) continue;
    const heads = new Int32Array(n);
    const labels = new Int32Array(n);
    let roots = 0;
    let ok = true;
    for (let i = 0; i < n; i++) {
      const w = s.words[i];
      if (!(w.head >= 0 && w.head <= n) || w.head === i + 1) ok = false;
      heads[i] = w.head === 0 ? n : w.head - 1;
      if (w.head === 0) roots++;
      labels[i] = labelIds.get(w.head === 0 ? ROOT_LABEL : w.deprel) ?? 0;
    }
    if (!ok || roots !== 1) continue;
    const tags = tagger ? tagger(words) : { upos: s.words.map((w) => w.upos), xpos: s.words.map((w) => w.xpos) };
    out.push({ words, upos: tags.upos, xpos: tags.xpos, heads, labels });
  }
  return out;
}

/** The trained perceptrons, before compiling (for experiments with pruning). */
export interface TrainedModels {
  moves: AveragedPerceptron;
  labeller: AveragedPerceptron;
  labels: string[];
}

/** Trains a parser on gold trees; deterministic for a seed. */
export function trainParser(train: ConlluSentence[], opts: TrainOptions = {}): DependencyParser {
  const t0 = Date.now();
  const models = trainModels(train, opts);
  return compileParser(models, opts.prune ?? DEFAULT_PRUNE, opts.log, t0);
}

/** Turns trained perceptrons into a parser, dropping rows whose averaged weights are all within `prune` of 0. */
export function compileParser(
  models: TrainedModels,
  prune: number,
  log?: (line: string) => void,
  t0 = Date.now(),
): DependencyParser {
  const m = models.moves.compile(prune);
  const l = models.labeller.compile(prune);
  const parser = DependencyParser.fromWeights(m, l, models.labels);
  log?.(
    `parser: kept ${m.keys.length} + ${l.keys.length} features after pruning at ${prune}; ${((Date.now() - t0) / 1000).toFixed(1)}s in all`,
  );
  return parser;
}

/** The training loop proper (see `trainParser`). */
export function trainModels(train: ConlluSentence[], opts: TrainOptions = {}): TrainedModels {
  const seed = opts.seed ?? 1;
  const epochs = opts.epochs ?? DEFAULT_EPOCHS;
  const staticEpochs = opts.staticEpochs ?? 1;
  const exploreP = opts.explore ?? 0.9;
  const log = opts.log ?? (() => {});
  const labelSet = new Set<string>([ROOT_LABEL]);
  for (const s of train)
    for (const w of s.words) if (w.head !== 0 && w.deprel && w.deprel !== '_') labelSet.add(w.deprel);
  const labels = [...labelSet].sort();
  const labelIds = new Map(labels.map((l, i) => [l, i]));
  const rootLabel = labelIds.get(ROOT_LABEL)!;
  const t0 = Date.now();
  const examples = prepare(train, labelIds, opts.tagger);
  log(
    `parser: ${examples.length} training sentences, ${labels.length} labels (${((Date.now() - t0) / 1000).toFixed(1)}s to prepare)`,
  );

  const moves = new AveragedPerceptron(MOVES, 1 << 20);
  const labeller = new AveragedPerceptron(labels.length, 1 << 16);
  const st = new ParseState();
  const hashes = new WordHashes();
  const oracle = new Oracle();
  const f = new Uint32Array(MAX_FEATURES);
  const lf = new Uint32Array(MAX_LABEL_FEATURES);
  const scores = new Float64Array(MOVES);
  const lscores = new Float64Array(labels.length);
  const costs = new Int32Array(MOVES);
  const rand = mulberry32(seed);
  const order = examples.map((_, i) => i);

  let lk = 0;
  const predictLabel = (hd: number, dep: number): number => {
    lk = labelFeatures(st, hashes, hd, dep, lf);
    lscores.fill(0);
    labeller.score(lf, lk, lscores);
    let best = -1;
    for (let c = 0; c < labels.length; c++) if (c !== rootLabel && (best < 0 || lscores[c] > lscores[best])) best = c;
    return best;
  };

  const width = Math.max(1, Math.floor(opts.beam ?? 1));
  const beam = width > 1 ? new BeamTrainer(moves, labeller, labels.length, rootLabel, width) : undefined;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const te = Date.now();
    shuffle(order, rand);
    if (beam) {
      let right = 0;
      beam.labelTotal = beam.labelCorrect = 0;
      for (const idx of order) if (beam.sentence(examples[idx])) right++;
      log(
        `parser epoch ${epoch + 1}/${epochs} (beam ${width}): ${((100 * right) / examples.length).toFixed(2)}% sentences without update, ` +
          `labels ${((100 * beam.labelCorrect) / Math.max(1, beam.labelTotal)).toFixed(2)}%, ${moves.size} + ${labeller.size} features, ${((Date.now() - te) / 1000).toFixed(1)}s`,
      );
      continue;
    }
    const exploring = epoch >= staticEpochs;
    let correct = 0;
    let total = 0;
    let labelCorrect = 0;
    let labelTotal = 0;
    for (const idx of order) {
      const ex = examples[idx];
      const n = ex.words.length;
      hashes.fill(ex.words, ex.upos, ex.xpos);
      st.reset(n);
      oracle.reset(ex.heads);
      while (!st.done) {
        const k = transitionFeatures(st, hashes, f);
        scores.fill(0);
        moves.score(f, k, scores);
        let pred = -1;
        let min = Infinity;
        for (let m = 0; m < MOVES; m++) {
          if (!st.valid(m)) {
            costs[m] = -1;
            continue;
          }
          if (pred < 0 || scores[m] > scores[pred]) pred = m;
          costs[m] = oracle.cost(st, m);
          if (costs[m] < min) min = costs[m];
        }
        let gold = -1;
        for (let m = 0; m < MOVES; m++) if (costs[m] === min && (gold < 0 || scores[m] > scores[gold])) gold = m;
        total++;
        let next = gold;
        if (costs[pred] === min) {
          correct++;
          next = pred;
        } else {
          moves.learn(f, k, gold, pred);
          if (exploring && rand() < exploreP) next = pred;
        }
        moves.step++;
        let label = 0;
        if (next !== SHIFT) {
          const dep = st.stack[st.sp - 1];
          const hd = next === LEFT ? st.b : st.stack[st.sp - 2];
          if (hd === n) label = rootLabel;
          else {
            const guess = predictLabel(hd, dep);
            if (ex.heads[dep] === hd) {
              const truth = ex.labels[dep];
              labelTotal++;
              if (guess === truth) labelCorrect++;
              else labeller.learn(lf, lk, truth, guess);
              labeller.step++;
              label = truth;
            } else label = guess;
          }
        }
        st.apply(next, label);
      }
    }
    log(
      `parser epoch ${epoch + 1}/${epochs}: moves ${((100 * correct) / total).toFixed(2)}%, labels ${((100 * labelCorrect) / Math.max(1, labelTotal)).toFixed(2)}%` +
        `${exploring ? ' (exploring)' : ''}, ${moves.size} + ${labeller.size} features, ${((Date.now() - te) / 1000).toFixed(1)}s`,
    );
  }
  return { moves, labeller, labels };
}
