import type { AnnotatedArticle } from '../model.js';
import { assignPrepared, repeatOf } from './assign.js';
import { StoryClustererError } from './errors.js';
import { articleFeatures } from './features.js';
import { mergeStories, recheck, splitStory } from './maintenance.js';
import { DEFAULT_STORY_OPTIONS, mergeOptions, type StoryClustererOptions } from './options.js';
import { independentOutlets } from './outlets.js';
import { restoreState, snapshotState, type ClustererSnapshot } from './snapshot.js';
import { ClusterState } from './state.js';
import type {
  AddDecision,
  Assignment,
  ClustererStats,
  PreparedArticle,
  RecheckResult,
  StoryConstraint,
  ClusterSummary,
} from './types.js';

function dayString(day: number | undefined): string | undefined {
  return day === undefined ? undefined : new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Online, single-pass story clustering. Each article is compared only with the active stories that share a
 * salient feature with it (found through an inverted index), scored on entities, salient terms, numbers,
 * dates and quotations, and joins the best story above the threshold or starts a new one.
 *
 * The class is the public face: placement is in assign.ts, corrections in maintenance.ts, persistence in
 * snapshot.ts, and the state they share in state.ts.
 */
export class StoryClusterer {
  readonly options: StoryClustererOptions;
  private readonly state: ClusterState;

  constructor(options: Partial<StoryClustererOptions> = {}) {
    this.options = mergeOptions(DEFAULT_STORY_OPTIONS, options);
    this.state = new ClusterState(this.options);
  }

  /**
   * Assigns one article to an existing story or a new one. With `decided` (the `decision` another clusterer
   * in the same state returned for this article), the scoring is skipped and the decision applied; a
   * decision that does not fit the state is an error, because the two clusterers have diverged.
   */
  add(doc: AnnotatedArticle, decided?: AddDecision): Assignment {
    if (
      !doc ||
      typeof doc !== 'object' ||
      !doc.article ||
      typeof doc.article.id !== 'string' ||
      doc.article.id === ''
    ) {
      throw new StoryClustererError('add() needs an AnnotatedArticle whose article has a non-empty string id');
    }
    const safe: AnnotatedArticle = {
      article: { ...doc.article, text: typeof doc.article.text === 'string' ? doc.article.text : '' },
      sentences: Array.isArray(doc.sentences) ? doc.sentences : [],
      tokens: Array.isArray(doc.tokens) ? doc.tokens : [],
      mentions: Array.isArray(doc.mentions) ? doc.mentions : [],
      entities: Array.isArray(doc.entities) ? doc.entities : [],
      quotes: Array.isArray(doc.quotes) ? doc.quotes : [],
      timexes: Array.isArray(doc.timexes) ? doc.timexes : [],
    };
    const repeat = repeatOf(this.state, safe.article.id);
    if (repeat) return repeat;
    return this.addPrepared(this.prepare(safe), decided);
  }

  /**
   * What placing an article needs from it: its comparison features and its MinHash signature. It depends on
   * the article and the options only, never on the clusterer's state, so it can be computed outside any
   * lock, kept with the assignment log, and replayed without the article's text.
   */
  prepare(doc: AnnotatedArticle): PreparedArticle {
    const features = articleFeatures(doc);
    const signature = this.state.dedupIndex?.signature(doc.article.text);
    return signature ? { features, signature } : { features };
  }

  /** `add` for an article prepared by `prepare` (here or in another process with the same options). */
  addPrepared(prepared: PreparedArticle, decided?: AddDecision): Assignment {
    return assignPrepared(this.state, prepared, decided);
  }

  /** Story ids with their article ids, in creation order. */
  stories(): ClusterSummary[] {
    return [...this.state.stories.values()]
      .sort((a, b) => a.created - b.created)
      .map((s) => ({
        id: s.id,
        topicId: this.state.topicOf(s),
        articleIds: s.articles.map((a) => a.id),
        independentSources: independentOutlets(s.articles),
        firstDate: dayString(s.firstDay),
        lastDate: dayString(s.lastDay),
      }));
  }

  /** Topics (groups of stories about similar events) with their story ids, in creation order. */
  topics(): Array<{ id: string; storyIds: string[] }> {
    return this.state.topics.list(this.state.stories.values());
  }

  /** The story an article is in. */
  storyOf(articleId: string): string | undefined {
    return this.state.articleStory.get(articleId);
  }

  /** Whether the clusterer knows this story (or the story a merge folded it into). */
  hasStory(storyId: string): boolean {
    return this.state.stories.has(this.resolve(storyId));
  }

  /** Article ids of a story (accepts ids retired by merges). */
  articlesOf(storyId: string): string[] {
    return this.state.getStory(storyId).articles.map((a) => a.id);
  }

  /** Distinct outlets of a story after collapsing wire copies (an article without an outlet counts as its own). */
  independentSources(storyId: string): number {
    return independentOutlets(this.state.getStory(storyId).articles);
  }

  stats(): ClustererStats {
    const s = this.state;
    let active = 0;
    for (const x of s.stories.values()) if (x.active) active++;
    return {
      articles: s.n,
      stories: s.stories.size,
      activeStories: active,
      scored: s.scoredTotal,
      lastScored: s.lastScored,
      duplicates: s.duplicates,
    };
  }

  /** Manual constraints recorded by `merge` and `split`. */
  getConstraints(): StoryConstraint[] {
    return this.state.copyConstraints();
  }

  /** Resolves an id that a merge retired to the story that absorbed it. */
  resolve(storyId: string): string {
    return this.state.resolve(storyId);
  }

  /** Merges story `b` into story `a` (a's id stays) and records that they belong together. */
  merge(a: string, b: string): string {
    return mergeStories(this.state, a, b);
  }

  /** Moves the given articles of a story into a new story, and records that the two parts stay apart. */
  split(storyId: string, articleIds: string[]): string {
    return splitStory(this.state, storyId, articleIds);
  }

  /**
   * Maintenance pass over the active stories: splits stories whose articles fall into separate groups
   * (average-link below `splitThreshold`), then merges stories whose centroids score above `mergeThreshold`.
   * Manual merges and splits are respected.
   */
  recheck(): RecheckResult {
    return recheck(this.state);
  }

  /** The whole state as plain JSON-serialisable data. */
  snapshot(): ClustererSnapshot {
    return snapshotState(this.state);
  }

  /** Rebuilds a clusterer from `snapshot()` output (also after a JSON round trip). */
  static restore(snap: ClustererSnapshot): StoryClusterer {
    if (!snap || typeof snap !== 'object' || snap.version !== 1 || !Array.isArray(snap.stories)) {
      throw new StoryClustererError('not a story clusterer snapshot (expected version 1 with a stories array)');
    }
    const c = new StoryClusterer(snap.options);
    restoreState(c.state, snap);
    return c;
  }
}

/** Clusters a batch of articles, fed in publication order (undated last, ties by id). Story id → article ids. */
export function clusterArticles(
  docs: AnnotatedArticle[],
  options: Partial<StoryClustererOptions> = {},
): Map<string, string[]> {
  const order = [...docs].sort((a, b) => {
    const pa = a.article.published;
    const pb = b.article.published;
    if (pa !== pb) {
      if (pa === undefined) return 1;
      if (pb === undefined) return -1;
      return pa < pb ? -1 : 1;
    }
    return a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0;
  });
  const c = new StoryClusterer(options);
  for (const d of order) c.add(d);
  return new Map(c.stories().map((s) => [s.id, s.articleIds]));
}
