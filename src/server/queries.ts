import type { AnnotatedArticle, EntityType, Story } from '../model.js';
import type { Store, StorySummary } from '../store/types.js';

/** Filters of the story list. Dates compare as prefixes of `YYYY-MM-DD`. */
export interface StoryFilter {
  q?: string;
  entity?: string;
  outlet?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface StoryPage {
  /** Number of matching stories; left out for the unfiltered list, where counting would read every story. */
  total?: number;
  hasMore: boolean;
  limit: number;
  offset: number;
  stories: StorySummary[];
}

/** How many search hits are read to find the stories matching a text query. */
const SEARCH_DEPTH = 500;
/** Story summaries are reread at most this often; other processes may ingest into the same store. */
const SUMMARY_TTL_MS = 30_000;

/** All story summaries, read in pages and kept for a few seconds (dropped after every local ingest). */
export class SummaryIndex {
  private cache?: { at: number; list: StorySummary[]; byId: Map<string, StorySummary> };

  constructor(private readonly store: Store) {}

  invalidate(): void {
    this.cache = undefined;
  }

  async all(): Promise<{ list: StorySummary[]; byId: Map<string, StorySummary> }> {
    if (this.cache && Date.now() - this.cache.at < SUMMARY_TTL_MS) return this.cache;
    const list: StorySummary[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await this.store.listStories({ limit: 1000, offset });
      list.push(...page);
      if (page.length < 1000) break;
    }
    this.cache = { at: Date.now(), list, byId: new Map(list.map((s) => [s.id, s])) };
    return this.cache;
  }
}

const norm = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');

function inRange(s: StorySummary, from?: string, to?: string): boolean {
  if (!from && !to) return true;
  const first = s.firstPublished ?? s.lastPublished;
  const last = s.lastPublished ?? s.firstPublished;
  if (!first || !last) return false;
  // Overlap of [first, last] with [from, to], comparing at the precision of the filter.
  if (from && last.slice(0, from.length) < from) return false;
  if (to && first.slice(0, to.length) > to) return false;
  return true;
}

export function entityMatches(e: { name: string; aliases: string[] }, needle: string): boolean {
  const n = norm(needle);
  return norm(e.name).includes(n) || e.aliases.some((a) => norm(a).includes(n));
}

async function storiesFromSearch(store: Store, query: string): Promise<string[]> {
  const hits = await store.search(query, { limit: SEARCH_DEPTH });
  const ids: string[] = [];
  for (const h of hits) if (h.storyId && !ids.includes(h.storyId)) ids.push(h.storyId);
  return ids;
}

export async function findStories(store: Store, index: SummaryIndex, f: StoryFilter): Promise<StoryPage> {
  const page = (list: StorySummary[]): StoryPage => ({
    total: list.length,
    hasMore: f.offset + f.limit < list.length,
    limit: f.limit,
    offset: f.offset,
    stories: list.slice(f.offset, f.offset + f.limit),
  });
  if (!f.q && !f.entity && !f.outlet && !f.from && !f.to) {
    // The common case reads one page straight from the store, plus one row to know whether more follow.
    const stories = await store.listStories({ limit: f.limit + 1, offset: f.offset });
    return { hasMore: stories.length > f.limit, limit: f.limit, offset: f.offset, stories: stories.slice(0, f.limit) };
  }
  let candidates: StorySummary[];
  if (f.q || f.entity) {
    // Text and entity filters start from the search index and read only the stories it names.
    let ids = f.q ? await storiesFromSearch(store, f.q) : await storiesFromSearch(store, f.entity as string);
    if (f.q && f.entity) {
      const named = new Set(await storiesFromSearch(store, f.entity));
      ids = ids.filter((id) => named.has(id));
    }
    candidates = await store.getStorySummaries(ids);
  } else candidates = (await index.all()).list;
  if (f.outlet) {
    const o = norm(f.outlet);
    candidates = candidates.filter((s) => s.outlets.some((x) => norm(x).includes(o)));
  }
  candidates = candidates.filter((s) => inRange(s, f.from, f.to));
  if (f.entity) {
    const entity = f.entity;
    const kept: StorySummary[] = [];
    for (const s of candidates) {
      const story = await store.getStory(s.id);
      if (story?.entities.some((e) => entityMatches(e, entity))) kept.push(s);
    }
    candidates = kept;
  }
  return page(candidates);
}

export interface EntityRow {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  roles: string[];
  mentions: number;
  stories: Array<{ id: string; title: string }>;
}

/**
 * Entities with the stories they appear in, derived from the stories themselves: those found by a text
 * search for `q`, or the most recent ones when there is no query.
 */
export async function findEntities(
  store: Store,
  q: string | undefined,
  limit: number,
  recent = 200,
): Promise<EntityRow[]> {
  const ids = q ? await storiesFromSearch(store, q) : (await store.listStories({ limit: recent })).map((s) => s.id);
  const rows = new Map<string, EntityRow>();
  for (const id of ids) {
    const story = await store.getStory(id);
    if (!story) continue;
    for (const e of story.entities) {
      if (q && !entityMatches(e, q)) continue;
      let row = rows.get(e.id);
      if (!row) {
        row = { id: e.id, name: e.name, type: e.type, aliases: [], roles: [], mentions: 0, stories: [] };
        rows.set(e.id, row);
      }
      for (const a of e.aliases) if (!row.aliases.includes(a)) row.aliases.push(a);
      for (const r of e.roles) if (!row.roles.includes(r)) row.roles.push(r);
      row.mentions += e.mentions.length;
      if (!row.stories.some((s) => s.id === story.id)) row.stories.push({ id: story.id, title: story.title });
    }
  }
  return [...rows.values()]
    .sort((a, b) => b.stories.length - a.stories.length || b.mentions - a.mentions || a.name.localeCompare(b.name))
    .slice(0, limit);
}

export interface GraphNode {
  id: string;
  name: string;
  type: EntityType;
  mentions: number;
}

export interface GraphEdge {
  a: string;
  b: string;
  /** Sentences naming both. */
  sentences: number;
  /** Articles naming both. */
  articles: number;
}

/** Which of a story's people, organisations and places are named together, by sentence and by article. */
export function cooccurrence(
  story: Story,
  docs: AnnotatedArticle[],
  maxNodes = 12,
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const top = story.entities
    .filter((e) => e.type !== 'other')
    .sort((a, b) => b.mentions.length - a.mentions.length)
    .slice(0, maxNodes);
  const sentencesOf = new Map(docs.map((d) => [d.article.id, d.sentences]));
  const sentenceKeys = new Map<string, Set<string>>();
  const articleKeys = new Map<string, Set<string>>();
  for (const e of top) {
    const sk = new Set<string>();
    const ak = new Set<string>();
    for (const m of e.mentions) {
      ak.add(m.articleId);
      const s = sentencesOf.get(m.articleId)?.find((x) => x.start <= m.start && m.end <= x.end);
      if (s) sk.add(`${m.articleId}#${s.index}`);
    }
    sentenceKeys.set(e.id, sk);
    articleKeys.set(e.id, ak);
  }
  const edges: GraphEdge[] = [];
  for (let i = 0; i < top.length; i++)
    for (let j = i + 1; j < top.length; j++) {
      const a = top[i].id;
      const b = top[j].id;
      let sentences = 0;
      for (const k of sentenceKeys.get(a) ?? []) if (sentenceKeys.get(b)?.has(k)) sentences++;
      let articles = 0;
      for (const k of articleKeys.get(a) ?? []) if (articleKeys.get(b)?.has(k)) articles++;
      if (sentences > 0) edges.push({ a, b, sentences, articles });
    }
  return { nodes: top.map((e) => ({ id: e.id, name: e.name, type: e.type, mentions: e.mentions.length })), edges };
}
