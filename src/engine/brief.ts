/**
 * Briefs on request: a story's brief at another length, and what is new since a time. Both read the
 * story's stored articles and run the same brief as assembly, so a reader's `--words 60` is the brief the
 * story would have had at 60 words.
 */
import type { AnnotatedArticle, Story } from '../model.js';
import type { Store } from '../store/types.js';
import { briefSince, briefStory } from '../summarize/index.js';
import { byPublication, MAX_BRIEF_ARTICLES } from './story.js';

export interface BriefRequest {
  /** Words in the brief; the stored brief is kept when absent. */
  words?: number;
  /** ISO date or date-time: add `whatsNew` with the developments reported at or after it. */
  since?: string;
}

/** Thrown for a `since` that is not an ISO date or date-time. */
export class BriefRequestError extends Error {
  override name = 'BriefRequestError';
}

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A `since` value as the store's publication dates are written, or an error a user can act on. */
export function normaliseSince(since: string): string {
  const s = since.trim();
  const [y, m, d] = s.slice(0, 10).split('-').map(Number);
  // The calendar decides: a 30 February would otherwise compare as a silently wrong prefix.
  const day = new Date(Date.UTC(y, m - 1, d));
  const real = day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
  if (!ISO.test(s) || !real || Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s.replace(' ', 'T'))))
    throw new BriefRequestError(`"${since}" is not a date: give --since as YYYY-MM-DD or YYYY-MM-DDTHH:MM`);
  return s.replace(' ', 'T');
}

/** The story with its brief rebuilt at `words` and/or `whatsNew` added; the story itself is not changed. */
export async function withBrief(store: Store, story: Story, req: BriefRequest): Promise<Story> {
  if (req.words === undefined && req.since === undefined) return story;
  const docs = (await store.getArticles(story.articleIds, { tokens: false })).sort(byPublication);
  return briefOf(story, docs, req);
}

/** The same from articles already read. */
export function briefOf(story: Story, members: readonly AnnotatedArticle[], req: BriefRequest): Story {
  const docs = [...members].sort(byPublication);
  const out: Story = { ...story };
  if (req.words !== undefined) {
    const recent = docs.length > MAX_BRIEF_ARTICLES ? [docs[0], ...docs.slice(-(MAX_BRIEF_ARTICLES - 1))] : docs;
    out.summary = briefStory(recent, { words: req.words });
  }
  if (req.since !== undefined) {
    const since = normaliseSince(req.since);
    // The reports before `since` say what the reader knows; the latest of them are enough for that.
    const earlier = docs.filter((d) => !(d.article.published !== undefined && d.article.published >= since));
    const later = docs.filter((d) => d.article.published !== undefined && d.article.published >= since);
    const context = [...earlier.slice(-MAX_BRIEF_ARTICLES), ...later.slice(-MAX_BRIEF_ARTICLES)];
    out.whatsNew = { since, sentences: briefSince(context, since) };
  }
  return out;
}
