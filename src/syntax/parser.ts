import { readBundle, writeBundle, BundleError } from '../learn/bundle.js';
import { labelFeatures, MAX_FEATURES, MAX_LABEL_FEATURES, transitionFeatures, WordHashes } from './features.js';
import { LEFT, MOVES, ParseState, SHIFT } from './state.js';
import { Beam } from './beam.js';
import { MoveTable, SparseTable } from './table.js';

/**
 * The dependency parser (greedy by default, or with a beam): arc-hybrid transitions scored by a linear model, each arc labelled when
 * it is made (the dependent's subtree is complete by then) by a second linear model. See `state.ts` for
 * the transition system and `train.ts` for training.
 */

export interface ParseInput {
  words: readonly string[];
  upos: readonly string[];
  xpos: readonly string[];
  lemmas?: readonly string[];
}

export interface ParseOptions {
  /** Beam width (default 1: greedy). Wider beams search more configurations, at that many times the cost. */
  beam?: number;
}

export interface ParseResult {
  /** 0-based head index per word, -1 for the root */
  heads: Int32Array;
  deprels: string[];
}

export class ParserModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParserModelError';
  }
}

export const FORMAT = 'storyline-parser/2';
export const ROOT_LABEL = 'root';

export interface Weights {
  keys: Uint32Array;
  weights: Float32Array;
}

interface Meta {
  format: string;
  labels: string[];
  scale: number;
}

export class DependencyParser {
  private readonly st = new ParseState();
  private readonly hashes = new WordHashes();
  private readonly feats = new Uint32Array(Math.max(MAX_FEATURES, MAX_LABEL_FEATURES));
  private readonly moveScores = new Float32Array(MOVES);
  private readonly labelScores: Float32Array;
  private readonly rootLabel: number;

  constructor(
    private readonly moveTable: MoveTable,
    private readonly labelTable: SparseTable,
    readonly labels: readonly string[],
  ) {
    if (labelTable.classes !== labels.length)
      throw new ParserModelError(`label model has ${labelTable.classes} classes but ${labels.length} labels`);
    this.labelScores = new Float32Array(labels.length);
    this.rootLabel = labels.indexOf(ROOT_LABEL);
  }

  /** A parser from trained weights (`weights[row * classes + class]` for `keys[row]`, as `LinearModel` has them). */
  static fromWeights(moves: Weights, labeller: Weights, labels: readonly string[]): DependencyParser {
    if (moves.weights.length !== moves.keys.length * MOVES)
      throw new ParserModelError(
        `transition model holds ${moves.weights.length} weights for ${moves.keys.length} features`,
      );
    if (labeller.weights.length !== labeller.keys.length * labels.length)
      throw new ParserModelError(
        `label model holds ${labeller.weights.length} weights for ${labeller.keys.length} features`,
      );
    return new DependencyParser(
      MoveTable.build(moves.keys, moves.weights),
      SparseTable.build(labels.length, labeller.keys, labeller.weights),
      labels,
    );
  }

  parse(input: ParseInput, opts: ParseOptions = {}): ParseResult {
    const n = input.words.length;
    if (n === 0) return { heads: new Int32Array(0), deprels: [] };
    const width = Math.max(1, Math.floor(opts.beam ?? 1));
    try {
      return width > 1 ? this.runBeam(input, width) : this.run(input);
    } catch {
      // Never reached with well-formed models; a flat tree keeps callers going.
      const heads = new Int32Array(n).fill(0);
      heads[0] = -1;
      return { heads, deprels: input.words.map((_, i) => (i === 0 ? ROOT_LABEL : 'dep')) };
    }
  }

