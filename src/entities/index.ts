import type { AnnotatedArticle, EntityType } from '../model.js';
import { chunks } from './conll.js';
import { buildEntities } from './coref.js';
import { defaultModel } from './model-store.js';
import { refine, type Draft, type RefineContext } from './refiners.js';
import { joinHyphenated } from '../text/annotate.js';

export { resolveEntities } from './resolve.js';

const TYPE_MAP: Record<string, EntityType> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'other' };

/**
 * Finds entity mentions with the statistical tagger, fixes its systematic errors with the refiners
 * (titles, possessives, party labels, dates, all-caps text) and groups the mentions of each
 * person/organisation/place into within-article entities with their roles.
 */
export function annotateEntities(doc: AnnotatedArticle): AnnotatedArticle {
  // The tagger was trained on text that keeps hyphenated words whole ("Okonkwo-Reyes").
  const tokens = joinHyphenated(doc.tokens ?? [], doc.article.text);
  if (tokens.length === 0) return { ...doc, mentions: [], entities: [] };
  const model = defaultModel();
  // Sentences as token runs: the tagger's features are sentence-local.
  const sentenceStarts: number[] = [];
  for (let i = 0; i < tokens.length; i++)
    if (i === 0 || tokens[i].sentence !== tokens[i - 1].sentence) sentenceStarts.push(i);
  const sentences = sentenceStarts.map((s, k) =>
    tokens.slice(s, sentenceStarts[k + 1] ?? tokens.length).map((t) => t.text),
  );
  const tags = model.tagDocument(sentences, { truecaseAllCaps: true });
  const drafts: Draft[] = [];
  sentenceStarts.forEach((s, k) => {
    for (const c of chunks(tags[k]))
      drafts.push({ start: s + c.start, end: s + c.end, type: TYPE_MAP[c.type] ?? 'other', roles: [] });
  });
  const ctx: RefineContext = {
    text: doc.article.text,
    tokens,
    isCommonWord: (w) => model.usuallyLowercase(w),
    outlet: doc.article.source,
  };
  const { mentions, entities } = buildEntities(refine(drafts, ctx), ctx);
  return { ...doc, mentions, entities };
}
