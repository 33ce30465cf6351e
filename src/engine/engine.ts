import type { AnnotatedArticle, Article, Membership, Story } from '../model.js';
import type { IngestFailure } from '../ingest/errors.js';
import { annotateArticle, type PipelineContext } from '../pipeline.js';
import {
  encodePrepared,
  type PreparedArticle,
  type RecheckResult,
  StoryClusterer,
  type StoryClustererOptions,
} from '../stories/index.js';
import type { AssignmentEntry, Store, StoryMembers, StorySummary } from '../store/types.js';
import type { AnalysedBatch } from './analysed.js';
import { membershipOf, SharedClusterer } from './assignment.js';
import { assembleStory, byPublication, type StoryParts } from './story.js';
import { groupsWithin, VIEW_MEMBER_BUDGET } from './view-groups.js';
import { defaultStoryParts, refineDates } from './stages.js';

/**
 * When a changed story's view (entities, quotes, timeline, brief) is rebuilt. Rebuilding reads every
 * member, so rebuilding a large story on each batch makes the cost per article grow with the story;
 * rebuilding it each time it has grown by a share of its size keeps that cost constant per article.
 */
export interface AssemblyPolicy {
  /** Stories of up to this many articles are rebuilt whenever they change. */
  eagerUpTo: number;
  /** A larger story is rebuilt once its members exceed those in its view by this share… */
  growth: number;
  /** …or once its view is older than this, so a story that keeps growing is never far behind… */
  maxAgeMs: number;
  /**
   * …as long as it has at most this many articles: rebuilding a larger one every `maxAgeMs` would make
   * the cost per article grow with the story again, so beyond this size only growth triggers a rebuild.
   */
  ageUpTo: number;
}

export const DEFAULT_ASSEMBLY: AssemblyPolicy = { eagerUpTo: 10, growth: 0.25, maxAgeMs: 60_000, ageUpTo: 1000 };

/** Every changed story is rebuilt at once (views are never behind, cost grows with story size). */
export const EAGER_ASSEMBLY: AssemblyPolicy = { eagerUpTo: Infinity, growth: 0, maxAgeMs: 0, ageUpTo: Infinity };

/** Whether the policy wants the view of a story of `size` members, stored as `s`, rebuilt now. */
function viewDue(s: StorySummary, size: number, policy: AssemblyPolicy): boolean {
  const inView = s.articleCount - (s.pending ?? 0);
  const age = s.viewUpdatedAt ? Date.now() - Date.parse(s.viewUpdatedAt) : Infinity;
  const old = age >= policy.maxAgeMs && size <= policy.ageUpTo;
  return size <= policy.eagerUpTo || size > inView * (1 + policy.growth) || old;
}

/** A story to build a view of: its members at a membership version. */
interface ViewTarget {
  id: string;
  memberIds: string[];
  independentSources: number;
  /** The story's membership version once the batch that set these members is committed. */
  version?: number;
}

/** The current members of these stories (ids retired by merges resolve to their survivor's). */
function targetsOf(clusterer: StoryClusterer, ids: Iterable<string>): ViewTarget[] {
  return [...new Set(ids)].map((id) => ({
    id,
    memberIds: clusterer.articlesOf(id),
    independentSources: clusterer.independentSources(id),
  }));
}

/** Stories rebuilt per exclusive section by `refresh`, so other writers are not held up for long. */
const REFRESH_CHUNK = 20;

export interface EngineOptions {
  /** When large stories' views are rebuilt; views left behind are completed by `refresh`. */
  assembly?: AssemblyPolicy;
  /** Words in each story's brief. */
  summaryWords?: number;
  parts?: StoryParts;
  /** Stage timings are accumulated here when given. */
  timings?: Map<string, number>;
  clusterer?: Partial<StoryClustererOptions>;
  /** Stored members read back at once when views are rebuilt (default `VIEW_MEMBER_BUDGET`). */
  viewMembers?: number;
}

export interface IngestReport {
  /** Articles stored by this batch. */
  stored: string[];
  /** Articles that were already stored (same content). */
  duplicates: string[];
  failures: IngestFailure[];
  /** Stories created or changed by this batch. */
  stories: string[];
  /** Tokens in the articles analysed by this batch. */
  tokens: number;
  /** Stories due for a view rebuild that `assign` left to others (`deferViews`). */
  deferredViews?: string[];
}

