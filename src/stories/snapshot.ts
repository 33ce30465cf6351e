import { NearDuplicateIndex, type DedupSnapshot } from './dedup.js';
import type { LeadFeatures } from './features.js';
import { addLead, emptyLead, readLead } from './lead.js';
import type { StoryClustererOptions } from './options.js';
import { packSerialized, serializePacked } from './packed.js';
import { storyKeys } from './postings.js';
import type { StoryState } from './records.js';
import type { ClusterState } from './state.js';
import type { StoryConstraint } from './types.js';
import { deserializeVectors, serializeVectors, type SerializedVectors } from './vectors.js';

interface SerializedTopic {
  id: string;
  size: number;
  firstDay?: number;
  lastDay?: number;
  centroid: SerializedVectors;
}

interface SerializedArticle {
  id: string;
  source?: string;
  day?: number;
  duplicateOf?: string;
  vec?: SerializedVectors;
  lead?: LeadFeatures;
}

interface SerializedStory {
  id: string;
  created: number;
  lastSeq: number;
  firstDay?: number;
  lastDay?: number;
  size: number;
  active: boolean;
  topic: string;
  articles: SerializedArticle[];
  centroid: SerializedVectors;
}

/** JSON-serialisable state of a clusterer. */
export interface ClustererSnapshot {
  version: 1;
  options: StoryClustererOptions;
  articles: number;
  seq: number;
  clockDay?: number;
  df: Array<[string, number]>;
  /** The document counts the IDF weights currently use: article count at the last refresh and changes since. */
  idfEpoch?: { articles: number; changes: Array<[string, number]> };
  stories: SerializedStory[];
  aliases: Array<[string, string]>;
  topicParents: Array<[string, string]>;
  topics: SerializedTopic[];
  constraints: StoryConstraint[];
  dedup: DedupSnapshot | null;
  stats: { scored: number; duplicates: number };
}

/** The whole state as plain JSON-serialisable data. Maps keep their order, so restoring repeats every sum. */
export function snapshotState(state: ClusterState): ClustererSnapshot {
  const { df, idfEpoch } = state.weights.save();
  return {
    version: 1,
    options: JSON.parse(JSON.stringify(state.options)) as StoryClustererOptions,
    articles: state.n,
    seq: state.seq,
    clockDay: state.clockDay,
    df,
    idfEpoch,
    stories: [...state.stories.values()].map((s) => ({
      id: s.id,
      created: s.created,
      lastSeq: s.lastSeq,
      firstDay: s.firstDay,
      lastDay: s.lastDay,
      size: s.size,
      active: s.active,
      topic: s.topic,
      articles: s.articles.map((a) => ({
        id: a.id,
        source: a.source,
        day: a.day,
        duplicateOf: a.duplicateOf,
        vec: a.vec ? serializePacked(a.vec, state.keys) : undefined,
        lead: a.lead ? { names: [...a.lead.names], days: [...a.lead.days] } : undefined,
      })),
      centroid: serializeVectors(s.centroid),
    })),
    aliases: [...state.aliases.entries()],
    topicParents: [...state.topics.parents.entries()],
    topics: [...state.topics.states.values()].map((t) => ({
      id: t.id,
      size: t.size,
      firstDay: t.firstDay,
      lastDay: t.lastDay,
      centroid: serializeVectors(t.centroid),
    })),
    constraints: state.copyConstraints(),
    dedup: state.dedupIndex ? state.dedupIndex.snapshot() : null,
    stats: { scored: state.scoredTotal, duplicates: state.duplicates },
  };
}

/**
 * Fills a fresh state (built with `snap.options`) from a snapshot, also after a JSON round trip, which turns
 * absent fields into nulls. Older snapshots lack IDF epochs, topics and leads; each gets a neutral default.
 */
export function restoreState(c: ClusterState, snap: ClustererSnapshot): void {
  c.n = snap.articles;
  c.seq = snap.seq;
  c.clockDay = snap.clockDay ?? undefined;
  // Snapshots from before IDF epochs start a fresh epoch at their article count.
  c.weights.load(snap.df, snap.idfEpoch?.articles ?? snap.articles, snap.idfEpoch?.changes ?? []);
  for (const [k, v] of snap.aliases) c.aliases.set(k, v);
  for (const [k, v] of snap.topicParents ?? []) c.topics.parents.set(k, v);
  for (const t of snap.topics ?? []) {
    c.topics.states.set(t.id, {
      id: t.id,
      size: t.size,
      firstDay: t.firstDay ?? undefined,
      lastDay: t.lastDay ?? undefined,
      centroid: deserializeVectors(t.centroid),
    });
    if (t.lastDay !== undefined && t.lastDay !== null) c.topics.heap.push(t.lastDay, t.id);
  }
  c.constraints = snap.constraints.map((x) =>
    x.kind === 'together'
      ? { kind: 'together', articleIds: [...x.articleIds] }
      : { kind: 'apart', a: [...x.a], b: [...x.b] },
  );
  c.scoredTotal = snap.stats?.scored ?? 0;
  c.duplicates = snap.stats?.duplicates ?? 0;
  c.dedupIndex = snap.dedup ? NearDuplicateIndex.restore(snap.dedup) : null;
  // Index stories in the order they were last updated so posting lists keep the same recency order.
  const stories = [...snap.stories].sort((a, b) => a.lastSeq - b.lastSeq);
  for (const ss of stories) {
    const s: StoryState = {
      id: ss.id,
      created: ss.created,
      lastSeq: ss.lastSeq,
      firstDay: ss.firstDay ?? undefined,
      lastDay: ss.lastDay ?? undefined,
      articles: ss.articles.map((a) => ({
        id: a.id,
        source: a.source ?? undefined,
        day: a.day ?? undefined,
        duplicateOf: a.duplicateOf ?? undefined,
        vec: a.vec ? packSerialized(a.vec, c.keys) : undefined,
        lead: readLead(a.lead),
      })),
      centroid: deserializeVectors(ss.centroid),
      lead: emptyLead(),
      size: ss.size,
      active: ss.active,
      topic: typeof ss.topic === 'string' ? ss.topic : `topic-${ss.id}`,
    };
    for (const a of s.articles) if (a.vec && a.lead) addLead(s.lead, a.lead);
    c.stories.set(s.id, s);
    for (const a of s.articles) c.articleStory.set(a.id, s.id);
    if (s.active) {
      c.postings.index(s.id, storyKeys(s));
      if (s.lastDay !== undefined) c.heap.push(s.lastDay, s.id);
      if (c.dedupIndex)
        for (const a of s.articles) if (a.day !== undefined && c.dedupIndex.has(a.id)) c.dedupHeap.push(a.day, a.id);
    }
  }
}
