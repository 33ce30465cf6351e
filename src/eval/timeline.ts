import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnnotatedArticle, Article, TimelineEvent } from '../model.js';
import { readArticleFile } from '../ingest/files.js';
import { annotateArticle } from '../pipeline.js';
import { buildTimeline, inferPublicationDates } from '../time/index.js';
import { sha1Hex } from './quotes-labelled.js';
import { readDucDocument } from './stories.js';

/**
 * The story timeline scored on hand-labelled time expressions (`labels/timeline/`): for each labelled
 * expression, the date of the event it dates (or none), whether it is background, and which copies of one
 * sentence it belongs to. The timeline of each labelled set (a demo story, or three articles of a DUC 2006
 * cluster) is built as a story's timeline is, and each label is looked up in it.
 */

export interface TimelineLabel {
  id: string;
  corpus: 'demo' | 'duc2006';
  /** The story (demo) or DUC cluster the article belongs to; the timeline is built per set. */
  set: string;
  split: 'demo' | 'dev' | 'test';
  doc: string;
  /** Publication date used (`YYYY-MM-DD`); null when the article gives none and it is inferred. */
  published: string | null;
  textLength: number;
  textHash: string;
  span: [number, number];
  hash: string;
  text: string;
  /** Gold date at its precision (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), or null when it dates no event or state. */
  date: string | null;
  background: boolean;
  /** Copies of one sentence share a group id. */
  copy?: string;
}

export class TimelineLabelsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimelineLabelsError';
  }
}

function packageRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const up of ['../..', '../../..']) {
    const p = path.resolve(here, up);
    if (existsSync(path.join(p, 'labels/timeline'))) return p;
  }
  return path.resolve(here, '../..');
}

/** `labels/timeline/` at the package root. */
export function defaultTimelineLabelsPath(): string {
  return path.join(packageRoot(), 'labels/timeline');
}

/** The items of a labels file, or of every `.jsonl` file in a folder (in name order). */
export function loadTimelineLabels(fileOrFolder: string): TimelineLabel[] {
  if (existsSync(fileOrFolder) && statSync(fileOrFolder).isDirectory()) {
    return readdirSync(fileOrFolder)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .flatMap((f) => loadTimelineLabels(path.join(fileOrFolder, f)));
  }
  return readFileSync(fileOrFolder, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l, i) => {
      const item = JSON.parse(l) as TimelineLabel;
      if (!item.id || !item.doc || !Array.isArray(item.span))
        throw new TimelineLabelsError(`${fileOrFolder}:${i + 1}: not a timeline label`);
      return item;
    });
}

/** Reads an item's article and checks that it is the text that was labelled. */
async function readLabelled(item: TimelineLabel, ducDocsDir: string, examplesDir: string): Promise<Article> {
  let a: Article;
  if (item.corpus === 'demo') {
    const r = await readArticleFile(path.join(examplesDir, item.doc));
    if (!r.ok) throw new TimelineLabelsError(`${item.id}: cannot read ${item.doc}: ${r.failure.reason}`);
    a = r.article;
  } else {
    a = await readDucDocument(ducDocsDir, item.set, item.doc, (m) => new TimelineLabelsError(m));
  }
  if (a.text.length !== item.textLength || sha1Hex(a.text, 12) !== item.textHash)
    throw new TimelineLabelsError(
      `${item.id}/${item.doc}: the text read differs from the labelled one (length or hash)`,
    );
  const got = a.text.slice(item.span[0], item.span[1]);
  if (sha1Hex(got, 8) !== item.hash)
    throw new TimelineLabelsError(`${item.id}: span [${item.span}] should read "${item.text}", reads "${got}"`);
  // DUC's own date field is malformed for some documents; the labels carry the date of the document number.
  return item.published ? { ...a, published: item.published, publishedInferred: false } : a;
}

/** Where a label landed on the timeline. */
export interface LabelOutcome {
  id: string;
  split: TimelineLabel['split'];
  text: string;
  gold: { date: string | null; background: boolean };
  /** The entry that covers the expression, as the timeline shows it. */
  got?: { date: string; background: boolean; sentence: string };
}

export interface TimelineScores {
  items: number;
  /** Labels dating an event (gold date, not background). */
  events: number;
  eventDateCorrect: number;
  /** Background labels (gold background, or no date at all). */
  background: number;
  /** Entries marked background (or left off the timeline) among the labels. */
  predictedBackground: number;
  backgroundCorrect: number;
  /** Labels with no event date that the timeline shows as an event. */
  spuriousEvents: number;
  copyGroups: number;
  /** Entries beyond one per group of copies. */
  duplicateCopyEntries: number;
}

export interface TimelineEvalResult {
  byPart: Record<'demo' | 'dev' | 'test', TimelineScores>;
  outcomes: LabelOutcome[];
}

const emptyScores = (): TimelineScores => ({
  items: 0,
  events: 0,
  eventDateCorrect: 0,
  background: 0,
  predictedBackground: 0,
  backgroundCorrect: 0,
  spuriousEvents: 0,
  copyGroups: 0,
  duplicateCopyEntries: 0,
});

interface Source {
  entry: TimelineEvent;
  articleId: string;
  start: number;
  end: number;
}

function sourcesOf(timeline: TimelineEvent[]): Source[] {
  return timeline.flatMap((e) => [
    { entry: e, articleId: e.articleId, start: e.start, end: e.end },
    ...(e.alsoIn ?? []).map((s) => ({ entry: e, ...s })),
  ]);
}

