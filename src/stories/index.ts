import type { AnnotatedArticle } from '../model.js';
import { NearDuplicateIndex, type DedupOptions, type DedupSnapshot, type Signature } from './dedup.js';
import {
  articleFeatures,
  FEATURE_GROUPS,
  type ArticleFeatures,
  type FeatureGroup,
  type LeadFeatures,
  type SparseVector,
} from './features.js';

export {
  articleFeatures,
  explicitDates,
  FEATURE_GROUPS,
  type ArticleFeatures,
  type FeatureGroup,
  type LeadFeatures,
} from './features.js';
export {
  NearDuplicateIndex,
  DEFAULT_DEDUP_OPTIONS,
  type DedupOptions,
  type DuplicateMatch,
  type Signature,
} from './dedup.js';
export { bcubed, pairwise, type PRF } from './metrics.js';
export { decodePrepared, encodePrepared, type EncodedPrepared } from './prepared.js';

/** Tunable settings. Defaults were tuned on ECB+ (topics 1–35) and DUC 2006; see docs/evaluation/stories.md. */
export interface StoryClustererOptions {
  /** Minimum score for an article to join an existing story. */
  threshold: number;
  /**
   * Minimum score for a new story to be filed under the topic of the closest story: a similar event of the
   * same kind (another earthquake, another Oscars ceremony) rather than the same event.
   */
  topicThreshold: number;
  /** Topic score at which an article links the topic of its story with another story's topic. */
  topicLinkThreshold: number;
  /** Weights of the topic score: what kind of event (terms) counts more than who and where. */
  topicWeights: Record<FeatureGroup, number>;
  /** Weight of each feature group's cosine similarity in the score. */
  weights: Record<FeatureGroup, number>;
  /** Score added per group when both sides have features of the group but share none (negative: a conflict). */
  conflict: Record<FeatureGroup, number>;
  /**
   * Added when the article's lead (dateline and first sentence) names places or organisations and the
   * story's leads name others, none of them shared: a similar event somewhere else.
   */
  leadPlaceConflict: number;
  /** Added when the days the lead reports on are all more than `leadDayTolerance` days from the story's. */
  leadDayConflict: number;
  leadDayTolerance: number;
  /** A story whose latest article is this many days older than a new article is no longer a candidate. */
  windowDays: number;
  /** Days of inactivity after which a story's score is halved (the decay is smooth within the window). */
  halfLifeDays: number;
  /** Lowest factor the time decay applies. */
  decayFloor: number;
  /** Stories scored in full per article, after a cheap ranking of the inverted-index hits. */
  maxCandidates: number;
  /** Stories kept per feature in the inverted index (the most recently updated). */
  maxPostings: number;
  /** Salient terms of an article used to look up candidates. */
  queryTerms: number;
  /** Features seen in more than this share of articles are too common to retrieve candidates. */
  commonFeatureRatio: number;
  /** Features kept per group in a story's centroid. */
  storyFeatures: Record<FeatureGroup, number>;
  /** Near-duplicate detection settings, or false to turn it off. */
  dedup: Partial<DedupOptions> | false;
  /** Centroid score above which `recheck()` merges two stories. */
  mergeThreshold: number;
  /** Topic-centroid score above which `recheck()` joins two topics. */
  topicMergeThreshold: number;
  /** Average-link score below which `recheck()` separates parts of a story. */
  splitThreshold: number;
  /** Smallest part `recheck()` splits off. */
  minSplitSize: number;
  /** Prefix of story ids. */
  idPrefix: string;
}

export const DEFAULT_STORY_OPTIONS: StoryClustererOptions = {
  threshold: 0.2,
  topicThreshold: 0.15,
  topicLinkThreshold: 0.3,
  topicWeights: { entity: 0.2, term: 0.8, number: 0, date: 0, quote: 0 },
  weights: { entity: 0.4, term: 0.45, number: 0.05, date: 0.1, quote: 0.15 },
  conflict: { entity: -0.05, term: 0, number: 0, date: -0.03, quote: 0 },
  leadPlaceConflict: -0.12,
  leadDayConflict: -0.1,
  leadDayTolerance: 7,
  windowDays: 730,
  halfLifeDays: 180,
  decayFloor: 0.85,
  maxCandidates: 40,
  maxPostings: 64,
  queryTerms: 30,
  commonFeatureRatio: 0.1,
  storyFeatures: { entity: 150, term: 300, number: 60, date: 60, quote: 600 },
  dedup: {},
  mergeThreshold: 0.45,
  topicMergeThreshold: 0.3,
  splitThreshold: 0.08,
  minSplitSize: 2,
  idPrefix: 'story-',
};

export interface SharedFeature {
  /** Entity name, term stem, date value or number as written in the features. */
  name: string;
  /** Share of the group's similarity this feature accounts for. */
  weight: number;
}

/** Why an article went where it went. */
export interface Explanation {
  decision: 'joined' | 'new' | 'duplicate' | 'repeat';
  score: number;
  threshold: number;
  /** Per-group cosine similarity with the chosen (or best rejected) story. */
  similarities: Record<FeatureGroup, number>;
  sharedEntities: SharedFeature[];
  sharedTerms: SharedFeature[];
  sharedDates: string[];
  sharedNumbers: string[];
  /** Three-word shingles of quotations found in both. */
  sharedQuoteShingles: number;
  /** Days between the article and the story's date range, when both are dated. */
  daysApart?: number;
  /** Stories scored in full. */
  candidates: number;
  /** The best story not chosen, or the best rejected one for a new story. */
  runnerUp?: { storyId: string; score: number };
  duplicate?: { articleId: string; jaccard: number; containment: number };
  /** One readable sentence. */
  summary: string;
}

export interface Assignment {
  storyId: string;
  isNew: boolean;
  score: number;
  explanation: Explanation;
  duplicateOf?: string;
  /** What another clusterer in the same state needs to repeat this step without scoring (see `add`). */
  decision?: AddDecision;
}

/**
 * The outcome of scoring one article: its story and the topic changes. Replaying it on a clusterer in the
 * same state gives the same state as scoring again, at a fraction of the cost.
 */
export interface AddDecision {
  storyId: string;
  isNew: boolean;
  /** Topic a new story was filed under, when not a topic of its own. */
  topic?: string;
  /** Topics joined with the story's topic because the article scored high against them. */
  links?: string[];
}

/** An article reduced to what story assignment reads (see `StoryClusterer.prepare`). */
export interface PreparedArticle {
  features: ArticleFeatures;
  /** Absent for an empty text or when near-duplicate detection is off. */
  signature?: Signature;
}

export interface StorySummary {
  id: string;
  /** The topic: stories about similar events share it. */
  topicId: string;
  articleIds: string[];
  /** Distinct outlets after collapsing wire copies onto their original. */
  independentSources: number;
  firstDate?: string;
  lastDate?: string;
}

export interface RecheckResult {
  merged: Array<{ kept: string; removed: string; score: number }>;
  /** Topics joined: the second folded into the first. */
  topicsJoined: Array<{ kept: string; removed: string; score: number }>;
  split: Array<{ from: string; to: string; articleIds: string[] }>;
}

