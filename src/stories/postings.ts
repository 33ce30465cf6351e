import type { FeatureGroup } from './features.js';
import type { StoryClustererOptions } from './options.js';
import type { StoryState } from './records.js';
import type { Vectors } from './vectors.js';
import type { FeatureWeights } from './weights.js';

/** Groups whose features retrieve candidate stories; numbers and dates are too unspecific on their own. */
export const RETRIEVAL_GROUPS: readonly FeatureGroup[] = ['entity', 'term', 'quote'];

/** The retrieval features of a story's centroid, under which the story is indexed. */
export function storyKeys(s: StoryState): string[] {
  const keys: string[] = [];
  for (const g of RETRIEVAL_GROUPS) for (const k of s.centroid[g].keys()) keys.push(k);
  return keys;
}

/**
 * Inverted index from features to the active stories that have them, so an article is scored in full only
 * against the few stories that share a salient feature with it rather than against every story.
 */
export class Postings {
  private lists = new Map<string, Set<string>>();

  constructor(
    private readonly options: StoryClustererOptions,
    private readonly weights: FeatureWeights,
    private readonly stories: ReadonlyMap<string, StoryState>,
  ) {}

  index(storyId: string, keys: Iterable<string>): void {
    const cap = this.options.maxPostings;
    for (const k of keys) {
      let p = this.lists.get(k);
      if (!p) this.lists.set(k, (p = new Set()));
      // Re-inserting moves the story to the most recent end.
      p.delete(storyId);
      p.add(storyId);
      if (p.size > cap) p.delete(p.values().next().value as string);
    }
  }

  unindex(storyId: string, keys: Iterable<string>): void {
    for (const k of keys) {
      const p = this.lists.get(k);
      if (!p) continue;
      p.delete(storyId);
      if (p.size === 0) this.lists.delete(k);
    }
  }

  /**
   * The features of one side worth looking up: names, quotes and the most salient terms, minus very common
   * ones (`articles` is the number of articles seen, which sets what counts as common).
   */
  private queryKeys(v: Vectors, articles: number): Array<[string, number]> {
    const o = this.options;
    const common = articles >= 20 ? o.commonFeatureRatio * articles : Infinity;
    const out: Array<[string, number]> = [];
    for (const g of RETRIEVAL_GROUPS) {
      let list = [...v[g].entries()]
        .filter(([k]) => this.weights.documentFrequency(k) <= common)
        .map(([k, w]) => [k, w * this.weights.idf(k)] as [string, number]);
      list.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
      if (g === 'term') list = list.slice(0, o.queryTerms);
      else if (g === 'quote') list = list.slice(0, 40);
      out.push(...list);
    }
    return out;
  }

  private isCandidate(s: StoryState, day: number | undefined): boolean {
    if (!s.active) return false;
    if (day === undefined || s.lastDay === undefined || s.firstDay === undefined) return true;
    return day - s.lastDay <= this.options.windowDays && s.firstDay - day <= this.options.windowDays;
  }

  /** Active stories within the window that share query features with `v`, best cheap rank first. */
  candidates(v: Vectors, day: number | undefined, articles: number, exclude?: string): StoryState[] {
    const acc = new Map<string, number>();
    for (const [k, w] of this.queryKeys(v, articles)) {
      const p = this.lists.get(k);
      if (!p) continue;
      for (const id of p) if (id !== exclude) acc.set(id, (acc.get(id) ?? 0) + w);
    }
    const ranked = [...acc.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const out: StoryState[] = [];
    for (const [id] of ranked) {
      const s = this.stories.get(id);
      if (!s || !this.isCandidate(s, day)) continue;
      out.push(s);
      if (out.length >= this.options.maxCandidates) break;
    }
    return out;
  }
}
