import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clusterKey,
  clusterLookup,
  learnWordClusters,
  loadUnlabelledText,
  tokenizeTexts,
} from '../../src/text/word-clusters.js';

/** A toy language: determiner noun verb (adverb), every combination, in a fixed order. */
function toyCorpus(): string[][] {
  const dets = ['the', 'a', 'this', 'that'];
  const nouns = ['cat', 'dog', 'bird', 'fish', 'horse'];
  const verbs = ['sat', 'ran', 'ate', 'slept'];
  const advs = ['quickly', 'slowly', 'often'];
  const out: string[][] = [];
  for (const d of dets)
    for (const n of nouns)
      for (const v of verbs)
        for (const a of advs) {
          out.push([d, n, v, a, '.']);
          out.push([d, n, v, '.']);
        }
  return out;
}

describe('learnWordClusters', () => {
  it('puts words used alike in the same cluster', () => {
    const c = learnWordClusters(toyCorpus(), { sizes: [5], minCount: 1 });
    const look = clusterLookup(c);
    const id = (w: string): number => look(w)![0];
    for (const n of ['dog', 'bird', 'fish', 'horse']) expect(id(n)).toBe(id('cat'));
    for (const v of ['ran', 'ate', 'slept']) expect(id(v)).toBe(id('sat'));
    for (const d of ['a', 'this', 'that']) expect(id(d)).toBe(id('the'));
    expect(new Set([id('the'), id('cat'), id('sat'), id('quickly')]).size).toBe(4);
  });

  it('is deterministic and gives one id per level', () => {
    const a = learnWordClusters(toyCorpus(), { sizes: [2, 4], minCount: 1 });
    const b = learnWordClusters(toyCorpus(), { sizes: [2, 4], minCount: 1 });
    expect(a.levels).toBe(2);
    expect(Buffer.from(a.ids.buffer).equals(Buffer.from(b.ids.buffer))).toBe(true);
    expect(Buffer.from(a.keys.buffer).equals(Buffer.from(b.keys.buffer))).toBe(true);
    expect(a.ids.length).toBe(a.keys.length * 2);
    for (const x of a.ids.subarray(0)) expect(x).toBeLessThan(4);
  });

  it('leaves rare words out and handles empty input', () => {
    const c = learnWordClusters([['x', 'y', 'x']], { minCount: 2, sizes: [2] });
    const look = clusterLookup(c);
    expect(look('x')).toHaveLength(1);
    expect(look('y')).toBeUndefined();
    expect(learnWordClusters([]).keys).toHaveLength(0);
    expect(clusterLookup(learnWordClusters([]))('x')).toBeUndefined();
  });

  it('looks words up by form with digits folded, falling back to lowercase', () => {
    expect(clusterKey('1,234')).toBe('0,000');
    expect(clusterKey('don’t')).toBe("don't");
    const c = learnWordClusters([['The', 'cat', '1999', 'the', 'cat', '2004']], { minCount: 1, sizes: [3] });
    const look = clusterLookup(c);
    expect(look('CAT')).toEqual(look('cat'));
    expect(look('1987')).toEqual(look('2004'));
    expect(look('The')).toBeDefined();
    expect(look('dog')).toBeUndefined();
  });
});

describe('loadUnlabelledText', () => {
  it('reads the four corpora and skips the missing ones', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'unlabelled-'));
    expect(loadUnlabelledText(root)).toEqual([]);
    mkdirSync(path.join(root, 'summaries/duc2006/docs/D1'), { recursive: true });
    writeFileSync(
      path.join(root, 'summaries/duc2006/docs/D1/APW1'),
      '<DOC><HEADLINE> Not this </HEADLINE><TEXT>\n<P>\nThe mayor &amp; the city.\n</P>\n<P>\nSecond.\n</P>\n</TEXT></DOC>',
    );
    mkdirSync(path.join(root, 'quotes/polnear/dev/text'), { recursive: true });
    writeFileSync(path.join(root, 'quotes/polnear/dev/text/a.txt'), 'She said so.');
    mkdirSync(path.join(root, 'stories/ecbplus/1'), { recursive: true });
    writeFileSync(
      path.join(root, 'stories/ecbplus/1/1_1ecb.xml'),
      '<Document><token t_id="1" sentence="0" number="0">Tara</token><token t_id="2" sentence="0" number="1">Reid</token>' +
        '<token t_id="3" sentence="1" number="0">Rock</token><token t_id="4" sentence="1" number="1">&amp;</token></Document>',
    );
    mkdirSync(path.join(root, 'ner/conll2003'), { recursive: true });
    writeFileSync(
      path.join(root, 'ner/conll2003/eng.train'),
      '-DOCSTART- -X- -X- O\n\nEU NNP B-NP S-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP S-PER\n',
    );
    const texts = loadUnlabelledText(root).map((t) => t.trim());
    expect(texts).toEqual([
      'The mayor & the city.',
      'Second.',
      'She said so.',
      'Tara Reid',
      'Rock &',
      'EU rejects',
      'Peter',
    ]);
    expect(tokenizeTexts(['The mayor & the city.'])).toEqual([['The', 'mayor', '&', 'the', 'city', '.']]);
  });
});
