import { DayHeap } from './day-heap.js';
import { FEATURE_GROUPS } from './features.js';
import type { StoryClustererOptions } from './options.js';
import type { StoryState, TopicState } from './records.js';
import { emptyVectors, pruneVectors, type Vectors } from './vectors.js';
import type { FeatureWeights } from './weights.js';

/**
 * Topics group stories about similar events (another earthquake, another Oscars ceremony). Topics that turn
 * out to be one are joined through a union-find over their ids, so story records never need rewriting.
 */
export class Topics {
  /** Union-find over topic ids: topics joined later point at the topic they joined. */
  readonly parents = new Map<string, string>();
  readonly states = new Map<string, TopicState>();
  /** Topics by the day of their latest article, to drop the centroids of topics idle beyond the window. */
  readonly heap = new DayHeap();

  constructor(
    private readonly options: StoryClustererOptions,
    private readonly weights: FeatureWeights,
  ) {}

  root(id: string): string {
    let t = id;
    for (let i = 0; i < 1000 && this.parents.has(t); i++) t = this.parents.get(t) as string;
    return t;
  }

  /** The topic a story is currently filed under. */
  of(s: StoryState): string {
    return this.root(s.topic);
  }

  state(id: string): TopicState {
    const root = this.root(id);
    let t = this.states.get(root);
    if (!t) this.states.set(root, (t = { id: root, centroid: emptyVectors(), size: 0 }));
    return t;
  }

  add(topicId: string, vec: Vectors, day: number | undefined): void {
    const t = this.state(topicId);
    t.size++;
    if (day !== undefined) {
      t.firstDay = t.firstDay === undefined ? day : Math.min(t.firstDay, day);
      const before = t.lastDay;
      t.lastDay = t.lastDay === undefined ? day : Math.max(t.lastDay, day);
      if (t.lastDay !== before) this.heap.push(t.lastDay, t.id);
    }
    for (const g of FEATURE_GROUPS) {
      if (this.options.topicWeights[g] === 0) continue;
      for (const [k, w] of vec[g]) this.weights.addTo(t.centroid[g], k, w);
    }
    pruneVectors(t.centroid, this.options.storyFeatures, 2);
  }

  /** Folds topic `tbId` into topic `taId`. */
  join(taId: string, tbId: string): void {
    const ta = this.root(taId);
    const tb = this.root(tbId);
    if (ta === tb) return;
    const A = this.state(ta);
    const B = this.state(tb);
    this.parents.set(tb, ta);
    this.states.delete(tb);
    A.size += B.size;
    for (const g of FEATURE_GROUPS) for (const [k, w] of B.centroid[g]) this.weights.addTo(A.centroid[g], k, w);
    if (B.firstDay !== undefined) A.firstDay = A.firstDay === undefined ? B.firstDay : Math.min(A.firstDay, B.firstDay);
    if (B.lastDay !== undefined) {
      const before = A.lastDay;
      A.lastDay = A.lastDay === undefined ? B.lastDay : Math.max(A.lastDay, B.lastDay);
      if (A.lastDay !== before) this.heap.push(A.lastDay, A.id);
    }
    pruneVectors(A.centroid, this.options.storyFeatures, 2);
  }

  /**
   * A topic is only scored through its active stories; once all of them are retired (latest article before
   * `limit`) its centroid is dead weight in memory and in every checkpoint.
   */
  retire(limit: number): void {
    for (let top = this.heap.peek(); top && top[0] < limit; top = this.heap.peek()) {
      this.heap.pop();
      const t = this.states.get(top[1]);
      if (t && t.lastDay === top[0]) t.centroid = emptyVectors();
    }
  }

  /** Topics with their story ids, both in the order the stories were created. */
  list(stories: Iterable<StoryState>): Array<{ id: string; storyIds: string[] }> {
    const out = new Map<string, string[]>();
    for (const s of [...stories].sort((a, b) => a.created - b.created)) {
      const t = this.of(s);
      const list = out.get(t);
      if (list) list.push(s.id);
      else out.set(t, [s.id]);
    }
    return [...out.entries()].map(([id, storyIds]) => ({ id, storyIds }));
  }
}
