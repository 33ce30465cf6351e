import { fnv1a, words } from './text.js';

/**
 * Near-duplicate detection for wire copies and light rewrites: MinHash signatures over word shingles,
 * locality-sensitive hashing by bands to find candidates in constant time, then a check of the estimated
 * Jaccard similarity and containment (a trimmed copy is mostly contained in the original).
 */
export interface DedupOptions {
  /** Words per shingle. */
  shingle: number;
  /** Signature length; must equal bands × rows. */
  numHashes: number;
  bands: number;
  /** Estimated Jaccard similarity at or above which two texts are copies. */
  jaccard: number;
  /** Estimated containment of the shorter text in the longer at or above which they are copies… */
  containment: number;
  /** …provided their Jaccard similarity is at least this. */
  minJaccardForContainment: number;
  /** Most originals kept per bucket; older ones are dropped first. */
  maxBucket: number;
}

export const DEFAULT_DEDUP_OPTIONS: DedupOptions = {
  shingle: 4,
  numHashes: 126,
  bands: 42,
  jaccard: 0.5,
  containment: 0.8,
  minJaccardForContainment: 0.3,
  maxBucket: 32,
};

export interface Signature {
  /** Minimum hash per hash function. */
  hashes: number[];
  /** Number of distinct shingles (for the containment estimate). */
  size: number;
}

/** A signature as the index keeps it: 32-bit words in a typed array (half the size of a number array). */
interface StoredSignature {
  hashes: Uint32Array;
  size: number;
}

export interface DuplicateMatch {
  id: string;
  jaccard: number;
  containment: number;
}

export interface DedupSnapshot {
  options: DedupOptions;
  signatures: Array<[string, Signature]>;
}

export class DedupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DedupError';
  }
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed seeds so signatures are stable across runs and snapshots. */
function seeds(n: number): number[] {
  const out: number[] = [];
  let s = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    s = fmix(s + 0x6d2b79f5 + i);
    out.push(s);
  }
  return out;
}

export class NearDuplicateIndex {
  readonly options: DedupOptions;
  private readonly rows: number;
  private readonly seeds: number[];
  private readonly signatures = new Map<string, StoredSignature>();
  /**
   * LSH buckets, one Map per band keyed by the band's hash as a signed 32-bit integer (a small integer
   * needs no boxed number, unlike one key of band × 2³² + hash), oldest id first. Almost every bucket
   * holds one id, so a lone id is kept as itself and a list is made only on a collision: a list per band
   * (42 per article) would cost about 150 bytes each and make this index the largest per-article state.
   */
  private readonly buckets: Array<Map<number, string | string[]>>;

  constructor(options: Partial<DedupOptions> = {}) {
    this.options = { ...DEFAULT_DEDUP_OPTIONS, ...options };
    const { numHashes, bands, shingle } = this.options;
    if (!Number.isInteger(numHashes) || !Number.isInteger(bands) || bands < 1 || numHashes % bands !== 0) {
      throw new DedupError(`numHashes (${numHashes}) must be a positive multiple of bands (${bands})`);
    }
    if (!Number.isInteger(shingle) || shingle < 1)
      throw new DedupError(`shingle must be a positive integer, got ${shingle}`);
    this.rows = numHashes / bands;
    this.seeds = seeds(numHashes);
    this.buckets = Array.from({ length: bands }, () => new Map<number, string | string[]>());
  }

  /** MinHash signature of a text; texts shorter than a shingle count as one shingle. Undefined for empty text. */
  signature(text: string): Signature | undefined {
    const ws = words(text);
    if (ws.length === 0) return undefined;
    const k = Math.min(this.options.shingle, ws.length);
    const shingles = new Set<number>();
    for (let i = 0; i + k <= ws.length; i++) shingles.add(fnv1a(ws.slice(i, i + k).join(' ')));
    const hashes = new Array<number>(this.options.numHashes).fill(0xffffffff);
    for (const sh of shingles) {
      for (let j = 0; j < hashes.length; j++) {
        const h = fmix(sh ^ this.seeds[j]);
        if (h < hashes[j]) hashes[j] = h;
      }
    }
    return { hashes, size: shingles.size };
  }

