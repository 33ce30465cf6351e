import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractHtmlBytes } from '../ingest/html.js';

/** Expected metadata of a saved page (`NAME.meta.json`). */
export interface HtmlExpectedMeta {
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
}

export interface HtmlPageScore {
  page: string;
  precision: number;
  recall: number;
  f1: number;
  /** Which metadata fields matched the expected value (only fields given in the meta file). */
  meta: Partial<Record<keyof HtmlExpectedMeta, boolean>>;
  error?: string;
}

export interface HtmlEvalResult {
  dir: string;
  pages: HtmlPageScore[];
  /** Macro averages over pages. */
  precision: number;
  recall: number;
  f1: number;
  /** Share of correct values per metadata field, and over all fields. */
  metaAccuracy: Record<keyof HtmlExpectedMeta | 'all', number>;
}

/** Lower-cased word tokens: punctuation and whitespace differences are not extraction errors. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Bag-of-tokens precision/recall/F1 of extracted text against the expected text. */
export function tokenF1(extracted: string, expected: string): { precision: number; recall: number; f1: number } {
  const want = new Map<string, number>();
  const gold = wordTokens(expected);
  for (const t of gold) want.set(t, (want.get(t) ?? 0) + 1);
  const got = wordTokens(extracted);
  let overlap = 0;
  for (const t of got) {
    const n = want.get(t) ?? 0;
    if (n > 0) {
      overlap++;
      want.set(t, n - 1);
    }
  }
  const precision = got.length ? overlap / got.length : gold.length ? 0 : 1;
  const recall = gold.length ? overlap / gold.length : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/**
 * Scores HTML extraction on a folder of saved pages: each `NAME.html` with `NAME.expected.txt`
 * (the article text) and optionally `NAME.meta.json` (expected title, outlet, date, url).
 */
export async function runHtmlEval(dir: string, _opts: Record<string, never> = {}): Promise<HtmlEvalResult> {
  const names = (await readdir(dir)).filter((n) => /\.html?$/i.test(n)).sort();
  const pages: HtmlPageScore[] = [];
  const metaHits: Record<keyof HtmlExpectedMeta, [number, number]> = {
    title: [0, 0],
    outlet: [0, 0],
    date: [0, 0],
    url: [0, 0],
  };
  for (const name of names) {
    const base = name.replace(/\.html?$/i, '');
    let expected: string;
    try {
      expected = await readFile(join(dir, `${base}.expected.txt`), 'utf8');
    } catch {
      continue;
    }
    let want: HtmlExpectedMeta = {};
    try {
      want = JSON.parse(await readFile(join(dir, `${base}.meta.json`), 'utf8')) as HtmlExpectedMeta;
    } catch {
      // No metadata expectations for this page.
    }
    const score: HtmlPageScore = { page: base, precision: 0, recall: 0, f1: 0, meta: {} };
    try {
      const x = extractHtmlBytes(await readFile(join(dir, name)));
      Object.assign(score, tokenF1(x.text, expected));
      const got: HtmlExpectedMeta = { title: x.title, outlet: x.outlet, date: x.published, url: x.url };
      for (const k of Object.keys(metaHits) as Array<keyof HtmlExpectedMeta>) {
        if (want[k] === undefined) continue;
        const ok = (got[k] ?? '').trim() === want[k]!.trim();
        score.meta[k] = ok;
        metaHits[k][1]++;
        if (ok) metaHits[k][0]++;
      }
    } catch (err) {
      score.error = (err as Error).message;
      for (const k of Object.keys(metaHits) as Array<keyof HtmlExpectedMeta>)
        if (want[k] !== undefined) metaHits[k][1]++;
    }
    pages.push(score);
  }
  const avg = (f: (p: HtmlPageScore) => number): number =>
    pages.length ? pages.reduce((s, p) => s + f(p), 0) / pages.length : 0;
  const acc = ([hit, n]: [number, number]): number => (n ? hit / n : 1);
  const all: [number, number] = Object.values(metaHits).reduce(([h, n], [h2, n2]) => [h + h2, n + n2], [0, 0]);
  return {
    dir,
    pages,
    precision: avg((p) => p.precision),
    recall: avg((p) => p.recall),
    f1: avg((p) => p.f1),
    metaAccuracy: {
      title: acc(metaHits.title),
      outlet: acc(metaHits.outlet),
      date: acc(metaHits.date),
      url: acc(metaHits.url),
      all: acc(all),
    },
  };
}

/** A plain-text table: one row per page, then the averages and metadata accuracy. */
export function formatHtmlEval(r: HtmlEvalResult): string {
  const pct = (x: number): string => (100 * x).toFixed(1).padStart(6);
  const width = Math.max(20, ...r.pages.map((p) => p.page.length));
  const lines = [`${'page'.padEnd(width)}      P      R     F1  metadata misses`];
  for (const p of r.pages) {
    const misses = p.error
      ? `error: ${p.error}`
      : Object.entries(p.meta)
          .filter(([, ok]) => !ok)
          .map(([k]) => k)
          .join(', ');
    lines.push(`${p.page.padEnd(width)} ${pct(p.precision)} ${pct(p.recall)} ${pct(p.f1)}  ${misses}`);
  }
  lines.push(`${'average'.padEnd(width)} ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)}`);
  const m = r.metaAccuracy;
  lines.push(
    `metadata accuracy: title ${pct(m.title)}%  outlet ${pct(m.outlet)}%  date ${pct(m.date)}%  url ${pct(m.url)}%  all ${pct(m.all)}%`,
  );
  return lines.join('\n');
}
