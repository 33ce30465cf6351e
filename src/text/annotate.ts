import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { AnnotatedArticle, Article, Sentence, Token } from '../model.js';
import { splitSentences } from './sentences.js';

/** Loaded once per process: the model takes ~100 ms to read and is immutable afterwards. */
let nlpInstance: ReturnType<typeof winkNLP> | undefined;
function nlp(): ReturnType<typeof winkNLP> {
  nlpInstance ??= winkNLP(model, ['pos']);
  return nlpInstance;
}

/**
 * Tokenises with wink-nlp and recovers each token's character offsets from its preceding whitespace,
 * which wink keeps losslessly. Sentences come from our own splitter (news abbreviations, initials and
 * paragraph breaks defeat wink's), and every token is assigned to the sentence containing it.
 */
export function tokenize(text: string): Token[] {
  const w = nlp();
  const its = w.its;
  const doc = w.readDoc(text);
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  const pos = all.out(its.pos) as string[];
  const tokens: Token[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i].length;
    const value = values[i];
    // wink keeps token text verbatim; if it ever differs, resynchronise on the source text.
    let start = offset;
    if (text.slice(start, start + value.length) !== value) {
      const found = text.indexOf(value, start);
      if (found < 0) continue;
      start = found;
    }
    const end = start + value.length;
    offset = end;
    if (pos[i] === 'SPACE' || value.trim() === '') continue;
    tokens.push({ index: tokens.length, start, end, text: value, sentence: 0, upos: pos[i] });
  }
  return joinHyphenated(tokens, text);
}

const WORDISH = /^[\p{L}\p{N}]/u;

/**
 * wink splits "Okonkwo-Reyes" and "well-known" at the hyphen; names and compounds are one word to a
 * reader and to the entity tagger (trained on text that keeps them whole), so unspaced hyphen joins are
 * merged back. The merged token takes the part of speech of its last part, or PROPN if any part is one.
 */
function joinHyphenated(tokens: Token[], text: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = out[out.length - 1];
    const next = tokens[i + 1];
    if (
      t.text === '-' &&
      prev &&
      next &&
      prev.end === t.start &&
      next.start === t.end &&
      WORDISH.test(prev.text[prev.text.length - 1] ?? '') &&
      WORDISH.test(next.text)
    ) {
      prev.end = next.end;
      prev.text = text.slice(prev.start, prev.end);
      prev.upos = prev.upos === "PROPN" || next.upos === "PROPN" ? "PROPN" : next.upos;
      i++;
      continue;
    }
    out.push(t);
  }
  out.forEach((t, k) => (t.index = k));
  return out;
}

/** Adds sentences and tokens. Pure: returns a new annotated article. */
export function annotateText(input: Article | AnnotatedArticle): AnnotatedArticle {
  const base: AnnotatedArticle =
    'article' in input
      ? input
      : { article: input, sentences: [], tokens: [], mentions: [], entities: [], quotes: [], timexes: [] };
  const text = base.article.text;
  const sentences: Sentence[] = splitSentences(text);
  const tokens = assignSentences(tokenize(text), sentences);
  return { ...base, sentences, tokens };
}

/** Sets each token's sentence index (tokens and sentences both in text order). */
export function assignSentences(tokens: Token[], sentences: Sentence[]): Token[] {
  let s = 0;
  for (const tok of tokens) {
    while (s < sentences.length - 1 && tok.start >= sentences[s].end) s++;
    tok.sentence = s;
  }
  return tokens;
}
