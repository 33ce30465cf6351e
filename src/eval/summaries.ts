/**
 * Runs the summariser and its baselines on every DUC 2006 cluster at a word budget (250 by default, as
 * in DUC 2006; 100 as in DUC 2004) and scores them as NIST scored the participants: ROUGE-1.5.5 with
 * stemming, jackknifed over the four reference summaries (each reference set of three), averaged over
 * all evaluations with ROUGE's bootstrap mean. The budget is applied the official way, as ROUGE-1.5.5's
 * `-l N`: every summary it reads, the peer's and the references', is cut after its first N words, so at
 * 100 words a system is scored against the first 100 words of each 250-word reference.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnnotatedArticle, Article } from '../model.js';
import { annotateText } from '../text/annotate.js';
import { summarize } from '../summarize/index.js';
import { briefStory } from '../summarize/brief.js';
import { lexRank } from '../summarize/lexrank.js';
import { compareArticles } from '../compare/index.js';
import {
  gramCounts,
  rougeBootstrapMean,
  rougeTokens,
  scoreAgainstModels,
  ROUGE_2,
  ROUGE_SU4,
  type RougeOptions,
} from '../summarize/rouge.js';
import { DucDataError, readOfficialAverages, readSummaryLines } from './rouge.js';

export interface DucTopic {
  id: string;
  title: string;
  narrative: string;
}

export interface DucCluster {
  topic: DucTopic;
  articles: Article[];
  /** Reference summaries by assessor id, as lines. */
  models: Map<string, string[]>;
}

const ENTITIES: Record<string, string> = {
  '&AMP;': '&',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&LR;': '',
  '&UR;': '',
};

function cleanSgml(s: string): string {
  return s.replace(/&[A-Za-z0-9]+;/g, (e) => ENTITIES[e] ?? ' ');
}

/**
 * Parses one DUC/AQUAINT document into an Article: the `<TEXT>` (or `<BODY>`) paragraphs, each on
 * one line (the source hard-wraps lines inside paragraphs), blank lines between paragraphs.
 */
