import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readConllu } from '../src/text/conllu.js';
import { trainSentenceModel } from '../src/text/sentences.js';
import { learnTaggerClusters, trainTagger } from '../src/text/tagger.js';
import { loadUnlabelledText } from '../src/text/word-clusters.js';
import { jackknifeTags, trainParser } from '../src/syntax/index.js';

/**
 * Rebuilds the language layer's models from UD English EWT train (deterministic for the seeds):
 * the sentence-boundary model, the tagger (with word clusters learned from the unlabelled news text of the
 * data folder: DUC 2006, PolNeAR, ECB+, CoNLL-2003 — never the EWT dev text), and the parser — trained on tags predicted by taggers that
 * never saw the sentence (k-fold jackknifing), since predicted tags are what it reads at run time.
 *
 * Usage: npx tsx scripts/train-syntax.ts [--data DIR] [--out DIR] [--folds K] [--only sentences,tagger,parser]
 * The seeds are fixed so that the shipped files are reproduced byte for byte.
 */
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataRoot = process.env.STORYLINE_DATA ?? path.resolve('../shared/data');
const file = opt('--data') ?? path.join(dataRoot, 'syntax/ud-english-ewt/en_ewt-ud-train.conllu');
const outDir = opt('--out') ?? path.resolve('models/syntax');
const SEEDS = { sentences: 1, tagger: 7, parser: 1 };
/** The jackknife taggers train for fewer epochs: their tags only need the run-time tagger's kind of errors. */
const JACKKNIFE_EPOCHS = 5;
const folds = Number(opt('--folds') ?? 4);
const only = new Set((opt('--only') ?? 'sentences,tagger,parser').split(','));
const log = (line: string): void => console.log(line);

try {
  const t0 = Date.now();
  const train = readConllu(file);
  log(`${train.length} training sentences from ${file}`);
  mkdirSync(outDir, { recursive: true });
  const write = (name: string, buf: Buffer): void => {
    writeFileSync(path.join(outDir, name), buf);
    log(`wrote ${path.join(outDir, name)} (${(buf.length / 1e6).toFixed(2)} MB)`);
  };
  if (only.has('sentences')) write('sentences.bin.gz', trainSentenceModel(train, { seed: SEEDS.sentences, log }));
  // Word clusters from unlabelled news and the treebank's own words, shared by the tagger and the jackknife taggers.
  const clusters =
    only.has('tagger') || only.has('parser')
      ? learnTaggerClusters(train, loadUnlabelledText(dataRoot), { log })
      : undefined;
  if (only.has('tagger')) write('tagger.bin.gz', trainTagger(train, { seed: SEEDS.tagger, log, clusters }).serialize());
  if (only.has('parser')) {
    const tagged =
      folds > 1
        ? jackknifeTags(train, {
            folds,
            log,
            train: (part, k) => {
              const tagger = trainTagger(part, { seed: SEEDS.parser + k, epochs: JACKKNIFE_EPOCHS, clusters });
              return (words) => tagger.tag(words);
            },
          })
        : train;
    write('parser.bin.gz', trainParser(tagged, { seed: SEEDS.parser, log }).serialize());
  }
  log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
