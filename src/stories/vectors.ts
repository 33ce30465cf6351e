import { FEATURE_GROUPS, type ArticleFeatures, type FeatureGroup, type SparseVector } from './features.js';

/** One sparse vector per feature group: an article's profile, or the centroid of a story or topic. */
export type Vectors = Record<FeatureGroup, SparseVector>;

/** Vectors as JSON: entries in insertion order, so a round trip keeps iteration order and with it every sum. */
export type SerializedVectors = Record<FeatureGroup, Array<[string, number]>>;

export const emptyVectors = (): Vectors => ({
  entity: new Map(),
  term: new Map(),
  number: new Map(),
  date: new Map(),
  quote: new Map(),
});

export function serializeVectors(v: Vectors): SerializedVectors {
  const out = {} as SerializedVectors;
  for (const g of FEATURE_GROUPS) out[g] = [...v[g].entries()];
  return out;
}

export function deserializeVectors(v: Partial<SerializedVectors> | undefined): Vectors {
  const out = emptyVectors();
  for (const g of FEATURE_GROUPS) for (const [k, w] of v?.[g] ?? []) out[g].set(k, w);
  return out;
}

/** An article's raw weights scaled to unit length per group, so long articles do not outweigh short ones. */
export function unitVectors(f: ArticleFeatures): Vectors {
  const v = emptyVectors();
  for (const g of FEATURE_GROUPS) {
    let s = 0;
    for (const w of f.groups[g].values()) s += w * w;
    const n = Math.sqrt(s) || 1;
    for (const [k, w] of f.groups[g]) v[g].set(k, w / n);
  }
  return v;
}

/**
 * Cuts each group of a centroid back to its `caps` × `scale` heaviest features once it exceeds half as many
 * again, so centroids stay bounded while pruning stays rare. Returns the features dropped per group.
 */
export function pruneVectors(
  v: Vectors,
  caps: Record<FeatureGroup, number>,
  scale: number,
): Array<[FeatureGroup, string[]]> {
  const out: Array<[FeatureGroup, string[]]> = [];
  for (const g of FEATURE_GROUPS) {
    const cap = caps[g] * scale;
    const c = v[g];
    if (c.size <= cap * 1.5) continue;
    const sorted = [...c.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    v[g] = new Map(sorted.slice(0, cap));
    out.push([g, sorted.slice(cap).map(([k]) => k)]);
  }
  return out;
}
