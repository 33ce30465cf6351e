import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnnotatedArticle, Article } from '../model.js';
import type { ValueType } from '../model.js';
import type { ValuePair } from '../compare/align.js';
import { sha1Hex } from './quotes-labelled.js';
import { readDucDocument } from './stories.js';

/**
 * Outlet comparison scored on hand-labelled pairs of DUC 2006 reports: figures that agree, conflict or were
 * updated between outlets, some real and some made by editing one report's figure. The labels hold document
 * ids, offsets, hashes and the short edit strings; the text is read from DUC 2006 at run time.
 */

export type LabelRelation = 'agree' | 'conflict' | 'update';

export interface LabelledSpan {
  doc: string;
  span: [number, number];
  hash: string;
  text: string;
}

export interface LabelledPair {
  type: ValueType;
  relation: LabelRelation;
  measured: string;
  a: LabelledSpan;
  b: LabelledSpan;
}

export interface LabelledEdit {
  doc: string;
  start: number;
  end: number;
  was: string;
  text: string;
}

export interface ClaimLabelItem {
  id: string;
  split: 'dev' | 'test';
  origin: 'real' | 'reworded';
  cluster: string;
  docs: Array<{ doc: string; outlet: string; published?: string; textLength: number; textHash: string }>;
  edits: LabelledEdit[];
  pairs: LabelledPair[];
}

/** The labels file is malformed, or the text read now is not the text that was labelled. */
export class ClaimLabelsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClaimLabelsError';
  }
}

/** `labels/claims/` at the package root (every `.jsonl` file in it), from source and from the build. */
export function defaultClaimLabelsPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const up of ['../..', '../../..']) {
    const p = path.resolve(here, up, 'labels/claims');
    if (existsSync(p)) return p;
  }
  return path.resolve(here, '../..', 'labels/claims');
}

/** Reads the items of a labels file, or of every `.jsonl` file in a folder (in name order). */
export function loadClaimLabels(fileOrFolder: string): ClaimLabelItem[] {
  if (existsSync(fileOrFolder) && statSync(fileOrFolder).isDirectory()) {
    return readdirSync(fileOrFolder)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .flatMap((f) => loadClaimLabels(path.join(fileOrFolder, f)));
  }
  const file = fileOrFolder;
  const out: ClaimLabelItem[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let item: ClaimLabelItem;
      try {
        item = JSON.parse(line) as ClaimLabelItem;
      } catch (e) {
        throw new ClaimLabelsError(`${file}:${i + 1}: not JSON (${(e as Error).message})`);
      }
      if (!item.id || !Array.isArray(item.docs) || !Array.isArray(item.pairs) || !Array.isArray(item.edits))
        throw new ClaimLabelsError(`${file}:${i + 1}: needs "id", "docs", "edits" and "pairs"`);
      out.push(item);
    });
  return out;
}

