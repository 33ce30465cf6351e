import type { AnnotatedArticle, Article } from '../model.js';
import { tokenize } from '../text/annotate.js';
import { parseTokens } from '../text/parse.js';

/**
 * Annotations are stored as JSON beside the article. Tokens are left out: they are ten times the size
 * of the text and are recomputed exactly from it (tags and parse included) when read back.
 */
export function encodeAnnotations(doc: AnnotatedArticle): string {
  const { sentences, mentions, entities, quotes, timexes } = doc;
  return JSON.stringify({ sentences, mentions, entities, quotes, timexes });
}

export function decodeAnnotations(article: Article, json: string, withTokens = true): AnnotatedArticle {
  const parsed = JSON.parse(json) as Partial<Omit<AnnotatedArticle, 'article' | 'tokens'>>;
  const sentences = parsed.sentences ?? [];
  const tokens = withTokens ? parseTokens(tokenize(article.text, sentences)) : [];
  return {
    article,
    sentences,
    tokens,
    mentions: parsed.mentions ?? [],
    entities: parsed.entities ?? [],
    quotes: parsed.quotes ?? [],
    timexes: parsed.timexes ?? [],
  };
}

/** The outlet an article counts for; articles without one count as their own outlet. */
export function outletOf(article: Article): string | undefined {
  return article.source;
}