export interface ClustererStats {
  articles: number;
  stories: number;
  activeStories: number;
  /** Total stories scored in full over all `add` calls. */
  scored: number;
  /** Stories scored in full for the latest article. */
  lastScored: number;
  duplicates: number;
}

/** A manual decision that `recheck()` must respect. */
export type StoryConstraint = { kind: 'together'; articleIds: string[] } | { kind: 'apart'; a: string[]; b: string[] };

export class StoryClustererError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoryClustererError';
  }
}

type Vectors = Record<FeatureGroup, SparseVector>;

interface ArticleRecord {
  id: string;
  source?: string;
  day?: number;
  duplicateOf?: string;
  /** Unit-normalised raw weights; absent for duplicates, which add nothing new. */
  vec?: Vectors;
  lead?: LeadFeatures;
}

/** Lead names and days of a story's articles, with counts. */
interface LeadProfile {
  names: Map<string, number>;
  days: Map<number, number>;
}

const MAX_STORY_LEAD = 60;

function emptyLead(): LeadProfile {
  return { names: new Map(), days: new Map() };
}

/** "Corvane" names the same thing as "Corvane Polymers"; "Port Emery" as "Port Emery Regional Transit". */
function sameName(a: string, b: string): boolean {
  return a === b || (a.length < b.length ? b.startsWith(`${a} `) : a.startsWith(`${b} `));
}

function addLead(p: LeadProfile, lead: LeadFeatures): void {
  for (const n of lead.names) p.names.set(n, (p.names.get(n) ?? 0) + 1);
  for (const d of lead.days) p.days.set(d, (p.days.get(d) ?? 0) + 1);
  // Keeps the most frequent entries so a long-running story's profile stays bounded.
  for (const m of [p.names, p.days] as Array<Map<string | number, number>>) {
    if (m.size <= MAX_STORY_LEAD * 1.5) continue;
    const kept = [...m.entries()]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .slice(0, MAX_STORY_LEAD);
    m.clear();
    for (const [k, c] of kept) m.set(k, c);
  }
}

interface StoryState {
  id: string;
  created: number;
  lastSeq: number;
  firstDay?: number;
  lastDay?: number;
  articles: ArticleRecord[];
  centroid: Vectors;
  lead: LeadProfile;
  /** Non-duplicate articles in the centroid. */
  size: number;
  active: boolean;
  topic: string;
}

/** A topic: stories about similar events, with the centroid of all their articles. */
interface TopicState {
  id: string;
  centroid: Vectors;
  size: number;
  firstDay?: number;
  lastDay?: number;
}

interface SerializedTopic {
  id: string;
  size: number;
  firstDay?: number;
  lastDay?: number;
  centroid: Record<FeatureGroup, Array<[string, number]>>;
}

interface SerializedArticle {
  id: string;
  source?: string;
  day?: number;
  duplicateOf?: string;
  vec?: Record<FeatureGroup, Array<[string, number]>>;
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
  centroid: Record<FeatureGroup, Array<[string, number]>>;
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

const emptyVectors = (): Vectors => ({
  entity: new Map(),
  term: new Map(),
  number: new Map(),
  date: new Map(),
  quote: new Map(),
});

const RETRIEVAL_GROUPS: readonly FeatureGroup[] = ['entity', 'term', 'quote'];

function dayString(day: number | undefined): string | undefined {
  return day === undefined ? undefined : new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function serializeVectors(v: Vectors): Record<FeatureGroup, Array<[string, number]>> {
  const out = {} as Record<FeatureGroup, Array<[string, number]>>;
  for (const g of FEATURE_GROUPS) out[g] = [...v[g].entries()];
  return out;
}

function deserializeVectors(v: Partial<Record<FeatureGroup, Array<[string, number]>>> | undefined): Vectors {
  const out = emptyVectors();
  for (const g of FEATURE_GROUPS) for (const [k, w] of v?.[g] ?? []) out[g].set(k, w);
  return out;
}

/** Min-heap of (day, story id) used to retire stories lazily once inactive for too long. */
class DayHeap {
  private items: Array<[number, string]> = [];
  push(day: number, id: string): void {
    const a = this.items;
    a.push([day, id]);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p][0] <= a[i][0]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  peek(): [number, string] | undefined {
    return this.items[0];
  }
  pop(): [number, string] | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop() as [number, string];
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l][0] < a[m][0]) m = l;
        if (r < a.length && a[r][0] < a[m][0]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

/** Lead features from a snapshot; snapshots written before leads were kept have none. */
function readLead(x: unknown): LeadFeatures | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const l = x as { names?: unknown; days?: unknown };
  const names = Array.isArray(l.names) ? l.names.filter((n): n is string => typeof n === 'string') : [];
  const days = Array.isArray(l.days)
    ? l.days.filter((d): d is number => typeof d === 'number' && Number.isFinite(d))
    : [];
  return { names, days };
}

function mergeOptions(base: StoryClustererOptions, o: Partial<StoryClustererOptions>): StoryClustererOptions {
  const out: StoryClustererOptions = {
    ...base,
    ...o,
    weights: { ...base.weights, ...(o.weights ?? {}) },
    topicWeights: { ...base.topicWeights, ...(o.topicWeights ?? {}) },
    conflict: { ...base.conflict, ...(o.conflict ?? {}) },
    storyFeatures: { ...base.storyFeatures, ...(o.storyFeatures ?? {}) },
  };
  const finite = (name: string, x: number): void => {
    if (typeof x !== 'number' || !Number.isFinite(x))
      throw new StoryClustererError(`option ${name} must be a finite number, got ${String(x)}`);
  };
  finite('threshold', out.threshold);
  finite('mergeThreshold', out.mergeThreshold);
  finite('splitThreshold', out.splitThreshold);
  finite('leadPlaceConflict', out.leadPlaceConflict);
  finite('leadDayConflict', out.leadDayConflict);
  finite('leadDayTolerance', out.leadDayTolerance);
  for (const g of FEATURE_GROUPS) {
    finite(`weights.${g}`, out.weights[g]);
    finite(`conflict.${g}`, out.conflict[g]);
  }
  for (const [name, x] of [
    ['windowDays', out.windowDays],
    ['halfLifeDays', out.halfLifeDays],
    ['maxCandidates', out.maxCandidates],
    ['maxPostings', out.maxPostings],
    ['queryTerms', out.queryTerms],
  ] as const) {
    if (typeof x !== 'number' || !(x > 0))
      throw new StoryClustererError(`option ${name} must be a positive number, got ${String(x)}`);
  }
  return out;
}

/**
 * Online, single-pass story clustering. Each article is compared only with the active stories that share a
 * salient feature with it (found through an inverted index), scored on entities, salient terms, numbers,
 * dates and quotations, and joins the best story above the threshold or starts a new one.
 */
export class StoryClusterer {
  readonly options: StoryClustererOptions;
  private n = 0;
  private seq = 0;
  /** Latest publication day seen: the stream's clock for retiring stories. */
  private clockDay: number | undefined;
  private df = new Map<string, number>();
  private storyMap = new Map<string, StoryState>();
  private articleStory = new Map<string, string>();
  private aliases = new Map<string, string>();
  /** Union-find over topic ids: topics joined later point at the topic they joined. */
  private topicParent = new Map<string, string>();
  private topicMap = new Map<string, TopicState>();
  private postings = new Map<string, Set<string>>();
  private constraints: StoryConstraint[] = [];
  private dedupIndex: NearDuplicateIndex | null;
  private heap = new DayHeap();
  /** Publication days of the dated originals in the near-duplicate index, to drop them once out of the window. */
  private dedupHeap = new DayHeap();
  /** Topics by the day of their latest article, to drop the centroids of topics idle beyond the window. */
  private topicHeap = new DayHeap();
  private scoredTotal = 0;
  private lastScored = 0;
  private duplicates = 0;