/** Applies an item's edits to one document's text (offsets into the original; applied last to first). */
export function applyEdits(text: string, edits: readonly LabelledEdit[], where: string): string {
  let out = text;
  for (const e of [...edits].sort((x, y) => y.start - x.start)) {
    if (out.slice(e.start, e.end) !== e.was)
      throw new ClaimLabelsError(
        `${where}: edit at ${e.start} expects "${e.was}", found "${out.slice(e.start, e.end)}"`,
      );
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  return out;
}

/** Reads, checks and edits the articles of one item. */
export async function itemArticles(item: ClaimLabelItem, ducDocsDir: string): Promise<Article[]> {
  const out: Article[] = [];
  for (const d of item.docs) {
    const a = await readDucDocument(ducDocsDir, item.cluster, d.doc, (m) => new ClaimLabelsError(m));
    if (a.text.length !== d.textLength || sha1Hex(a.text, 12) !== d.textHash)
      throw new ClaimLabelsError(`${item.id}/${d.doc}: the text read differs from the labelled one (length or hash)`);
    const text = applyEdits(
      a.text,
      item.edits.filter((e) => e.doc === d.doc),
      `${item.id}/${d.doc}`,
    );
    out.push({ ...a, text, source: d.outlet, ...(d.published ? { published: d.published } : {}) });
  }
  for (const p of item.pairs) {
    for (const s of [p.a, p.b]) {
      const a = out.find((x) => x.id === s.doc);
      const got = a?.text.slice(s.span[0], s.span[1]);
      if (got === undefined || sha1Hex(got, 8) !== s.hash)
        throw new ClaimLabelsError(`${item.id}: span ${s.doc} [${s.span}] should read "${s.text}", reads "${got}"`);
    }
  }
  return out;
}

const overlaps = (s: LabelledSpan, doc: string, start: number, end: number): boolean =>
  s.doc === doc && s.span[0] < end && start < s.span[1];

/** Does a predicted pair of values cover the two labelled figures (in either order)? */
export function matches(p: LabelledPair, q: Pick<ValuePair, 'a' | 'b'>): boolean {
  const fwd = overlaps(p.a, q.a.articleId, q.a.start, q.a.end) && overlaps(p.b, q.b.articleId, q.b.start, q.b.end);
  const back = overlaps(p.a, q.b.articleId, q.b.start, q.b.end) && overlaps(p.b, q.a.articleId, q.a.start, q.a.end);
  return fwd || back;
}

export interface TypeScores {
  /** Labelled conflicts, and those the system reported as conflicts. */
  conflicts: number;
  found: number;
  /** Conflicts the system reported, and those that match a labelled conflict. */
  predicted: number;
  correct: number;
  /** Labelled agreements, and those reported as conflicts. */
  agreements: number;
  flagged: number;
  /** Labelled updates, and those reported as updates. */
  updates: number;
  updatesFound: number;
  /** Labelled pairs (any relation) the system aligned at all. */
  pairs: number;
  aligned: number;
}

export interface ClaimsEvalResult {
  labels: string;
  items: number;
  articles: number;
  split: string;
  byType: Record<string, TypeScores>;
  /** Real report pairs, and pairs where one report's figures were edited. */
  byOrigin: Record<string, TypeScores>;
  all: TypeScores;
  /** CPU milliseconds per article of the comparison stage (annotation excluded). */
  msPerArticle: number;
  errors?: string[];
}

const emptyScores = (): TypeScores => ({
  conflicts: 0,
  found: 0,
  predicted: 0,
  correct: 0,
  agreements: 0,
  flagged: 0,
  updates: 0,
  updatesFound: 0,
  pairs: 0,
  aligned: 0,
});

export interface ClaimsEvalOptions {
  labels?: string;
  split?: 'dev' | 'test' | 'all';
  errors?: boolean;
}

/** Scores the comparison of every labelled item (articles annotated by the full per-article pipeline). */
export async function runClaimsEval(ducDocsDir: string, opts: ClaimsEvalOptions = {}): Promise<ClaimsEvalResult> {
  const [{ annotateArticle }, { compareArticles }] = await Promise.all([
    import('../pipeline.js'),
    import('../compare/index.js'),
  ]);
  const file = opts.labels ?? defaultClaimLabelsPath();
  const split = opts.split ?? 'all';
  const items = loadClaimLabels(file).filter((x) => split === 'all' || x.split === split);
  const byType: Record<string, TypeScores> = {};
  const byOrigin: Record<string, TypeScores> = {};
  const all = emptyScores();
  const errors: string[] = [];
  let compareMs = 0;
  let articles = 0;
  for (const item of items) {
    const docs: AnnotatedArticle[] = (await itemArticles(item, ducDocsDir)).map((a) => annotateArticle(a));
    articles += docs.length;
    const t0 = process.cpuUsage();
    const cmp = compareArticles(docs);
    const dt = process.cpuUsage(t0);
    compareMs += (dt.user + dt.system) / 1000;
    const text = (doc: string, s: number, e: number): string => {
      const t = docs.find((d) => d.article.id === doc)?.article.text ?? '';
      return `…${t.slice(Math.max(0, s - 50), s)}[${t.slice(s, e)}]${t.slice(e, e + 30)}…`.replace(/\s+/g, ' ');
    };
    for (const p of item.pairs) {
      const t = (byType[p.type] ??= emptyScores());
      const o = (byOrigin[item.origin] ??= emptyScores());
      const hit = cmp.pairs.find((q) => matches(p, q));
      for (const s of [t, o, all]) {
        s.pairs++;
        if (hit) s.aligned++;
        if (p.relation === 'conflict') {
          s.conflicts++;
          if (hit?.relation === 'conflict') s.found++;
        } else if (p.relation === 'agree') {
          s.agreements++;
          if (hit?.relation === 'conflict') s.flagged++;
        } else {
          s.updates++;
          if (hit?.relation === 'update') s.updatesFound++;
        }
      }
      if (opts.errors && p.relation !== 'agree' && hit?.relation !== p.relation)
        errors.push(
          `${item.id} missed ${p.relation} (${p.type}, ${p.measured}; got ${hit?.relation ?? 'no alignment'}): ${text(p.a.doc, p.a.span[0], p.a.span[1])} vs ${text(p.b.doc, p.b.span[0], p.b.span[1])}`,
        );
      if (opts.errors && p.relation === 'agree' && hit?.relation === 'conflict')
        errors.push(
          `${item.id} agreement flagged (${p.type}): ${text(p.a.doc, p.a.span[0], p.a.span[1])} vs ${text(p.b.doc, p.b.span[0], p.b.span[1])}`,
        );
    }
    for (const q of cmp.pairs) {
      if (q.relation !== 'conflict') continue;
      const t = (byType[q.a.type] ??= emptyScores());
      const o = (byOrigin[item.origin] ??= emptyScores());
      const ok = item.pairs.some((p) => p.relation === 'conflict' && matches(p, q));
      for (const s of [t, o, all]) {
        s.predicted++;
        if (ok) s.correct++;
      }
      if (opts.errors && !ok)
        errors.push(
          `${item.id} false conflict (${q.a.type}, ${q.a.measured}): ${text(q.a.articleId, q.a.start, q.a.end)} vs ${text(q.b.articleId, q.b.start, q.b.end)}`,
        );
    }
  }
  return {
    labels: path.relative(process.cwd(), file) || file,
    items: items.length,
    articles,
    split,
    byType,
    byOrigin,
    all,
    msPerArticle: articles ? compareMs / articles : 0,
    ...(opts.errors ? { errors } : {}),
  };
}

const pct = (a: number, b: number): string => (b === 0 ? '    –' : ((100 * a) / b).toFixed(1).padStart(5));

/** Plain-text table of a claims evaluation. */
export function formatClaimsEval(r: ClaimsEvalResult): string {
  const lines = [
    `Labelled outlet comparisons (${r.labels}, split ${r.split}): ${r.items} items, ${r.articles} articles`,
    '',
    'type      | conflicts | recall | precision |  F1   | agreements | flagged | updates | found | aligned',
    '----------|-----------|--------|-----------|-------|------------|---------|---------|-------|--------',
  ];
  const row = (name: string, s: TypeScores): string => {
    const rec = s.conflicts ? s.found / s.conflicts : 0;
    const prec = s.predicted ? s.correct / s.predicted : 0;
    const f1 = rec + prec > 0 ? (200 * rec * prec) / (rec + prec) : 0;
    return `${name.padEnd(9)} | ${String(s.conflicts).padStart(9)} | ${pct(s.found, s.conflicts)}  | ${pct(s.correct, s.predicted)} (${String(s.predicted).padStart(2)}) | ${f1.toFixed(1).padStart(5)} | ${String(s.agreements).padStart(10)} | ${pct(s.flagged, s.agreements)}   | ${String(s.updates).padStart(7)} | ${pct(s.updatesFound, s.updates)} | ${pct(s.aligned, s.pairs)}`;
  };
  for (const t of Object.keys(r.byType).sort()) lines.push(row(t, r.byType[t]));
  lines.push(row('all', r.all));
  lines.push('----------|-----------|--------|-----------|-------|------------|---------|---------|-------|--------');
  for (const o of Object.keys(r.byOrigin).sort()) lines.push(row(o, r.byOrigin[o]));
  lines.push('', `Comparison stage: ${r.msPerArticle.toFixed(2)} ms CPU per article (annotation excluded)`);
  if (r.errors?.length) lines.push('', ...r.errors);
  return lines.join('\n');
}
