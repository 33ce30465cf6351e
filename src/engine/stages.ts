import type { AnnotatedArticle } from '../model.js';
import { buildTimeline, inferPublicationDates } from '../time/index.js';
import { briefStory } from '../summarize/index.js';
import { compareArticles } from '../compare/index.js';
import type { StoryParts } from './story.js';

/** Publication dates inferred from sibling articles; relative expressions re-resolved. */
export function refineDates(docs: AnnotatedArticle[]): AnnotatedArticle[] {
  return inferPublicationDates(docs);
}

/** The story-level stages: timeline, cited brief and outlet comparison. */
export function defaultStoryParts(): StoryParts {
  return {
    timeline: (docs) => buildTimeline(docs),
    summary: (docs, words) => briefStory(docs, { words }),
    compare: (docs) => compareArticles(docs),
  };
}
