import type { ConlluSentence } from '../text/conllu.js';
import type { Tagger } from './train.js';

/**
 * Jackknifed tags: the training sentences tagged the way the parser will see text at run time. The
 * sentences are split into `folds` interleaved parts; a tagger trained on the other parts tags each one.
 * Returns copies of the sentences with predicted `upos`/`xpos` (trees untouched).
 */
export function jackknifeTags(
  sentences: readonly ConlluSentence[],
  opts: { folds?: number; train: (sentences: ConlluSentence[], fold: number) => Tagger; log?: (line: string) => void },
): ConlluSentence[] {
  const folds = Math.max(2, opts.folds ?? 4);
  const out: ConlluSentence[] = sentences.map((s) => ({ ...s, words: s.words.map((w) => ({ ...w })) }));
  let agree = 0;
  let total = 0;
  for (let k = 0; k < folds; k++) {
    const t0 = Date.now();
    const rest = sentences.filter((_, i) => i % folds !== k);
    const tag = opts.train(rest as ConlluSentence[], k);
    for (let i = k; i < sentences.length; i += folds) {
      const words = out[i].words;
      const r = tag(words.map((w) => w.form));
      for (let j = 0; j < words.length; j++) {
        total++;
        if (r.xpos[j] === words[j].xpos && r.upos[j] === words[j].upos) agree++;
        words[j].upos = r.upos[j] ?? words[j].upos;
        words[j].xpos = r.xpos[j] ?? words[j].xpos;
      }
    }
    opts.log?.(`jackknife fold ${k + 1}/${folds}: ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  }
  opts.log?.(`jackknife: ${((100 * agree) / Math.max(1, total)).toFixed(2)}% of training tags as gold`);
  return out;
}
