import type { AnnotatedArticle } from '../model.js';

/** Finds quotations and attributes them to speakers. */
export function annotateQuotes(doc: AnnotatedArticle): AnnotatedArticle {
  return { ...doc, quotes: [] };
}
