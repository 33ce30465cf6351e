import { LEFT, RIGHT, SHIFT, type ParseState } from './state.js';

/**
 * The dynamic oracle of arc-hybrid (Goldberg & Nivre 2013): the cost of a move is the number of gold
 * arcs that become unreachable once it is taken. Gold heads use the parser's numbering: the root token
 * is `n`. For non-projective trees the costs are an approximation (they still steer towards a tree
 * with as many gold arcs as the system can build).
 */
export class Oracle {
  private cap = 0;
  /** Gold head of each word (`n` for the root word). */
  gold = new Int32Array(0);
  /** Gold children of each word, in CSR layout. */
  private start = new Int32Array(0);
  private kids = new Int32Array(0);
  private n = 0;

  reset(heads: ArrayLike<number>): void {
    const n = heads.length;
    if (n + 2 > this.cap) {
      let cap = Math.max(64, this.cap);
      while (cap < n + 2) cap *= 2;
      this.cap = cap;
      this.gold = new Int32Array(cap);
      this.start = new Int32Array(cap + 1);
      this.kids = new Int32Array(cap);
    }
    this.n = n;
    this.start.fill(0, 0, n + 3);
    for (let i = 0; i < n; i++) {
      this.gold[i] = heads[i];
      this.start[heads[i] + 1]++;
    }
    for (let i = 0; i < n + 2; i++) this.start[i + 1] += this.start[i];
    const fill = this.start.slice(0, n + 2);
    for (let i = 0; i < n; i++) this.kids[fill[heads[i]]++] = i;
  }

  /** Number of gold children of `w` at index `from` or later (that is, still in the buffer). */
  private kidsFrom(w: number, from: number): number {
    let c = 0;
    for (let j = this.start[w]; j < this.start[w + 1]; j++) if (this.kids[j] >= from) c++;
    return c;
  }

  /** Cost of `move` in state `st` (assumed valid). */
  cost(st: ParseState, move: number): number {
    const b = st.b;
    const sp = st.sp;
    const gold = this.gold;
    if (move === SHIFT) {
      // b loses its head if it is below the top of the stack, and its children on the stack.
      let c = 0;
      const gb = gold[b];
      for (let i = 0; i < sp; i++) {
        const k = st.stack[i];
        if (gold[k] === b) c++;
        else if (k === gb && i < sp - 1) c++;
      }
      return c;
    }
    const s0 = st.stack[sp - 1];
    const g = gold[s0];
    let c = this.kidsFrom(s0, b);
    if (move === LEFT) {
      if ((sp > 1 && g === st.stack[sp - 2]) || g > b) c++;
    } else if (move === RIGHT) {
      if (g >= b) c++;
    }
    return c;
  }
}
