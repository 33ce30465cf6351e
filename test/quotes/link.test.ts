import { describe, expect, it } from 'vitest';
import { candidatePairs, sameStatement } from '../../src/quotes/link.js';

/** Deterministic pseudo-random numbers, so a failure can be reproduced. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('quote linking candidates', () => {
  it('miss no pair that all-pairs comparison would link, on 40 random collections', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = rng(seed);
      // A small vocabulary with a few very common words, and excerpts that copy parts of earlier ones.
      const vocab = Array.from({ length: 60 }, (_, i) => `w${i}`);
      const pick = (): string => vocab[Math.floor(next() ** 2 * vocab.length)];
      const sets: Set<string>[] = [];
      for (let i = 0; i < 80; i++) {
        const base = i > 0 && next() < 0.5 ? [...sets[Math.floor(next() * i)]] : [];
        const words = base.filter(() => next() < 0.8);
        const n = 2 + Math.floor(next() * 14);
        while (words.length < n) words.push(pick());
        sets.push(new Set(words));
      }
      const expected = new Set<string>();
      for (let i = 0; i < sets.length; i++)
        for (let j = i + 1; j < sets.length; j++) if (sameStatement(sets[i], sets[j])) expected.add(`${i},${j}`);
      const found = new Set(
        candidatePairs(sets)
          .filter(([i, j]) => sameStatement(sets[i], sets[j]))
          .map(([i, j]) => `${i},${j}`),
      );
      expect(found).toEqual(expected);
      expect(expected.size).toBeGreaterThan(0);
    }
  });

  it('links excerpts sharing most of the shorter one’s words, and not ones sharing a few', () => {
    const a = new Set(['council', 'approved', 'transit', 'contract', 'tuesday']);
    const b = new Set(['council', 'approved', 'transit', 'contract', 'after', 'long', 'debate']);
    const c = new Set(['council', 'approved', 'budget', 'school', 'repairs', 'winter']);
    expect(sameStatement(a, b)).toBe(true);
    expect(sameStatement(a, c)).toBe(false);
    expect(candidatePairs([a, b, c]).some(([i, j]) => i === 0 && j === 1)).toBe(true);
  });
});
