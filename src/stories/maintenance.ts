import { StoryClustererError } from './errors.js';
import { leadConflict } from './lead.js';
import { unpackVectors, type PackedVectors } from './packed.js';
import { storyKeys } from './postings.js';
import type { ArticleRecord, StoryState } from './records.js';
import type { ClusterState } from './state.js';
import type { RecheckResult, StoryConstraint } from './types.js';
import type { Vectors } from './vectors.js';
import { rangeFactor, timeFactor } from './weights.js';

/*
 * Corrections after the fact: manual merges and splits (recorded as constraints so later passes respect
 * them) and the `recheck` pass, which undoes what a single-pass clusterer gets wrong as stories grow.
 */

/** Folds story `gone` into `keep`, whose id stays; `gone`'s id becomes an alias of it. */
function absorb(state: ClusterState, keep: StoryState, gone: StoryState): void {
  state.postings.unindex(gone.id, storyKeys(gone));
  state.postings.unindex(keep.id, storyKeys(keep));
  const recs = [...keep.articles, ...gone.articles];
  keep.articles = recs;
  keep.lastSeq = Math.max(keep.lastSeq, gone.lastSeq);
  keep.active = keep.active || gone.active;
  state.topics.join(state.topicOf(keep), state.topicOf(gone));
  state.stories.delete(gone.id);
  state.aliases.set(gone.id, keep.id);
  state.rebuild(keep);
  for (const a of keep.articles) state.articleStory.set(a.id, keep.id);
}

/** Whether a manual split keeps the two stories apart. */
function apart(state: ClusterState, a: StoryState, b: StoryState): boolean {
  const inA = new Set(a.articles.map((x) => x.id));
  const inB = new Set(b.articles.map((x) => x.id));
  return state.constraints.some(
    (c) =>
      c.kind === 'apart' &&
      ((c.a.some((x) => inA.has(x)) && c.b.some((x) => inB.has(x))) ||
        (c.a.some((x) => inB.has(x)) && c.b.some((x) => inA.has(x)))),
  );
}

/** Merges story `b` into story `a` (a's id stays) and records that they belong together. */
export function mergeStories(state: ClusterState, a: string, b: string): string {
  const sa = state.getStory(a);
  const sb = state.getStory(b);
  if (sa === sb) return sa.id;
  const ida = new Set(sa.articles.map((x) => x.id));
  const idb = new Set(sb.articles.map((x) => x.id));
  // The latest manual decision wins over an earlier split between the same articles.
  state.constraints = state.constraints.filter(
    (c) =>
      !(
        c.kind === 'apart' &&
        ((c.a.some((x) => ida.has(x)) && c.b.some((x) => idb.has(x))) ||
          (c.a.some((x) => idb.has(x)) && c.b.some((x) => ida.has(x))))
      ),
  );
  state.constraints.push({ kind: 'together', articleIds: [...ida, ...idb] });
  absorb(state, sa, sb);
  return sa.id;
}

/** Moves the given articles of a story into a new story, and records that the two parts stay apart. */
export function splitStory(state: ClusterState, storyId: string, articleIds: string[]): string {
  const s = state.getStory(storyId);
  const move = new Set(articleIds);
  if (move.size === 0) throw new StoryClustererError('split() needs at least one article id');
  for (const id of move) {
    if (state.articleStory.get(id) !== s.id) throw new StoryClustererError(`article "${id}" is not in story "${s.id}"`);
  }
  if (move.size >= s.articles.length)
    throw new StoryClustererError(`split() must leave at least one article in "${s.id}"`);
  const moving = s.articles.filter((a) => move.has(a.id));
  const staying = s.articles.filter((a) => !move.has(a.id));
  const movingIds = moving.map((a) => a.id);
  const stayingIds = staying.map((a) => a.id);
  // Manual groupings that straddle the cut now hold on each side separately.
  const next: StoryConstraint[] = [];
  for (const c of state.constraints) {
    if (c.kind !== 'together') {
      next.push(c);
      continue;
    }
    const l = c.articleIds.filter((x) => move.has(x));
    const r = c.articleIds.filter((x) => !move.has(x));
    if (l.length > 1) next.push({ kind: 'together', articleIds: l });
    if (r.length > 1) next.push({ kind: 'together', articleIds: r });
  }
  next.push({ kind: 'apart', a: movingIds, b: stayingIds });
  state.constraints = next;
  const t = moveOut(state, s, moving);
  return t.id;
}

function moveOut(state: ClusterState, s: StoryState, moving: ArticleRecord[]): StoryState {
  const move = new Set(moving.map((a) => a.id));
  state.postings.unindex(s.id, storyKeys(s));
  s.articles = s.articles.filter((a) => !move.has(a.id));
  state.rebuild(s);
  // The part split off is still about a similar event.
  const t = state.createStory(moving[0].id, state.topicOf(s));
  t.active = s.active;
  for (const a of moving) state.attach(t, a);
  return t;
}

function mustStayTogether(state: ClusterState, ids: string[]): Array<Set<string>> {
  const set = new Set(ids);
  return state.constraints
    .filter((c): c is { kind: 'together'; articleIds: string[] } => c.kind === 'together')
    .map((c) => new Set(c.articleIds.filter((x) => set.has(x))))
    .filter((g) => g.size > 1);
}

/**
 * Maintenance pass over the active stories: splits stories whose articles fall into separate groups
 * (average-link below `splitThreshold`), then merges stories whose centroids score above `mergeThreshold`.
 * Manual merges and splits are respected.
 */
