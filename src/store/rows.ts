import type { AnnotatedArticle, Article, Story } from '../model.js';
import { decodeAnnotations } from './codec.js';
import type { SearchHit, StoryMemberList, StorySummary } from './types.js';

/**
 * Rows as both SQL stores read them back. Flags are 0/1 integers in SQLite and booleans in PostgreSQL;
 * everything else has the same column names and meaning.
 */
export interface ArticleRow {
  id: string;
  path: string | null;
  title: string | null;
  source: string | null;
  source_inferred: number | boolean;
  url: string | null;
  byline: string | null;
  published: string | null;
  published_inferred: number | boolean;
  published_reason: string | null;
  text: string;
  /** The annotations as JSON text. */
  annotations: string;
}

/** The columns of a story summary that need no conversion (outlets and update time are stored differently). */
export interface StorySummaryRow {
  id: string;
  title: string;
  article_count: number;
  independent_sources: number;
  first_published: string | null;
  last_published: string | null;
  /** Articles in the stored view; null for views written before it was recorded (complete). */
  view_count: number | null;
}

export interface SearchRow {
  id: string;
  title: string | null;
  source: string | null;
  published: string | null;
  story_id: string | null;
  snippet: string;
}

/** The article and its annotations from a stored row; empty columns leave the field out. */
export function articleFromRow(row: ArticleRow, withTokens = true): AnnotatedArticle {
  const publishedInferred = row.published_inferred === true || row.published_inferred === 1;
  const article: Article = { id: row.id, text: row.text, publishedInferred };
  if (row.path) article.path = row.path;
  if (row.title) article.title = row.title;
  if (row.source) article.source = row.source;
  if (row.source_inferred) article.sourceInferred = true;
  if (row.url) article.url = row.url;
  if (row.byline) article.byline = row.byline;
  if (row.published) article.published = row.published;
  if (row.published_reason) article.publishedReason = row.published_reason;
  return decodeAnnotations(article, row.annotations, withTokens);
}

export function summaryFromRow(
  r: StorySummaryRow,
  outlets: string[],
  updatedAt: string,
  viewUpdatedAt?: string,
): StorySummary {
  const summary: StorySummary = {
    id: r.id,
    title: r.title,
    articleCount: r.article_count,
    independentSources: r.independent_sources,
    outlets,
    firstPublished: r.first_published ?? undefined,
    lastPublished: r.last_published ?? undefined,
    updatedAt,
  };
  const pending = pendingOf(r);
  if (pending > 0) summary.pending = pending;
  if (viewUpdatedAt) summary.viewUpdatedAt = viewUpdatedAt;
  return summary;
}

/** The stored view, with the count of members it does not cover yet. */
export function withPending(story: Story, pending: number): Story {
  if (pending > 0) story.pending = pending;
  else delete story.pending;
  return story;
}

/** Members that joined after the stored view was built. */
export function pendingOf(r: { article_count: number; view_count: number | null }): number {
  return r.view_count === null ? 0 : Math.max(0, r.article_count - r.view_count);
}

export function searchHitFromRow(r: SearchRow): SearchHit {
  return {
    articleId: r.id,
    title: r.title ?? undefined,
    source: r.source ?? undefined,
    published: r.published ?? undefined,
    storyId: r.story_id ?? undefined,
    snippet: r.snippet,
  };
}

/** One part of a search query: a quoted phrase, or a single word. */
export interface QueryPart {
  words: string[];
  quoted: boolean;
}

/**
 * The query language of both stores: "quoted phrases" stay phrases, every other run of letters and digits
 * is a word of its own; all other characters are dropped, so user input never reaches a query syntax.
 */
export function queryParts(query: string): QueryPart[] {
  const parts: QueryPart[] = [];
  for (const m of query.matchAll(/"([^"]*)"|(\S+)/g)) {
    if (m[1] !== undefined) {
      const words = m[1].match(/[\p{L}\p{N}]+/gu);
      if (words) parts.push({ words, quoted: true });
    } else {
      for (const w of m[2].match(/[\p{L}\p{N}]+/gu) ?? []) parts.push({ words: [w], quoted: false });
    }
  }
  return parts;
}

/** One member of a story with the story's counters, as `getStoryMembers` reads them. */
export interface MemberRow {
  id: string;
  independent_sources: number;
  version: number;
  view_version: number;
  article_id: string;
}

/** Groups (story, member) rows into member lists, in the order of `storyIds`. */
export function groupMembers(storyIds: string[], rows: MemberRow[]): StoryMemberList[] {
  const byId = new Map<string, StoryMemberList>();
  for (const r of rows) {
    let m = byId.get(r.id);
    if (!m) {
      m = {
        storyId: r.id,
        articleIds: [],
        independentSources: r.independent_sources,
        version: Number(r.version),
        viewVersion: Number(r.view_version),
      };
      byId.set(r.id, m);
    }
    m.articleIds.push(r.article_id);
  }
  return storyIds.flatMap((id) => {
    const m = byId.get(id);
    return m ? [m] : [];
  });
}
