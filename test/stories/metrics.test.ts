import { describe, expect, it } from 'vitest';
import { bcubed, pairwise } from '../../src/stories/metrics.js';

describe('clustering metrics', () => {
  // Gold: {a,b,c} {d,e}; predicted: {a,b} {c,d,e}.
  const gold = new Map([
    ['a', 'G1'],
    ['b', 'G1'],
    ['c', 'G1'],
    ['d', 'G2'],
    ['e', 'G2'],
  ]);
  const pred = new Map([
    ['a', 'P1'],
    ['b', 'P1'],
    ['c', 'P2'],
    ['d', 'P2'],
    ['e', 'P2'],
  ]);

  it('computes B-cubed by hand', () => {
    // Precision per item: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 → (1+1+1/3+2/3+2/3)/5 = 11/15.
    // Recall per item: a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 → (2/3+2/3+1/3+1+1)/5 = 11/15.
    const r = bcubed(pred, gold);
    expect(r.precision).toBeCloseTo(11 / 15, 10);
    expect(r.recall).toBeCloseTo(11 / 15, 10);
    expect(r.f1).toBeCloseTo(11 / 15, 10);
  });

  it('computes pairwise precision and recall by hand', () => {
    // Predicted pairs: ab, cd, ce, de (4); gold pairs: ab, ac, bc, de (4); shared: ab, de.
    const r = pairwise(pred, gold);
    expect(r.precision).toBeCloseTo(0.5, 10);
    expect(r.recall).toBeCloseTo(0.5, 10);
  });

  it('scores a perfect clustering 1 and all-singletons with full precision', () => {
    expect(bcubed(gold, gold).f1).toBe(1);
    const singletons = new Map([...gold.keys()].map((k) => [k, k]));
    const r = bcubed(singletons, gold);
    expect(r.precision).toBe(1);
    expect(r.recall).toBeCloseTo((1 / 3) * (3 / 5) + (1 / 2) * (2 / 5), 10);
  });

  it('rejects partitions over different items', () => {
    expect(() => bcubed(new Map([['a', 'x']]), gold)).toThrow(/no predicted cluster/);
  });
});
