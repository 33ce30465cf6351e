import type { AnnotatedArticle, Article, Story } from '../model.js';
import type { IngestFailure } from '../ingest/errors.js';
import { annotateArticle, type PipelineContext } from '../pipeline.js';
import type { Store } from '../store/types.js';
import { assembleStory, byPublication, type StoryParts } from './story.js';
import { defaultStoryParts, newStoryAssigner, restoreStoryAssigner, refineDates, type StoryAssigner } from './stages.js';

export interface EngineOptions {
  /** Words in each story's brief. */
  summaryWords?: number;
  parts?: StoryParts;
  /** Stage timings are accumulated here when given. */
  timings?: Map<string, number>;
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
}

const ASSIGNER_STATE = 'story-assigner';

/**
 * Runs the whole job for a batch: per-article stages, story assignment, story assembly, and one atomic
 * write to the store. A bad article becomes a failure line; the rest of the batch is stored.
 */
export class Engine {
  private readonly parts: StoryParts;

  constructor(
    readonly store: Store,
    private readonly opts: EngineOptions = {},
  ) {
    this.parts = opts.parts ?? defaultStoryParts();
  }

  async ingest(articles: Article[], onProgress?: (done: number) => void): Promise<IngestReport> {
    const report: IngestReport = { stored: [], duplicates: [], failures: [], stories: [], tokens: 0 };
    const unique = new Map<string, Article>();
    for (const a of articles) {
      if (unique.has(a.id)) report.duplicates.push(a.id);
      else unique.set(a.id, a);
    }
    const existing = await this.store.existingIds([...unique.keys()]);
    const ctx: PipelineContext = { timings: this.opts.timings };
    const fresh: AnnotatedArticle[] = [];
    let done = 0;
    for (const article of unique.values()) {
      if (existing.has(article.id)) {
        report.duplicates.push(article.id);
      } else {
        try {
          const doc = annotateArticle(article, ctx);
          report.tokens += doc.tokens.length;
          fresh.push(doc);
        } catch (err) {
          report.failures.push({
            path: article.path ?? article.id,
            kind: 'unreadable',
            reason: `analysis failed: ${(err as Error).message}`,
          });
        }
      }
      onProgress?.(++done);
    }
    if (fresh.length === 0) return report;

    const t0 = performance.now();
    const saved = await this.store.getState(ASSIGNER_STATE);
    const assigner: StoryAssigner = saved ? restoreStoryAssigner(saved) : newStoryAssigner();
    const affected = new Set<string>();
    for (const doc of [...fresh].sort(byPublication)) affected.add(assigner.add(doc).storyId);
    this.time('stories', t0);

    const t1 = performance.now();
    const freshById = new Map(fresh.map((d) => [d.article.id, d]));
    const changed = new Map<string, AnnotatedArticle>(freshById);
    const stories: Story[] = [];
    for (const storyId of affected) {
      const ids = assigner.members(storyId);
      const stored = await this.store.getArticles(ids.filter((id) => !freshById.has(id)));
      let docs = [...ids.map((id) => freshById.get(id)).filter((d): d is AnnotatedArticle => !!d), ...stored];
      const before = new Map(docs.map((d) => [d.article.id, d.article.published]));
      docs = refineDates(docs);
      for (const d of docs) if (before.get(d.article.id) !== d.article.published || freshById.has(d.article.id)) changed.set(d.article.id, d);
      stories.push(
        assembleStory(storyId, docs, this.parts, {
          summaryWords: this.opts.summaryWords,
          copies: assigner.copies(storyId),
        }),
      );
    }
    this.time('assemble', t1);

    const t2 = performance.now();
    const result = await this.store.commit({
      articles: [...changed.values()],
      stories,
      state: { [ASSIGNER_STATE]: assigner.snapshot() },
    });
    this.time('store', t2);
    report.stored.push(...result.inserted);
    report.stories = [...affected];
    return report;
  }

  private time(name: string, t0: number): void {
    const timings = this.opts.timings;
    if (timings) timings.set(name, (timings.get(name) ?? 0) + performance.now() - t0);
  }
}
