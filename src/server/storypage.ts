/**
 * `GET /api/stories/:id`: a story's view with one page of its articles. A large story's articles are
 * megabytes, so they come in pages; the story's stored update time makes a weak ETag that lets a client
 * revalidate without the store reading the view again.
 */
import { createHash } from 'node:crypto';
import type { AnnotatedArticle, Story } from '../model.js';
import { toStorylineJson, type StorylineJson } from '../format/json.js';
import type { Store, StorySummary } from '../store/types.js';
import { cooccurrence, type GraphEdge, type GraphNode } from './queries.js';

/** Articles in a page when the client does not ask for a size, and the most it may ask for. */
export const DEFAULT_ARTICLE_PAGE = 50;
export const MAX_ARTICLE_PAGE = 200;
/** Co-occurrence graphs kept; a graph reads every member, so it is worth keeping per story version. */
const GRAPH_CACHE = 200;

export interface ArticlePage {
  offset: number;
  limit: number;
  /** Articles in the story. */
  total: number;
  /** The URL of the next page; absent on the last one. */
  next?: string;
}

/** The storyline/1 document of one story and one page of its articles, plus its co-occurrence graph. */
export interface StoryResponse extends StorylineJson {
  graph: { nodes: GraphNode[]; edges: GraphEdge[] };
  articlePage: ArticlePage;
}

type Graph = StoryResponse['graph'];

/** A weak validator: changes whenever the story's membership or view is written. */
export function storyEtag(s: StorySummary, offset: number, limit: number): string {
  const version = createHash('sha1')
    .update(`${s.id}\n${s.updatedAt}\n${s.viewUpdatedAt ?? ''}\n${s.articleCount}`)
    .digest('base64url')
    .slice(0, 16);
  return `W/"${version}-${offset}-${limit}"`;
}

/** Whether an `If-None-Match` header names this ETag (weak comparison, lists and `*` allowed). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string): string => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

export class StoryPages {
  private readonly graphs = new Map<string, Graph>();

  constructor(private readonly store: Store) {}

  /** The story's summary, read first: cheap, and all a conditional request needs. */
  async summary(id: string): Promise<StorySummary | undefined> {
    return (await this.store.getStorySummaries([id]))[0];
  }

  async read(s: StorySummary, offset: number, limit: number): Promise<StoryResponse | undefined> {
    const story = await this.store.getStory(s.id);
    if (!story) return undefined;
    const ids = story.articleIds.slice(offset, offset + limit);
    const docs = await this.store.getArticles(ids, { tokens: false });
    const total = story.articleIds.length;
    const articlePage: ArticlePage = { offset, limit, total };
    if (offset + limit < total) {
      articlePage.next = `/api/stories/${encodeURIComponent(s.id)}?articleOffset=${offset + limit}&articleLimit=${limit}`;
    }
    return {
      ...toStorylineJson(docs, [story]),
      graph: await this.graph(s, story, ids.length === total ? docs : undefined),
      articlePage,
    };
  }

  /** The graph from every member: `all` when the page already holds them, else read (and kept). */
  private async graph(s: StorySummary, story: Story, all?: AnnotatedArticle[]): Promise<Graph> {
    if (all) return cooccurrence(story, all);
    const key = storyEtag(s, 0, 0);
    const cached = this.graphs.get(key);
    if (cached) {
      // Most recently used last, so the oldest entry is the first to go.
      this.graphs.delete(key);
      this.graphs.set(key, cached);
      return cached;
    }
    const docs = await this.store.getArticles(story.articleIds, { tokens: false });
    const graph = cooccurrence(story, docs);
    this.graphs.set(key, graph);
    if (this.graphs.size > GRAPH_CACHE) this.graphs.delete(this.graphs.keys().next().value as string);
    return graph;
  }
}
