import type { AnnotatedArticle, Membership } from '../model.js';
import {
  decodePrepared,
  StoryClusterer,
  type Assignment,
  type ClustererSnapshot,
  type StoryClustererOptions,
} from '../stories/index.js';
import type { AssignmentEntry, Batch, Store } from '../store/types.js';

const CHECKPOINT_KEY = 'story-clusterer-checkpoint';

/** A checkpoint is written when at least this many log entries were added since the last one… */
export const CHECKPOINT_EVERY = 2000;
/**
 * …and at least one entry per this many bytes of the previous checkpoint. A checkpoint costs time in
 * proportion to the state it writes; spacing them in proportion too keeps that cost per article constant
 * as the state grows, while a cold start replays at most that many cheap logged placements.
 */
export const CHECKPOINT_BYTES_PER_ENTRY = 50_000;

interface Checkpoint {
  seq: number;
  snapshot: ClustererSnapshot;
}

/**
 * The story clusterer of one process, kept in step with the store's assignment log. Every process that
 * assigns stories replays the entries others appended (under the store's exclusive lock) before adding its
 * own, so several workers behave like one clusterer fed one stream. A checkpoint bounds the replay.
 */
export class SharedClusterer {
  private clusterer: StoryClusterer | undefined;
  private seq = 0;
  private checkpointSeq = 0;
  /** Size of the last checkpoint written or read, which spaces the next one. */
  private checkpointBytes = 0;
  /** Set while local state may be ahead of what the store committed. */
  private dirty = false;

  constructor(private readonly options: Partial<StoryClustererOptions> = {}) {}

  /** Brings the local clusterer up to the store's log. Call inside `store.exclusive`. */
  async sync(store: Store): Promise<StoryClusterer> {
    if (this.dirty || !this.clusterer) {
      this.dirty = false;
      const saved = await store.getState(CHECKPOINT_KEY);
      if (saved) {
        const cp = JSON.parse(saved) as Checkpoint;
        this.clusterer = StoryClusterer.restore(cp.snapshot);
        this.seq = cp.seq;
        this.checkpointSeq = cp.seq;
        this.checkpointBytes = saved.length;
      } else {
        this.clusterer = new StoryClusterer(this.options);
        this.seq = 0;
        this.checkpointSeq = 0;
        this.checkpointBytes = 0;
      }
    }
    const clusterer = this.clusterer;
    for (;;) {
      const entries = await store.readLog(this.seq, 1000);
      if (entries.length === 0) break;
      // Entries that carry the prepared article need nothing from the articles table.
      const ids = entries.flatMap((e) => (e.entry.op === 'add' && !e.entry.prepared ? [e.entry.articleId] : []));
      const docs = new Map(ids.length > 0 ? (await store.getArticles(ids)).map((d) => [d.article.id, d] as const) : []);
      for (const { seq, entry } of entries) {
        replay(clusterer, entry, docs);
        this.seq = seq;
      }
    }
    return clusterer;
  }

  /** Marks local state as possibly ahead of the store; the next `sync` starts again from the checkpoint. */
  begin(): void {
    this.dirty = true;
  }

  /** Records that the store committed everything up to `lastSeq`. */
  committed(lastSeq: number): void {
    this.seq = Math.max(this.seq, lastSeq);
    this.dirty = false;
  }

  /**
   * A checkpoint to write in the same transaction, when enough entries accumulated since the last one.
   * `lastSeq` is the log position the local clusterer has reached with the batch being written.
   */
  checkpointDue(lastSeq: number): Pick<Batch, 'state' | 'compactLog'> | undefined {
    if (!this.clusterer || lastSeq - this.checkpointSeq < checkpointInterval(this.checkpointBytes)) return undefined;
    const previous = this.checkpointSeq;
    this.checkpointSeq = lastSeq;
    const cp: Checkpoint = { seq: lastSeq, snapshot: this.clusterer.snapshot() };
    try {
      const value = JSON.stringify(cp);
      this.checkpointBytes = value.length;
      return { state: { [CHECKPOINT_KEY]: value }, compactLog: { afterSeq: previous, throughSeq: lastSeq } };
    } catch (err) {
      // A state beyond the largest string the runtime can build (about 512 MB) cannot be checkpointed as
      // one value; the previous checkpoint and the log still restore it exactly, only more slowly.
      if (!(err instanceof RangeError)) throw err;
      process.emitWarning(
        `story clusterer checkpoint skipped at log entry ${lastSeq}: the state is too large for one value (${err.message})`,
      );
      return undefined;
    }
  }
}

/** Log entries between checkpoints after one of `bytes`. */
export function checkpointInterval(bytes: number): number {
  return Math.max(CHECKPOINT_EVERY, Math.ceil(bytes / CHECKPOINT_BYTES_PER_ENTRY));
}

function replay(clusterer: StoryClusterer, entry: AssignmentEntry, docs: Map<string, AnnotatedArticle>): void {
  switch (entry.op) {
    case 'add': {
      if (entry.prepared) {
        clusterer.addPrepared(decodePrepared(entry.prepared), entry.decision);
        return;
      }
      const doc = docs.get(entry.articleId);
      // An article deleted since cannot be replayed; its story simply does not get it back.
      if (doc) clusterer.add(doc, entry.decision);
      return;
    }
    case 'merge':
      clusterer.merge(entry.a, entry.b);
      return;
    case 'split':
      clusterer.split(entry.storyId, entry.articleIds);
      return;
    case 'recheck':
      clusterer.recheck();
      return;
  }
}

/** The clustering decision as stored with the story. */
export function membershipOf(articleId: string, a: Assignment): Membership {
  const e = a.explanation;
  const shared = [...e.sharedEntities.map((x) => x.name), ...e.sharedTerms.map((x) => x.name), ...e.sharedDates].slice(
    0,
    12,
  );
  const m: Membership = {
    articleId,
    decision: e.decision,
    score: Math.round(a.score * 1000) / 1000,
    summary: e.summary,
  };
  if (a.duplicateOf) m.duplicateOf = a.duplicateOf;
  if (shared.length > 0) m.shared = shared;
  return m;
}
