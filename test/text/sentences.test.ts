import { describe, expect, it } from 'vitest';
import { splitSentences, trainSentenceModel } from '../../src/text/sentences.js';
import { annotateText } from '../../src/text/annotate.js';
import { tokenizeWords } from '../../src/text/tokenize.js';
import { parseConllu } from '../../src/text/conllu.js';
import {
  PROFILE_EDITED,
  PROFILE_UNEDITED,
  SentenceModel,
  defaultSentenceModel,
  documentProfile,
  setDefaultSentenceModel,
  surfaceTokens,
} from '../../src/text/sentence-model.js';

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

  it('does not split between a parenthesised acronym and the next word', () => {
    expect(
      texts(
        'NAIROBI, April 26 (Xinhua) -- The World Health Organization (WHO) Regional Director for Africa Dr Ibrahim Samba said today that malaria kills many.',
      ),
    ).toHaveLength(1);
    expect(
      texts(
        "Visiting Chinese National People's Congress (NPC) Chairman Qiao Shi said today that China would help. The Office of Management and Budget (OMB) Franklin Raines said so.",
      ),
    ).toEqual([
      "Visiting Chinese National People's Congress (NPC) Chairman Qiao Shi said today that China would help.",
      'The Office of Management and Budget (OMB) Franklin Raines said so.',
    ]);
    // With terminal punctuation the acronym may end a sentence.
    expect(texts('It was run by the World Health Organization (WHO). Doctors were sent.')).toEqual([
      'It was run by the World Health Organization (WHO).',
      'Doctors were sent.',
    ]);
  });

  it("reads `` as an opening and '' as a closing quote", () => {
    expect(
      texts("``San Francisco is diverse,'' Castleman says. ``It's not everybody's first choice.'' Of course not."),
    ).toEqual([
      "``San Francisco is diverse,'' Castleman says.",
      "``It's not everybody's first choice.''",
      'Of course not.',
    ]);
    expect(texts("It is alienated. `` There are some real haters,'' says Nash. They left.")).toEqual([
      'It is alienated.',
      "`` There are some real haters,'' says Nash.",
      'They left.',
    ]);
    expect(texts("They're dancing to ``My Sharona''! By the time of its release it was a hit.")).toEqual([
      "They're dancing to ``My Sharona''!",
      'By the time of its release it was a hit.',
    ]);
    expect(texts("He explains in his book `` The Malaria Capers'' (W.W. Norton, 1991) how it spread.")).toHaveLength(1);
    // A closing quote standing alone after the sentence it closes stays with it.
    expect(texts("He said, `Just go like you are.' ''\n\nGarcia drove her there.")).toEqual([
      "He said, `Just go like you are.' ''",
      'Garcia drove her there.',
    ]);
    expect(texts('She said: "It works. " Then she left.')[0]).toMatch(/^She said: "It works\. "/);
  });

  it('does not split edited prose where there is no terminal punctuation', () => {
    const doc = [
      'HONG KONG (AP) _ Police arrested a man who had killed four people and stolen 143,000 yuan, 80,000 Hong Kong dollars and watches.',
      'However the latest data on El Nino from a NASA satellite made them cautious about the forecast for the year.',
      'The group has also published the following: All of its calculations include the costs of the program.',
    ].join('\n\n');
    expect(texts(doc)).toEqual([
      'HONG KONG (AP) _ Police arrested a man who had killed four people and stolen 143,000 yuan, 80,000 Hong Kong dollars and watches.',
      'However the latest data on El Nino from a NASA satellite made them cautious about the forecast for the year.',
      'The group has also published the following: All of its calculations include the costs of the program.',
    ]);
    expect(texts('Rudolph is waiting to receive 25 Buick cars and GMC. trucks this month. He is patient.')).toEqual([
      'Rudolph is waiting to receive 25 Buick cars and GMC. trucks this month.',
      'He is patient.',
    ]);
  });

  it('profiles documents by how their paragraphs end', () => {
    const profile = (t: string): number => documentProfile(t, surfaceTokens(tokenizeWords(t)));
    expect(profile('The first paragraph ends here, as usual.\n\nThe second paragraph ends here too, really.')).toBe(
      PROFILE_EDITED,
    );
    expect(profile('thanks for all the help with this one\n\ncall me when you get in tomorrow morning')).toBe(
      PROFILE_UNEDITED,
    );
    // Wire codes after the last sentence do not count against it.
    expect(profile('Their trial resumes Monday after a long break. &UR; (ek)')).toBe(PROFILE_EDITED);
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
