/**
 * Citations of summary sentences: the sentence's own span, plus the sentence of each other article
 * that says the same thing.
 */
import type { AnnotatedArticle, SourceRef } from '../model.js';
import { bagCosine, type Bag } from './features.js';
import type { Candidate } from './candidates.js';
import { contentBag } from './candidates.js';

/** Content stems of every sentence of every article, computed once per summary. */
export function sentenceBags(docs: readonly AnnotatedArticle[]): Bag[][] {
  return docs.map((d) => d.sentences.map((x) => contentBag(x.text)));
}

/**
 * The sentence's own span plus, for each other article accepted by `include`, its most similar sentence
 * when the similarity reaches `minCosine`.
 */
export function sourcesFor(
  c: Candidate,
  docs: readonly AnnotatedArticle[],
  bags: Bag[][],
  minCosine: number,
  include: (doc: AnnotatedArticle) => boolean = () => true,
): SourceRef[] {
  const refs: SourceRef[] = [{ articleId: c.articleId, start: c.start, end: c.end }];
  const seenArticles = new Set([c.articleId]);
  docs.forEach((doc, d) => {
    if (seenArticles.has(doc.article.id) || !include(doc)) return;
    let bestSim = 0;
    let bestRef: SourceRef | undefined;
    doc.sentences.forEach((s, k) => {
      const sim = bagCosine(c.content, bags[d][k]);
      if (sim > bestSim) {
        bestSim = sim;
        bestRef = { articleId: doc.article.id, start: s.start, end: s.end };
      }
    });
    if (bestRef && bestSim >= minCosine) {
      refs.push(bestRef);
      seenArticles.add(doc.article.id);
    }
  });
  return refs;
}
