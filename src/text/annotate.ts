import type { AnnotatedArticle, Article, Sentence, Token } from '../model.js';
import { lemmatize } from './lemma.js';
import { splitSentences } from './sentences.js';
import { defaultTagger } from './tagger.js';
import { tokenizeWords, type WordSpan } from './tokenize.js';

/**
 * Syntactic words (UD conventions: "do" + "n't", "Cuomo" + "'s", hyphens split) with their part of
 * speech and lemma, each pointing at its exact characters. Sentence indexes are left at 0; `annotateText`
 * and `assignSentences` set them.
 */
export function tokenize(text: string, sentences?: readonly Sentence[]): Token[] {
  const tokens = tokensOf(text, tokenizeWords(text));
  if (sentences) assignSentences(tokens, sentences);
  tagTokens(tokens);
  return tokens;
}

/** Token objects for word spans (untagged, all in sentence 0). */
export function tokensOf(text: string, words: readonly WordSpan[]): Token[] {
  const tokens: Token[] = new Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    // Every field declared up front: objects that gain fields later change shape, which makes tagging slow.
    tokens[i] = {
      index: i,
      start: w.start,
      end: w.end,
      text: text.slice(w.start, w.end),
      sentence: 0,
      upos: undefined,
      xpos: undefined,
      lemma: undefined,
      head: undefined,
      deprel: undefined,
    };
  }
  return tokens;
}

/** Tags each sentence's run of tokens (the tagger's context is sentence-local) and adds lemmas. */
export function tagTokens(tokens: Token[]): void {
  const tagger = defaultTagger();
  let s = 0;
  while (s < tokens.length) {
    let e = s + 1;
    while (e < tokens.length && tokens[e].sentence === tokens[s].sentence) e++;
    const forms = new Array<string>(e - s);
    for (let i = s; i < e; i++) forms[i - s] = tokens[i].text;
    const { upos, xpos } = tagger.tag(forms);
    for (let i = s; i < e; i++) {
      const t = tokens[i];
      t.upos = upos[i - s];
      t.xpos = xpos[i - s];
      t.lemma = lemmatize(t.text, t.upos, t.xpos);
    }
    s = e;
  }
}

/** Adds sentences and tagged tokens. Pure: returns a new annotated article. */
export function annotateText(input: Article | AnnotatedArticle): AnnotatedArticle {
  const base: AnnotatedArticle =
    'article' in input
      ? input
      : { article: input, sentences: [], tokens: [], mentions: [], entities: [], quotes: [], timexes: [] };
  const text = base.article.text;
  const words = tokenizeWords(text);
  const sentences: Sentence[] = splitSentences(text, words);
  const tokens = assignSentences(tokensOf(text, words), sentences);
  tagTokens(tokens);
  return { ...base, sentences, tokens };
}

/** Sets each token's sentence index (tokens and sentences both in text order). */
export function assignSentences(tokens: Token[], sentences: readonly Sentence[]): Token[] {
  let s = 0;
  for (const tok of tokens) {
    while (s < sentences.length - 1 && tok.start >= sentences[s].end) s++;
    tok.sentence = s;
  }
  return tokens;
}

const WORDISH = /^[\p{L}\p{N}]/u;

/**
 * The tokens with unspaced hyphen joins merged back ("Okonkwo-Reyes", "well-known", "7-4"): the
 * syntactic layer splits them as UD does, but to a reader and to the entity tagger (trained on text
 * that keeps them whole) they are one word. The merged token takes the tags of its last part, or PROPN
 * if any part is one; syntax fields are dropped (they describe the parts).
 */
export function joinHyphenated(tokens: readonly Token[], text: string): Token[] {
  const cached = joinedCache.get(tokens);
  if (cached) return cached;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = out[out.length - 1];
    const next = tokens[i + 1];
    if (
      (t.text === '-' || t.text === '‑') &&
      prev &&
      next &&
      prev.sentence === next.sentence &&
      prev.end === t.start &&
      next.start === t.end &&
      WORDISH.test(prev.text[prev.text.length - 1] ?? '') &&
      WORDISH.test(next.text)
    ) {
      const upos = prev.upos === 'PROPN' || next.upos === 'PROPN' ? 'PROPN' : next.upos;
      const merged: Token = {
        index: prev.index,
        start: prev.start,
        end: next.end,
        text: text.slice(prev.start, next.end),
        sentence: prev.sentence,
        upos,
        xpos: upos === 'PROPN' ? 'NNP' : next.xpos,
        lemma: upos === 'PROPN' ? text.slice(prev.start, next.end) : text.slice(prev.start, next.end).toLowerCase(),
      };
      out[out.length - 1] = merged;
      i++;
      continue;
    }
    out.push({ ...t, head: undefined, deprel: undefined });
  }
  for (let k = 0; k < out.length; k++) out[k].index = k;
  joinedCache.set(tokens, out);
  return out;
}

/** Several stages ask for the joined view of the same tokens; it is built once per token array. */
const joinedCache = new WeakMap<readonly Token[], Token[]>();