  constructor(options: Partial<StoryClustererOptions> = {}) {
    this.options = mergeOptions(DEFAULT_STORY_OPTIONS, options);
    this.dedupIndex = this.options.dedup === false ? null : new NearDuplicateIndex(this.options.dedup);
  }

  // ---- weights -------------------------------------------------------------------------------------------

  /*
   * IDF weights are refreshed in epochs rather than after every article: within an epoch they use the
   * document counts as they were when it began (current counts minus the changes since), so IDF values and
   * vector norms can be cached and the cost of scoring does not grow with the size of stories and topics.
   * An epoch lasts 2 % of the articles seen (one article while there are fewer than 100), so small
   * streams are weighted exactly and the article count drifts by at most 2 % before the next refresh
   * (the IDF of a common feature moves by about 0.02). On ECB+ and DUC 2006 the B-cubed scores stay
   * within 1.5 points of per-article refreshes, up as often as down. Epochs
   * begin at fixed article counts and their state is in the snapshot, so a restored clusterer and the
   * original make the same decisions.
   */
  private idfEpochN = 0;
  private dfChanges = new Map<string, number>();
  private epoch = 0;
  private idfCache = new Map<string, number>();
  /** Squared norms under the epoch's weights, kept up to date as centroids grow. */
  private normCache = new WeakMap<SparseVector, { epoch: number; sq: number }>();

  private countFeatures(keys: Iterable<string>): void {
    for (const k of keys) {
      this.df.set(k, (this.df.get(k) ?? 0) + 1);
      this.dfChanges.set(k, (this.dfChanges.get(k) ?? 0) + 1);
    }
  }

  /** Starts a new IDF epoch once enough articles arrived since the last one. */
  private refreshWeights(): void {
    const length = Math.max(1, Math.floor(this.idfEpochN / 50));
    if (this.n - this.idfEpochN < length) return;
    this.idfEpochN = this.n;
    this.dfChanges.clear();
    this.idfCache.clear();
    this.epoch++;
  }

  private idf(key: string): number {
    let v = this.idfCache.get(key);
    if (v === undefined) {
      const df = (this.df.get(key) ?? 0) - (this.dfChanges.get(key) ?? 0);
      v = Math.log((this.idfEpochN + 1) / (df + 1)) + 1;
      this.idfCache.set(key, v);
    }
    return v;
  }

  /** Euclidean norm under the current IDF weights, computed once per vector and epoch. */
  private norm(v: SparseVector): number {
    const cached = this.normCache.get(v);
    if (cached && cached.epoch === this.epoch) return Math.sqrt(Math.max(0, cached.sq));
    let sq = 0;
    for (const [k, w] of v) {
      const x = w * this.idf(k);
      sq += x * x;
    }
    this.normCache.set(v, { epoch: this.epoch, sq });
    return Math.sqrt(sq);
  }

  /**
   * Adds `w` to feature `k` of a centroid, updating its cached norm in place: a topic's centroid grows with
   * every article and is scored against most articles, so recomputing it over thousands of features each
   * time would dominate.
   */
  private addTo(v: SparseVector, k: string, w: number): void {
    const old = v.get(k) ?? 0;
    const now = old + w;
    v.set(k, now);
    const cached = this.normCache.get(v);
    if (cached && cached.epoch === this.epoch) {
      const idf = this.idf(k);
      cached.sq += (now * now - old * old) * idf * idf;
    }
  }

  /** Cosine of two raw vectors under the current IDF weights, with each shared feature's contribution. */
  private cosine(a: SparseVector, b: SparseVector, contributions?: Array<[string, number]>): number {
    if (a.size === 0 || b.size === 0) return 0;
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [k, w] of small) {
      const o = large.get(k);
      if (o === undefined) continue;
      const idf = this.idf(k);
      const c = w * o * idf * idf;
      dot += c;
      contributions?.push([k, c]);
    }
    if (dot === 0) return 0;
    const d = this.norm(a) * this.norm(b);
    if (contributions) for (const c of contributions) c[1] /= d;
    return d === 0 ? 0 : dot / d;
  }

  private timeFactor(
    day: number | undefined,
    first: number | undefined,
    last: number | undefined,
  ): { factor: number; gap?: number } {
    if (day === undefined || first === undefined || last === undefined) return { factor: 1 };
    return this.decay(day > last ? day - last : day < first ? first - day : 0);
  }

  private decay(gap: number): { factor: number; gap: number } {
    const o = this.options;
    if (gap > o.windowDays) return { factor: 0, gap };
    return { factor: o.decayFloor + (1 - o.decayFloor) * Math.pow(0.5, gap / o.halfLifeDays), gap };
  }

  /** Conflict penalty when two leads report on different places or on days far apart; the reasons. */
  private leadConflict(
    names: Iterable<string>,
    days: Iterable<number>,
    other: LeadProfile,
  ): { penalty: number; reasons: string[] } {
    const o = this.options;
    let penalty = 0;
    const reasons: string[] = [];
    const mine = [...names];
    if (mine.length > 0 && other.names.size > 0) {
      const theirs = [...other.names.keys()];
      if (!mine.some((a) => theirs.some((b) => sameName(a, b)))) {
        penalty += o.leadPlaceConflict;
        reasons.push(
          `the lead names ${mine.slice(0, 3).join(', ')}, the story's leads ${theirs.slice(0, 3).join(', ')}`,
        );
      }
    }
    const myDays = [...days];
    if (myDays.length > 0 && other.days.size > 0) {
      let gap = Infinity;
      for (const a of myDays) for (const b of other.days.keys()) gap = Math.min(gap, Math.abs(a - b));
      if (gap > o.leadDayTolerance) {
        penalty += o.leadDayConflict;
        reasons.push(`the lead reports on a day ${gap} days from the story's`);
      }
    }
    return { penalty, reasons };
  }

  /** Score of one side against another (article vs story, or story vs story) and its parts. */
  private compare(
    a: Vectors,
    b: Vectors,
    time: { factor: number },
    detail?: Map<FeatureGroup, Array<[string, number]>>,
    weights: Record<FeatureGroup, number> = this.options.weights,
    withConflicts = true,
  ): { score: number; sims: Record<FeatureGroup, number> } {
    const sims = {} as Record<FeatureGroup, number>;
    let score = 0;
    for (const g of FEATURE_GROUPS) {
      const contributions: Array<[string, number]> | undefined = detail ? [] : undefined;
      if (weights[g] === 0 && !detail) {
        sims[g] = 0;
        continue;
      }
      const s = this.cosine(a[g], b[g], contributions);
      sims[g] = s;
      if (detail && contributions) detail.set(g, contributions);
      score += weights[g] * s;
      if (withConflicts && s === 0 && a[g].size > 0 && b[g].size > 0) score += this.options.conflict[g];
    }
    return { score: score * time.factor, sims };
  }

