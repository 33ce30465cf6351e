import type { AnnotatedArticle, Story } from '../../src/model.js';
import type { JsonArticle, StorylineJson } from '../../src/format/json.js';
import type { StorySummary } from '../../src/store/types.js';
// Type-only imports of the server's response shapes: erased from the bundle. (Not from server/app.ts, which
// would pull the Node server into the web app's type check.)
import type { StoryUpdate } from '../../src/server/events.js';
import type { GraphEdge, GraphNode, StoryPage } from '../../src/server/queries.js';

export type { AnnotatedArticle, Story, StorySummary, JsonArticle, StoryPage, GraphNode, GraphEdge, StoryUpdate };

/** `GET /api/stories/:id`: the storyline/1 document of one story, plus its entity co-occurrence graph. */
export interface StoryDocument extends StorylineJson {
  graph: { nodes: GraphNode[]; edges: GraphEdge[] };
}

export type ArticleDocument = Omit<AnnotatedArticle, 'tokens'> & { storyId?: string };

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function get<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      // Not JSON: keep the status line.
    }
    throw new ApiFailure(res.status, message);
  }
  return (await res.json()) as T;
}

export interface ListQuery {
  q?: string;
  outlet?: string;
  from?: string;
  to?: string;
  entity?: string;
  offset?: number;
}

export function listStories(query: ListQuery, signal?: AbortSignal): Promise<StoryPage> {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '' && v !== 0) p.set(k, String(v));
  p.set('limit', '50');
  return get<StoryPage>(`/api/stories?${p}`, signal);
}

/** Pages of a story's articles: the page's quotes, timeline and coverage point into all of them. */
interface ArticlePaging {
  articlePage?: { next?: string };
}

/**
 * `GET /api/stories/:id`, following the article pages: the view refers to every article of the story, so the
 * page needs them all to show outlets, passages and citations.
 */
/** A story with all its articles; with `since`, also what the reports since that date add. */
export async function getStory(id: string, signal?: AbortSignal, since?: string): Promise<StoryDocument> {
  const first = await get<StoryDocument & ArticlePaging>(
    `/api/stories/${encodeURIComponent(id)}?articleLimit=200${since ? `&since=${encodeURIComponent(since)}` : ''}`,
    signal,
  );
  let next = first.articlePage?.next;
  while (next) {
    const page = await get<StoryDocument & ArticlePaging>(next, signal);
    first.articles.push(...page.articles);
    next = page.articlePage?.next;
  }
  return first;
}
export const getArticle = (id: string, signal?: AbortSignal): Promise<ArticleDocument> =>
  get(`/api/articles/${encodeURIComponent(id)}`, signal);

/** One shared EventSource; each listener receives every story update. */
const listeners = new Set<(u: StoryUpdate) => void>();
let source: EventSource | undefined;

export function onStoryUpdate(fn: (u: StoryUpdate) => void): () => void {
  listeners.add(fn);
  if (!source && typeof EventSource !== 'undefined') {
    source = new EventSource('/api/events');
    source.addEventListener('story', (e) => {
      try {
        const u = JSON.parse((e as MessageEvent<string>).data) as StoryUpdate;
        for (const l of listeners) l(u);
      } catch {
        // A malformed event is ignored; the next one may be fine.
      }
    });
    source.addEventListener('ready', () => document.documentElement.setAttribute('data-live', 'on'));
  }
  return () => listeners.delete(fn);
}
