import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';
import { annotateText } from '../../src/text/annotate.js';

const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('does not split after titles, initials and abbreviations before names', () => {
    expect(texts('Gov. Andrew Cuomo (D-N.Y.) said so. Mr. Weinstein denied it.')).toEqual([
      'Gov. Andrew Cuomo (D-N.Y.) said so.',
      'Mr. Weinstein denied it.',
    ]);
    expect(texts('George W. Bush spoke. It rained.')).toEqual(['George W. Bush spoke.', 'It rained.']);
    expect(texts('It happened on Oct. 6 near St. Paul. Nobody was hurt.')).toEqual([
      'It happened on Oct. 6 near St. Paul.',
      'Nobody was hurt.',
    ]);
  });

  it('splits after a dotted acronym only before a typical sentence opener', () => {
    expect(texts('He moved to the U.S. The move was quick.')).toEqual(['He moved to the U.S.', 'The move was quick.']);
    expect(texts('The U.S. Army said no.')).toEqual(['The U.S. Army said no.']);
  });

  it('keeps closing quotes with their sentence and continues after a quoted question', () => {
    expect(texts('"We are ready," she said. "Are you?" he asked. Then they left.')).toEqual([
      '"We are ready," she said.',
      '"Are you?" he asked.',
      'Then they left.',
    ]);
    expect(texts('The letter called it “particularly disturbing.” Officials disagreed.')).toEqual([
      'The letter called it “particularly disturbing.”',
      'Officials disagreed.',
    ]);
  });

  it('ends a sentence at every line break and skips blank lines', () => {
    expect(texts('Headline without period\n\nFirst paragraph. Second sentence.\nNext para')).toEqual([
      'Headline without period',
      'First paragraph.',
      'Second sentence.',
      'Next para',
    ]);
  });

  it('does not split inside numbers, URLs or ellipses followed by lower case', () => {
    expect(texts('It cost $10.5 million... and more. See pic.twitter.com/abc for it.')).toEqual([
      'It cost $10.5 million... and more.',
      'See pic.twitter.com/abc for it.',
    ]);
  });

  it('handles text with no punctuation, only spaces, or nothing', () => {
    expect(texts('no punctuation at all here')).toEqual(['no punctuation at all here']);
    expect(texts('   \n\n  ')).toEqual([]);
    expect(texts('')).toEqual([]);
  });
});

describe('annotateText', () => {
  it('gives every token exact offsets and the sentence that contains it', () => {
    const text = 'Gov. Andrew Cuomo said “hello.”\n\nThe U.S. isn’t here. 😀 ok';
    const doc = annotateText({ id: 'x', text, publishedInferred: false });
    for (const t of doc.tokens) {
      expect(text.slice(t.start, t.end)).toBe(t.text);
      const s = doc.sentences[t.sentence];
      expect(t.start >= s.start && t.end <= s.end).toBe(true);
    }
    expect(doc.tokens.map((t) => t.text)).toContain('Cuomo');
    expect(doc.tokens.find((t) => t.text === 'Cuomo')?.pos).toBe('PROPN');
  });
});

describe('hyphenated words', () => {
  it('keeps unspaced hyphen joins as one token, with exact offsets', () => {
    const text = 'Chief Maria Okonkwo-Reyes saw a well-known 3-2 win - barely.';
    const doc = annotateText({ id: 'h', text, publishedInferred: false });
    const words = doc.tokens.map((t) => t.text);
    expect(words).toContain('Okonkwo-Reyes');
    expect(words).toContain('well-known');
    expect(words).toContain('3-2');
    // A spaced dash stays a token of its own.
    expect(words).toContain('-');
    expect(doc.tokens.find((t) => t.text === 'Okonkwo-Reyes')?.pos).toBe('PROPN');
    doc.tokens.forEach((t, i) => {
      expect(t.index).toBe(i);
      expect(text.slice(t.start, t.end)).toBe(t.text);
    });
  });
});
