import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConllu, readConllu } from '../../src/text/conllu.js';
import {
  PosTagger,
  TaggerModelError,
  defaultTagger,
  defaultTaggerPath,
  learnTaggerClusters,
  loadTagger,
  trainTagger,
} from '../../src/text/tagger.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = readConllu(path.resolve(here, '../fixtures/syntax/news.conllu'));
const hasModel = existsSync(defaultTaggerPath());

/** A tiny treebank: enough for the tagger to learn the fixture's patterns. */
function tinyTreebank() {
  const extra = parseConllu(
    [
      '1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_',
      '2\tmayor\tmayor\tNOUN\tNN\t_\t3\tnsubj\t_\t_',
      '3\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_',
      '4\tit\tit\tPRON\tPRP\t_\t5\tnsubj\t_\t_',
      '5\trained\train\tVERB\tVBD\t_\t3\tccomp\t_\t_',
      '6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_',
      '',
    ].join('\n'),
  );
  const out = [];
  for (let i = 0; i < 4; i++) out.push(...fixture, ...extra);
  return out;
}

describe('PosTagger (trained in the test)', () => {
  const tagger = trainTagger(tinyTreebank(), { seed: 3, epochs: 5 });

  it('returns one UPOS and one XPOS per word, and nothing for an empty sentence', () => {
    const words = ['The', 'mayor', 'said', 'it', 'rained', '.'];
    const r = tagger.tag(words);
    expect(r.upos).toHaveLength(words.length);
    expect(r.xpos).toHaveLength(words.length);
    expect(tagger.tag([])).toEqual({ upos: [], xpos: [] });
  });

  it('learns its training sentences', () => {
    const r = tagger.tag(['The', 'mayor', 'said', 'it', 'rained', '.']);
    expect(r.upos).toEqual(['DET', 'NOUN', 'VERB', 'PRON', 'VERB', 'PUNCT']);
    expect(r.xpos).toEqual(['DT', 'NN', 'VBD', 'PRP', 'VBD', '.']);
  });

  it('gives identical tags after a serialize/deserialize round trip', () => {
    const copy = PosTagger.deserialize(tagger.serialize());
    for (const s of fixture) {
      const words = s.words.map((w) => w.form);
      expect(copy.tag(words)).toEqual(tagger.tag(words));
    }
    expect(copy.serialize().equals(tagger.serialize())).toBe(true);
  });

  it('trains deterministically for a seed', () => {
    const again = trainTagger(tinyTreebank(), { seed: 3, epochs: 5 });
    expect(again.serialize().equals(tagger.serialize())).toBe(true);
  });

  it('rejects files that are not tagger models with a typed error', () => {
    expect(() => PosTagger.deserialize(Buffer.from('not a model'))).toThrow(TaggerModelError);
    expect(() => loadTagger('/nonexistent/tagger.bin.gz')).toThrow(/train:syntax/);
  });
});

describe('PosTagger with word clusters from unlabelled text', () => {
  const unlabelled = [
    'The governor said it rained. The mayor said it snowed.',
    'The senator said it rained. The governor said it poured.',
    'A mayor said it rained . The senator said it snowed .',
  ];
  const opts = { seed: 3, epochs: 5, unlabelled, clusterOptions: { minCount: 1, sizes: [3, 6] } };
  const tagger = trainTagger(tinyTreebank(), opts);

  it('stores the clusters in the model and tags identically after a round trip', () => {
    expect(tagger.meta.clusterLevels).toBe(2);
    expect(tagger.arrays.clusterKeys!.length).toBeGreaterThan(5);
    const copy = PosTagger.deserialize(tagger.serialize());
    expect(copy.meta.clusterLevels).toBe(2);
    for (const s of fixture) {
      const words = s.words.map((w) => w.form);
      expect(copy.tag(words)).toEqual(tagger.tag(words));
    }
    expect(copy.tag(['The', 'governor', 'said', 'it', 'poured', '.'])).toEqual(
      tagger.tag(['The', 'governor', 'said', 'it', 'poured', '.']),
    );
    expect(copy.serialize().equals(tagger.serialize())).toBe(true);
  });

  it('trains deterministically for a seed, and reuses clusters given ready-made', () => {
    expect(trainTagger(tinyTreebank(), opts).serialize().equals(tagger.serialize())).toBe(true);
    const clusters = learnTaggerClusters(tinyTreebank(), unlabelled, opts.clusterOptions);
    const again = trainTagger(tinyTreebank(), { seed: 3, epochs: 5, clusters });
    expect(again.serialize().equals(tagger.serialize())).toBe(true);
  });

  it('learns its training sentences', () => {
    const r = tagger.tag(['The', 'mayor', 'said', 'it', 'rained', '.']);
    expect(r.upos).toEqual(['DET', 'NOUN', 'VERB', 'PRON', 'VERB', 'PUNCT']);
  });

  it('rejects a model whose cluster table is broken', () => {
    const meta = { ...tagger.meta, clusterLevels: 3 };
    expect(() => new PosTagger(meta, tagger.arrays).serialize()).not.toThrow();
    const broken = new PosTagger(meta, tagger.arrays).serialize();
    expect(() => PosTagger.deserialize(broken)).toThrow(TaggerModelError);
  });
});

describe.skipIf(!hasModel)('the shipped tagger', () => {
  const tagger = hasModel ? defaultTagger() : undefined!;

  it('tags a news sentence sensibly', () => {
    const words = [
      'Gov.',
      'Andrew',
      'Cuomo',
      'said',
      'on',
      'Tuesday',
      'that',
      'the',
      'state',
      'would',
      'reopen',
      'schools',
      '.',
    ];
    const { upos, xpos } = tagger.tag(words);
    expect([upos[2], xpos[2]]).toEqual(['PROPN', 'NNP']);
    expect([upos[3], xpos[3]]).toEqual(['VERB', 'VBD']);
    expect(upos[7]).toBe('DET');
    expect(upos[8]).toBe('NOUN');
    expect([upos[9], xpos[9]]).toEqual(['AUX', 'MD']);
    expect([upos[10], xpos[10]]).toEqual(['VERB', 'VB']);
    expect([upos[11], xpos[11]]).toEqual(['NOUN', 'NNS']);
    expect(upos[12]).toBe('PUNCT');
  });

  it('follows UD tokenisation conventions for clitics', () => {
    const { upos, xpos } = tagger.tag(['Cuomo', "'s", 'office', 'does', "n't", 'comment', '.']);
    expect([upos[1], xpos[1]]).toEqual(['PART', 'POS']);
    expect([upos[3], xpos[3]]).toEqual(['AUX', 'VBZ']);
    expect([upos[4], xpos[4]]).toEqual(['PART', 'RB']);
  });

  it('does not throw on odd input', () => {
    const long = 'x'.repeat(10_000);
    const odd = [
      long,
      'Москва',
      '東京',
      '🙂',
      '',
      ' ',
      '\u0000',
      'naïve',
      'l’homme',
      '12,345.67',
      '---',
      'http://example.com/a?b=c',
    ];
    const r = tagger.tag(odd);
    expect(r.upos).toHaveLength(odd.length);
    expect(r.upos.every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
    expect(tagger.tag([long]).upos).toHaveLength(1);
  });

  it('is the same object on every call', () => {
    expect(defaultTagger()).toBe(tagger);
  });
});
