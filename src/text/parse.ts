import type { AnnotatedArticle, Token } from '../model.js';
import { defaultParser } from '../syntax/index.js';
import { annotateText } from './annotate.js';

/**
 * Adds the dependency parse: each token's head (an index into the article's tokens, -1 for a sentence
 * root) and relation. Sentences are parsed one at a time; tokens must already carry their tags.
 */
export function parseTokens(tokens: Token[]): Token[] {
  if (tokens.length === 0) return tokens;
  const parser = defaultParser();
  let s = 0;
  while (s < tokens.length) {
    let e = s + 1;
    while (e < tokens.length && tokens[e].sentence === tokens[s].sentence) e++;
    const n = e - s;
    const words = new Array<string>(n);
    const upos = new Array<string>(n);
    const xpos = new Array<string>(n);
    const lemmas = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const t = tokens[s + i];
      words[i] = t.text;
      upos[i] = t.upos ?? 'X';
      xpos[i] = t.xpos ?? 'XX';
      lemmas[i] = t.lemma ?? t.text;
    }
    const { heads, deprels } = parser.parse({ words, upos, xpos, lemmas });
    for (let i = 0; i < n; i++) {
      const t = tokens[s + i];
      t.head = heads[i] < 0 ? -1 : s + heads[i];
      t.deprel = deprels[i];
    }
    s = e;
  }
  return tokens;
}

/** The syntax stage: a new article whose tokens carry heads and relations. */
export function annotateSyntax(doc: AnnotatedArticle): AnnotatedArticle {
  const tokens = doc.tokens.map((t) => ({ ...t }));
  return { ...doc, tokens: parseTokens(tokens) };
}

/**
 * The article with its parse: articles read back from a store without their tokens, or tagged but not parsed,
 * are annotated again (the same deterministic stages give the same spans).
 */
export function withParse(doc: AnnotatedArticle): AnnotatedArticle {
  if (doc.article.text.length === 0) return doc;
  const tagged = doc.tokens.length === 0 ? annotateText(doc) : doc;
  return tagged.tokens.some((t) => t.head === undefined) ? annotateSyntax(tagged) : tagged;
}
