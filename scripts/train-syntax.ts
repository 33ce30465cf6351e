import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readConllu, type ConlluSentence } from '../src/text/conllu.js';
import { lemmatize } from '../src/text/lemma.js';
import { trainSentenceModel } from '../src/text/sentences.js';
import { trainTagger } from '../src/text/tagger.js';
import { trainParser } from '../src/syntax/index.js';

/**
 * Rebuilds the language layer's models from UD English EWT train (deterministic for the seeds):
 * the sentence-boundary model, the tagger, and the parser — trained on tags predicted by taggers that
 * never saw the sentence (k-fold jackknifing), since predicted tags are what it reads at run time.
 *
 * Usage: npx tsx scripts/train-syntax.ts [--data DIR] [--out DIR] [--seed N] [--folds K] [--only sentences,tagger,parser]
 */
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataRoot = process.env.STORYLINE_DATA ?? path.resolve('../shared/data');
const file = opt('--data') ?? path.join(dataRoot, 'syntax/ud-english-ewt/en_ewt-ud-train.conllu');
const outDir = opt('--out') ?? path.resolve('models/syntax');
const seed = Number(opt('--seed') ?? 7);
const folds = Number(opt('--folds') ?? 4);
const only = new Set((opt('--only') ?? 'sentences,tagger,parser').split(','));
const log = (line: string): void => console.log(line);

/** Copies of the sentences whose tags and lemmas come from taggers trained on the other folds. */
function jackknife(train: ConlluSentence[], k: number): ConlluSentence[] {
  const out = train.map((s) => ({ ...s, words: s.words.map((w) => ({ ...w })) }));
  for (let f = 0; f < k; f++) {
    const t0 = Date.now();
    const tagger = trainTagger(
      train.filter((_, i) => i % k !== f),
      { seed: seed + f },
    );
    for (let i = f; i < out.length; i += k) {
      const s = out[i];
      const { upos, xpos } = tagger.tag(s.words.map((w) => w.form));
      s.words.forEach((w, j) => {
        w.upos = upos[j];
        w.xpos = xpos[j];
        w.lemma = lemmatize(w.form, w.upos, w.xpos);
      });
    }
    log(`jackknife fold ${f + 1}/${k}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  return out;
}

try {
  const t0 = Date.now();
  const train = readConllu(file);
  log(`${train.length} training sentences from ${file}`);
  mkdirSync(outDir, { recursive: true });
  const write = (name: string, buf: Buffer): void => {
    writeFileSync(path.join(outDir, name), buf);
    log(`wrote ${path.join(outDir, name)} (${(buf.length / 1e6).toFixed(2)} MB)`);
  };
  if (only.has('sentences')) write('sentences.bin.gz', trainSentenceModel(train, { seed, log }));
  if (only.has('tagger')) write('tagger.bin.gz', trainTagger(train, { seed, log }).serialize());
  if (only.has('parser')) {
    const tagged = folds > 1 ? jackknife(train, folds) : train;
    write('parser.bin.gz', trainParser(tagged, { seed, log }).serialize());
  }
  log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
