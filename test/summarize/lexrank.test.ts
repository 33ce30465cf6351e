import { describe, expect, it } from 'vitest';
import { lexRank, stationaryDistribution } from '../../src/summarize/lexrank.js';
import { wordCount } from '../../src/summarize/features.js';
import { makeArticle } from './fixtures.js';

/*
 * A small flood story: every report carries a version of the same core statement (the river burst its
 * banks and flooded the town), plus details of its own that no other report repeats.
 */
const flood = [
  makeArticle(
    'a',
    'The Severn river burst its banks on Monday and flooded the town of Upton, forcing hundreds of residents from their homes.\n\n' +
      'The town council opened the school gymnasium as an emergency shelter for the night.\n\n' +
      'A local bakery handed out free bread and tea to volunteers filling sandbags near the bridge.',
    { published: '2024-01-08', source: 'AP' },
  ),
  makeArticle(
    'b',
    'Hundreds of residents left their homes after the Severn river burst its banks and flooded Upton on Monday.\n\n' +
      'Forecasters expect more heavy rain across the region later in the week, the weather service said.\n\n' +
      'Insurance companies have started sending assessors to the damaged streets of the old market quarter.',
    { published: '2024-01-09', source: 'Reuters' },
  ),
  makeArticle(
    'c',
    'Flood water from the Severn river covered the streets of Upton after the river burst its banks on Monday.\n\n' +
      'The railway line between Worcester and Gloucester was closed until engineers could inspect two bridges.\n\n' +
      'Farmers downstream moved their sheep and cattle to higher fields before the water arrived.',
    { published: '2024-01-09', source: 'BBC' },
  ),
];

const total = (s: Array<{ text: string }>): number => s.reduce((n, x) => n + wordCount(x.text), 0);

describe('lexRank', () => {
  it('puts the central statement first: a one-sentence summary is a version of it', () => {
    const s = lexRank(flood, { words: 25 });
    expect(s).toHaveLength(1);
    expect(s[0].text).toMatch(/Severn river burst its banks/);
    // The chosen sentence cites the other reports that carry it only when they are near copies;
    // its own span is always first.
    expect(flood.some((d) => d.article.text.slice(s[0].sources[0].start, s[0].sources[0].end) === s[0].text)).toBe(
      true,
    );
  });

  it('also picks a central sentence in the continuous variant and with a query', () => {
    expect(lexRank(flood, { words: 25, continuous: true })[0].text).toMatch(/burst its banks/);
    expect(lexRank(flood, { words: 25, idf: 'documents' })[0].text).toMatch(/burst its banks/);
    const railway = lexRank(flood, { words: 25, query: 'railway line closed, bridges inspected' });
    expect(railway[0].text).toMatch(/railway line/);
  });

  it('respects the word budget and skips near-duplicates of a chosen sentence', () => {
    for (const words of [10, 25, 40, 60, 250]) expect(total(lexRank(flood, { words }))).toBeLessThanOrEqual(words);
    const all = lexRank(flood, { words: 250 });
    expect(all.length).toBeGreaterThan(3);
    // The three versions of the core statement overlap by more than 0.5 cosine: at most two survive.
    expect(all.filter((x) => /burst its banks/.test(x.text)).length).toBeLessThan(3);
  });

  it('is deterministic and orders the summary by article date', () => {
    const a = lexRank(flood, { words: 80 });
    const b = lexRank([...flood], { words: 80 });
    expect(b).toEqual(a);
    const dates = a.map((x) => flood.find((d) => d.article.id === x.sources[0].articleId)?.article.published ?? '');
    expect([...dates].sort()).toEqual(dates);
  });

  it('returns nothing for no articles or no budget', () => {
    expect(lexRank([], { words: 100 })).toEqual([]);
    expect(lexRank(flood, { words: 0 })).toEqual([]);
    expect(lexRank([makeArticle('x', 'Too short.')], { words: 100 })).toEqual([]);
  });
});

describe('stationaryDistribution', () => {
  it('is a probability distribution that favours the best-connected node', () => {
    const sim = [
      [1, 1, 1, 1],
      [1, 1, 0, 0],
      [1, 0, 1, 0],
      [1, 0, 0, 1],
    ].map((r) => Float64Array.from(r));
    const p = stationaryDistribution(sim, 0.85);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(p[0]).toBeGreaterThan(p[1]);
    expect(p[1]).toBeCloseTo(p[2], 12);
  });

  it('jumps to the given distribution instead of the uniform one', () => {
    const sim = [Float64Array.from([1, 0]), Float64Array.from([0, 1])];
    const p = stationaryDistribution(sim, 0.85, [0.9, 0.1]);
    expect(p[0]).toBeCloseTo(0.9, 6);
    expect(stationaryDistribution([], 0.85)).toEqual([]);
  });
});
