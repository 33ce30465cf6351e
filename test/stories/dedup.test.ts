import { describe, expect, it } from 'vitest';
import { NearDuplicateIndex } from '../../src/stories/dedup.js';
import { StoryClusterer } from '../../src/stories/index.js';
import { QUAKE_A1, QUAKE_B1, WIRE, art } from './fixtures.js';

/** A newspaper's copy of the wire story: new headline, credit changed, last paragraph trimmed, one word edited. */
function syndicated(): string {
  const paras = WIRE.split('\n');
  return paras
    .slice(0, -1)
    .join('\n')
    .replace('WASHINGTON (AP) —', 'WASHINGTON —')
    .replace('sweeping overhaul', 'broad overhaul');
}

describe('near-duplicate detection', () => {
  it('finds a trimmed, re-headlined copy and ignores a different text', () => {
    const idx = new NearDuplicateIndex();
    const orig = idx.signature(WIRE);
    expect(orig).toBeDefined();
    idx.add('wire', orig!);
    const copy = idx.query(idx.signature(syndicated())!);
    expect(copy?.id).toBe('wire');
    expect(copy!.containment).toBeGreaterThan(0.8);
    expect(idx.query(idx.signature(QUAKE_A1)!)).toBeUndefined();
  });

  it('gives identical signatures for identical text and none for empty text', () => {
    const idx = new NearDuplicateIndex();
    expect(idx.signature(WIRE)).toEqual(idx.signature(WIRE));
    expect(idx.signature('   ')).toBeUndefined();
    expect(idx.compare(idx.signature('one')!, idx.signature('one')!).jaccard).toBe(1);
  });

  it('marks syndicated copies in the clusterer and counts independent sources', () => {
    const c = new StoryClusterer();
    const orig = c.add(art('ap-1', WIRE, { source: 'Associated Press', title: 'Senate passes immigration bill' }));
    const copy = c.add(
      art('herald-1', syndicated(), { source: 'Daily Herald', title: 'Immigration overhaul clears the Senate' }),
    );
    expect(copy.duplicateOf).toBe('ap-1');
    expect(copy.storyId).toBe(orig.storyId);
    expect(copy.explanation.decision).toBe('duplicate');
    // A copy from another outlet is not independent confirmation.
    expect(c.independentSources(orig.storyId)).toBe(1);
    const own = c.add(
      art(
        'times-1',
        `The Senate approved an immigration overhaul on Thursday by a vote of 68 to 31, a bipartisan victory that puts pressure on Speaker John Boehner and House Republicans.
Senator Charles Schumer called it a historic day, while Senator Marco Rubio urged the House to act. Senator Jeff Sessions led the opposition.
The bill spends $46 billion on the border and offers a 13-year path to citizenship for 11 million immigrants.`,
        { source: 'New York Times' },
      ),
    );
    expect(own.duplicateOf).toBeUndefined();
    expect(own.storyId).toBe(orig.storyId);
    expect(c.independentSources(orig.storyId)).toBe(2);
    expect(c.stories()[0].articleIds).toEqual(['ap-1', 'herald-1', 'times-1']);
    expect(c.stories()[0].independentSources).toBe(2);
    // An unrelated article is not a copy.
    expect(c.add(art('q', QUAKE_B1)).duplicateOf).toBeUndefined();
  });

  it('validates its options', () => {
    expect(() => new NearDuplicateIndex({ numHashes: 100, bands: 42 })).toThrow(/multiple of bands/);
  });
});