  /** One key per band (the index is the band): the band's 32-bit hash as a signed integer. */
  private bandKeys(sig: { hashes: ArrayLike<number> }): number[] {
    const keys: number[] = [];
    for (let b = 0; b < this.options.bands; b++) {
      let h = 0x811c9dc5 ^ b;
      for (let r = 0; r < this.rows; r++) h = fmix(h ^ sig.hashes[b * this.rows + r]);
      keys.push(h | 0);
    }
    return keys;
  }

  /** The ids in a bucket, oldest first. */
  private bucket(band: number, key: number): readonly string[] {
    const b = this.buckets[band].get(key);
    return b === undefined ? [] : typeof b === 'string' ? [b] : b;
  }

  /** Estimated similarity of two signatures. */
  compare(
    a: { hashes: ArrayLike<number>; size: number },
    b: { hashes: ArrayLike<number>; size: number },
  ): { jaccard: number; containment: number } {
    let same = 0;
    for (let i = 0; i < a.hashes.length; i++) if (a.hashes[i] === b.hashes[i]) same++;
    const jaccard = same / a.hashes.length;
    const inter = (jaccard * (a.size + b.size)) / (1 + jaccard);
    const containment = Math.min(1, inter / Math.max(1, Math.min(a.size, b.size)));
    return { jaccard, containment };
  }

  private isCopy(m: { jaccard: number; containment: number }): boolean {
    const o = this.options;
    return m.jaccard >= o.jaccard || (m.containment >= o.containment && m.jaccard >= o.minJaccardForContainment);
  }

  /** The most similar indexed text that this signature copies, if any. Looks only at LSH candidates. */
  query(sig: Signature): DuplicateMatch | undefined {
    const seen = new Set<string>();
    let best: DuplicateMatch | undefined;
    for (const [band, key] of this.bandKeys(sig).entries()) {
      for (const id of this.bucket(band, key)) {
        if (seen.has(id)) continue;
        seen.add(id);
        const other = this.signatures.get(id);
        if (!other) continue;
        const m = this.compare(sig, other);
        if (!this.isCopy(m)) continue;
        if (!best || m.jaccard > best.jaccard || (m.jaccard === best.jaccard && id < best.id)) best = { id, ...m };
      }
    }
    return best;
  }

  /** Indexes a text as an original that later texts may copy. */
  add(id: string, sig: Signature): void {
    if (this.signatures.has(id)) this.remove(id);
    this.signatures.set(id, { hashes: Uint32Array.from(sig.hashes), size: sig.size });
    for (const [band, key] of this.bandKeys(sig).entries()) {
      const buckets = this.buckets[band];
      const b = buckets.get(key);
      if (b === undefined) {
        if (this.options.maxBucket >= 1) buckets.set(key, id);
        continue;
      }
      const list = typeof b === 'string' ? [b, id] : b;
      if (typeof b === 'string') buckets.set(key, list);
      else list.push(id);
      // Boilerplate shared by many originals must not make buckets (and lookups) grow without bound.
      while (list.length > this.options.maxBucket) list.shift();
      if (list.length === 1) buckets.set(key, list[0]);
    }
  }

  remove(id: string): void {
    const sig = this.signatures.get(id);
    if (!sig) return;
    this.signatures.delete(id);
    for (const [band, key] of this.bandKeys(sig).entries()) {
      const buckets = this.buckets[band];
      const b = buckets.get(key);
      if (b === undefined) continue;
      if (typeof b === 'string') {
        if (b === id) buckets.delete(key);
        continue;
      }
      const i = b.indexOf(id);
      if (i >= 0) b.splice(i, 1);
      if (b.length === 0) buckets.delete(key);
      else if (b.length === 1) buckets.set(key, b[0]);
    }
  }

  has(id: string): boolean {
    return this.signatures.has(id);
  }

  get size(): number {
    return this.signatures.size;
  }

  snapshot(): DedupSnapshot {
    return {
      options: { ...this.options },
      signatures: [...this.signatures.entries()].map(([k, s]) => [k, { hashes: [...s.hashes], size: s.size }]),
    };
  }

  static restore(snap: DedupSnapshot): NearDuplicateIndex {
    const idx = new NearDuplicateIndex(snap.options);
    for (const [id, sig] of snap.signatures) {
      if (!Array.isArray(sig?.hashes) || sig.hashes.length !== idx.options.numHashes) {
        throw new DedupError(`snapshot signature for "${id}" has the wrong length`);
      }
      idx.add(id, sig);
    }
    return idx;
  }
}