  private run(input: ParseInput): ParseResult {
    const n = input.words.length;
    const st = this.st;
    const h = this.hashes;
    const f = this.feats;
    const scores = this.moveScores;
    h.fill(input.words, input.upos, input.xpos);
    st.reset(n);
    while (!st.done) {
      // With an empty stack only SHIFT is allowed, and once the buffer holds only the root token exactly
      // one of LEFT (one word left) and RIGHT is: no need to score forced moves.
      let best = st.forced();
      if (best < 0) {
        const k = transitionFeatures(st, h, f);
        scores.fill(0);
        this.moveTable.scoreRelative(f, k, scores);
        for (let m = 0; m < MOVES; m++) if (st.valid(m) && (best < 0 || scores[m] > scores[best])) best = m;
      }
      let label = 0;
      if (best !== SHIFT) {
        const dep = st.stack[st.sp - 1];
        const hd = best === LEFT ? st.b : st.stack[st.sp - 2];
        label = this.label(hd, dep);
      }
      st.apply(best, label);
    }
    return this.result(st);
  }

  private readonly beams = new Map<number, Beam>();
  private readonly scoreMoves = (st: ParseState, out: Float64Array): void => {
    const k = transitionFeatures(st, this.hashes, this.feats);
    const s = this.moveScores;
    s.fill(0);
    this.moveTable.score(this.feats, k, s);
    out[0] = s[0];
    out[1] = s[1];
    out[2] = s[2];
  };
  private readonly labelArc = (st: ParseState, hd: number, dep: number): number => this.label(hd, dep, st);

  private runBeam(input: ParseInput, width: number): ParseResult {
    let beam = this.beams.get(width);
    if (!beam) this.beams.set(width, (beam = new Beam(width)));
    this.hashes.fill(input.words, input.upos, input.xpos);
    beam.reset(input.words.length);
    while (!beam.done) beam.step(this.scoreMoves, this.labelArc);
    return this.result(beam.items[0]);
  }

  private result(st: ParseState): ParseResult {
    const n = st.n;
    const heads = new Int32Array(n);
    const deprels = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const hd = st.heads[i];
      heads[i] = hd === n ? -1 : hd;
      deprels[i] = this.labels[st.labels[i] - 1] ?? 'dep';
    }
    return { heads, deprels };
  }

  /** The best label for the arc `hd → dep`: `root` exactly when the head is the root token. */
  label(hd: number, dep: number, st: ParseState = this.st): number {
    if (hd === st.n) return this.rootLabel >= 0 ? this.rootLabel : 0;
    const k = labelFeatures(st, this.hashes, hd, dep, this.feats);
    const scores = this.labelScores;
    scores.fill(0);
    this.labelTable.score(this.feats, k, scores);
    let best = -1;
    for (let c = 0; c < scores.length; c++) {
      if (c === this.rootLabel) continue;
      if (best < 0 || scores[c] > scores[best]) best = c;
    }
    return best < 0 ? 0 : best;
  }

  serialize(): Buffer {
    const meta: Meta = { format: FORMAT, labels: [...this.labels], scale: this.moveTable.scale };
    return writeBundle(meta, {
      moveSlots: this.moveTable.slots,
      labelSlots: this.labelTable.slots,
      labelEntries: this.labelTable.entries,
    });
  }

  static deserialize(buf: Uint8Array): DependencyParser {
    let meta: Meta;
    let arrays: Record<string, unknown>;
    try {
      ({ meta, arrays } = readBundle<Meta>(buf));
    } catch (err) {
      if (err instanceof BundleError || err instanceof SyntaxError)
        throw new ParserModelError(`bad parser model: ${err.message}`);
      throw err;
    }
    if (meta?.format !== FORMAT)
      throw new ParserModelError(`not a parser model (format ${String(meta?.format)}, expected ${FORMAT})`);
    const { moveSlots, labelSlots, labelEntries } = arrays;
    if (
      !(moveSlots instanceof Uint16Array) ||
      !(labelSlots instanceof Uint32Array) ||
      !(labelEntries instanceof Uint32Array)
    )
      throw new ParserModelError('parser model is missing arrays');
    if (!Array.isArray(meta.labels) || typeof meta.scale !== 'number')
      throw new ParserModelError('parser model has bad metadata');
    try {
      return new DependencyParser(
        new MoveTable(moveSlots, meta.scale),
        new SparseTable(meta.labels.length, labelSlots, labelEntries),
        meta.labels,
      );
    } catch (err) {
      throw new ParserModelError(`bad parser model: ${(err as Error).message}`);
    }
  }
}