export interface IngestOptions {
  onProgress?: (done: number) => void;
  /** Queue jobs finished by this batch, marked done in the same transaction. */
  completeJobs?: number[];
}

/**
 * Runs the whole job for a batch: per-article stages, story assignment, story assembly, and one atomic
 * write to the store. A bad article becomes a failure line; the rest of the batch is stored.
 *
 * Analysis runs outside any lock, so several engines (processes or machines) annotate in parallel; story
 * assignment and the write run inside the store's exclusive section, after replaying what the others did.
 */
export class Engine {
  private readonly parts: StoryParts;
  private readonly shared: SharedClusterer;
  /** Computes clustering features in processes that do not assign (features depend on the options only). */
  private preparer: StoryClusterer | undefined;

  constructor(
    readonly store: Store,
    private readonly opts: EngineOptions = {},
  ) {
    this.parts = opts.parts ?? defaultStoryParts();
    this.shared = new SharedClusterer(opts.clusterer);
  }

  async ingest(articles: Article[], o: IngestOptions = {}): Promise<IngestReport> {
    const known = await this.storedIds(articles);
    return this.assign([this.analyse(articles, { ...o, known })], { completeJobs: o.completeJobs });
  }

  /**
   * The per-article stages and the clustering features of a batch, with nothing stored: this part needs no
   * lock and no clusterer state, so any number of processes run it in parallel. Articles already stored
   * are left out; a bad article becomes a failure line.
   */
  analyse(articles: Article[], o: Pick<IngestOptions, 'onProgress'> & { known?: Set<string> } = {}): AnalysedBatch {
    const out: AnalysedBatch = { docs: [], prepared: new Map(), duplicates: [], failures: [], tokens: 0 };
    const unique = new Map<string, Article>();
    for (const a of articles) {
      if (unique.has(a.id)) out.duplicates.push(a.id);
      else unique.set(a.id, a);
    }
    const ctx: PipelineContext = { timings: this.opts.timings };
    this.preparer ??= new StoryClusterer(this.opts.clusterer);
    let done = 0;
    for (const article of unique.values()) {
      if (o.known?.has(article.id)) {
        out.duplicates.push(article.id);
      } else {
        try {
          const doc = annotateArticle(article, ctx);
          const tp = performance.now();
          const prepared = this.preparer.prepare(doc);
          this.time('prepare', tp);
          // Added only once fully analysed: a failure above stays this article's, never the batch's.
          out.tokens += doc.tokens.length;
          out.docs.push(doc);
          out.prepared.set(article.id, prepared);
        } catch (err) {
          out.failures.push({
            path: article.path ?? article.id,
            kind: 'unreadable',
            reason: `analysis failed: ${(err as Error).message}`,
          });
        }
      }
      o.onProgress?.(++done);
    }
    return out;
  }

  /** Articles of a batch that are already stored (for `analyse` to skip). */
  async storedIds(articles: Article[]): Promise<Set<string>> {
    return this.store.existingIds([...new Set(articles.map((a) => a.id))]);
  }

  /**
   * Story assignment, assembly and the atomic write for analysed batches, in the order given. With
   * `deferViews`, views of existing stories due for a rebuild are left to `catchUpViews` (other processes).
   */
  async assign(
    batches: AnalysedBatch[],
    o: { completeJobs?: number[]; deferViews?: boolean } = {},
  ): Promise<IngestReport> {
    const report: IngestReport = { stored: [], duplicates: [], failures: [], stories: [], tokens: 0 };
    const docs: AnnotatedArticle[] = [];
    const prepared = new Map<string, PreparedArticle>();
    const seen = new Set<string>();
    for (const b of batches) {
      report.duplicates.push(...b.duplicates);
      report.failures.push(...b.failures);
      report.tokens += b.tokens;
      // Within a batch articles are placed in publication order; batches keep the order given.
      for (const d of [...b.docs].sort(byPublication)) {
        if (seen.has(d.article.id)) {
          report.duplicates.push(d.article.id);
          continue;
        }
        seen.add(d.article.id);
        docs.push(d);
        const p = b.prepared.get(d.article.id);
        if (p) prepared.set(d.article.id, p);
      }
    }
    const known = await this.store.existingIds(docs.map((d) => d.article.id));
    const fresh = docs.filter((d) => {
      if (known.has(d.article.id)) report.duplicates.push(d.article.id);
      return !known.has(d.article.id);
    });
    const written = await this.write(fresh, o.completeJobs ?? [], prepared, o.deferViews ?? false);
    report.stored.push(...written.stored);
    report.stories = written.stories;
    if (o.deferViews) report.deferredViews = written.deferred;
    for (const id of written.skipped) report.duplicates.push(id);
    return report;
  }

