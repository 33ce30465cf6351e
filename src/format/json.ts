import type { AnnotatedArticle, Story, TimexType } from '../model.js';

/** Version tag of the JSON exchange format. */
export const FORMAT = 'storyline/1';

export interface JsonArticle {
  id: string;
  path?: string;
  title?: string;
  source?: string;
  sourceInferred?: boolean;
  url?: string;
  byline?: string;
  published?: string;
  publishedInferred: boolean;
  publishedReason?: string;
  text: string;
  timexes: Array<{ start: number; end: number; text: string; type: TimexType; value: string }>;
}

/** The `storyline/1` document: articles with their time expressions, and the stories they form. */
export interface StorylineJson {
  format: typeof FORMAT;
  articles: JsonArticle[];
  stories: Story[];
}

export function toJsonArticle(doc: AnnotatedArticle): JsonArticle {
  const a = doc.article;
  const out: JsonArticle = { id: a.id, publishedInferred: a.publishedInferred, text: a.text, timexes: [] };
  if (a.path !== undefined) out.path = a.path;
  if (a.title !== undefined) out.title = a.title;
  if (a.source !== undefined) out.source = a.source;
  if (a.sourceInferred) out.sourceInferred = true;
  if (a.url !== undefined) out.url = a.url;
  if (a.byline !== undefined) out.byline = a.byline;
  if (a.published !== undefined) out.published = a.published;
  if (a.publishedReason !== undefined) out.publishedReason = a.publishedReason;
  out.timexes = doc.timexes.map((t) => ({ start: t.start, end: t.end, text: t.text, type: t.type, value: t.value }));
  return out;
}

export function toStorylineJson(docs: AnnotatedArticle[], stories: Story[]): StorylineJson {
  return { format: FORMAT, articles: docs.map(toJsonArticle), stories };
}
