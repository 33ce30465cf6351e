import { DayHeap } from './day-heap.js';
import { NearDuplicateIndex } from './dedup.js';
import { StoryClustererError } from './errors.js';
import { FEATURE_GROUPS } from './features.js';
import { addLead, emptyLead } from './lead.js';
import { forEachFeature, KeyTable } from './packed.js';
import type { StoryClustererOptions } from './options.js';
import { Postings, RETRIEVAL_GROUPS, storyKeys } from './postings.js';
import type { ArticleRecord, StoryState } from './records.js';
import { Topics } from './topics.js';
import type { StoryConstraint } from './types.js';
import { emptyVectors, pruneVectors } from './vectors.js';
import { FeatureWeights } from './weights.js';

/**
 * Everything a clusterer knows, with the operations that keep its parts consistent: a story's centroid,
 * its postings, its topic and the article-to-story map change together here and nowhere else. Placement,
 * maintenance and snapshots work on this state; the `StoryClusterer` class is the public face of it.
 */
export class ClusterState {
  /** Articles added, copies included. */
  n = 0;
  /** Stamp of the latest change to any story, for recency order. */
  seq = 0;
  /** Latest publication day seen: the stream's clock for retiring stories. */
  clockDay: number | undefined;
  readonly stories = new Map<string, StoryState>();
  readonly articleStory = new Map<string, string>();
  /** Ids retired by merges, pointing at the story that absorbed them. */
  readonly aliases = new Map<string, string>();
  /** Ids of the feature keys in the articles' packed vectors. */
  readonly keys = new KeyTable();
  constraints: StoryConstraint[] = [];
  dedupIndex: NearDuplicateIndex | null;
  readonly weights: FeatureWeights;
  readonly postings: Postings;
  readonly topics: Topics;
  /** Stories by the day of their latest article, to retire them once out of the window. */
  readonly heap = new DayHeap();
  /** Publication days of the dated originals in the near-duplicate index, to drop them once out of the window. */
  readonly dedupHeap = new DayHeap();
  scoredTotal = 0;
  lastScored = 0;
  duplicates = 0;

  constructor(readonly options: StoryClustererOptions) {
    this.dedupIndex = options.dedup === false ? null : new NearDuplicateIndex(options.dedup);
    this.weights = new FeatureWeights(options);
    this.postings = new Postings(options, this.weights, this.stories);
    this.topics = new Topics(options, this.weights);
  }

  /** Resolves an id that a merge retired to the story that absorbed it. */
  resolve(storyId: string): string {
    let id = storyId;
    for (let i = 0; i < 1000 && this.aliases.has(id); i++) id = this.aliases.get(id) as string;
    return id;
  }

  getStory(storyId: string): StoryState {
    const s = this.stories.get(this.resolve(storyId));
    if (!s) throw new StoryClustererError(`unknown story "${storyId}"`);
    return s;
  }

  topicOf(s: StoryState): string {
    return this.topics.of(s);
  }

  /** The id a new story started by `articleId` gets: never one in use or retired by a merge. */
  newStoryId(articleId: string): string {
    const base = `${this.options.idPrefix}${articleId}`;
    let id = base;
    for (let i = 2; this.stories.has(id) || this.aliases.has(id); i++) id = `${base}-${i}`;
    return id;
  }

  createStory(firstId: string, topic?: string): StoryState {
    const id = this.newStoryId(firstId);
    const s: StoryState = {
      id,
      topic: topic ?? `topic-${id.slice(this.options.idPrefix.length)}`,
      created: this.seq + 1,
      lastSeq: 0,
      articles: [],
      centroid: emptyVectors(),
      lead: emptyLead(),
      size: 0,
      active: true,
    };
    this.stories.set(s.id, s);
    return s;
  }

  private pruneCentroid(s: StoryState): void {
    for (const [g, dropped] of pruneVectors(s.centroid, this.options.storyFeatures, 1))
      if (RETRIEVAL_GROUPS.includes(g)) this.postings.unindex(s.id, dropped);
  }

  /** Adds an article to a story: its days, centroid, lead profile and postings. */
  attach(s: StoryState, rec: ArticleRecord): void {
    s.articles.push(rec);
    s.lastSeq = ++this.seq;
    this.articleStory.set(rec.id, s.id);
    if (rec.day !== undefined) {
      s.firstDay = s.firstDay === undefined ? rec.day : Math.min(s.firstDay, rec.day);
      const before = s.lastDay;
      s.lastDay = s.lastDay === undefined ? rec.day : Math.max(s.lastDay, rec.day);
      if (s.lastDay !== before) this.heap.push(s.lastDay, s.id);
    }
    if (rec.vec) {
      s.size++;
      if (rec.lead) addLead(s.lead, rec.lead);
      const vec = rec.vec;
      for (const g of FEATURE_GROUPS)
        forEachFeature(vec, g, this.keys, (k, w) => this.weights.addTo(s.centroid[g], k, w));
      this.pruneCentroid(s);
      const keys: string[] = [];
      for (const g of RETRIEVAL_GROUPS)
        forEachFeature(vec, g, this.keys, (k) => {
          if (s.centroid[g].has(k)) keys.push(k);
        });
      if (s.active) this.postings.index(s.id, keys);
    }
  }

  /** Recomputes a story's profile from its articles after some left or joined it. */
  rebuild(s: StoryState): void {
    this.postings.unindex(s.id, storyKeys(s));
    s.centroid = emptyVectors();
    s.lead = emptyLead();
    s.size = 0;
    s.firstDay = undefined;
    s.lastDay = undefined;
    const recs = s.articles;
    s.articles = [];
    const lastSeq = s.lastSeq;
    for (const r of recs) this.attach(s, r);
    s.lastSeq = lastSeq;
  }

  /** Stops offering stories whose latest article is older than the window relative to the stream's clock. */
  retire(): void {
    if (this.clockDay === undefined) return;
    const limit = this.clockDay - this.options.windowDays;
    for (let top = this.heap.peek(); top && top[0] < limit; top = this.heap.peek()) {
      this.heap.pop();
      const s = this.stories.get(top[1]);
      // Stale heap entries (the story moved on since) are skipped.
      if (!s || !s.active || s.lastDay !== top[0]) continue;
      s.active = false;
      this.postings.unindex(s.id, storyKeys(s));
      if (this.dedupIndex) for (const a of s.articles) this.dedupIndex.remove(a.id);
      // A retired story is never scored again: its profile would only hold memory.
      s.centroid = emptyVectors();
      s.lead = emptyLead();
      for (const a of s.articles) {
        a.vec = undefined;
        a.lead = undefined;
      }
    }
    // Copies match only originals inside the window, never an old article of another era.
    if (this.dedupIndex) {
      for (let top = this.dedupHeap.peek(); top && top[0] < limit; top = this.dedupHeap.peek()) {
        this.dedupHeap.pop();
        this.dedupIndex.remove(top[1]);
      }
    }
    this.topics.retire(limit);
  }

  /** Copies of the manual constraints, so callers cannot change the recorded ones. */
  copyConstraints(): StoryConstraint[] {
    return this.constraints.map((c) =>
      c.kind === 'together' ? { ...c, articleIds: [...c.articleIds] } : { kind: 'apart', a: [...c.a], b: [...c.b] },
    );
  }
}