  /**
   * Stores articles that were analysed elsewhere (benchmarks, imports of annotated data): story
   * assignment, assembly and the write, without the per-article stages.
   */
  async ingestAnnotated(docs: AnnotatedArticle[]): Promise<IngestReport> {
    const report: IngestReport = { stored: [], duplicates: [], failures: [], stories: [], tokens: 0 };
    const known = await this.store.existingIds(docs.map((d) => d.article.id));
    const seen = new Set<string>();
    const fresh = [...docs].sort(byPublication).filter((d) => {
      const keep = !known.has(d.article.id) && !seen.has(d.article.id);
      seen.add(d.article.id);
      if (!keep) report.duplicates.push(d.article.id);
      return keep;
    });
    const written = await this.write(fresh, [], new Map(), false);
    report.stored.push(...written.stored);
    report.stories = written.stories;
    report.duplicates.push(...written.skipped);
    return report;
  }

  private async write(
    fresh: AnnotatedArticle[],
    completeJobs: number[],
    given: Map<string, PreparedArticle>,
    deferViews: boolean,
  ): Promise<{ stored: string[]; stories: string[]; skipped: string[]; deferred: string[] }> {
    if (fresh.length === 0 && completeJobs.length === 0) return { stored: [], stories: [], skipped: [], deferred: [] };
    // Catch up with what other processes logged before taking the lock, so that only the entries written
    // while we waited are replayed inside it. The log is only appended under the lock, so what is visible
    // is always a complete prefix.
    const t = performance.now();
    const outside = await this.shared.sync(this.store);
    this.time('sync', t);
    // Features and signatures depend on the article alone: computed here, in parallel with other processes.
    const tp = performance.now();
    const prepared = new Map(fresh.map((d) => [d.article.id, given.get(d.article.id) ?? outside.prepare(d)]));
    this.time('prepare', tp);
    const waiting = performance.now();
    const result = await this.store.exclusive(async (tx) => {
      this.time('lock wait', waiting);
      const t0 = performance.now();
      const clusterer = await this.shared.sync(tx);
      this.time('sync', t0);
      // Another process may have stored the same content since we looked.
      const now = await tx.existingIds(fresh.map((d) => d.article.id));
      const toAdd = fresh.filter((d) => !now.has(d.article.id));
      // From here until the store commits, local state may be ahead of the store.
      this.shared.begin();
      return this.assignAndWrite(tx, clusterer, toAdd, prepared, completeJobs);
    });
    this.shared.committed(result.lastSeq);
    if (result.later.length > 0 && !deferViews) await this.rebuildViews(result.later, fresh);
    const stored = new Set(result.stored);
    return {
      stored: result.stored,
      stories: result.stories,
      skipped: fresh.filter((d) => !stored.has(d.article.id)).map((d) => d.article.id),
      deferred: deferViews ? result.later.map((t) => t.id) : [],
    };
  }

