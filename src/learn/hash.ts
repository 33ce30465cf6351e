/**
 * Hashing shared by the learned models (tagger, parser, entity tagger). A feature is a 32-bit hash of
 * its template number and values, so extracting one builds no strings. Changing any function here
 * invalidates every trained model file.
 */

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** FNV-1a of `s.slice(from, to)` without building the slice. */
export function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** One round of a 32-bit mixer: combines a running hash with one more value. */
export function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

/** A feature id from a template number and up to three hashed values; never 0 (0 marks an empty slot). */
export function feature(template: number, a = 0, b = 0, c = 0): number {
  return mix(mix(mix(mix(0x27d4eb2f, template), a), b), c) || 1;
}

/** Open-addressing map from feature id to row number; much faster than a Map for uint32 keys. */
export class FeatureTable {
  readonly keys: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;
  readonly size: number;

  constructor(features: ArrayLike<number>) {
    let cap = 16;
    while (cap < features.length * 2) cap *= 2;
    this.mask = cap - 1;
    this.keys = new Uint32Array(cap);
    this.rows = new Int32Array(cap);
    this.size = features.length;
    for (let r = 0; r < features.length; r++) {
      const k = features[r];
      let i = Math.imul(k, 0x9e3779b1) & this.mask;
      while (this.keys[i] !== 0 && this.keys[i] !== k) i = (i + 1) & this.mask;
      this.keys[i] = k;
      this.rows[i] = r;
    }
  }

  /** Row of a feature, or -1. */
  get(k: number): number {
    let i = Math.imul(k, 0x9e3779b1) & this.mask;
    for (;;) {
      const x = this.keys[i];
      if (x === k) return this.rows[i];
      if (x === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  /** Features in row order. */
  list(): Uint32Array {
    const out = new Uint32Array(this.size);
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0) out[this.rows[i]] = this.keys[i];
    return out;
  }
}

/** Small deterministic PRNG so training is reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place with a seeded generator. */
export function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}
