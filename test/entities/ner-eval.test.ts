import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chunks, parseConll, toBioes } from '../../src/entities/conll.js';
import { NerModel } from '../../src/entities/tagger.js';
import { trainNer } from '../../src/entities/train.js';
import { formatNerEval, runNerEval } from '../../src/eval/ner.js';

const dir = mkdtempSync(path.join(tmpdir(), 'storyline-ner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SNIPPET = `-DOCSTART- O

Barack B-PER
Obama E-PER
visited O
Paris S-LOC
with O
Reuters S-ORG
. O

Angela B-PER
Merkel E-PER
spoke O
in O
German S-MISC
. O
`;

describe('NER evaluation', () => {
  it('scores the shipped model on a CoNLL snippet with exact-span matching', async () => {
    const file = path.join(dir, 'tiny.conll');
    writeFileSync(file, SNIPPET);
    const r = await runNerEval(file);
    expect(r.sentences).toBe(2);
    expect(r.tokens).toBe(13);
    expect(r.byType.PER.gold).toBe(2);
    expect(r.byType.LOC.gold).toBe(1);
    expect(r.f1).toBeGreaterThan(50);
    expect(r.precision).toBeLessThanOrEqual(100);
    expect(formatNerEval(r)).toMatch(/overall/);
  });

  it('reads WNUT-style tab-separated BIO files and maps their types', async () => {
    const file = path.join(dir, 'tiny.wnut');
    writeFileSync(file, 'Barack\tB-person\nObama\tI-person\nin\tO\nParis\tB-location\n\nhi\tO\n');
    const r = await runNerEval(file);
    expect(r.byType.PER.gold).toBe(1);
    expect(r.byType.LOC.gold).toBe(1);
  });

  it('reports a missing file with an actionable error', async () => {
    await expect(runNerEval(path.join(dir, 'missing.conll'))).rejects.toThrow(/Cannot read NER data file/);
  });

  it('chunks BIO and BIOES the way conlleval does', () => {
    expect(chunks(['B-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC', 'E-LOC', 'S-ORG'])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 6, type: 'LOC' },
      { start: 6, end: 7, type: 'ORG' },
    ]);
    expect(toBioes(['B-PER', 'I-PER', 'I-PER', 'O', 'B-LOC'])).toEqual(['B-PER', 'I-PER', 'E-PER', 'O', 'S-LOC']);
  });

  it('trains, serialises and reloads a model reproducibly', () => {
    const docs = parseConll(SNIPPET.repeat(3));
    const words = docs[0].sentences.map((s) => s.words);
    // The last perceptron weights separate the training data.
    const last = trainNer(docs, { epochs: 10, gazetteerFolds: 2, average: false });
    expect(last.tagDocument(words)).toEqual(docs[0].sentences.map((s) => s.tags));
    // Averaged weights survive serialisation, and the same seed gives the same bytes.
    const model = trainNer(docs, { epochs: 10, gazetteerFolds: 2 });
    const again = NerModel.deserialize(model.serialize());
    expect(again.tagDocument(words)).toEqual(model.tagDocument(words));
    expect(trainNer(docs, { epochs: 10, gazetteerFolds: 2 }).serialize().equals(model.serialize())).toBe(true);
    expect(() => NerModel.deserialize(Buffer.from('not a model'))).toThrow(/retrain/);
  });
});
