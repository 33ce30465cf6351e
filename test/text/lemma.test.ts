import { describe, expect, it } from 'vitest';
import { lemmatize } from '../../src/text/lemma.js';

describe('lemmatize', () => {
  it('follows EWT conventions for clitics and auxiliaries', () => {
    expect(lemmatize("n't", 'PART', 'RB')).toBe('not');
    expect(lemmatize('n’t', 'PART', 'RB')).toBe('not');
    expect(lemmatize("'s", 'AUX', 'VBZ')).toBe('be');
    expect(lemmatize("'s", 'PART', 'POS')).toBe("'s");
    expect(lemmatize("'ll", 'AUX', 'MD')).toBe('will');
    expect(lemmatize('was', 'AUX', 'VBD')).toBe('be');
    expect(lemmatize('were', 'AUX', 'VBD')).toBe('be');
    expect(lemmatize('has', 'AUX', 'VBZ')).toBe('have');
    expect(lemmatize('ca', 'AUX', 'MD')).toBe('can');
  });

  it('handles irregular forms', () => {
    expect(lemmatize('better', 'ADJ', 'JJR')).toBe('good');
    expect(lemmatize('went', 'VERB', 'VBD')).toBe('go');
    expect(lemmatize('taken', 'VERB', 'VBN')).toBe('take');
    expect(lemmatize('children', 'NOUN', 'NNS')).toBe('child');
    expect(lemmatize('him', 'PRON', 'PRP')).toBe('he');
    expect(lemmatize('overthrew', 'VERB', 'VBD')).toBe('overthrow');
  });

  it('applies regular inflection rules to unseen words', () => {
    expect(lemmatize('zorbles', 'NOUN', 'NNS')).toBe('zorble');
    expect(lemmatize('blickets', 'NOUN', 'NNS')).toBe('blicket');
    expect(lemmatize('cities', 'NOUN', 'NNS')).toBe('city');
    expect(lemmatize('boxes', 'NOUN', 'NNS')).toBe('box');
    expect(lemmatize('stopped', 'VERB', 'VBD')).toBe('stop');
    expect(lemmatize('tried', 'VERB', 'VBD')).toBe('try');
    expect(lemmatize('hoped', 'VERB', 'VBD')).toBe('hope');
    expect(lemmatize('walked', 'VERB', 'VBD')).toBe('walk');
    expect(lemmatize('realizing', 'VERB', 'VBG')).toBe('realize');
    expect(lemmatize('running', 'VERB', 'VBG')).toBe('run');
    expect(lemmatize('visited', 'VERB', 'VBN')).toBe('visit');
    expect(lemmatize('Reports', 'NOUN', 'NNS')).toBe('report');
  });

  it('keeps proper nouns and lowercases common words', () => {
    expect(lemmatize('Cuomo', 'PROPN', 'NNP')).toBe('Cuomo');
    expect(lemmatize('Americans', 'PROPN', 'NNPS')).toBe('American');
    expect(lemmatize('The', 'DET', 'DT')).toBe('the');
    expect(lemmatize('I', 'PRON', 'PRP')).toBe('I');
    expect(lemmatize('3.5', 'NUM', 'CD')).toBe('3.5');
  });

  it('never throws and returns a string for odd input', () => {
    for (const w of ['', 'x'.repeat(10_000), '東京', '🙂', 's', 'ed', 'ing'])
      for (const [u, x] of [
        ['NOUN', 'NNS'],
        ['VERB', 'VBD'],
        ['VERB', 'VBG'],
        ['ADJ', 'JJS'],
        ['X', 'XX'],
      ])
        expect(typeof lemmatize(w, u, x)).toBe('string');
  });
});