  private async assignAndWrite(
    tx: Store,
    clusterer: StoryClusterer,
    docs: AnnotatedArticle[],
    prepared: Map<string, PreparedArticle>,
    completeJobs: number[],
  ): Promise<{ stored: string[]; stories: string[]; lastSeq: number; later: ViewTarget[] }> {
    const t0 = performance.now();
    const log: AssignmentEntry[] = [];
    const affected = new Set<string>();
    const why = new Map<string, Membership>();
    for (const doc of docs) {
      const p = prepared.get(doc.article.id) ?? clusterer.prepare(doc);
      const a = clusterer.addPrepared(p);
      const entry: AssignmentEntry = { op: 'add', articleId: doc.article.id, prepared: encodePrepared(p) };
      if (a.decision) entry.decision = a.decision;
      log.push(entry);
      affected.add(a.storyId);
      why.set(doc.article.id, membershipOf(doc.article.id, a));
    }
    this.time('stories', t0);

    // New stories are built here (their members are all in memory); existing ones only get their new
    // members, and those due for a rebuild are rebuilt after the lock is released.
    const t1 = performance.now();
    const plan = await this.planAssembly(tx, clusterer, affected, docs, why);
    const { stories, changed } = await this.assemble(tx, targetsOf(clusterer, plan.now), docs, why);
    const later = targetsOf(clusterer, plan.later);
    this.time('assemble', t1);

    const t2 = performance.now();
    const result = await tx.commit({ articles: changed, stories, members: plan.members, log, completeJobs });
    for (const t of later) t.version = result.versions[t.id];
    const checkpoint = this.shared.checkpointDue(result.lastSeq);
    if (checkpoint) await tx.commit({ articles: [], stories: [], ...checkpoint });
    this.time('store', t2);
    return { stored: result.inserted, stories: [...affected], lastSeq: result.lastSeq, later };
  }

  /**
   * Builds views of stories from a committed membership (a batch's, or the stored one), outside the
   * assignment lock, and writes each only if no other writer has changed that story's membership since
   * (that writer rebuilds it, or leaves it to `refresh`). Returns how many views were written.
   */
  private async rebuildViews(targets: ViewTarget[], fresh: AnnotatedArticle[]): Promise<number> {
    const version = new Map(targets.map((x) => [x.id, x.version]));
    // Only articles whose date the story inferred are rewritten; fresh ones were stored with the batch.
    const freshIds = new Set(fresh.map((d) => d.article.id));
    let count = 0;
    // Each group's members are read, assembled and written before the next group is read.
    const budget = this.opts.viewMembers ?? VIEW_MEMBER_BUDGET;
    for (const group of groupsWithin(targets, (x) => x.memberIds.length, budget)) {
      const t = performance.now();
      const { stories, changed } = await this.assemble(this.store, group, fresh, new Map());
      this.time('assemble (unlocked)', t);
      const t1 = performance.now();
      const written = await this.store.commit({
        articles: changed.filter((d) => !freshIds.has(d.article.id)),
        stories: [],
        views: stories.map((story) => ({ story, version: version.get(story.id) ?? -1 })),
      });
      this.time('store (unlocked)', t1);
      count += stories.length - written.staleViews.length;
    }
    return count;
  }

  /**
   * Sorts the changed stories, following the assembly policy: new stories are built now, under the lock;
   * existing ones record their new members, and those due for a rebuild are rebuilt after the lock.
   */
  private async planAssembly(
    tx: Store,
    clusterer: StoryClusterer,
    affected: Set<string>,
    fresh: AnnotatedArticle[],
    why: Map<string, Membership>,
  ): Promise<{ now: string[]; later: string[]; members: StoryMembers[] }> {
    const policy = this.opts.assembly ?? DEFAULT_ASSEMBLY;
    const all = [...affected];
    const stored = new Map((await tx.getStorySummaries(all)).map((s) => [s.id, s]));
    const now: string[] = [];
    const later: string[] = [];
    for (const id of all) {
      const s = stored.get(id);
      if (!s) {
        now.push(id);
        continue;
      }
      if (viewDue(s, clusterer.articlesOf(id).length, policy)) later.push(id);
    }
    const members = new Map<string, Membership[]>();
    for (const d of fresh) {
      const storyId = clusterer.storyOf(d.article.id);
      const m = why.get(d.article.id);
      if (storyId === undefined || !m || !stored.has(storyId)) continue;
      const list = members.get(storyId) ?? [];
      list.push(m);
      members.set(storyId, list);
    }
    return {
      now,
      later,
      members: [...members].map(([storyId, added]) => ({
        storyId,
        added,
        independentSources: clusterer.independentSources(storyId),
      })),
    };
  }