export function parseDucDocument(sgml: string): Article {
  const tag = (name: string): string | undefined => sgml.match(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`))?.[1];
  const id = (tag('DOCNO') ?? '').trim();
  const dt = (tag('DATE_TIME') ?? '').trim();
  const published =
    dt.match(/^\d{4}-\d{2}-\d{2}/)?.[0] ??
    (id
      .match(/(\d{4})(\d{2})(\d{2})/)
      ?.slice(1)
      .join('-') ||
      undefined);
  const title = tag('HEADLINE')
    ? cleanSgml(tag('HEADLINE') as string)
        .replace(/\s+/g, ' ')
        .trim()
    : undefined;
  let body = tag('TEXT') ?? tag('BODY') ?? '';
  body = body.replace(/<(SLUG|HEADLINE|CATEGORY|HEADER)>[\s\S]*?<\/\1>/g, '');
  let paras: string[];
  if (/<P>/i.test(body)) {
    paras = [...body.matchAll(/<P>([\s\S]*?)<\/P>/gi)].map((m) => m[1]);
  } else {
    // Paragraphs start on an indented line (or after a tab marker).
    paras = cleanSgml(body.replace(/<[^>]+>/g, ''))
      .split(/\n(?=[ \t])/)
      .map((p) => p);
  }
  const text = paras
    .map((p) =>
      cleanSgml(p.replace(/<[^>]+>/g, ''))
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((p) => p.length > 0)
    .join('\n\n');
  return { id, text, title, source: id.replace(/\d.*$/, '') || undefined, published, publishedInferred: false };
}

export function readTopics(file: string): DucTopic[] {
  const xml = readFileSync(file, 'latin1');
  return [...xml.matchAll(/<topic>([\s\S]*?)<\/topic>/g)].map((m) => {
    const f = (t: string): string =>
      (m[1].match(new RegExp(`<${t}>([\\s\\S]*?)(?:</${t}>|<)`))?.[1] ?? '').replace(/\s+/g, ' ').trim();
    return { id: f('num'), title: f('title'), narrative: f('narr') };
  });
}

/** Loads the DUC 2006 clusters (documents, topic statements, reference summaries) from a folder. */
export function loadDuc2006(ducDir: string, limit?: number): DucCluster[] {
  const docsDir = path.join(ducDir, 'docs');
  if (!existsSync(docsDir)) throw new DucDataError(`No docs/ folder in ${ducDir}: pass the DUC 2006 folder.`);
  const topics = existsSync(path.join(ducDir, 'topics.sgml')) ? readTopics(path.join(ducDir, 'topics.sgml')) : [];
  const modelFiles = existsSync(path.join(ducDir, 'models')) ? readdirSync(path.join(ducDir, 'models')) : [];
  const clusters: DucCluster[] = [];
  for (const id of readdirSync(docsDir).sort()) {
    if (limit !== undefined && clusters.length >= limit) break;
    const dir = path.join(docsDir, id);
    const articles = readdirSync(dir)
      .sort()
      .map((f) => parseDucDocument(readFileSync(path.join(dir, f), 'latin1')));
    const topic = topics.find((t) => t.id === id) ?? { id, title: '', narrative: '' };
    // Model files are named like D0601.M.250.A.B for cluster D0601A, assessor B.
    const prefix = `${id.slice(0, 5)}.M.250.${id.slice(5)}.`;
    const models = new Map<string, string[]>();
    for (const f of modelFiles) {
      if (f.startsWith(prefix)) models.set(f.slice(prefix.length), readSummaryLines(path.join(ducDir, 'models', f)));
    }
    clusters.push({ topic, articles, models });
  }
  return clusters;
}

export interface JackknifeScores {
  /** Per-evaluation recall keyed by ROUGE test id, for ROUGE's bootstrap average. */
  rouge2: Map<string, number>;
  su4: Map<string, number>;
}

/** NIST's DUC 2006 ROUGE settings (`-m -f A -p 0.5`) with `-l words`. */
export const rougeOptions = (words = 250): RougeOptions => ({ stem: true, wordLimit: words, alpha: 0.5, mode: 'A' });

/**
 * Adds the jackknifed evaluations of one peer summary (lines) against a cluster's references. `words` is
 * ROUGE's `-l`: it truncates the peer and every reference alike (250 by default).
 */
export function scoreJackknife(
  clusterId: string,
  peer: string[],
  models: Map<string, string[]>,
  into: JackknifeScores,
  words = 250,
): void {
  const opts = rougeOptions(words);
  const ids = [...models.keys()].sort();
  const peerTokens = rougeTokens(peer, opts);
  const modelTokens = new Map(ids.map((m) => [m, rougeTokens(models.get(m) as string[], opts)]));
  for (const left of ids) {
    // With a single reference there is nothing to leave out.
    const rest = ids.length > 1 ? ids.filter((m) => m !== left) : ids;
    const key = `${clusterId}-${left}`;
    for (const [metric, out] of [
      [ROUGE_2, into.rouge2],
      [ROUGE_SU4, into.su4],
    ] as const) {
      const s = scoreAgainstModels(
        gramCounts(peerTokens, metric),
        rest.map((m) => gramCounts(modelTokens.get(m) as string[], metric)),
        opts,
      );
      out.set(key, s.recall);
    }
  }
}

/** A summariser under evaluation: summary lines for a cluster at a word budget. */
export interface SummarySystem {
  name: string;
  /** Whether it reads the topic statement (left out of a `useQuery: false` run). */
  usesQuery: boolean;
  summarize(docs: AnnotatedArticle[], words: number, query: string | undefined): string[];
}

const texts = (xs: ReadonlyArray<{ text: string }>): string[] => xs.map((x) => x.text);

/** Lead baseline as NIST built it: leading sentences of the most recent article, up to the budget. */
export function leadBaseline(docs: readonly AnnotatedArticle[], words: number): string[] {
  const latest = [...docs].sort((a, b) => ((a.article.published ?? '') < (b.article.published ?? '') ? 1 : -1))[0];
  const out: string[] = [];
  let n = 0;
  for (const s of latest?.sentences ?? []) {
    if (n >= words) break;
    out.push(s.text);
    n += s.text.split(/\s+/).length;
  }
  return out;
}

/**
 * The systems of a default run. To score another summariser, pass `systems: [...DEFAULT_SYSTEMS, mine]`
 * (or a list of its own).
 */
export const DEFAULT_SYSTEMS: readonly SummarySystem[] = [
  { name: 'storyline (query)', usesQuery: true, summarize: (d, words, query) => texts(summarize(d, { words, query })) },
  { name: 'storyline (no query)', usesQuery: false, summarize: (d, words) => texts(summarize(d, { words })) },
  {
    name: 'storyline (query), attributions dropped',
    usesQuery: true,
    summarize: (d, words, query) => texts(summarize(d, { words, query, compress: true })),
  },
  {
    name: 'storyline (no query), attributions dropped',
    usesQuery: false,
    summarize: (d, words) => texts(summarize(d, { words, compress: true })),
  },
  {
    name: 'storyline brief (query)',
    usesQuery: true,
    summarize: (d, words, query) => texts(briefStory(d, { words, query })),
  },
  { name: 'storyline brief (no query)', usesQuery: false, summarize: (d, words) => texts(briefStory(d, { words })) },
  { name: 'LexRank', usesQuery: false, summarize: (d, words) => texts(lexRank(d, { words })) },
  {
    name: 'LexRank, query-biased',
    usesQuery: true,
    summarize: (d, words, query) => texts(lexRank(d, { words, query })),
  },
  { name: 'lead of latest article', usesQuery: false, summarize: (d, words) => leadBaseline(d, words) },
];

export interface SummariesEvalOptions {
  /** Summary length in words and ROUGE's `-l` (DUC 2006: 250, the default). */
  words?: number;
  /** Run the systems that use the topic statement (as participants did). Default true. */
  useQuery?: boolean;
  /** Only the first N clusters (for quick checks). */
  limit?: number;
  /** Systems to score; `DEFAULT_SYSTEMS` by default. */
  systems?: readonly SummarySystem[];
  /** Also time the outlet comparison on each cluster (default true). */
  compare?: boolean;
}

export interface SummariesEvalRow {
  system: string;
  rouge2: number;
  su4: number;
  /** Mean summary length in words (before ROUGE's truncation); absent for official rows. */
  meanWords?: number;
  /** Mean CPU time to summarise one cluster (annotation excluded), ms; absent for official rows. */
  msPerCluster?: number;
}

/** Relative ROUGE-2 gain of one row over another: (a − b) / b. */
export interface SummariesEvalGain {
  system: string;
  over: string;
  rouge2: number;
}

export interface SummariesEvalResult {
  clusters: number;
  /** Word budget and ROUGE `-l`. */
  words: number;
  rows: SummariesEvalRow[];
  /** Storyline's relative ROUGE-2 gain over LexRank (like for like: with and without the query). */
  gains: SummariesEvalGain[];
  /** Mean length of the first system's summaries, words. */
  meanWords: number;
  /** Mean CPU time of the first system per cluster (annotation excluded), ms. */
  msPerCluster: number;
  /** Mean CPU time to compare the articles of one cluster (annotation excluded), ms, and claims found. */
  compareMsPerCluster: number;
  meanClaims: number;
  seconds: number;
}

/** CPU time since `from`, in ms: less sensitive to other processes on a shared machine than wall time. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

const GAIN_PAIRS: ReadonlyArray<[string, string]> = [
  ['storyline (query)', 'LexRank, query-biased'],
  ['storyline (query)', 'LexRank'],
  ['storyline (no query)', 'LexRank'],
];

export async function runSummariesEval(ducDir: string, opts: SummariesEvalOptions = {}): Promise<SummariesEvalResult> {
  const t0 = performance.now();
  const words = opts.words ?? 250;
  const clusters = loadDuc2006(ducDir, opts.limit);
  const systems = (opts.systems ?? DEFAULT_SYSTEMS).filter((s) => opts.useQuery !== false || !s.usesQuery);
  const stats = systems.map(() => ({
    scores: { rouge2: new Map(), su4: new Map() } as JackknifeScores,
    words: 0,
    ms: 0,
  }));
  let compareMs = 0;
  let claimCount = 0;
  for (const c of clusters) {
    const docs = c.articles.map((a) => annotateText(a));
    const query = `${c.topic.title}. ${c.topic.narrative}`;
    systems.forEach((sys, k) => {
      const t = process.cpuUsage();
      const lines = sys.summarize(docs, words, sys.usesQuery ? query : undefined);
      stats[k].ms += cpuMs(t);
      stats[k].words += lines.join(' ').split(/\s+/).filter(Boolean).length;
      scoreJackknife(c.topic.id, lines, c.models, stats[k].scores, words);
    });
    if (opts.compare !== false) {
      const t2 = process.cpuUsage();
      const cmp = compareArticles(docs);
      compareMs += cpuMs(t2);
      claimCount += cmp.claims.length;
    }
  }
  const n = Math.max(1, clusters.length);
  const rows: SummariesEvalRow[] = systems.map((sys, k) => ({
    system: sys.name,
    rouge2: rougeBootstrapMean(stats[k].scores.rouge2),
    su4: rougeBootstrapMean(stats[k].scores.su4),
    meanWords: stats[k].words / n,
    msPerCluster: stats[k].ms / n,
  }));
  const gains: SummariesEvalGain[] = [];
  for (const [a, b] of GAIN_PAIRS) {
    const ra = rows.find((r) => r.system === a);
    const rb = rows.find((r) => r.system === b);
    if (ra && rb && rb.rouge2 > 0) gains.push({ system: a, over: b, rouge2: (ra.rouge2 - rb.rouge2) / rb.rouge2 });
  }
  // NIST's official averages exist for the 250-word task only.
  const off2 = words === 250 ? readOfficialAverages(path.join(ducDir, 'rouge2.jk.m.avg')) : new Map<string, number>();
  const offSU4 =
    words === 250 ? readOfficialAverages(path.join(ducDir, 'rougeSU4.jk.m.avg')) : new Map<string, number>();
  if (off2.size > 0) {
    const participants = [...off2.keys()].filter((k) => /^\d+$/.test(k));
    const best = participants.sort((a, b) => (off2.get(b) as number) - (off2.get(a) as number))[0];
    rows.push({
      system: `best participant (${best}, official)`,
      rouge2: off2.get(best) as number,
      su4: offSU4.get(best) ?? NaN,
    });
    if (off2.has('1'))
      rows.push({
        system: 'NIST baseline (1, official)',
        rouge2: off2.get('1') as number,
        su4: offSU4.get('1') ?? NaN,
      });
  }
  return {
    clusters: clusters.length,
    words,
    rows,
    gains,
    meanWords: rows[0]?.meanWords ?? 0,
    msPerCluster: rows[0]?.msPerCluster ?? 0,
    compareMsPerCluster: opts.compare !== false ? compareMs / n : 0,
    meanClaims: opts.compare !== false ? claimCount / n : 0,
    seconds: (performance.now() - t0) / 1000,
  };
}

export function formatSummariesEval(r: SummariesEvalResult): string {
  const num = (x: number | undefined, digits: number, width: number): string =>
    (x === undefined ? '' : x.toFixed(digits)).padStart(width);
  return [
    `DUC 2006, ${r.clusters} clusters, ${r.words} words, jackknifed ROUGE (x100), -m -l ${r.words}`,
    `${'system'.padEnd(44)} ROUGE-2    SU4  words  ms/cluster`,
    ...r.rows.map(
      (x) =>
        `${x.system.padEnd(44)} ${num(x.rouge2 * 100, 2, 7)} ${num(x.su4 * 100, 2, 6)} ${num(x.meanWords, 1, 6)} ${num(x.msPerCluster, 1, 11)}`,
    ),
    '',
    ...r.gains.map((g) => `ROUGE-2 gain of ${g.system} over ${g.over}: ${(g.rouge2 * 100).toFixed(1)} %`),
    `total ${r.seconds.toFixed(1)} s (CPU times exclude annotation)`,
    ...(r.compareMsPerCluster > 0
      ? [
          `outlet comparison of a 25-article cluster: ${r.compareMsPerCluster.toFixed(1)} ms CPU, ${r.meanClaims.toFixed(0)} claims (annotation excluded)`,
        ]
      : []),
  ].join('\n');
}
