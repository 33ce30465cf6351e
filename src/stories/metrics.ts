/** Clustering quality measures comparing predicted and gold partitions of the same items. */

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function groupsOf(labels: Map<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [item, label] of labels) {
    const g = out.get(label);
    if (g) g.push(item);
    else out.set(label, [item]);
  }
  return out;
}

function checkSameItems(pred: Map<string, string>, gold: Map<string, string>): void {
  for (const k of gold.keys()) {
    if (!pred.has(k)) throw new RangeError(`item "${k}" has a gold cluster but no predicted cluster`);
  }
  for (const k of pred.keys()) {
    if (!gold.has(k)) throw new RangeError(`item "${k}" has a predicted cluster but no gold cluster`);
  }
}

/**
 * B-cubed (Bagga & Baldwin 1998): per item, precision is the share of its predicted cluster that shares its
 * gold cluster, recall the share of its gold cluster that shares its predicted cluster; both averaged over items.
 * Maps go from item id to cluster label.
 */
export function bcubed(pred: Map<string, string>, gold: Map<string, string>): PRF {
  checkSameItems(pred, gold);
  if (gold.size === 0) return { precision: 1, recall: 1, f1: 1 };
  // Overlap counts per (predicted, gold) pair.
  const joint = new Map<string, number>();
  const predSize = new Map<string, number>();
  const goldSize = new Map<string, number>();
  for (const [item, g] of gold) {
    const p = pred.get(item) as string;
    const key = JSON.stringify([p, g]);
    joint.set(key, (joint.get(key) ?? 0) + 1);
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
  }
  let P = 0;
  let R = 0;
  for (const [key, n] of joint) {
    const [p, g] = JSON.parse(key) as [string, string];
    // n items each with precision n/|p| and recall n/|g|.
    P += (n * n) / (predSize.get(p) as number);
    R += (n * n) / (goldSize.get(g) as number);
  }
  const precision = P / gold.size;
  const recall = R / gold.size;
  return { precision, recall, f1: f1(precision, recall) };
}

/** Pairwise precision/recall over all unordered item pairs placed in the same cluster. */
export function pairwise(pred: Map<string, string>, gold: Map<string, string>): PRF {
  checkSameItems(pred, gold);
  const pairs = (n: number): number => (n * (n - 1)) / 2;
  let predPairs = 0;
  let goldPairs = 0;
  let both = 0;
  for (const g of groupsOf(pred).values()) predPairs += pairs(g.length);
  for (const g of groupsOf(gold).values()) goldPairs += pairs(g.length);
  const joint = new Map<string, number>();
  for (const [item, g] of gold) {
    const key = JSON.stringify([pred.get(item), g]);
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  for (const n of joint.values()) both += pairs(n);
  const precision = predPairs === 0 ? 1 : both / predPairs;
  const recall = goldPairs === 0 ? 1 : both / goldPairs;
  return { precision, recall, f1: f1(precision, recall) };
}
