/**
 * The configuration of the arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) with
 * the root token placed after the last word (Ballesteros & Nivre 2013): a stack, a buffer front `b`
 * (words `b … n-1`, then the root token `n`), and the arcs built so far, with the per-word summaries the
 * features read (nearest children, valency, label sets). All storage is typed arrays grown on demand and
 * reused from sentence to sentence, so parsing allocates nothing per transition.
 *
 * Transitions: SHIFT moves `b` onto the stack; LEFT makes `b` the head of the stack top and pops it;
 * RIGHT makes the second stack item the head of the top and pops it. LEFT onto the root token is only
 * allowed when the stack holds exactly one word, so every parse has exactly one root, and each word is
 * pushed once and popped once (2n transitions: linear time, always a projective tree).
 */

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const MOVES = 3;

export class ParseState {
  /** Number of words; the root token is index `n`, the "nothing here" slot index `n + 1`. */
  n = 0;
  none = 1;
  cap = 0;
  stack = new Int32Array(0);
  sp = 0;
  b = 0;
  heads = new Int32Array(0);
  /** Label id + 1 of each attached word (0: none yet). */
  labels = new Int32Array(0);
  /** Leftmost, second leftmost, rightmost, second rightmost child (`none` when absent). */
  lc1 = new Int32Array(0);
  lc2 = new Int32Array(0);
  rc1 = new Int32Array(0);
  rc2 = new Int32Array(0);
  /** Number of left and right children. */
  nl = new Int32Array(0);
  nr = new Int32Array(0);
  /** Bit sets of the labels of left and right children (label ids 0–31 in `lo`, 32–63 in `hi`). */
  lsetLo = new Int32Array(0);
  lsetHi = new Int32Array(0);
  rsetLo = new Int32Array(0);
  rsetHi = new Int32Array(0);

  private grow(size: number): void {
    let cap = Math.max(64, this.cap);
    while (cap < size) cap *= 2;
    this.cap = cap;
    this.stack = new Int32Array(cap);
    this.heads = new Int32Array(cap);
    this.labels = new Int32Array(cap);
    this.lc1 = new Int32Array(cap);
    this.lc2 = new Int32Array(cap);
    this.rc1 = new Int32Array(cap);
    this.rc2 = new Int32Array(cap);
    this.nl = new Int32Array(cap);
    this.nr = new Int32Array(cap);
    this.lsetLo = new Int32Array(cap);
    this.lsetHi = new Int32Array(cap);
    this.rsetLo = new Int32Array(cap);
    this.rsetHi = new Int32Array(cap);
  }

  reset(n: number): void {
    const size = n + 2;
    if (size > this.cap) this.grow(size);
    this.n = n;
    this.none = n + 1;
    this.sp = 0;
    this.b = 0;
    const none = n + 1;
    this.heads.fill(-1, 0, size);
    this.labels.fill(0, 0, size);
    this.lc1.fill(none, 0, size);
    this.lc2.fill(none, 0, size);
    this.rc1.fill(none, 0, size);
    this.rc2.fill(none, 0, size);
    this.nl.fill(0, 0, size);
    this.nr.fill(0, 0, size);
    this.lsetLo.fill(0, 0, size);
    this.lsetHi.fill(0, 0, size);
    this.rsetLo.fill(0, 0, size);
    this.rsetHi.fill(0, 0, size);
  }

  /** Makes this configuration a copy of `o` (for beam search; reuses this state's storage). */
  copyFrom(o: ParseState): void {
    const size = o.n + 2;
    if (size > this.cap) this.grow(size);
    this.n = o.n;
    this.none = o.none;
    this.sp = o.sp;
    this.b = o.b;
    this.stack.set(o.stack.subarray(0, o.sp));
    this.heads.set(o.heads.subarray(0, size));
    this.labels.set(o.labels.subarray(0, size));
    this.lc1.set(o.lc1.subarray(0, size));
    this.lc2.set(o.lc2.subarray(0, size));
    this.rc1.set(o.rc1.subarray(0, size));
    this.rc2.set(o.rc2.subarray(0, size));
    this.nl.set(o.nl.subarray(0, size));
    this.nr.set(o.nr.subarray(0, size));
    this.lsetLo.set(o.lsetLo.subarray(0, size));
    this.lsetHi.set(o.lsetHi.subarray(0, size));
    this.rsetLo.set(o.rsetLo.subarray(0, size));
    this.rsetHi.set(o.rsetHi.subarray(0, size));
  }

  /** The only allowed move, or -1 when there is a choice (an empty stack, or only the root token left). */
  forced(): number {
    if (this.sp === 0) return SHIFT;
    if (this.b >= this.n) return this.sp === 1 ? LEFT : RIGHT;
    return -1;
  }

  get done(): boolean {
    return this.sp === 0 && this.b >= this.n;
  }

  /** Whether a move is allowed here. */
  valid(move: number): boolean {
    switch (move) {
      case SHIFT:
        return this.b < this.n;
      case LEFT:
        return this.sp >= 1 && (this.b < this.n || this.sp === 1);
      default:
        return this.sp >= 2;
    }
  }

  /** Head and dependent of the arc a move would add (`[-1, -1]` for SHIFT), written into `out`. */
  arcOf(move: number, out: Int32Array): void {
    if (move === LEFT) {
      out[0] = this.b;
      out[1] = this.stack[this.sp - 1];
    } else if (move === RIGHT) {
      out[0] = this.stack[this.sp - 2];
      out[1] = this.stack[this.sp - 1];
    } else {
      out[0] = -1;
      out[1] = -1;
    }
  }

  /** Applies a move; `label` is the label id of the arc it adds (ignored for SHIFT). */
  apply(move: number, label: number): void {
    if (move === SHIFT) {
      this.stack[this.sp++] = this.b++;
      return;
    }
    const d = this.stack[--this.sp];
    const h = move === LEFT ? this.b : this.stack[this.sp - 1];
    this.attach(h, d, label);
  }

  private attach(h: number, d: number, label: number): void {
    this.heads[d] = h;
    this.labels[d] = label + 1;
    const none = this.none;
    if (d < h) {
      // Left children arrive nearest first, but compare anyway to stay correct for any order.
      if (this.lc1[h] === none || d < this.lc1[h]) {
        this.lc2[h] = this.lc1[h];
        this.lc1[h] = d;
      } else if (this.lc2[h] === none || d < this.lc2[h]) this.lc2[h] = d;
      this.nl[h]++;
      if (label < 32) this.lsetLo[h] |= 1 << label;
      else this.lsetHi[h] |= 1 << (label & 31);
    } else {
      if (this.rc1[h] === none || d > this.rc1[h]) {
        this.rc2[h] = this.rc1[h];
        this.rc1[h] = d;
      } else if (this.rc2[h] === none || d > this.rc2[h]) this.rc2[h] = d;
      this.nr[h]++;
      if (label < 32) this.rsetLo[h] |= 1 << label;
      else this.rsetHi[h] |= 1 << (label & 31);
    }
  }
}
