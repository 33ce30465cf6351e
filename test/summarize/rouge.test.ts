import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { porterStem, rougeStem } from '../../src/summarize/porter.js';
import {
  Drand48,
  ngramCounts,
  rouge,
  rougeBootstrapMean,
  rougeJackknife,
  rougeText,
  rougeTokens,
  skipBigramCounts,
  ROUGE_2,
  ROUGE_SU4,
} from '../../src/summarize/rouge.js';
import { parseRougeConfig, runRougeEval } from '../../src/eval/rouge.js';

describe('Porter stemmer (ROUGE-1.5.5 variant)', () => {
  it('stems the classic examples from Porter (1980)', () => {
    const cases: Record<string, string> = {
      caresses: 'caress',
      ponies: 'poni',
      ties: 'ti',
      caress: 'caress',
      cats: 'cat',
      feed: 'feed',
      agreed: 'agre',
      plastered: 'plaster',
      bled: 'bled',
      motoring: 'motor',
      sing: 'sing',
      conflated: 'conflat',
      troubled: 'troubl',
      sized: 'size',
      hopping: 'hop',
      tanned: 'tan',
      falling: 'fall',
      hissing: 'hiss',
      fizzed: 'fizz',
      failing: 'fail',
      filing: 'file',
      happy: 'happi',
      sky: 'sky',
      relational: 'relat',
      conditional: 'condit',
      rational: 'ration',
      valenci: 'valenc',
      digitizer: 'digit',
      conformabli: 'conform',
      radicalli: 'radic',
      differentli: 'differ',
      vileli: 'vile',
      analogousli: 'analog',
      vietnamization: 'vietnam',
      predication: 'predic',
      operator: 'oper',
      feudalism: 'feudal',
      decisiveness: 'decis',
      hopefulness: 'hope',
      callousness: 'callous',
      formaliti: 'formal',
      sensitiviti: 'sensit',
      sensibiliti: 'sensibl',
      triplicate: 'triplic',
      formative: 'form',
      formalize: 'formal',
      electriciti: 'electr',
      electrical: 'electr',
      hopeful: 'hope',
      goodness: 'good',
      revival: 'reviv',
      allowance: 'allow',
      inference: 'infer',
      airliner: 'airlin',
      gyroscopic: 'gyroscop',
      adjustable: 'adjust',
      defensible: 'defens',
      irritant: 'irrit',
      replacement: 'replac',
      adjustment: 'adjust',
      dependent: 'depend',
      adoption: 'adopt',
      homologou: 'homolog',
      communism: 'commun',
      activate: 'activ',
      angulariti: 'angular',
      homologous: 'homolog',
      effective: 'effect',
      bowdlerize: 'bowdler',
      probate: 'probat',
      rate: 'rate',
      cease: 'ceas',
      controll: 'control',
      roll: 'roll',
      generalizations: 'gener',
      yelling: 'yell',
    };
    for (const [w, s] of Object.entries(cases)) expect(porterStem(w), w).toBe(s);
  });

  it('applies the -ement / -ment / -ent tests in turn as ROUGE does', () => {
    // "settlement": "settl" (m=1) keeps -ement, "settle" (m=1) keeps -ment, but "settlem" (m=2) loses -ent,
    // where the original algorithm leaves the word whole.
    expect(porterStem('settlement')).toBe('settlem');
    expect(porterStem('agreement')).toBe('agreem');
    expect(porterStem('government')).toBe('govern');
  });

  it('looks WordNet exceptions up before stemming', () => {
    expect(rougeStem('said')).toBe('say');
    expect(rougeStem('children')).toBe('child');
    expect(rougeStem('running')).toBe('run');
    expect(rougeStem('stations')).toBe('station');
  });
});

describe('ROUGE tokenisation', () => {
  it('lower-cases, splits hyphens off, blanks other characters and drops non-word tokens', () => {
    expect(rougeText(['The U.S.-led "coalition" said: 45%'])).toBe('the u s - led coalition said 45');
    expect(rougeTokens(['The U.S.-led coalition'])).toEqual(['the', 'u', 's', 'led', 'coalition']);
  });

  it('stems only tokens longer than 3 characters', () => {
    expect(rougeTokens(['Cats runs dogs ran'], { stem: true })).toEqual(['cat', 'run', 'dog', 'ran']);
    expect(rougeTokens(['its was ties'], { stem: true })).toEqual(['its', 'was', 'ti']);
  });

  it('truncates to -l words counting raw whitespace words per line', () => {
    const lines = ['one two three', 'four five-six seven', 'eight'];
    // "five-six" counts as one word for the limit although it yields two tokens.
    expect(rougeTokens(lines, { wordLimit: 5 })).toEqual(['one', 'two', 'three', 'four', 'five', 'six']);
    expect(rougeTokens(lines, { wordLimit: 3 })).toEqual(['one', 'two', 'three']);
    expect(rougeTokens(lines, { wordLimit: 100 })).toHaveLength(8);
  });

  it('truncates to -b bytes', () => {
    expect(rougeText(['abcdef', 'ghij'], { byteLimit: 8 })).toBe('abcdef gh');
  });

  it('removes stopwords when given', () => {
    expect(rougeTokens(['the cat and the hat'], { stopwords: new Set(['the', 'and']) })).toEqual(['cat', 'hat']);
  });
});