  /**
   * Rebuilds stories from their members: fresh articles from memory, the others from the store.
   * Returns the stories and the articles whose stored form changed (new, or newly dated).
   */
  private async assemble(
    tx: Store,
    targets: ViewTarget[],
    fresh: AnnotatedArticle[],
    why: Map<string, Membership>,
    formerStories: string[] = [],
  ): Promise<{ stories: Story[]; changed: AnnotatedArticle[] }> {
    const freshById = new Map(fresh.map((d) => [d.article.id, d]));
    const changed = new Map<string, AnnotatedArticle>(freshById);
    // Why each article was in its story, as recorded (including stories a merge or split ended); stories
    // written before reasons were recorded with the members keep them in their stored view.
    const searched = [...new Set([...formerStories, ...targets.map((t) => t.id)])];
    const old = await tx.getMemberships(searched);
    const unrecorded = targets.filter((t) => t.memberIds.some((a) => !old.has(a) && !freshById.has(a) && !why.has(a)));
    for (const id of new Set([...formerStories, ...unrecorded.map((t) => t.id)])) {
      const previous = await tx.getStory(id);
      for (const m of previous?.membership ?? []) if (!old.has(m.articleId)) old.set(m.articleId, m);
    }
    const stories: Story[] = [];
    for (const { id: storyId, memberIds, independentSources } of targets) {
      if (memberIds.length === 0) continue;
      const stored = await tx.getArticles(
        memberIds.filter((id) => !freshById.has(id)),
        { tokens: false },
      );
      let members = [...memberIds.map((id) => freshById.get(id)).filter((d): d is AnnotatedArticle => !!d), ...stored];
      const before = new Map(members.map((d) => [d.article.id, d.article.published]));
      members = refineDates(members);
      for (const d of members) {
        if (before.get(d.article.id) !== d.article.published || freshById.has(d.article.id))
          changed.set(d.article.id, d);
      }
      const story = assembleStory(storyId, members, this.parts, {
        summaryWords: this.opts.summaryWords,
        independentSources,
      });
      story.membership = story.articleIds.map(
        (id) =>
          why.get(id) ??
          old.get(id) ?? { articleId: id, decision: 'merged', score: 0, summary: 'Joined when stories were merged.' },
      );
      stories.push(story);
    }
    return { stories, changed: [...changed.values()] };
  }

  /**
   * Rebuilds the views of stories that lack some of their members (see `AssemblyPolicy`), a few stories
   * per exclusive section. Returns the ids rebuilt. Call it when a run ends or a worker goes idle.
   */
  async refresh(opts: { limit?: number } = {}): Promise<string[]> {
    const limit = opts.limit ?? Infinity;
    const tried = new Set<string>();
    const rebuilt: string[] = [];
    while (rebuilt.length < limit) {
      const out = await this.store.exclusive(async (tx) => {
        const stale = (await tx.staleStories(REFRESH_CHUNK + tried.size)).filter((id) => !tried.has(id));
        const first = stale.slice(0, Math.min(REFRESH_CHUNK, limit - rebuilt.length));
        if (first.length === 0) return undefined;
        const clusterer = await this.shared.sync(tx);
        const t = performance.now();
        // Up to the member budget per section (at least one story), so large stories are read one by one.
        const ids = groupsWithin(
          first,
          (id) => (clusterer.hasStory(id) ? clusterer.articlesOf(id).length : 0),
          this.opts.viewMembers ?? VIEW_MEMBER_BUDGET,
        )[0];
        // A story written by other means than this engine has no members here to rebuild it from.
        const known = ids.filter((id) => clusterer.hasStory(id));
        const { stories, changed } = await this.assemble(tx, targetsOf(clusterer, known), [], new Map());
        this.time('refresh', t);
        const written = await tx.commit({ articles: changed, stories });
        return { ids, lastSeq: written.lastSeq };
      });
      if (!out) break;
      this.shared.committed(out.lastSeq);
      for (const id of out.ids) tried.add(id);
      rebuilt.push(...out.ids);
    }
    return rebuilt;
  }