export function recheck(state: ClusterState): RecheckResult {
  const o = state.options;
  const result: RecheckResult = { merged: [], split: [], topicsJoined: [] };
  for (const s of [...state.stories.values()].filter((x) => x.active).sort((a, b) => a.created - b.created)) {
    for (const part of driftParts(state, s)) {
      const t = moveOut(state, s, part);
      result.split.push({ from: s.id, to: t.id, articleIds: t.articles.map((a) => a.id) });
    }
  }
  const order = [...state.stories.values()].filter((x) => x.active).sort((a, b) => a.created - b.created);
  for (const s of order) {
    if (!state.stories.has(s.id)) continue;
    for (let changed = true; changed;) {
      changed = false;
      let best: { t: StoryState; score: number } | undefined;
      for (const t of state.postings.candidates(s.centroid, undefined, state.n, s.id)) {
        if (t.created < s.created && state.stories.has(t.id)) continue;
        const time = rangeFactor(o, s, t);
        const score =
          state.weights.compare(s.centroid, t.centroid, time).score +
          leadConflict(o, s.lead.names.keys(), s.lead.days.keys(), t.lead).penalty;
        if (score >= o.mergeThreshold && !apart(state, s, t) && (!best || score > best.score)) best = { t, score };
      }
      if (best) {
        result.merged.push({ kept: s.id, removed: best.t.id, score: best.score });
        absorb(state, s, best.t);
        changed = true;
      }
    }
  }
  recheckTopics(state, result);
  return result;
}

/** Joins topics whose centroids turned out close, looking only at topics of stories the index links. */
function recheckTopics(state: ClusterState, result: RecheckResult): void {
  const o = state.options;
  const storiesByTopic = new Map<string, StoryState[]>();
  for (const s of state.stories.values()) {
    if (!s.active) continue;
    const t = state.topicOf(s);
    const list = storiesByTopic.get(t);
    if (list) list.push(s);
    else storiesByTopic.set(t, [s]);
  }
  const order = [...storiesByTopic.keys()].sort();
  for (const tid of order) {
    const root = state.topics.root(tid);
    if (root !== tid) continue;
    for (let changed = true; changed;) {
      changed = false;
      const T = state.topics.state(tid);
      const others = new Set<string>();
      for (const s of (storiesByTopic.get(tid) ?? []).slice(-20)) {
        for (const c of state.postings.candidates(s.centroid, undefined, state.n, s.id)) {
          const u = state.topicOf(c);
          if (u !== tid) others.add(u);
        }
      }
      let best: { u: string; score: number } | undefined;
      for (const u of [...others].sort()) {
        const U = state.topics.state(u);
        const time = rangeFactor(o, T, U);
        const { score } = state.weights.compare(T.centroid, U.centroid, time, undefined, o.topicWeights, false);
        if (score >= o.topicMergeThreshold && (!best || score > best.score)) best = { u, score };
      }
      if (best) {
        const moved = storiesByTopic.get(best.u) ?? [];
        state.topics.join(tid, best.u);
        storiesByTopic.set(tid, [...(storiesByTopic.get(tid) ?? []), ...moved]);
        storiesByTopic.delete(best.u);
        result.topicsJoined.push({ kept: tid, removed: best.u, score: best.score });
        changed = true;
      }
    }
  }
}

/** Groups of a story's articles that average-link clustering separates from the group holding its first article. */
function driftParts(state: ClusterState, s: StoryState): ArticleRecord[][] {
  const o = state.options;
  const recs = s.articles.filter((a) => a.vec);
  if (recs.length < 2 * o.minSplitSize || recs.length > 400) return [];
  // Start from the manual groups so they are never cut.
  const groups: ArticleRecord[][] = [];
  const placed = new Set<string>();
  for (const g of mustStayTogether(
    state,
    recs.map((r) => r.id),
  )) {
    const members = recs.filter((r) => g.has(r.id) && !placed.has(r.id));
    members.forEach((m) => placed.add(m.id));
    if (members.length) groups.push(members);
  }
  for (const r of recs) if (!placed.has(r.id)) groups.push([r]);
  const sim = new Map<string, number>();
  // Articles keep their vectors packed; this pass compares them in their Map form, unpacked once each.
  const unpacked = new Map<ArticleRecord, Vectors>();
  const vecOf = (r: ArticleRecord): Vectors => {
    let v = unpacked.get(r);
    if (!v) unpacked.set(r, (v = unpackVectors(r.vec as PackedVectors, state.keys)));
    return v;
  };
  const pair = (a: ArticleRecord, b: ArticleRecord): number => {
    const key = a.id < b.id ? `${a.id}\u0000${b.id}` : `${b.id}\u0000${a.id}`;
    let v = sim.get(key);
    if (v === undefined) {
      v = state.weights.compare(vecOf(a), vecOf(b), timeFactor(o, a.day, b.day, b.day)).score;
      sim.set(key, v);
    }
    return v;
  };
  const link = (x: ArticleRecord[], y: ArticleRecord[]): number => {
    let t = 0;
    for (const a of x) for (const b of y) t += pair(a, b);
    return t / (x.length * y.length);
  };
  for (;;) {
    let bi = -1;
    let bj = -1;
    let bs = -Infinity;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const l = link(groups[i], groups[j]);
        if (l > bs) [bi, bj, bs] = [i, j, l];
      }
    }
    if (bi < 0 || bs < o.splitThreshold) break;
    groups[bi] = [...groups[bi], ...groups[bj]];
    groups.splice(bj, 1);
  }
  if (groups.length < 2) return [];
  const firstId = recs[0].id;
  const main = groups.find((g) => g.some((r) => r.id === firstId)) as ArticleRecord[];
  const parts = groups.filter((g) => g !== main && g.length >= o.minSplitSize);
  // Copies travel with their originals.
  return parts.map((g) => {
    const ids = new Set(g.map((r) => r.id));
    return s.articles.filter((a) => ids.has(a.id) || (a.duplicateOf !== undefined && ids.has(a.duplicateOf)));
  });
}
