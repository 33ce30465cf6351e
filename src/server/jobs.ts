/**
 * Ingest jobs of the HTTP server. A request only validates and enqueues its articles; analysis and story
 * assignment run here, one job at a time, in small slices that yield to the event loop so that reads are
 * answered while a large batch is analysed.
 */
import { randomBytes } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Article } from '../model.js';
import type { AnalysedBatch } from '../engine/analysed.js';
import type { Engine, IngestReport } from '../engine/engine.js';
import { byPublication } from '../engine/story.js';
import type { Store } from '../store/types.js';
import type { StoryUpdate } from './events.js';

/** Articles accepted in one request: a larger batch is refused rather than queued for minutes. */
export const MAX_ARTICLES_PER_REQUEST = 500;
/** Articles placed in stories per write; each write holds the event loop while stories are assembled. */
const ASSIGN_SLICE = 20;
/** Finished jobs kept for status requests; older ones are forgotten first. */
const KEEP_FINISHED = 1000;

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** What an ingest did, as `POST /api/articles?wait=true` (and a done job) reports it. */
export interface IngestResponse {
  stored: string[];
  duplicates: string[];
  failures: Array<{ index: number; reason: string }>;
  stories: StoryUpdate[];
}

/** `GET /api/jobs/:id`. */
export interface JobView {
  id: string;
  status: JobStatus;
  /** Articles in the job. */
  articles: number;
  /** Articles analysed so far. */
  analysed: number;
  submittedAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** When done: the same fields the synchronous answer has. */
  result?: IngestResponse;
  /** When failed: why. */
  error?: { code: string; message: string };
}

interface Job {
  view: JobView;
  articles: Article[];
  finished: Promise<void>;
  settle: () => void;
}

const now = (): string => new Date().toISOString();

export class IngestJobs {
  private readonly jobs = new Map<string, Job>();
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly engine: Engine,
    private readonly store: Store,
    /** Called with the stories a job changed, once it is stored. */
    private readonly onStored: (stories: StoryUpdate[]) => void,
  ) {}

  /** Queues a batch; it runs after the jobs queued before it. */
  submit(articles: Article[]): JobView {
    let settle = (): void => undefined;
    const finished = new Promise<void>((resolve) => (settle = resolve));
    const view: JobView = {
      id: randomBytes(8).toString('hex'),
      status: 'queued',
      articles: articles.length,
      analysed: 0,
      submittedAt: now(),
    };
    const job: Job = { view, articles, finished, settle };
    this.jobs.set(view.id, job);
    this.forgetOld();
    this.tail = this.tail.then(() => this.run(job));
    return { ...view };
  }

  get(id: string): JobView | undefined {
    const job = this.jobs.get(id);
    return job && { ...job.view };
  }

  /** The job once it is done or failed. */
  async wait(id: string): Promise<JobView | undefined> {
    await this.jobs.get(id)?.finished;
    return this.get(id);
  }

  /** Waits for every queued job (for shutdown and tests). */
  idle(): Promise<void> {
    return this.tail;
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.view.status === 'done' || j.view.status === 'failed');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(j.view.id);
  }

  private async run(job: Job): Promise<void> {
    const { view, articles } = job;
    view.status = 'running';
    view.startedAt = now();
    try {
      const report = await this.ingest(articles, (n) => (view.analysed = n));
      const result = await this.describe(articles, report);
      if (report.stored.length === 0 && report.failures.length > 0) {
        view.status = 'failed';
        view.error = { code: 'invalid_body', message: `no article could be analysed: ${report.failures[0].reason}` };
      } else view.status = 'done';
      view.result = result;
      this.onStored(result.stories);
    } catch (err) {
      view.status = 'failed';
      view.error = { code: 'internal', message: `the batch could not be stored: ${(err as Error).message}` };
      console.error(`storyline serve: ingest job ${view.id}: ${(err as Error).message}`);
    } finally {
      view.finishedAt = now();
      job.articles = [];
      job.settle();
    }
  }

  /**
   * Analyses one article at a time and assigns stories a slice at a time, yielding between steps: the
   * same result as `Engine.ingest` without holding the event loop for the whole batch.
   */
  private async ingest(articles: Article[], progress: (n: number) => void): Promise<IngestReport> {
    const known = await this.engine.storedIds(articles);
    const all: AnalysedBatch = { docs: [], prepared: new Map(), duplicates: [], failures: [], tokens: 0 };
    const seen = new Set<string>();
    for (const [i, a] of articles.entries()) {
      if (seen.has(a.id)) all.duplicates.push(a.id);
      else {
        seen.add(a.id);
        const b = this.engine.analyse([a], { known });
        all.docs.push(...b.docs);
        for (const [k, p] of b.prepared) all.prepared.set(k, p);
        all.duplicates.push(...b.duplicates);
        all.failures.push(...b.failures);
        all.tokens += b.tokens;
      }
      progress(i + 1);
      await yieldToEventLoop();
    }
    const report: IngestReport = {
      stored: [],
      duplicates: all.duplicates,
      failures: all.failures,
      stories: [],
      tokens: all.tokens,
    };
    const docs = [...all.docs].sort(byPublication);
    const stories = new Set<string>();
    for (let at = 0; at < docs.length; at += ASSIGN_SLICE) {
      const slice = docs.slice(at, at + ASSIGN_SLICE);
      const prepared = new Map(
        slice.flatMap((d) => {
          const p = all.prepared.get(d.article.id);
          return p ? [[d.article.id, p] as const] : [];
        }),
      );
      const r = await this.engine.assign([{ docs: slice, prepared, duplicates: [], failures: [], tokens: 0 }]);
      report.stored.push(...r.stored);
      report.duplicates.push(...r.duplicates);
      for (const s of r.stories) stories.add(s);
      await yieldToEventLoop();
    }
    // Views of large stories the batch only added members to are completed, one story per step.
    for (let i = 0; i < stories.size; i++) {
      if ((await this.engine.refresh({ limit: 1 })).length === 0) break;
      await yieldToEventLoop();
    }
    report.stories = [...stories];
    return report;
  }

  private async describe(articles: Article[], report: IngestReport): Promise<IngestResponse> {
    const summaries = await this.store.getStorySummaries(report.stories);
    return {
      stored: report.stored,
      duplicates: report.duplicates,
      failures: report.failures.map((f) => ({
        index: Math.max(
          0,
          articles.findIndex((a) => a.id === f.path || a.path === f.path),
        ),
        reason: f.reason,
      })),
      stories: summaries.map((s) => ({
        storyId: s.id,
        title: s.title,
        articleCount: s.articleCount,
        independentSources: s.independentSources,
      })),
    };
  }
}