  // ---- index ---------------------------------------------------------------------------------------------

  private index(story: StoryState, keys: Iterable<string>): void {
    const cap = this.options.maxPostings;
    for (const k of keys) {
      let p = this.postings.get(k);
      if (!p) this.postings.set(k, (p = new Set()));
      // Re-inserting moves the story to the most recent end.
      p.delete(story.id);
      p.add(story.id);
      if (p.size > cap) p.delete(p.values().next().value as string);
    }
  }

  private unindex(storyId: string, keys: Iterable<string>): void {
    for (const k of keys) {
      const p = this.postings.get(k);
      if (!p) continue;
      p.delete(storyId);
      if (p.size === 0) this.postings.delete(k);
    }
  }

  private storyKeys(s: StoryState): string[] {
    const keys: string[] = [];
    for (const g of RETRIEVAL_GROUPS) for (const k of s.centroid[g].keys()) keys.push(k);
    return keys;
  }

  /** The features of one side worth looking up: names, quotes and the most salient terms, minus very common ones. */
  private queryKeys(v: Vectors): Array<[string, number]> {
    const o = this.options;
    const common = this.n >= 20 ? o.commonFeatureRatio * this.n : Infinity;
    const out: Array<[string, number]> = [];
    for (const g of RETRIEVAL_GROUPS) {
      let list = [...v[g].entries()]
        .filter(([k]) => (this.df.get(k) ?? 0) <= common)
        .map(([k, w]) => [k, w * this.idf(k)] as [string, number]);
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

  private candidates(v: Vectors, day: number | undefined, exclude?: string): StoryState[] {
    const acc = new Map<string, number>();
    for (const [k, w] of this.queryKeys(v)) {
      const p = this.postings.get(k);
      if (!p) continue;
      for (const id of p) if (id !== exclude) acc.set(id, (acc.get(id) ?? 0) + w);
    }
    const ranked = [...acc.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const out: StoryState[] = [];
    for (const [id] of ranked) {
      const s = this.storyMap.get(id);
      if (!s || !this.isCandidate(s, day)) continue;
      out.push(s);
      if (out.length >= this.options.maxCandidates) break;
    }
    return out;
  }

  /** Stops offering stories whose latest article is older than the window relative to the stream's clock. */
  private retire(): void {
    if (this.clockDay === undefined) return;
    const limit = this.clockDay - this.options.windowDays;
    for (let top = this.heap.peek(); top && top[0] < limit; top = this.heap.peek()) {
      this.heap.pop();
      const s = this.storyMap.get(top[1]);
      // Stale heap entries (the story moved on since) are skipped.
      if (!s || !s.active || s.lastDay !== top[0]) continue;
      s.active = false;
      this.unindex(s.id, this.storyKeys(s));
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
    // A topic is only scored through its active stories; once all of them are retired its centroid is
    // dead weight in memory and in every checkpoint.
    for (let top = this.topicHeap.peek(); top && top[0] < limit; top = this.topicHeap.peek()) {
      this.topicHeap.pop();
      const t = this.topicMap.get(top[1]);
      if (t && t.lastDay === top[0]) t.centroid = emptyVectors();
    }
  }

  // ---- stories -------------------------------------------------------------------------------------------

  private newStoryId(articleId: string): string {
    const base = `${this.options.idPrefix}${articleId}`;
    let id = base;
    for (let i = 2; this.storyMap.has(id) || this.aliases.has(id); i++) id = `${base}-${i}`;
    return id;
  }

  private pruneCentroid(s: StoryState): void {
    for (const [g, dropped] of this.pruneVectors(s.centroid, 1))
      if (RETRIEVAL_GROUPS.includes(g)) this.unindex(s.id, dropped);
  }

  private attach(s: StoryState, rec: ArticleRecord): void {
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
      for (const g of FEATURE_GROUPS) for (const [k, w] of rec.vec[g]) this.addTo(s.centroid[g], k, w);
      this.pruneCentroid(s);
      const keys: string[] = [];
      for (const g of RETRIEVAL_GROUPS) for (const k of rec.vec[g].keys()) if (s.centroid[g].has(k)) keys.push(k);
      if (s.active) this.index(s, keys);
    }
  }

  private rootTopic(id: string): string {
    let t = id;
    for (let i = 0; i < 1000 && this.topicParent.has(t); i++) t = this.topicParent.get(t) as string;
    return t;
  }

  private topicOf(s: StoryState): string {
    return this.rootTopic(s.topic);
  }

  private topicState(id: string): TopicState {
    const root = this.rootTopic(id);
    let t = this.topicMap.get(root);
    if (!t) this.topicMap.set(root, (t = { id: root, centroid: emptyVectors(), size: 0 }));
    return t;
  }

  private addToTopic(topicId: string, vec: Vectors, day: number | undefined): void {
    const t = this.topicState(topicId);
    t.size++;
    if (day !== undefined) {
      t.firstDay = t.firstDay === undefined ? day : Math.min(t.firstDay, day);
      const before = t.lastDay;
      t.lastDay = t.lastDay === undefined ? day : Math.max(t.lastDay, day);
      if (t.lastDay !== before) this.topicHeap.push(t.lastDay, t.id);
    }
    for (const g of FEATURE_GROUPS) {
      if (this.options.topicWeights[g] === 0) continue;
      for (const [k, w] of vec[g]) this.addTo(t.centroid[g], k, w);
    }
    this.pruneVectors(t.centroid, 2);
  }

  private joinTopics(a: StoryState, b: StoryState): void {
    this.joinTopicIds(this.topicOf(a), this.topicOf(b));
  }

  /** Folds topic `tb` into topic `ta`. */
  private joinTopicIds(taId: string, tbId: string): void {
    const ta = this.rootTopic(taId);
    const tb = this.rootTopic(tbId);
    if (ta === tb) return;
    const A = this.topicState(ta);
    const B = this.topicState(tb);
    this.topicParent.set(tb, ta);
    this.topicMap.delete(tb);
    A.size += B.size;
    for (const g of FEATURE_GROUPS) for (const [k, w] of B.centroid[g]) this.addTo(A.centroid[g], k, w);
    if (B.firstDay !== undefined) A.firstDay = A.firstDay === undefined ? B.firstDay : Math.min(A.firstDay, B.firstDay);
    if (B.lastDay !== undefined) {
      const before = A.lastDay;
      A.lastDay = A.lastDay === undefined ? B.lastDay : Math.max(A.lastDay, B.lastDay);
      if (A.lastDay !== before) this.topicHeap.push(A.lastDay, A.id);
    }
    this.pruneVectors(A.centroid, 2);
  }

  private pruneVectors(v: Vectors, scale: number): Array<[FeatureGroup, string[]]> {
    const out: Array<[FeatureGroup, string[]]> = [];
    for (const g of FEATURE_GROUPS) {
      const cap = this.options.storyFeatures[g] * scale;
      const c = v[g];
      if (c.size <= cap * 1.5) continue;
      const sorted = [...c.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      v[g] = new Map(sorted.slice(0, cap));
      out.push([g, sorted.slice(cap).map(([k]) => k)]);
    }
    return out;
  }

  private createStory(firstId: string, topic?: string): StoryState {
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
    this.storyMap.set(s.id, s);
    return s;
  }

  private rebuild(s: StoryState): void {
    this.unindex(s.id, this.storyKeys(s));
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

  /** Resolves an id that a merge retired to the story that absorbed it. */
  resolve(storyId: string): string {
    let id = storyId;
    for (let i = 0; i < 1000 && this.aliases.has(id); i++) id = this.aliases.get(id) as string;
    return id;
  }

  private getStory(storyId: string): StoryState {
    const s = this.storyMap.get(this.resolve(storyId));
    if (!s) throw new StoryClustererError(`unknown story "${storyId}"`);
    return s;
  }

  private static unitVectors(f: ArticleFeatures): Vectors {
    const v = emptyVectors();
    for (const g of FEATURE_GROUPS) {
      let s = 0;
      for (const w of f.groups[g].values()) s += w * w;
      const n = Math.sqrt(s) || 1;
      for (const [k, w] of f.groups[g]) v[g].set(k, w / n);
    }
    return v;
  }

  // ---- public API ----------------------------------------------------------------------------------------

  /**
   * Assigns one article to an existing story or a new one. With `decided` (the `decision` another clusterer in the same state returned for this
   * article), the scoring is skipped and the decision applied; a decision that does not fit the state is an
   * error, because the two clusterers have diverged.
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
    const repeat = this.repeat(safe.article.id);
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
    const signature = this.dedupIndex?.signature(doc.article.text);
    return signature ? { features, signature } : { features };
  }

  /** `add` for an article prepared by `prepare` (here or in another process with the same options). */
  addPrepared(prepared: PreparedArticle, decided?: AddDecision): Assignment {
    const { features } = prepared;
    const id = features.id;
    const repeat = this.repeat(id);
    if (repeat) return repeat;
    this.lastScored = 0;
    const day = features.day;
    if (day !== undefined && (this.clockDay === undefined || day > this.clockDay)) {
      this.clockDay = day;
      this.retire();
    }

    // Copies of an indexed original go to the original's story and add nothing to its profile.
    // The body only: syndicated copies often carry a new headline.
    const sig = this.dedupIndex ? prepared.signature : undefined;
    if (sig && this.dedupIndex) {
      const match = this.dedupIndex.query(sig);
      const storyId = match ? this.articleStory.get(match.id) : undefined;
      const story = storyId !== undefined ? this.storyMap.get(storyId) : undefined;
      if (match && story) {
        this.n++;
        this.duplicates++;
        this.attach(story, { id, source: features.source, day, duplicateOf: match.id });
        const explanation = this.unscored(
          'duplicate',
          match.jaccard,
          `Copy of ${match.id} (estimated Jaccard ${match.jaccard.toFixed(2)}, ` +
            `containment ${match.containment.toFixed(2)}), so it joins that article's story ${story.id}.`,
        );
        explanation.duplicate = { articleId: match.id, ...match };
        return { storyId: story.id, isNew: false, score: match.jaccard, duplicateOf: match.id, explanation };
      }
    }

    if (decided) this.checkDecision(id, decided);
    this.n++;
    for (const g of FEATURE_GROUPS) this.countFeatures(features.groups[g].keys());
    this.refreshWeights();
    const vec = StoryClusterer.unitVectors(features);
    if (decided) return this.applyDecision(id, features, vec, sig, decided);

    const cands = this.candidates(vec, day);
    this.lastScored = cands.length;
    this.scoredTotal += cands.length;
    let best: { s: StoryState; score: number } | undefined;
    let second: { s: StoryState; score: number } | undefined;
    /** The closest story before lead conflicts: the same kind of event even when it happened elsewhere. */
    let kin: { s: StoryState; score: number } | undefined;
    for (const s of cands) {
      const time = this.timeFactor(day, s.firstDay, s.lastDay);
      const raw = this.compare(vec, s.centroid, time).score;
      const score = raw + this.leadConflict(features.lead.names, features.lead.days, s.lead).penalty;
      if (!kin || raw > kin.score) kin = { s, score: raw };
      if (!best || score > best.score) {
        second = best;
        best = { s, score };
      } else if (!second || score > second.score) second = { s, score };
    }
    const joins = best !== undefined && best.score >= this.options.threshold;
    const explanation = this.explain(features, vec, best?.s, cands.length, joins ? second : best, joins);
    // Topics of the candidate stories, scored on their own centroids.
    const topicScores = new Map<string, number>();
    for (const s of cands) {
      const t = this.topicOf(s);
      if (topicScores.has(t)) continue;
      const ts = this.topicState(t);
      const time = this.timeFactor(day, ts.firstDay, ts.lastDay);
      topicScores.set(t, this.compare(vec, ts.centroid, time, undefined, this.options.topicWeights, false).score);
    }
    let bestTopic: string | undefined;
    for (const [t, sc] of topicScores)
      if (sc >= this.options.topicThreshold && (bestTopic === undefined || sc > (topicScores.get(bestTopic) as number)))
        bestTopic = t;
    if (!joins && kin && kin.score >= this.options.threshold) bestTopic = this.topicOf(kin.s);
    const story = joins && best ? best.s : this.createStory(id, bestTopic);
    // An article close to two topics shows they are one.
    const links = [...topicScores].filter(([, sc]) => sc >= this.options.topicLinkThreshold).map(([t]) => t);
    this.place(story, id, features, vec, sig, links);
    const decision: AddDecision = { storyId: story.id, isNew: !joins };
    if (!joins && bestTopic !== undefined) decision.topic = bestTopic;
    if (links.length > 0) decision.links = links;
    return { storyId: story.id, isNew: !joins, score: best?.score ?? 0, explanation, decision };
  }

  private repeat(id: string): Assignment | undefined {
    const existing = this.articleStory.get(id);
    if (existing === undefined) return undefined;
    return {
      storyId: existing,
      isNew: false,
      score: 1,
      explanation: this.unscored('repeat', 1, `Article ${id} was already added to ${existing}.`),
    };
  }

  /** The state changes of placing a scored article in `story`. */
  private place(
    story: StoryState,
    id: string,
    features: ArticleFeatures,
    vec: Vectors,
    sig: Signature | undefined,
    links: string[],
  ): void {
    const day = features.day;
    if (this.dedupIndex && sig) {
      this.dedupIndex.add(id, sig);
      if (day !== undefined) this.dedupHeap.push(day, id);
    }
    this.attach(story, { id, source: features.source, day, vec, lead: features.lead });
    this.addToTopic(story.topic, vec, day);
    for (const t of links) this.joinTopicIds(story.topic, t);
  }

  /** Refuses, before anything changes, a decision that does not fit this clusterer's state. */
  private checkDecision(id: string, d: AddDecision): void {
    if (d.isNew) {
      const next = this.newStoryId(id);
      if (next !== d.storyId)
        throw new StoryClustererError(
          `replaying ${id}: the new story would be ${next}, the decision says ${d.storyId}; the states differ`,
        );
    } else if (!this.storyMap.has(d.storyId)) {
      throw new StoryClustererError(`replaying ${id}: story ${d.storyId} is unknown here; the states differ`);
    }
  }

  private applyDecision(
    id: string,
    features: ArticleFeatures,
    vec: Vectors,
    sig: Signature | undefined,
    d: AddDecision,
  ): Assignment {
    const story = d.isNew ? this.createStory(id, d.topic) : this.getStory(d.storyId);
    this.place(story, id, features, vec, sig, d.links ?? []);
    return {
      storyId: story.id,
      isNew: d.isNew,
      score: 0,
      decision: d,
      explanation: this.unscored(
        d.isNew ? 'new' : 'joined',
        0,
        `Placed in ${story.id} as decided when the article was first added.`,
      ),
    };
  }

  /** The explanation of a placement made without scoring candidates. */
  private unscored(decision: Explanation['decision'], score: number, summary: string): Explanation {
    return {
      decision,
      score,
      threshold: this.options.threshold,
      similarities: { entity: 0, term: 0, number: 0, date: 0, quote: 0 },
      sharedEntities: [],
      sharedTerms: [],
      sharedDates: [],
      sharedNumbers: [],
      sharedQuoteShingles: 0,
      candidates: 0,
      summary,
    };
  }

  private explain(
    f: ArticleFeatures,
    vec: Vectors,
    story: StoryState | undefined,
    candidates: number,
    other: { s: StoryState; score: number } | undefined,
    joins: boolean,
  ): Explanation {
    const sims = { entity: 0, term: 0, number: 0, date: 0, quote: 0 };
    const threshold = this.options.threshold;
    if (!story) {
      return {
        decision: 'new',
        score: 0,
        threshold,
        similarities: sims,
        sharedEntities: [],
        sharedTerms: [],
        sharedDates: [],
        sharedNumbers: [],
        sharedQuoteShingles: 0,
        candidates,
        summary:
          'No active story shares a salient name, term or quotation with this article, so it starts a new story.',
      };
    }
    const detail = new Map<FeatureGroup, Array<[string, number]>>();
    const time = this.timeFactor(f.day, story.firstDay, story.lastDay);
    const cmp = this.compare(vec, story.centroid, time, detail);
    const s = cmp.sims;
    const conflict = this.leadConflict(f.lead.names, f.lead.days, story.lead);
    const score = cmp.score + conflict.penalty;
    const top = (g: FeatureGroup, n: number): SharedFeature[] =>
      (detail.get(g) ?? [])
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, n)
        .map(([k, w]) => ({ name: f.labels.get(k) ?? k.slice(2), weight: Math.round(w * 1000) / 1000 }));
    const sharedEntities = top('entity', 8);
    const sharedTerms = top('term', 8);
    const sharedDates = top('date', 6).map((x) => x.name);
    const sharedNumbers = top('number', 6).map((x) => x.name);
    const sharedQuoteShingles = detail.get('quote')?.length ?? 0;
    const parts: string[] = [];
    if (sharedEntities.length)
      parts.push(
        `names ${sharedEntities
          .slice(0, 4)
          .map((e) => e.name)
          .join(', ')}`,
      );
    if (sharedTerms.length)
      parts.push(
        `terms ${sharedTerms
          .slice(0, 4)
          .map((e) => e.name)
          .join(', ')}`,
      );
    if (sharedDates.length) parts.push(`dates ${sharedDates.slice(0, 3).join(', ')}`);
    if (sharedNumbers.length) parts.push(`numbers ${sharedNumbers.slice(0, 3).join(', ')}`);
    if (sharedQuoteShingles) parts.push(`${sharedQuoteShingles} quoted word sequences`);
    const shared = parts.length ? `shares ${parts.join('; ')}` : 'shares little';
    const when =
      (time.gap !== undefined ? ` and is ${time.gap} days from it` : '') +
      (conflict.reasons.length ? `, but ${conflict.reasons.join(' and ')}` : '');
    const summary = joins
      ? `Joins ${story.id}: ${shared}${when} (score ${score.toFixed(3)} ≥ ${threshold}).`
      : `Starts a new story: the closest, ${story.id}, ${shared}${when} (score ${score.toFixed(3)} < ${threshold}).`;
    return {
      decision: joins ? 'joined' : 'new',
      score,
      threshold,
      similarities: s,
      sharedEntities,
      sharedTerms,
      sharedDates,
      sharedNumbers,
      sharedQuoteShingles,
      daysApart: time.gap,
      candidates,
      runnerUp:
        other && other.s !== story
          ? { storyId: other.s.id, score: other.score }
          : joins
            ? undefined
            : { storyId: story.id, score },
      summary,
    };
  }

  /** Story ids with their article ids, in creation order. */
  stories(): StorySummary[] {
    return [...this.storyMap.values()]
      .sort((a, b) => a.created - b.created)
      .map((s) => ({
        id: s.id,
        topicId: this.topicOf(s),
        articleIds: s.articles.map((a) => a.id),
        independentSources: this.countSources(s),
        firstDate: dayString(s.firstDay),
        lastDate: dayString(s.lastDay),
      }));
  }

  /** Topics (groups of stories about similar events) with their story ids, in creation order. */
  topics(): Array<{ id: string; storyIds: string[] }> {
    const out = new Map<string, string[]>();
    for (const s of [...this.storyMap.values()].sort((a, b) => a.created - b.created)) {
      const t = this.topicOf(s);
      const list = out.get(t);
      if (list) list.push(s.id);
      else out.set(t, [s.id]);
    }
    return [...out.entries()].map(([id, storyIds]) => ({ id, storyIds }));
  }

  /** The story an article is in. */
  storyOf(articleId: string): string | undefined {
    return this.articleStory.get(articleId);
  }

  /** Whether the clusterer knows this story (or the story a merge folded it into). */
  hasStory(storyId: string): boolean {
    return this.storyMap.has(this.resolve(storyId));
  }

  /** Article ids of a story (accepts ids retired by merges). */
  articlesOf(storyId: string): string[] {
    return this.getStory(storyId).articles.map((a) => a.id);
  }

  private countSources(s: StoryState): number {
    const byId = new Map(s.articles.map((a) => [a.id, a]));
    const outlets = new Set<string>();
    for (const a of s.articles) {
      // A copy counts as its original's outlet: syndication is not independent confirmation.
      let root = a;
      for (let i = 0; i < 100 && root.duplicateOf !== undefined; i++) {
        const next = byId.get(root.duplicateOf);
        if (!next) break;
        root = next;
      }
      outlets.add(root.source !== undefined && root.source !== '' ? `o:${root.source.toLowerCase()}` : `a:${root.id}`);
    }
    return outlets.size;
  }

  /** Distinct outlets of a story after collapsing wire copies (an article without an outlet counts as its own). */
  independentSources(storyId: string): number {
    return this.countSources(this.getStory(storyId));
  }

  stats(): ClustererStats {
    let active = 0;
    for (const s of this.storyMap.values()) if (s.active) active++;
    return {
      articles: this.n,
      stories: this.storyMap.size,
      activeStories: active,
      scored: this.scoredTotal,
      lastScored: this.lastScored,
      duplicates: this.duplicates,
    };
  }

  /** Manual constraints recorded by `merge` and `split`. */
  getConstraints(): StoryConstraint[] {
    return this.constraints.map((c) =>
      c.kind === 'together' ? { ...c, articleIds: [...c.articleIds] } : { kind: 'apart', a: [...c.a], b: [...c.b] },
    );
  }

  // ---- maintenance ---------------------------------------------------------------------------------------

  private absorb(keep: StoryState, gone: StoryState): void {
    this.unindex(gone.id, this.storyKeys(gone));
    this.unindex(keep.id, this.storyKeys(keep));
    const recs = [...keep.articles, ...gone.articles];
    keep.articles = recs;
    keep.lastSeq = Math.max(keep.lastSeq, gone.lastSeq);
    keep.active = keep.active || gone.active;
    this.joinTopics(keep, gone);
    this.storyMap.delete(gone.id);
    this.aliases.set(gone.id, keep.id);
    this.rebuild(keep);
    for (const a of keep.articles) this.articleStory.set(a.id, keep.id);
  }

  private apart(a: StoryState, b: StoryState): boolean {
    const inA = new Set(a.articles.map((x) => x.id));
    const inB = new Set(b.articles.map((x) => x.id));
    return this.constraints.some(
      (c) =>
        c.kind === 'apart' &&
        ((c.a.some((x) => inA.has(x)) && c.b.some((x) => inB.has(x))) ||
          (c.a.some((x) => inB.has(x)) && c.b.some((x) => inA.has(x)))),
    );
  }

  /** Merges story `b` into story `a` (a's id stays) and records that they belong together. */
  merge(a: string, b: string): string {
    const sa = this.getStory(a);
    const sb = this.getStory(b);
    if (sa === sb) return sa.id;
    const ida = new Set(sa.articles.map((x) => x.id));
    const idb = new Set(sb.articles.map((x) => x.id));
    // The latest manual decision wins over an earlier split between the same articles.
    this.constraints = this.constraints.filter(
      (c) =>
        !(
          c.kind === 'apart' &&
          ((c.a.some((x) => ida.has(x)) && c.b.some((x) => idb.has(x))) ||
            (c.a.some((x) => idb.has(x)) && c.b.some((x) => ida.has(x))))
        ),
    );
    this.constraints.push({ kind: 'together', articleIds: [...ida, ...idb] });
    this.absorb(sa, sb);
    return sa.id;
  }

  /** Moves the given articles of a story into a new story, and records that the two parts stay apart. */
  split(storyId: string, articleIds: string[]): string {
    const s = this.getStory(storyId);
    const move = new Set(articleIds);
    if (move.size === 0) throw new StoryClustererError('split() needs at least one article id');
    for (const id of move) {
      if (this.articleStory.get(id) !== s.id)
        throw new StoryClustererError(`article "${id}" is not in story "${s.id}"`);
    }
    if (move.size >= s.articles.length)
      throw new StoryClustererError(`split() must leave at least one article in "${s.id}"`);
    const moving = s.articles.filter((a) => move.has(a.id));
    const staying = s.articles.filter((a) => !move.has(a.id));
    const movingIds = moving.map((a) => a.id);
    const stayingIds = staying.map((a) => a.id);
    // Manual groupings that straddle the cut now hold on each side separately.
    const next: StoryConstraint[] = [];
    for (const c of this.constraints) {
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
    this.constraints = next;
    const t = this.moveOut(s, moving);
    return t.id;
  }

  private moveOut(s: StoryState, moving: ArticleRecord[]): StoryState {
    const move = new Set(moving.map((a) => a.id));
    this.unindex(s.id, this.storyKeys(s));
    s.articles = s.articles.filter((a) => !move.has(a.id));
    this.rebuild(s);
    // The part split off is still about a similar event.
    const t = this.createStory(moving[0].id, this.topicOf(s));
    t.active = s.active;
    for (const a of moving) this.attach(t, a);
    return t;
  }

  private mustStayTogether(ids: string[]): Array<Set<string>> {
    const set = new Set(ids);
    return this.constraints
      .filter((c): c is { kind: 'together'; articleIds: string[] } => c.kind === 'together')
      .map((c) => new Set(c.articleIds.filter((x) => set.has(x))))
      .filter((g) => g.size > 1);
  }

  /**
   * Maintenance pass over the active stories: splits stories whose articles fall into separate groups
   * (average-link below `splitThreshold`), then merges stories whose centroids score above `mergeThreshold`.
   * Manual merges and splits are respected.
   */
  recheck(): RecheckResult {
    const result: RecheckResult = { merged: [], split: [], topicsJoined: [] };
    for (const s of [...this.storyMap.values()].filter((x) => x.active).sort((a, b) => a.created - b.created)) {
      for (const part of this.driftParts(s)) {
        const t = this.moveOut(s, part);
        result.split.push({ from: s.id, to: t.id, articleIds: t.articles.map((a) => a.id) });
      }
    }
    const order = [...this.storyMap.values()].filter((x) => x.active).sort((a, b) => a.created - b.created);
    for (const s of order) {
      if (!this.storyMap.has(s.id)) continue;
      for (let changed = true; changed;) {
        changed = false;
        let best: { t: StoryState; score: number } | undefined;
        for (const t of this.candidates(s.centroid, undefined, s.id)) {
          if (t.created < s.created && this.storyMap.has(t.id)) continue;
          const time = this.rangeFactor(s, t);
          const score =
            this.compare(s.centroid, t.centroid, time).score +
            this.leadConflict(s.lead.names.keys(), s.lead.days.keys(), t.lead).penalty;
          if (score >= this.options.mergeThreshold && !this.apart(s, t) && (!best || score > best.score))
            best = { t, score };
        }
        if (best) {
          result.merged.push({ kept: s.id, removed: best.t.id, score: best.score });
          this.absorb(s, best.t);
          changed = true;
        }
      }
    }
    this.recheckTopics(result);
    return result;
  }

  /** Joins topics whose centroids turned out close, looking only at topics of stories the index links. */
  private recheckTopics(result: RecheckResult): void {
    const storiesByTopic = new Map<string, StoryState[]>();
    for (const s of this.storyMap.values()) {
      if (!s.active) continue;
      const t = this.topicOf(s);
      const list = storiesByTopic.get(t);
      if (list) list.push(s);
      else storiesByTopic.set(t, [s]);
    }
    const order = [...storiesByTopic.keys()].sort();
    for (const tid of order) {
      const root = this.rootTopic(tid);
      if (root !== tid) continue;
      for (let changed = true; changed;) {
        changed = false;
        const T = this.topicState(tid);
        const others = new Set<string>();
        for (const s of (storiesByTopic.get(tid) ?? []).slice(-20)) {
          for (const c of this.candidates(s.centroid, undefined, s.id)) {
            const u = this.topicOf(c);
            if (u !== tid) others.add(u);
          }
        }
        let best: { u: string; score: number } | undefined;
        for (const u of [...others].sort()) {
          const U = this.topicState(u);
          const time = this.decayBetween(T, U);
          const { score } = this.compare(T.centroid, U.centroid, time, undefined, this.options.topicWeights, false);
          if (score >= this.options.topicMergeThreshold && (!best || score > best.score)) best = { u, score };
        }
        if (best) {
          const moved = storiesByTopic.get(best.u) ?? [];
          this.joinTopicIds(tid, best.u);
          storiesByTopic.set(tid, [...(storiesByTopic.get(tid) ?? []), ...moved]);
          storiesByTopic.delete(best.u);
          result.topicsJoined.push({ kept: tid, removed: best.u, score: best.score });
          changed = true;
        }
      }
    }
  }

  private decayBetween(
    a: { firstDay?: number; lastDay?: number },
    b: { firstDay?: number; lastDay?: number },
  ): { factor: number } {
    if (a.firstDay === undefined || a.lastDay === undefined || b.firstDay === undefined || b.lastDay === undefined)
      return { factor: 1 };
    return this.decay(Math.max(0, b.firstDay - a.lastDay, a.firstDay - b.lastDay));
  }

  private rangeFactor(a: StoryState, b: StoryState): { factor: number } {
    if (a.firstDay === undefined || a.lastDay === undefined || b.firstDay === undefined || b.lastDay === undefined)
      return { factor: 1 };
    return this.decay(Math.max(0, b.firstDay - a.lastDay, a.firstDay - b.lastDay));
  }

  /** Groups of a story's articles that average-link clustering separates from the group holding its first article. */
  private driftParts(s: StoryState): ArticleRecord[][] {
    const recs = s.articles.filter((a) => a.vec);
    if (recs.length < 2 * this.options.minSplitSize || recs.length > 400) return [];
    // Start from the manual groups so they are never cut.
    const groups: ArticleRecord[][] = [];
    const placed = new Set<string>();
    for (const g of this.mustStayTogether(recs.map((r) => r.id))) {
      const members = recs.filter((r) => g.has(r.id) && !placed.has(r.id));
      members.forEach((m) => placed.add(m.id));
      if (members.length) groups.push(members);
    }
    for (const r of recs) if (!placed.has(r.id)) groups.push([r]);
    const sim = new Map<string, number>();
    const pair = (a: ArticleRecord, b: ArticleRecord): number => {
      const key = a.id < b.id ? `${a.id}\u0000${b.id}` : `${b.id}\u0000${a.id}`;
      let v = sim.get(key);
      if (v === undefined) {
        v = this.compare(a.vec as Vectors, b.vec as Vectors, this.timeFactor(a.day, b.day, b.day)).score;
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
      if (bi < 0 || bs < this.options.splitThreshold) break;
      groups[bi] = [...groups[bi], ...groups[bj]];
      groups.splice(bj, 1);
    }
    if (groups.length < 2) return [];
    const firstId = recs[0].id;
    const main = groups.find((g) => g.some((r) => r.id === firstId)) as ArticleRecord[];
    const parts = groups.filter((g) => g !== main && g.length >= this.options.minSplitSize);
    // Copies travel with their originals.
    return parts.map((g) => {
      const ids = new Set(g.map((r) => r.id));
      return s.articles.filter((a) => ids.has(a.id) || (a.duplicateOf !== undefined && ids.has(a.duplicateOf)));
    });
  }

  // ---- persistence ---------------------------------------------------------------------------------------

  /** The whole state as plain JSON-serialisable data. */
  snapshot(): ClustererSnapshot {
    return {
      version: 1,
      options: JSON.parse(JSON.stringify(this.options)) as StoryClustererOptions,
      articles: this.n,
      seq: this.seq,
      clockDay: this.clockDay,
      df: [...this.df.entries()],
      idfEpoch: { articles: this.idfEpochN, changes: [...this.dfChanges.entries()] },
      stories: [...this.storyMap.values()].map((s) => ({
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
          vec: a.vec ? serializeVectors(a.vec) : undefined,
          lead: a.lead ? { names: [...a.lead.names], days: [...a.lead.days] } : undefined,
        })),
        centroid: serializeVectors(s.centroid),
      })),
      aliases: [...this.aliases.entries()],
      topicParents: [...this.topicParent.entries()],
      topics: [...this.topicMap.values()].map((t) => ({
        id: t.id,
        size: t.size,
        firstDay: t.firstDay,
        lastDay: t.lastDay,
        centroid: serializeVectors(t.centroid),
      })),
      constraints: this.getConstraints(),
      dedup: this.dedupIndex ? this.dedupIndex.snapshot() : null,
      stats: { scored: this.scoredTotal, duplicates: this.duplicates },
    };
  }

  /** Rebuilds a clusterer from `snapshot()` output (also after a JSON round trip). */
  static restore(snap: ClustererSnapshot): StoryClusterer {
    if (!snap || typeof snap !== 'object' || snap.version !== 1 || !Array.isArray(snap.stories)) {
      throw new StoryClustererError('not a story clusterer snapshot (expected version 1 with a stories array)');
    }
    const c = new StoryClusterer(snap.options);
    c.n = snap.articles;
    c.seq = snap.seq;
    c.clockDay = snap.clockDay ?? undefined;
    c.df = new Map(snap.df);
    // Snapshots from before IDF epochs start a fresh epoch at their article count.
    c.idfEpochN = snap.idfEpoch?.articles ?? snap.articles;
    c.dfChanges = new Map(snap.idfEpoch?.changes ?? []);
    c.aliases = new Map(snap.aliases);
    c.topicParent = new Map(snap.topicParents ?? []);
    for (const t of snap.topics ?? []) {
      c.topicMap.set(t.id, {
        id: t.id,
        size: t.size,
        firstDay: t.firstDay ?? undefined,
        lastDay: t.lastDay ?? undefined,
        centroid: deserializeVectors(t.centroid),
      });
      if (t.lastDay !== undefined && t.lastDay !== null) c.topicHeap.push(t.lastDay, t.id);
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
          vec: a.vec ? deserializeVectors(a.vec) : undefined,
          lead: readLead(a.lead),
        })),
        centroid: deserializeVectors(ss.centroid),
        lead: emptyLead(),
        size: ss.size,
        active: ss.active,
        topic: typeof ss.topic === 'string' ? ss.topic : `topic-${ss.id}`,
      };
      for (const a of s.articles) if (a.vec && a.lead) addLead(s.lead, a.lead);
      c.storyMap.set(s.id, s);
      for (const a of s.articles) c.articleStory.set(a.id, s.id);
      if (s.active) {
        c.index(s, c.storyKeys(s));
        if (s.lastDay !== undefined) c.heap.push(s.lastDay, s.id);
        if (c.dedupIndex)
          for (const a of s.articles) if (a.day !== undefined && c.dedupIndex.has(a.id)) c.dedupHeap.push(a.day, a.id);
      }
    }
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
