/**
 * Cache-friendly weight tables for prediction. Parsing speed is bound by memory: most of the time goes
 * into looking features up, and a lookup in `LinearModel` touches three arrays (keys, rows, weights),
 * that is up to three cache misses. Here a slot keeps the key next to its weights (or to where they
 * are), so a lookup costs one miss; the tables are also what the model file stores. Loading then packs
 * them once more for scoring (4-byte move slots, 2-byte label entries, weights in an 8-bit μ-law
 * code): half to a quarter of the memory traffic, the same UAS/LAS on EWT dev.
 */

/** Table size (as a power of two) for `size` keys at a load of at most `load`. */
function bitsFor(size: number, load: number): number {
  let bits = 4;
  while (1 << bits < size / load) bits++;
  return bits;
}

const GOLDEN = 0x9e3779b1;
/**
 * The 8-bit code of the packed weight differences (μ-law, μ = MU): fine steps near 0, where most weights
 * are, coarse ones near the largest difference (2 × 32767). `DECODE[byte]` is the value of a code.
 */
const MU = 255;

/** An 8-bit μ-law code (μ = 255) for values within ±`max`: `table[byte]` is the value of a code. */
class MuLaw {
  readonly table = new Float32Array(256);

  constructor(readonly max: number) {
    for (let q = -127; q <= 127; q++)
      this.table[q & 0xff] = (Math.sign(q) * max * (Math.pow(1 + MU, Math.abs(q) / 127) - 1)) / MU;
  }

  /** The code (−127…127) nearest to `d`. */
  encode(d: number): number {
    const t = this.table;
    const x = Math.min(Math.abs(d), this.max);
    const a = Math.min(127, Math.round((127 * Math.log1p((MU * x) / this.max)) / Math.log1p(MU)));
    let best = 0;
    for (let q = Math.max(0, a - 1); q <= Math.min(127, a + 1); q++)
      if (Math.abs(t[q] - x) < Math.abs(t[best] - x)) best = q;
    return d < 0 ? -best : best;
  }
}

/** The code of the packed move-weight differences (at most 2 × 32767). */
const MOVE_CODE = new MuLaw(65534);
const DECODE = MOVE_CODE.table;

/**
 * Three classes in 8-byte slots `[fingerprint, w0, w1, w2]` (uint16 + 3 × int16, weights quantised
 * with one scale). The slot index comes from the high bits of the mixed key, the fingerprint from its
 * low 16 bits, so a feature that is absent matches a wrong slot only with odds of about 1 in 65,536
 * per slot probed. Scores come out in units of `scale`.
 */
export class MoveTable {
  static readonly CLASSES = 3;
  private readonly w: Int16Array;
  private readonly packed: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  constructor(
    readonly slots: Uint16Array,
    readonly scale: number,
  ) {
    const n = slots.length >> 2;
    if (n < 16 || (n & (n - 1)) !== 0 || slots.length !== n * 4)
      throw new RangeError('move table size is not 4 × a power of two');
    this.w = new Int16Array(slots.buffer, slots.byteOffset, slots.length);
    this.mask = n - 1;
    this.shift = 32 - Math.log2(n);
    // The table for greedy parsing: 4-byte slots [fingerprint 16 bits, (w1 − w0) and (w2 − w0) as int8
    // in steps of STEP], at the same positions (same probing) as the stored one.
    const packed = new Int32Array(n);
    const w = this.w;
    for (let i = 0; i < n; i++) {
      const f = slots[4 * i];
      if (f === 0) continue;
      let v = f;
      for (let c = 1; c < 3; c++) {
        const q = MOVE_CODE.encode(w[4 * i + 1 + c] - w[4 * i + 1]);
        v |= (q & 0xff) << (8 * (c + 1));
      }
      packed[i] = v;
    }
    this.packed = packed;
  }

  static build(keys: Uint32Array, weights: Float32Array): MoveTable {
    let max = 0;
    for (let i = 0; i < weights.length; i++) if (Math.abs(weights[i]) > max) max = Math.abs(weights[i]);
    const scale = max > 0 ? max / 32767 : 1;
    // Fuller than usual: eight slots share a cache line, so a longer probe costs little and a smaller
    // table misses the cache less often.
    const bits = bitsFor(keys.length, 0.75);
    const slots = new Uint16Array(4 << bits);
    const w = new Int16Array(slots.buffer);
    const mask = (1 << bits) - 1;
    for (let r = 0; r < keys.length; r++) {
      const k = keys[r];
      const fp = k & 0xffff || 1;
      let i = Math.imul(k, GOLDEN) >>> (32 - bits);
      while (slots[4 * i] !== 0 && slots[4 * i] !== fp) i = (i + 1) & mask;
      slots[4 * i] = fp;
      for (let c = 0; c < 3; c++) {
        const q = w[4 * i + 1 + c] + Math.round(weights[r * 3 + c] / scale);
        w[4 * i + 1 + c] = Math.max(-32767, Math.min(32767, q));
      }
    }
    return new MoveTable(slots, scale);
  }

