import { LEFT, MOVES, ParseState, SHIFT } from './state.js';

/**
 * Beam search over arc-hybrid configurations (Zhang & Clark 2008; Zhang & Nivre 2011). Every parse of an
 * n-word sentence takes exactly 2n transitions, so all items of a beam advance in step and the search
 * needs no item alignment. An item's score is the sum of its move scores; labels do not enter it (each
 * arc takes its best label when it is made, as in greedy parsing). Ties go to the earlier item and the
 * lower move, so a beam of 1 is exactly the greedy parser. Storage is reused from sentence to sentence.
 */

/** Scores the moves of a configuration into `out` (length `MOVES`). */
export type MoveScorer = (st: ParseState, out: Float64Array) => void;
/** The label id of the arc `hd → dep` made in `st`. */
export type ArcLabeller = (st: ParseState, hd: number, dep: number) => number;

export class Beam {
  /** Items of the current step (the first `size` are live), best first after each step. */
  items: ParseState[] = [];
  scores = new Float64Array(0);
  size = 0;
  private spare: ParseState[] = [];
  private spareScores = new Float64Array(0);
  private readonly moveScores = new Float64Array(MOVES);
  // Candidates of one step: parent item, move, total score.
  private candParent = new Int32Array(0);
  private candMove = new Int32Array(0);
  private candScore = new Float64Array(0);
  private order = new Int32Array(0);
  /** For each step and item: the parent item (in the previous step) and the move, for replaying paths. */
  parents = new Int32Array(0);
  moves = new Int32Array(0);
  /** The label of the arc each step's move made (0 for SHIFT), by step and item like `parents`. */
  labs = new Int32Array(0);
  steps = 0;

  constructor(readonly width: number) {
    if (!(width >= 1)) throw new RangeError(`beam width must be at least 1, not ${width}`);
    for (let i = 0; i < width; i++) {
      this.items.push(new ParseState());
      this.spare.push(new ParseState());
    }
    this.scores = new Float64Array(width);
    this.spareScores = new Float64Array(width);
    this.candParent = new Int32Array(width * MOVES);
    this.candMove = new Int32Array(width * MOVES);
    this.candScore = new Float64Array(width * MOVES);
    this.order = new Int32Array(width * MOVES);
  }

  /** Starts a sentence of `n` words. */
  reset(n: number): void {
    this.items[0].reset(n);
    this.scores[0] = 0;
    this.size = 1;
    this.steps = 0;
    const need = 2 * n * this.width;
    if (this.parents.length < need) {
      this.parents = new Int32Array(need);
      this.moves = new Int32Array(need);
      this.labs = new Int32Array(need);
    }
  }

  get done(): boolean {
    return this.items[0].done;
  }

  /** Expands every item by its allowed moves and keeps the best `width` results. */
  step(scoreMoves: MoveScorer, label: ArcLabeller): void {
    const s = this.moveScores;
    let nc = 0;
    for (let i = 0; i < this.size; i++) {
      const st = this.items[i];
      const base = this.scores[i];
      const forced = st.forced();
      if (forced >= 0) {
        this.candParent[nc] = i;
        this.candMove[nc] = forced;
        this.candScore[nc++] = base;
        continue;
      }
      s.fill(0);
      scoreMoves(st, s);
      for (let m = 0; m < MOVES; m++) {
        if (!st.valid(m)) continue;
        this.candParent[nc] = i;
        this.candMove[nc] = m;
        this.candScore[nc++] = base + s[m];
      }
    }
    // Partial selection sort of the candidates (at most 3 × width of them), stable.
    const order = this.order;
    for (let c = 0; c < nc; c++) order[c] = c;
    const keep = Math.min(this.width, nc);
    for (let a = 0; a < keep; a++) {
      let best = a;
      for (let c = a + 1; c < nc; c++) {
        const x = this.candScore[order[c]];
        const y = this.candScore[order[best]];
        if (x > y || (x === y && order[c] < order[best])) best = c;
      }
      const t = order[a];
      order[a] = order[best];
      order[best] = t;
    }
    const at = this.steps * this.width;
    for (let j = 0; j < keep; j++) {
      const c = order[j];
      const from = this.items[this.candParent[c]];
      const to = this.spare[j];
      to.copyFrom(from);
      const m = this.candMove[c];
      let lab = 0;
      if (m !== SHIFT) {
        const dep = to.stack[to.sp - 1];
        const hd = m === LEFT ? to.b : to.stack[to.sp - 2];
        lab = label(to, hd, dep);
      }
      to.apply(m, lab);
      this.spareScores[j] = this.candScore[c];
      this.parents[at + j] = this.candParent[c];
      this.moves[at + j] = m;
      this.labs[at + j] = lab;
    }
    const items = this.items;
    this.items = this.spare;
    this.spare = items;
    const scores = this.scores;
    this.scores = this.spareScores;
    this.spareScores = scores;
    this.size = keep;
    this.steps++;
  }
}
