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
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
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
    tokens.push({ index: tokens.length, start, end, text: value, sentence: 0, pos: pos[i] });
  }
  return tokens;
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
