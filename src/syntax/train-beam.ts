import type { AveragedPerceptron } from '../learn/perceptron.js';
import { Beam } from './beam.js';
import { labelFeatures, MAX_FEATURES, MAX_LABEL_FEATURES, transitionFeatures, WordHashes } from './features.js';
import { Oracle } from './oracle.js';
import { LEFT, MOVES, ParseState, RIGHT, SHIFT } from './state.js';

/**
 * Global training of the transition model with a beam and max-violation updates (Huang, Fayong & Guo
 * 2012): the sentence is decoded with the beam next to the gold path (the oracle's cheapest move at
 * each step, which is the gold tree's derivation for projective trees); at the step where the best
 * item beats the gold prefix by the widest margin, the gold prefix's features are rewarded and the best
 * item's penalised, move by move. The labeller learns along the gold path, as in greedy training.
 */

const GOLD_ORDER = [LEFT, RIGHT, SHIFT] as const;

export interface BeamExample {
  words: string[];
  upos: string[];
  xpos: string[];
  /** Gold heads in parser numbering (the root word's head is `n`). */
  heads: Int32Array;
  labels: Int32Array;
}

export class BeamTrainer {
  private readonly beam: Beam;
  private readonly hashes = new WordHashes();
  private readonly oracle = new Oracle();
  private readonly gold = new ParseState();
  private readonly replay = new ParseState();
  private readonly f = new Uint32Array(MAX_FEATURES);
  private readonly lf = new Uint32Array(MAX_LABEL_FEATURES);
  private readonly scores = new Float64Array(MOVES);
  private readonly lscores: Float64Array;
  private goldMoves = new Int32Array(0);
  private goldLabels = new Int32Array(0);
  private path = new Int32Array(0);
  private labs = new Int32Array(0);
  private lk = 0;
  updates = 0;
  labelTotal = 0;
  labelCorrect = 0;

  constructor(
    private readonly moves: AveragedPerceptron,
    private readonly labeller: AveragedPerceptron,
    private readonly classes: number,
    private readonly rootLabel: number,
    width: number,
  ) {
    this.beam = new Beam(width);
    this.lscores = new Float64Array(classes);
  }

  private predictLabel(st: ParseState, hd: number, dep: number): number {
    if (hd === st.n) return this.rootLabel;
    const k = labelFeatures(st, this.hashes, hd, dep, this.lf);
    this.lk = k;
    const s = this.lscores;
    s.fill(0);
    this.labeller.score(this.lf, k, s);
    let best = -1;
    for (let c = 0; c < this.classes; c++) if (c !== this.rootLabel && (best < 0 || s[c] > s[best])) best = c;
    return best;
  }

  private scoreMoves = (st: ParseState, out: Float64Array): void => {
    const k = transitionFeatures(st, this.hashes, this.f);
    this.moves.score(this.f, k, out);
  };

  /** Trains on one sentence; returns whether the model's best parse followed the gold path. */
  sentence(ex: BeamExample): boolean {
    const n = ex.words.length;
    const steps = 2 * n;
    const beam = this.beam;
    const width = beam.width;
    this.hashes.fill(ex.words, ex.upos, ex.xpos);
    this.oracle.reset(ex.heads);
    if (this.goldMoves.length < steps) {
      this.goldMoves = new Int32Array(steps);
      this.goldLabels = new Int32Array(steps);
      this.path = new Int32Array(steps);
      this.labs = new Int32Array(steps);
    }
    const gold = this.gold;
    gold.reset(n);
    beam.reset(n);
    let goldScore = 0;
    let goldIn = 0; // index of the gold item in the beam, -1 when it fell out
    let maxViolation = 0;
    let maxStep = -1;
    let stepNo = 0;
    const label = (st: ParseState, hd: number, dep: number): number => this.predictLabel(st, hd, dep);
    while (!gold.done) {
      // The gold move: the oracle's cheapest (first of LEFT, RIGHT, SHIFT on ties).
      let gm = gold.forced();
      if (gm < 0) {
        let min = Infinity;
        for (const m of GOLD_ORDER) {
          if (!gold.valid(m)) continue;
          const c = this.oracle.cost(gold, m);
          if (c < min) {
            min = c;
            gm = m;
          }
        }
        const s = this.scores;
        s.fill(0);
        this.scoreMoves(gold, s);
        goldScore += s[gm];
      }
      let gl = 0;
      if (gm !== SHIFT) {
        const dep = gold.stack[gold.sp - 1];
        const hd = gm === LEFT ? gold.b : gold.stack[gold.sp - 2];
        if (hd === n) gl = this.rootLabel;
        else {
          const guess = this.predictLabel(gold, hd, dep);
          const truth = ex.heads[dep] === hd ? ex.labels[dep] : guess;
          if (ex.heads[dep] === hd) {
            this.labelTotal++;
            if (guess === truth) this.labelCorrect++;
            else this.labeller.learn(this.lf, this.lk, truth, guess);
            this.labeller.step++;
          }
          gl = truth;
        }
      }
      this.goldMoves[stepNo] = gm;
      this.goldLabels[stepNo] = gl;
      gold.apply(gm, gl);
      beam.step(this.scoreMoves, label);
      // Is the gold prefix still in the beam?
      if (goldIn >= 0) {
        let found = -1;
        for (let j = 0; j < beam.size; j++)
          if (beam.parents[stepNo * width + j] === goldIn && beam.moves[stepNo * width + j] === gm) {
            found = j;
            break;
          }
        goldIn = found;
      }
      const v = beam.scores[0] - goldScore;
      if (goldIn !== 0 && v >= maxViolation) {
        maxViolation = v;
        maxStep = stepNo;
      }
      stepNo++;
      this.moves.step++;
    }
    if (maxStep < 0) return true;
    this.update(ex, maxStep);
    this.updates++;
    return false;
  }

  /** Rewards the gold prefix and penalises the best item's prefix up to `last` (inclusive). */
  private update(ex: BeamExample, last: number): void {
    const beam = this.beam;
    const width = beam.width;
    // Back-pointers from the best item at step `last`.
    let j = 0;
    for (let t = last; t >= 0; t--) {
      this.path[t] = beam.moves[t * width + j];
      this.labs[t] = beam.labs[t * width + j];
      j = beam.parents[t * width + j];
    }
    this.walk(ex, last, this.goldMoves, this.goldLabels, 1);
    this.walk(ex, last, this.path, this.labs, -1);
  }

  private walk(ex: BeamExample, last: number, moves: Int32Array, labels: Int32Array, delta: number): void {
    const st = this.replay;
    st.reset(ex.words.length);
    for (let t = 0; t <= last; t++) {
      const m = moves[t];
      if (st.forced() < 0) {
        const k = transitionFeatures(st, this.hashes, this.f);
        this.moves.update(this.f, k, m, delta);
      }
      st.apply(m, labels[t]);
    }
  }
}
