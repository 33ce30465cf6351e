import { FeatureTable } from './hash.js';

/**
 * A multiclass averaged perceptron over hashed features, for training only. Weights live in growable
 * typed arrays (one row of `classes` entries per feature that ever took part in an update); averaging is
 * lazy (each entry remembers when it last changed), so an update costs O(features) however long the
 * run. `compile()` turns the averaged weights into a `LinearModel` for prediction.
 */
export class AveragedPerceptron {
  private readonly rows = new Map<number, number>();
  private weights: Float32Array;
  private totals: Float64Array;
  private stamps: Int32Array;
  private capacity: number;
  private count = 0;
  /** Number of examples seen so far (the averaging clock). */
  step = 0;

  constructor(
    readonly classes: number,
    initialRows = 1 << 14,
  ) {
    this.capacity = initialRows;
    this.weights = new Float32Array(initialRows * classes);
    this.totals = new Float64Array(initialRows * classes);
    this.stamps = new Int32Array(initialRows * classes);
  }

  get size(): number {
    return this.count;
  }

  private row(feature: number): number {
    let r = this.rows.get(feature);
    if (r !== undefined) return r;
    r = this.count++;
    if (this.count > this.capacity) this.grow();
    this.rows.set(feature, r);
    return r;
  }

  private grow(): void {
    this.capacity *= 2;
    const n = this.capacity * this.classes;
    const w = new Float32Array(n);
    w.set(this.weights);
    const t = new Float64Array(n);
    t.set(this.totals);
    const s = new Int32Array(n);
    s.set(this.stamps);
    this.weights = w;
    this.totals = t;
    this.stamps = s;
  }

  /** Adds the current weights of `features` (the first `n`) into `out` (length `classes`, zeroed by the caller). */
  score(features: ArrayLike<number>, n: number, out: Float64Array | Float32Array): void {
    const C = this.classes;
    const w = this.weights;
    for (let i = 0; i < n; i++) {
      const r = this.rows.get(features[i]);
      if (r === undefined) continue;
      const base = r * C;
      for (let c = 0; c < C; c++) out[c] += w[base + c];
    }
  }

  /** Adds `delta` to class `cls` for each feature. */
  update(features: ArrayLike<number>, n: number, cls: number, delta: number): void {
    const C = this.classes;
    for (let i = 0; i < n; i++) {
      const k = this.row(features[i]) * C + cls;
      this.totals[k] += (this.step - this.stamps[k]) * this.weights[k];
      this.stamps[k] = this.step;
      this.weights[k] += delta;
    }
  }

  /** The usual mistake-driven update: towards `truth`, away from `guess`. */
  learn(features: ArrayLike<number>, n: number, truth: number, guess: number): void {
    if (truth === guess) return;
    this.update(features, n, truth, 1);
    this.update(features, n, guess, -1);
  }

  /**
   * The averaged weights as a prediction model. Rows whose largest averaged weight is below
   * `prune` in magnitude are dropped (they barely move any decision and cost memory).
   */
  compile(prune = 0): LinearModel {
    const C = this.classes;
    const keys: number[] = [];
    const avg = new Float32Array(C);
    const out: number[] = [];
    const step = Math.max(1, this.step);
    for (const [feature, r] of this.rows) {
      let max = 0;
      for (let c = 0; c < C; c++) {
        const k = r * C + c;
        const total = this.totals[k] + (this.step - this.stamps[k]) * this.weights[k];
        avg[c] = total / step;
        if (Math.abs(avg[c]) > max) max = Math.abs(avg[c]);
      }
      if (max <= prune) continue;
      keys.push(feature);
      for (let c = 0; c < C; c++) out.push(avg[c]);
    }
    return new LinearModel(C, Uint32Array.from(keys), Float32Array.from(out));
  }
}

/** Compiled linear weights: one dense row of `classes` weights per known feature. */
export class LinearModel {
  readonly table: FeatureTable;

  constructor(
    readonly classes: number,
    /** Feature ids in row order. */
    readonly keys: Uint32Array,
    /** `weights[row * classes + class]`. */
    readonly weights: Float32Array,
  ) {
    if (weights.length !== keys.length * classes)
      throw new Error(`weights hold ${weights.length} values, expected ${keys.length} × ${classes}`);
    this.table = new FeatureTable(keys);
  }

  /** Adds the weights of the first `n` features into `out` (length `classes`, zeroed by the caller). */
  score(features: ArrayLike<number>, n: number, out: Float32Array | Float64Array): void {
    const C = this.classes;
    const w = this.weights;
    const table = this.table;
    for (let i = 0; i < n; i++) {
      const r = table.get(features[i]);
      if (r < 0) continue;
      const base = r * C;
      for (let c = 0; c < C; c++) out[c] += w[base + c];
    }
  }
}
