import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignWords, runSyntaxEval } from '../../src/eval/syntax.js';
import { parseConllu, rawTreebank } from '../../src/text/conllu.js';

const FIXTURE = 'test/fixtures/syntax/news.conllu';

const word = (start: number, end: number, form: string, multiword = false) => ({
  start,
  end,
  multiword,
  form,
  upos: 'X',
  xpos: 'X',
  lemma: form,
  head: -1,
  deprel: 'dep',
});

describe('CoNLL-U reading', () => {
  it('keeps multiword tokens, spacing and paragraph breaks', () => {
    const sentences = parseConllu(
      "# newdoc id = d\n# text = We don't.\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n" +
        "1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n",
    );
    expect(sentences).toHaveLength(1);
    expect(sentences[0].tokens.map((t) => t.form)).toEqual(["don't", '.']);
    expect(sentences[0].tokens[0].words).toEqual([0, 1]);
    expect(sentences[0].words[1]).toMatchObject({ form: "n't", lemma: 'not', head: 1, deprel: 'advmod' });
    const raw = rawTreebank(sentences);
    expect(raw.docs[0].text).toBe("don't.");
  });

  it('lays out paragraphs with blank lines and gives exact token offsets', () => {
    const raw = rawTreebank(parseConllu(readFileSync(FIXTURE, 'utf8')));
    const doc = raw.docs[0];
    expect(doc.text.split('\n\n')).toHaveLength(3);
    for (const s of doc.sentences) {
      expect(doc.text.slice(s.start, s.end)).toBe(s.sentence.text);
      s.tokens.forEach((t, k) => expect(doc.text.slice(t.start, t.end)).toBe(s.sentence.tokens[k].form));
    }
  });
});

describe('word alignment (CoNLL 2018)', () => {
  it('aligns equal spans and multiword tokens by their forms', () => {
    const gold = [word(0, 2, 'We'), word(3, 8, 'do', true), word(3, 8, "n't", true), word(9, 13, 'know')];
    const same = [word(0, 2, 'We'), word(3, 8, 'do', true), word(3, 8, "n't", true), word(9, 13, 'know')];
    expect([...alignWords(gold, same)]).toEqual([0, 1, 2, 3]);
    // A system that did not split the contraction aligns nothing inside it, but the words around it.
    const unsplit = [word(0, 2, 'We'), word(3, 8, "don't"), word(9, 13, 'know')];
    expect([...alignWords(gold, unsplit)]).toEqual([0, -1, 3]);
    // A wrong boundary loses both words it touches.
    const wrong = [
      word(0, 1, 'W'),
      word(1, 2, 'e'),
      word(3, 8, 'do', true),
      word(3, 8, "n't", true),
      word(9, 13, 'know'),
    ];
    expect([...alignWords(gold, wrong)]).toEqual([-1, -1, 1, 2, 3]);
  });
});

describe('storyline eval syntax', () => {
  it('scores tokens, sentences and words perfectly when given the gold tokens', () => {
    const r = runSyntaxEval(FIXTURE, { goldTokens: true });
    expect(r.goldWords).toBe(28);
    expect(r.tokens.f1).toBe(1);
    expect(r.sentences.f1).toBe(1);
    expect(r.words.f1).toBe(1);
    for (const s of [r.upos, r.xpos, r.lemmas, r.uas, r.las]) {
      expect(s.f1).toBeGreaterThanOrEqual(0);
      expect(s.f1).toBeLessThanOrEqual(1);
    }
    expect(r.las.correct).toBeLessThanOrEqual(r.uas.correct);
  });

  it('reads the raw text of plain news sentences into exactly the treebank tokens and sentences', () => {
    const r = runSyntaxEval(FIXTURE);
    expect(r.mode).toBe('raw');
    expect(r.tokens.f1).toBe(1);
    expect(r.words.f1).toBe(1);
    expect(r.sentences.f1).toBe(1);
    expect(r.speed.charactersPerSecond).toBeGreaterThan(0);
  });
});
