import { describe, expect, it } from 'vitest';
import { StoryClusterer, articleFeatures, FEATURE_GROUPS } from '../../src/stories/index.js';
import { NearDuplicateIndex } from '../../src/stories/dedup.js';
import { KeyTable, packSerialized, packVectors, serializePacked, unpackVectors } from '../../src/stories/packed.js';
import { serializeVectors, unitVectors } from '../../src/stories/vectors.js';
import type { AnnotatedArticle } from '../../src/model.js';
import { QUAKE_A1, QUAKE_A2, QUAKE_B1, QUAKE_B2, WIRE, art } from './fixtures.js';

const DOCS: AnnotatedArticle[] = [
  art('a1', QUAKE_A1, { published: '2009-09-30', source: 'Jakarta Post' }),
  art('b1', QUAKE_B1, { published: '2009-04-06', source: 'ANSA' }),
  art('w1', WIRE, { published: '2009-10-02', source: 'AP' }),
  art('a2', QUAKE_A2, { published: '2009-10-01', source: 'Reuters' }),
  art('w2', WIRE, { published: '2009-10-02', source: 'Local Herald' }),
  art('b2', QUAKE_B2, { published: '2009-04-07', source: 'BBC' }),
];

describe('compact clusterer state', () => {
  it('packs an article vector and gives back the same keys, weights and order', () => {
    const table = new KeyTable();
    for (const d of DOCS) {
      const v = unitVectors(articleFeatures(d));
      const p = packVectors(v, table);
      const back = unpackVectors(p, table);
      for (const g of FEATURE_GROUPS) expect([...back[g]]).toEqual([...v[g]]);
      expect(serializePacked(p, table)).toEqual(serializeVectors(v));
      expect(unpackVectors(packSerialized(serializeVectors(v), table), table)).toEqual(back);
      // Two typed arrays instead of five Maps.
      expect(p.keys).toBeInstanceOf(Int32Array);
      expect(p.weights).toBeInstanceOf(Float64Array);
    }
  });

  it('keeps each placed article as exactly the unit vectors it was scored with', () => {
    const c = new StoryClusterer();
    for (const d of DOCS) c.add(d);
    const snap = c.snapshot();
    const byId = new Map(DOCS.map((d) => [d.article.id, d]));
    let compared = 0;
    for (const s of snap.stories) {
      for (const a of s.articles) {
        if (!a.vec) continue;
        expect(a.vec).toEqual(serializeVectors(unitVectors(articleFeatures(byId.get(a.id) as AnnotatedArticle))));
        compared++;
      }
    }
    // The wire copy is a duplicate and keeps no vector.
    expect(compared).toBe(DOCS.length - 1);
  });

  it('gives the same assignments, maintenance and state after a snapshot round trip', () => {
    const first = new StoryClusterer();
    for (const d of DOCS.slice(0, 3)) first.add(d);
    const copy = StoryClusterer.restore(JSON.parse(JSON.stringify(first.snapshot())));
    for (const d of DOCS.slice(3)) {
      const a = first.add(d);
      const b = copy.add(d);
      expect([b.storyId, b.isNew, b.score, b.duplicateOf]).toEqual([a.storyId, a.isNew, a.score, a.duplicateOf]);
    }
    expect(copy.stories()).toEqual(first.stories());
    expect(copy.topics()).toEqual(first.topics());
    // Split and recheck read the packed article vectors back.
    const quake = first.stories().find((s) => s.articleIds.includes('a1'));
    expect(quake?.articleIds).toEqual(['a1', 'a2']);
    expect(first.split(quake?.id as string, ['a2'])).toBe(copy.split(quake?.id as string, ['a2']));
    expect(copy.recheck()).toEqual(first.recheck());
    expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(first.snapshot()));
  });

  it('keeps MinHash signatures as 32-bit words and matches copies as before', () => {
    const idx = new NearDuplicateIndex();
    const sig = idx.signature(WIRE);
    expect(sig).toBeDefined();
    idx.add('w1', sig!);
    const match = idx.query(idx.signature(WIRE)!);
    expect(match).toMatchObject({ id: 'w1', jaccard: 1 });
    // The snapshot still lists plain numbers, the same ones.
    expect(idx.snapshot().signatures[0][1].hashes).toEqual(sig!.hashes);
    expect(Array.isArray(idx.snapshot().signatures[0][1].hashes)).toBe(true);
  });
});