  /** Adds the (scaled) weights of the first `n` features into `out` (all three, for beam search). */
  score(features: Uint32Array, n: number, out: Float32Array): void {
    const fps = this.slots;
    const w = this.w;
    const mask = this.mask;
    const shift = this.shift;
    let o0 = 0;
    let o1 = 0;
    let o2 = 0;
    for (let j = 0; j < n; j++) {
      const k = features[j];
      const fp = k & 0xffff || 1;
      let i = Math.imul(k, GOLDEN) >>> shift;
      for (;;) {
        const base = i << 2;
        const x = fps[base];
        if (x === fp) {
          o0 += w[base + 1];
          o1 += w[base + 2];
          o2 += w[base + 3];
          break;
        }
        if (x === 0) break;
        i = (i + 1) & mask;
      }
    }
    out[0] += o0;
    out[1] += o1;
    out[2] += o2;
  }

  /**
   * Scores for choosing one move (greedy parsing): `out` gets 0, w1 − w0 and w2 − w0 (up to the
   * quantisation of `packed`), which rank the moves as `score` does at half the memory traffic.
   */
  scoreRelative(features: Uint32Array, n: number, out: Float32Array): void {
    const t = this.packed;
    const mask = this.mask;
    const shift = this.shift;
    let o1 = 0;
    let o2 = 0;
    for (let j = 0; j < n; j++) {
      const k = features[j];
      const fp = k & 0xffff || 1;
      let i = Math.imul(k, GOLDEN) >>> shift;
      for (;;) {
        const x = t[i];
        const xf = x & 0xffff;
        if (xf === fp) {
          o1 += DECODE[(x >>> 16) & 0xff];
          o2 += DECODE[x >>> 24];
          break;
        }
        if (xf === 0) break;
        i = (i + 1) & mask;
      }
    }
    out[0] = 0;
    out[1] = o1;
    out[2] = o2;
  }
}

/**
 * Many classes, sparse rows (a perceptron only ever updates the true and the guessed class, so most
 * entries of a row are zero): slots are `[key, start << 8 | count]`, entries `[class, weight]` pairs
 * (the weight's float bits in a uint32).
 */
export class SparseTable {
  private readonly eu: Uint32Array;
  private readonly ef: Float32Array;
  private readonly mask: number;
  private readonly packed: Uint16Array;
  private readonly decode: Float32Array;

  constructor(
    readonly classes: number,
    readonly slots: Uint32Array,
    readonly entries: Uint32Array,
  ) {
    const n = slots.length >> 1;
    if (n < 16 || (n & (n - 1)) !== 0 || slots.length !== n * 2)
      throw new RangeError('label table size is not 2 × a power of two');
    this.mask = n - 1;
    this.eu = entries;
    this.ef = new Float32Array(entries.buffer, entries.byteOffset, entries.length);
    // What is scored from: each entry in 2 bytes [class, μ-law code of the weight] (a quarter of the
    // stored entries' memory traffic).
    const count = entries.length >> 1;
    let max = 0;
    for (let e = 0; e < count; e++) max = Math.max(max, Math.abs(this.ef[2 * e + 1]));
    const code = new MuLaw(max > 0 ? max : 1);
    this.decode = code.table;
    this.packed = new Uint16Array(count);
    for (let e = 0; e < count; e++) {
      const c = entries[2 * e];
      if (c >= classes) throw new RangeError('label table class out of range');
      this.packed[e] = c | ((code.encode(this.ef[2 * e + 1]) & 0xff) << 8);
    }
  }

  static build(classes: number, keys: Uint32Array, weights: Float32Array): SparseTable {
    if (classes > 255) throw new RangeError(`SparseTable holds at most 255 classes, not ${classes}`);
    let nz = 0;
    for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) nz++;
    if (nz >= 1 << 24) throw new RangeError(`SparseTable holds fewer than 2^24 weights, not ${nz}`);
    const buf = new ArrayBuffer(nz * 8);
    const eu = new Uint32Array(buf);
    const ef = new Float32Array(buf);
    const bits = bitsFor(keys.length, 0.6);
    const mask = (1 << bits) - 1;
    const slots = new Uint32Array(2 << bits);
    let e = 0;
    for (let r = 0; r < keys.length; r++) {
      const start = e;
      for (let c = 0; c < classes; c++) {
        const w = weights[r * classes + c];
        if (w === 0) continue;
        eu[2 * e] = c;
        ef[2 * e + 1] = w;
        e++;
      }
      if (e === start) continue;
      const k = keys[r];
      let i = Math.imul(k, GOLDEN) & mask;
      while (slots[2 * i] !== 0 && slots[2 * i] !== k) i = (i + 1) & mask;
      slots[2 * i] = k;
      slots[2 * i + 1] = ((start << 8) | (e - start)) >>> 0;
    }
    return new SparseTable(classes, slots, eu);
  }

  score(features: Uint32Array, n: number, out: Float32Array): void {
    const s = this.slots;
    const pe = this.packed;
    const dec = this.decode;
    const mask = this.mask;
    for (let j = 0; j < n; j++) {
      const k = features[j];
      let i = Math.imul(k, GOLDEN) & mask;
      for (;;) {
        const x = s[2 * i];
        if (x === k) {
          const v = s[2 * i + 1];
          const start = v >>> 8;
          const end = start + (v & 255);
          for (let e = start; e < end; e++) {
            const x = pe[e];
            out[x & 0xff] += dec[x >>> 8];
          }
          break;
        }
        if (x === 0) break;
        i = (i + 1) & mask;
      }
    }
  }
}