/** The entry showing the labelled expression: one whose expression overlaps it, else one whose clause holds it. */
function entryFor(sources: Source[], articleId: string, span: [number, number]): TimelineEvent | undefined {
  const hit = sources.find((s) => s.articleId === articleId && s.start < span[1] && span[0] < s.end);
  if (hit) return hit.entry;
  return sources.find(
    (s) =>
      s.articleId === articleId &&
      s.entry.articleId === articleId &&
      s.entry.event !== undefined &&
      s.entry.event.start <= span[0] &&
      span[1] <= s.entry.event.end,
  )?.entry;
}

export interface TimelineEvalOptions {
  labels?: string;
  examples?: string;
}

/** Builds each labelled set's timeline and scores the labels against it. */
export async function runTimelineEval(ducDocsDir: string, opts: TimelineEvalOptions = {}): Promise<TimelineEvalResult> {
  const labels = loadTimelineLabels(opts.labels ?? defaultTimelineLabelsPath());
  const examplesDir = opts.examples ?? path.join(packageRoot(), 'examples');
  const sets = new Map<string, TimelineLabel[]>();
  for (const l of labels) {
    const key = `${l.corpus}/${l.set}`;
    sets.set(key, [...(sets.get(key) ?? []), l]);
  }
  const byPart = { demo: emptyScores(), dev: emptyScores(), test: emptyScores() };
  const outcomes: LabelOutcome[] = [];
  for (const items of sets.values()) {
    const docIds = [...new Set(items.map((i) => i.doc))];
    const docs: AnnotatedArticle[] = [];
    const idOf = new Map<string, string>();
    for (const d of docIds) {
      const article = await readLabelled(
        items.find((i) => i.doc === d)!,
        ducDocsDir,
        examplesDir,
      );
      for (const i of items.filter((x) => x.doc === d)) await readLabelled(i, ducDocsDir, examplesDir);
      docs.push(annotateArticle(article));
      idOf.set(d, article.id);
    }
    const timeline = buildTimeline(inferPublicationDates(docs));
    const sources = sourcesOf(timeline);
    const groups = new Map<string, Set<TimelineEvent>>();
    for (const item of items) {
      const s = byPart[item.split];
      s.items++;
      const entry = entryFor(sources, idOf.get(item.doc)!, item.span);
      const goldBackground = item.background || item.date === null;
      const predictedBackground = !entry || entry.background === true;
      if (!goldBackground) {
        s.events++;
        if (entry && entry.date === item.date) s.eventDateCorrect++;
      } else {
        s.background++;
        if (predictedBackground) s.backgroundCorrect++;
        if (item.date === null && entry && !entry.background) s.spuriousEvents++;
      }
      if (predictedBackground) s.predictedBackground++;
      if (item.copy && entry) groups.set(item.copy, (groups.get(item.copy) ?? new Set()).add(entry));
      else if (item.copy) groups.set(item.copy, groups.get(item.copy) ?? new Set());
      outcomes.push({
        id: item.id,
        split: item.split,
        text: item.text,
        gold: { date: item.date, background: item.background },
        ...(entry
          ? { got: { date: entry.date, background: entry.background === true, sentence: entry.sentence } }
          : {}),
      });
    }
    const part = byPart[items[0].split];
    for (const entries of groups.values()) {
      part.copyGroups++;
      part.duplicateCopyEntries += Math.max(0, entries.size - 1);
    }
  }
  return { byPart, outcomes };
}

const pct = (a: number, b: number): string => (b === 0 ? '–' : ((100 * a) / b).toFixed(1));

/** The table: event dates correct, background precision and recall, duplicate entries for copies. */
export function formatTimelineEval(r: TimelineEvalResult, errors = false): string {
  const rows = (['demo', 'dev', 'test'] as const).map((k) => {
    const s = r.byPart[k];
    const bgPrecision = pct(s.backgroundCorrect, s.predictedBackground);
    return `${(k === 'demo' ? 'demo (examples/)' : `DUC 2006 ${k}`).padEnd(18)} ${String(s.items).padStart(5)} ${`${pct(s.eventDateCorrect, s.events)} (${s.eventDateCorrect}/${s.events})`.padStart(18)} ${`${bgPrecision} (${s.backgroundCorrect}/${s.predictedBackground})`.padStart(18)} ${`${pct(s.backgroundCorrect, s.background)} (${s.backgroundCorrect}/${s.background})`.padStart(18)} ${String(s.spuriousEvents).padStart(9)} ${`${s.duplicateCopyEntries} / ${s.copyGroups}`.padStart(12)}`;
  });
  const lines = [
    'Story timeline on hand-labelled time expressions (labels/timeline)',
    '',
    `${'part'.padEnd(18)} ${'items'.padStart(5)} ${'event date correct'.padStart(18)} ${'background P'.padStart(18)} ${'background R'.padStart(18)} ${'spurious'.padStart(9)} ${'dup / copies'.padStart(12)}`,
    ...rows,
  ];
  if (errors) {
    lines.push('', 'errors (gold → timeline):');
    for (const o of r.outcomes) {
      const goldBg = o.gold.background || o.gold.date === null;
      const gotBg = !o.got || o.got.background;
      const dateWrong = !goldBg && o.got?.date !== o.gold.date;
      if (!dateWrong && goldBg === gotBg) continue;
      lines.push(
        `  ${o.id} [${o.split}] "${o.text}" gold ${o.gold.date ?? 'none'}${o.gold.background ? ' bg' : ''} → ${o.got ? `${o.got.date}${o.got.background ? ' bg' : ''}: ${o.got.sentence.slice(0, 110)}` : 'no entry'}`,
      );
    }
  }
  return lines.join('\n');
}
