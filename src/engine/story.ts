import type { AnnotatedArticle, Story } from '../model.js';
import { DEFAULT_BRIEF_WORDS } from '../summarize/brief.js';
import { runStages } from './run-stages.js';
import { STORY_STAGES, type StoryDraft, type StoryParts } from './stages.js';

export type { StoryParts } from './stages.js';
export { MAX_BRIEF_ARTICLES, independentSources, storyTitle, withoutNested } from './stages.js';

export interface AssembleOptions {
  summaryWords?: number;
  /** Distinct outlets once wire copies are collapsed, when the clusterer knows it. */
  independentSources?: number;
  /**
   * Story stage timings in milliseconds, accumulated under the names of `STORY_STAGES` when given (some
   * share a name with a per-article stage: keep them in a map of their own).
   */
  timings?: Map<string, number>;
}

/** Articles in publication order (undated last), then by id for determinism. */
export function byPublication(a: AnnotatedArticle, b: AnnotatedArticle): number {
  const da = a.article.published ?? '9999';
  const db = b.article.published ?? '9999';
  return da < db ? -1 : da > db ? 1 : a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0;
}

/** The fields every story has; the stages that assign them are not optional. */
const REQUIRED: readonly (keyof StoryDraft)[] = [
  'title',
  'articleIds',
  'independentSources',
  'entities',
  'quotes',
  'timeline',
  'summary',
];

/**
 * Builds the story view from its annotated articles by running `STORY_STAGES` over them in publication
 * order: entities resolved across articles, quotes with their speakers linked to those entities, the
 * timeline, the cited brief, the statements several articles quote and the outlet comparison.
 */
export function assembleStory(
  id: string,
  input: AnnotatedArticle[],
  parts: StoryParts,
  opts: AssembleOptions = {},
): Story {
  const draft = runStages(
    STORY_STAGES,
    { id, articles: [...input].sort(byPublication) },
    {
      parts,
      summaryWords: opts.summaryWords ?? DEFAULT_BRIEF_WORDS,
      independentSources: opts.independentSources,
      timings: opts.timings,
    },
  );
  const missing = REQUIRED.filter((f) => draft[f] === undefined);
  if (missing.length > 0) throw new Error(`story ${id}: no stage assigned ${missing.join(', ')}`);
  const { articles: _articles, ...story } = draft;
  return story as Story;
}
