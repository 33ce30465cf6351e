import type { ConlluSentence } from '../text/conllu.js';
import type { DependencyParser } from './parser.js';
import type { Tagger } from './train.js';

/** Attachment scores over all words, punctuation included (CoNLL 2018 style), in percent. */
export interface AttachmentScores {
  words: number;
  uas: number;
  las: number;
  /** Labelled accuracy ignoring subtypes (`nmod:poss` counts as `nmod`). */
  lasBase: number;
  /** Seconds spent parsing (tagging excluded). */
  seconds: number;
}

const base = (l: string): string => {
  const i = l.indexOf(':');
  return i < 0 ? l : l.slice(0, i);
};

/** Parses each sentence's gold words (with gold tags, or the tagger's) and scores against the gold tree. */
export function attachmentScores(
  parser: DependencyParser,
  sentences: readonly ConlluSentence[],
  tagger?: Tagger,
): AttachmentScores {
  let words = 0;
  let u = 0;
  let l = 0;
  let lb = 0;
  let seconds = 0;
  for (const s of sentences) {
    const forms = s.words.map((w) => w.form);
    const tags = tagger ? tagger(forms) : { upos: s.words.map((w) => w.upos), xpos: s.words.map((w) => w.xpos) };
    const t = process.hrtime.bigint();
    const r = parser.parse({ words: forms, upos: tags.upos, xpos: tags.xpos });
    seconds += Number(process.hrtime.bigint() - t) / 1e9;
    for (let i = 0; i < s.words.length; i++) {
      const w = s.words[i];
      words++;
      if (r.heads[i] !== w.head - 1) continue;
      u++;
      if (r.deprels[i] === w.deprel) l++;
      if (base(r.deprels[i]) === base(w.deprel)) lb++;
    }
  }
  const pct = (x: number): number => (100 * x) / Math.max(1, words);
  return { words, uas: pct(u), las: pct(l), lasBase: pct(lb), seconds };
}