  /**
   * Rebuilds views that lag behind their stories' membership from what the store holds, without the
   * assignment lock and without a clusterer: what workers that do not assign stories do between jobs.
   * With `dueOnly`, only the stories the assembly policy wants rebuilt now. A view is written only if its
   * story did not change meanwhile. Returns how many views were written.
   */
  async catchUpViews(opts: { limit: number; dueOnly?: boolean }): Promise<number> {
    const t = performance.now();
    const ids = await this.store.staleStories(opts.limit * 4);
    if (ids.length === 0) return 0;
    // Processes catching up at the same time start at different places of the list.
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [ids[i], ids[j]] = [ids[j], ids[i]];
    }
    const written = await this.rebuildStoredViews(ids, { dueOnly: opts.dueOnly, limit: opts.limit });
    this.time('views (caught up)', t);
    return written;
  }

  /**
   * Rebuilds the views of these stories from their stored members, outside the assignment lock and
   * without a clusterer; stories whose view is current are skipped, and with `dueOnly` those the assembly
   * policy does not want rebuilt yet. Returns how many views were written
   * (a story that changed meanwhile keeps its newer state and is left to its next rebuild).
   */
  async rebuildStoredViews(storyIds: string[], opts: { dueOnly?: boolean; limit?: number } = {}): Promise<number> {
    let ids = storyIds;
    if (opts.dueOnly) {
      // Asked for when they were due; a view rebuilt since may have made the request moot.
      const policy = this.opts.assembly ?? DEFAULT_ASSEMBLY;
      ids = (await this.store.getStorySummaries(ids))
        .filter((s) => viewDue(s, s.articleCount, policy))
        .map((s) => s.id);
    }
    if (opts.limit !== undefined) ids = ids.slice(0, opts.limit);
    const lists = (await this.store.getStoryMembers(ids)).filter((m) => m.viewVersion < m.version);
    if (lists.length === 0) return 0;
    return this.rebuildViews(
      lists.map((m) => ({
        id: m.storyId,
        memberIds: m.articleIds,
        independentSources: m.independentSources,
        version: m.version,
      })),
      [],
    );
  }

  /** Runs a manual or maintenance step on the clusterer, logs it, and rebuilds the stories it touched. */
  private async maintain<T>(
    step: (clusterer: StoryClusterer) => {
      result: T;
      entry: AssignmentEntry;
      touched: string[];
      former: string[];
      why?: Map<string, Membership>;
    },
  ): Promise<T> {
    const out = await this.store.exclusive(async (tx) => {
      const clusterer = await this.shared.sync(tx);
      this.shared.begin();
      const { result, entry, touched, former, why } = step(clusterer);
      const { stories } = await this.assemble(tx, targetsOf(clusterer, touched), [], why ?? new Map(), former);
      const written = await tx.commit({ articles: [], stories, log: [entry] });
      return { result, lastSeq: written.lastSeq };
    });
    this.shared.committed(out.lastSeq);
    return out.result;
  }

  /** Merges story `b` into story `a` (a's id stays). The decision sticks: maintenance never undoes it. */
  async merge(a: string, b: string): Promise<string> {
    return this.maintain((c) => {
      const kept = c.merge(a, b);
      const why = new Map<string, Membership>();
      for (const id of c.articlesOf(kept)) {
        if (c.storyOf(id) === kept)
          why.set(id, {
            articleId: id,
            decision: 'manual',
            score: 1,
            summary: `Stories ${a} and ${b} were merged by hand.`,
          });
      }
      return { result: kept, entry: { op: 'merge', a, b }, touched: [kept], former: [a, b], why };
    });
  }

  /** Moves `articleIds` of a story into a new story of their own; they stay apart from the rest. */
  async split(storyId: string, articleIds: string[]): Promise<string> {
    return this.maintain((c) => {
      const created = c.split(storyId, articleIds);
      const why = new Map<string, Membership>(
        articleIds.map((id) => [
          id,
          { articleId: id, decision: 'manual', score: 1, summary: `Split from ${storyId} by hand.` },
        ]),
      );
      return {
        result: created,
        entry: { op: 'split', storyId, articleIds },
        touched: [storyId, created],
        former: [storyId],
        why,
      };
    });
  }

  /** Re-checks the stories: merges those that turned out to be one, splits those that drifted. */
  async recheck(): Promise<RecheckResult> {
    return this.maintain((c) => {
      const r = c.recheck();
      const touched = [...r.merged.map((m) => m.kept), ...r.split.flatMap((x) => [x.from, x.to])];
      const former = r.merged.map((m) => m.removed);
      return { result: r, entry: { op: 'recheck' }, touched, former };
    });
  }

  private time(name: string, t0: number): void {
    const timings = this.opts.timings;
    if (timings) timings.set(name, (timings.get(name) ?? 0) + performance.now() - t0);
  }
}