describe('ROUGE counting', () => {
  it('counts n-grams across sentence boundaries (sentences are concatenated)', () => {
    const c = ngramCounts(rougeTokens(['a b.', 'a b']), 2);
    expect(c.total).toBe(3);
    expect(c.grams.get('a b')).toBe(2);
    expect(c.grams.get('b a')).toBe(1);
  });

  it('counts skip-bigrams within the gap and unigrams except the last token', () => {
    const toks = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const s = skipBigramCounts(toks, 4, true);
    // pairs with at most 4 words between: from a: b..f (5), b: c..g (5), c: 4, d: 3, e: 2, f: 1 = 20; unigrams a..f = 6
    expect(s.total).toBe(26);
    expect(s.grams.has('a f')).toBe(true);
    expect(s.grams.has('a g')).toBe(false);
    expect(s.grams.has('g')).toBe(false);
    expect(s.grams.get('a')).toBe(1);
  });

  it('clips matches per model and sums counts over models (-f A)', () => {
    const peer = ['the cat the cat the cat'];
    const r = rouge(peer, [['the cat sat']], ROUGE_2);
    // model bigrams: "the cat", "cat sat"; peer has "the cat" x3: clipped to 1.
    expect(r.hits).toBe(1);
    expect(r.recall).toBe(0.5);
    expect(r.precision).toBe(0.2);
    const two = rouge(['the cat sat'], [['the cat sat'], ['a dog sat']], ROUGE_2);
    expect(two.hits).toBe(2);
    expect(two.modelCount).toBe(4);
    expect(two.recall).toBe(0.5);
    expect(two.f).toBeCloseTo(0.5, 5);
  });

  it('jackknifes over references: mean of the scores against each M-1 subset', () => {
    const peer = ['a b c'];
    const models = [['a b c'], ['a b d'], ['x y z']];
    // subsets: {2,3}: hits 1 of 4; {1,3}: 2 of 4; {1,2}: 3 of 4  → (0.25+0.5+0.75)/3
    expect(rougeJackknife(peer, models, ROUGE_2).recall).toBeCloseTo(0.5, 10);
  });

  it('scores SU4 on a hand-computed pair', () => {
    const r = rouge(['a b c'], [['a c b']], ROUGE_SU4);
    // model: a, c + pairs "a c","a b","c b" = 5; peer: a, b + "a b","a c","b c": hits a, "a c", "a b" = 3
    expect(r.modelCount).toBe(5);
    expect(r.hits).toBe(3);
    expect(r.recall).toBe(0.6);
  });

  it('reproduces drand48 and the bootstrap mean of a constant', () => {
    const r = new Drand48(0);
    const first = r.next();
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(1);
    expect(new Drand48(0).next()).toBe(first);
    expect(
      rougeBootstrapMean(
        new Map([
          ['a', 0.5],
          ['b', 0.5],
        ]),
        50,
      ),
    ).toBe(0.5);
  });
});

describe('ROUGE configuration parsing', () => {
  it('reads peers and models of each EVAL', () => {
    const xml = `<ROUGE_EVAL version="1.5.5"><EVAL ID="T-A"><PEERS><P ID="1">T.1</P>
<P ID="A">T.A</P></PEERS><MODELS><M ID="B">T.B</M></MODELS></EVAL></ROUGE_EVAL>`;
    const evals = parseRougeConfig(xml);
    expect(evals).toHaveLength(1);
    expect(evals[0].peers.map((p) => p.id)).toEqual(['1', 'A']);
    expect(evals[0].models).toEqual([{ id: 'B', file: 'T.B' }]);
  });
});

const dataRoot = process.env.STORYLINE_DATA ?? path.resolve('../shared/data');
const duc = path.join(dataRoot, 'summaries/duc2006');

describe.skipIf(!existsSync(path.join(duc, 'rougejk.in')))('DUC 2006 official ROUGE averages', () => {
  it('reproduces every participant’s ROUGE-2 and SU4 to the second decimal (×100)', async () => {
    const r = await runRougeEval(duc);
    expect(r.compared).toBe(45);
    const wrong = r.rows.filter((x) => !x.match2 || !x.matchSU4).map((x) => x.peer);
    expect(wrong).toEqual([]);
    expect(r.systems.exactBoth).toBe(35);
  });
});
