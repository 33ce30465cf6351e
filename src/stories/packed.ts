import { FEATURE_GROUPS, type FeatureGroup } from './features.js';
import { emptyVectors, type SerializedVectors, type Vectors } from './vectors.js';

/**
 * Feature keys as small integers. Every article the clusterer keeps holds a few hundred features; as
 * strings in a Map per group they cost about 60 bytes each (entry, key string, boxed weight), as an
 * integer id and a double in typed arrays 12. The table only grows, like the document counts that
 * already hold one entry per feature key seen.
 */
export class KeyTable {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];

  id(key: string): number {
    let i = this.ids.get(key);
    if (i === undefined) {
      i = this.names.length;
      this.ids.set(key, i);
      this.names.push(key);
    }
    return i;
  }

  name(id: number): string {
    return this.names[id];
  }

  get size(): number {
    return this.names.length;
  }
}

/**
 * An article's unit vectors in two typed arrays: the key ids and the weights of all groups one after the
 * other, in the order of `FEATURE_GROUPS` and, within a group, in the Map's insertion order. Weights are
 * kept as doubles, so sums over them are the same bit for bit as over the Maps they came from.
 */
export interface PackedVectors {
  /** Where each group's entries end, then the key ids. */
  readonly keys: Int32Array;
  readonly weights: Float64Array;
}

const GROUPS = FEATURE_GROUPS.length;

export function packVectors(v: Vectors, table: KeyTable): PackedVectors {
  let n = 0;
  for (const g of FEATURE_GROUPS) n += v[g].size;
  const keys = new Int32Array(GROUPS + n);
  const weights = new Float64Array(n);
  let i = 0;
  FEATURE_GROUPS.forEach((g, gi) => {
    for (const [k, w] of v[g]) {
      keys[GROUPS + i] = table.id(k);
      weights[i++] = w;
    }
    keys[gi] = i;
  });
  return { keys, weights };
}

function groupRange(p: PackedVectors, g: FeatureGroup): [number, number] {
  const gi = FEATURE_GROUPS.indexOf(g);
  return [gi === 0 ? 0 : p.keys[gi - 1], p.keys[gi]];
}

/** Calls `fn` with each feature of group `g`, in the order the vector had. */
export function forEachFeature(
  p: PackedVectors,
  g: FeatureGroup,
  table: KeyTable,
  fn: (key: string, weight: number) => void,
): void {
  const [from, to] = groupRange(p, g);
  for (let i = from; i < to; i++) fn(table.name(p.keys[GROUPS + i]), p.weights[i]);
}

/** The Maps back, same keys, weights and order. */
export function unpackVectors(p: PackedVectors, table: KeyTable): Vectors {
  const v = emptyVectors();
  for (const g of FEATURE_GROUPS) forEachFeature(p, g, table, (k, w) => v[g].set(k, w));
  return v;
}

/** As `serializeVectors` would write the unpacked vectors. */
export function serializePacked(p: PackedVectors, table: KeyTable): SerializedVectors {
  const out = {} as SerializedVectors;
  for (const g of FEATURE_GROUPS) {
    const list: Array<[string, number]> = [];
    forEachFeature(p, g, table, (k, w) => list.push([k, w]));
    out[g] = list;
  }
  return out;
}

/** Reads serialised vectors straight into the packed form. */
export function packSerialized(v: Partial<SerializedVectors> | undefined, table: KeyTable): PackedVectors {
  let n = 0;
  for (const g of FEATURE_GROUPS) n += v?.[g]?.length ?? 0;
  const keys = new Int32Array(GROUPS + n);
  const weights = new Float64Array(n);
  let i = 0;
  FEATURE_GROUPS.forEach((g, gi) => {
    for (const [k, w] of v?.[g] ?? []) {
      keys[GROUPS + i] = table.id(k);
      weights[i++] = w;
    }
    keys[gi] = i;
  });
  return { keys, weights };
}
