import { describe, expect, it } from 'vitest';
import { splitSentences, trainSentenceModel } from '../../src/text/sentences.js';
import { annotateText } from '../../src/text/annotate.js';
import { tokenizeWords } from '../../src/text/tokenize.js';
import { parseConllu } from '../../src/text/conllu.js';
import { SentenceModel, defaultSentenceModel, setDefaultSentenceModel } from '../../src/text/sentence-model.js';

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
    expect(doc.tokens.find((t) => t.text === 'Cuomo')?.upos).toBe('PROPN');
  });
});

describe('hyphenated words', () => {
  it('splits unspaced hyphen joins as UD English EWT does, with exact offsets', () => {
    const text = 'Chief Maria Okonkwo-Reyes saw a well-known 3-2 win - barely.';
    const doc = annotateText({ id: 'h', text, publishedInferred: false });
    const words = doc.tokens.map((t) => t.text);
    expect(words).toEqual([
      'Chief',
      'Maria',
      'Okonkwo',
      '-',
      'Reyes',
      'saw',
      'a',
      'well',
      '-',
      'known',
      '3',
      '-',
      '2',
      'win',
      '-',
      'barely',
      '.',
    ]);
    doc.tokens.forEach((t, i) => {
      expect(t.index).toBe(i);
      expect(text.slice(t.start, t.end)).toBe(t.text);
    });
  });
});

describe('splitSentences on news text', () => {
  it('keeps a dateline with the first sentence', () => {
    expect(texts('LARKHOLLOW (Meridian Press) — The mayor resigned Tuesday. Her deputy takes over.')).toEqual([
      'LARKHOLLOW (Meridian Press) — The mayor resigned Tuesday.',
      'Her deputy takes over.',
    ]);
  });

  it('treats headlines and paragraph breaks as boundaries', () => {
    expect(texts('Mayor Quits Amid Probe\nThe mayor resigned on Tuesday\n\nShe denied wrongdoing.')).toEqual([
      'Mayor Quits Amid Probe',
      'The mayor resigned on Tuesday',
      'She denied wrongdoing.',
    ]);
  });

  it('keeps quoted sentences inside a sentence whole', () => {
    expect(texts('"Are you?" he asked. "I am!" she said, and left.')).toEqual([
      '"Are you?" he asked.',
      '"I am!" she said, and left.',
    ]);
    expect(texts('“We will win,” said Sen. J. Doe of the U.S. Senate.')).toEqual([
      '“We will win,” said Sen. J. Doe of the U.S. Senate.',
    ]);
  });

  it('does not split after titles, initials, "No." or ellipses before lower case', () => {
    expect(texts('Dr. Smith met Gen. J. R. Allen. He ranked No. 1 in the poll... but lost.')).toEqual([
      'Dr. Smith met Gen. J. R. Allen.',
      'He ranked No. 1 in the poll... but lost.',
    ]);
  });

  it('splits web text without final punctuation', () => {
    expect(texts('Thanks for the help! I will call you tomorrow.')).toEqual([
      'Thanks for the help!',
      'I will call you tomorrow.',
    ]);
  });

  it('uses the words it is given and gives exact offsets', () => {
    const text = '  First one.  Second one?\r\n Third ';
    const words = tokenizeWords(text);
    const sents = splitSentences(text, words);
    expect(sents.map((s) => s.text)).toEqual(['First one.', 'Second one?', 'Third']);
    sents.forEach((s, i) => {
      expect(s.index).toBe(i);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    });
  });

  it('survives bad input', () => {
    for (const t of [
      '\ud800',
      '\u0000\u0000',
      '.'.repeat(5000),
      '")'.repeat(3000),
      'a\n'.repeat(3000),
      '🙂'.repeat(1000),
    ]) {
      let prev = 0;
      for (const s of splitSentences(t)) {
        expect(s.start).toBeGreaterThanOrEqual(prev);
        expect(t.slice(s.start, s.end)).toBe(s.text);
        prev = s.end;
      }
    }
  });
});

describe('the sentence-boundary model', () => {
  const conllu = (sentences: string[][]): string =>
    sentences
      .map(
        (words, i) =>
          `${i % 3 === 0 ? '# newdoc\n' : ''}# text = ${words.join(' ')}\n` +
          words.map((w, j) => `${j + 1}\t${w}\t${w}\tX\tX\t_\t${j === 0 ? 0 : 1}\tdep\t_\t_`).join('\n') +
          '\n',
      )
      .join('\n');
  const train = parseConllu(
    conllu([
      ['Thanks', 'for', 'the', 'help'],
      ['I', 'will', 'call', 'you', 'tomorrow', '.'],
      ['See', 'you', 'there', '!'],
      ['The', 'U.S.', 'Army', 'said', 'no', '.'],
      ['Hi', 'John'],
      ['It', 'rained', '.'],
    ]),
  );

  it('trains deterministically for a seed and loads back', () => {
    const a = trainSentenceModel(train, { seed: 7, epochs: 3 });
    const b = trainSentenceModel(train, { seed: 7, epochs: 3 });
    expect(Buffer.compare(a, b)).toBe(0);
    const model = SentenceModel.deserialize(a);
    expect(model.linear.classes).toBe(2);
  });

  it('falls back to the rules without a model file', () => {
    setDefaultSentenceModel(null);
    try {
      expect(texts('Gov. Andrew Cuomo said so. Mr. Weinstein denied it.')).toEqual([
        'Gov. Andrew Cuomo said so.',
        'Mr. Weinstein denied it.',
      ]);
      expect(texts('He moved to the U.S. The move was quick.')).toEqual([
        'He moved to the U.S.',
        'The move was quick.',
      ]);
      expect(texts('"Are you?" he asked. Then they left.')).toEqual(['"Are you?" he asked.', 'Then they left.']);
      expect(texts('It cost $10.5 million... and more.\nNext')).toEqual(['It cost $10.5 million... and more.', 'Next']);
    } finally {
      setDefaultSentenceModel(undefined);
    }
  });

  it('ships a model file that loads', () => {
    expect(defaultSentenceModel()).not.toBeNull();
  });
});
