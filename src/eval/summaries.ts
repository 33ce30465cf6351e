/**
 * Runs the summariser on every DUC 2006 cluster (250 words, topic statement as query) and scores it
 * as NIST scored the participants: ROUGE-1.5.5 with stemming, jackknifed over the four reference
 * summaries (each reference set of three), `-l 250`, averaged over all evaluations.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnnotatedArticle, Article } from '../model.js';
import { annotateText } from '../text/annotate.js';
import { summarize } from '../summarize/index.js';
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

const ROUGE_OPTS: RougeOptions = { stem: true, wordLimit: 250, alpha: 0.5, mode: 'A' };

/** Adds the jackknifed evaluations of one peer summary (lines) against a cluster's references. */
export function scoreJackknife(
  clusterId: string,
  peer: string[],
  models: Map<string, string[]>,
  into: JackknifeScores,
): void {
  const ids = [...models.keys()].sort();
  const peerTokens = rougeTokens(peer, ROUGE_OPTS);
  const modelTokens = new Map(ids.map((m) => [m, rougeTokens(models.get(m) as string[], ROUGE_OPTS)]));
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
        ROUGE_OPTS,
      );
      out.set(key, s.recall);
    }
  }
}

export interface SummariesEvalOptions {
  /** Summary length in words (DUC 2006: 250). */
  words?: number;
  /** Use the topic statement as the query (as participants did). Default true. */
  useQuery?: boolean;
  /** Only the first N clusters (for quick checks). */
  limit?: number;
}

export interface SummariesEvalRow {
  system: string;
  rouge2: number;
  su4: number;
}

export interface SummariesEvalResult {
  clusters: number;
  rows: SummariesEvalRow[];
  /** Mean summary length in words. */
  meanWords: number;
  /** Mean CPU time to summarise one cluster (annotation excluded), ms. */
  msPerCluster: number;
  /** Mean CPU time to compare the articles of one cluster (annotation excluded), ms, and claims found. */
  compareMsPerCluster: number;
  meanClaims: number;
  seconds: number;
}

/** Lead baseline as NIST built it: leading sentences of the most recent article, up to the budget. */
function leadBaseline(docs: AnnotatedArticle[], words: number): string[] {
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

/** CPU time since `from`, in ms: less sensitive to other processes on a shared machine than wall time. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

export async function runSummariesEval(ducDir: string, opts: SummariesEvalOptions = {}): Promise<SummariesEvalResult> {
  const t0 = performance.now();
  const words = opts.words ?? 250;
  const clusters = loadDuc2006(ducDir, opts.limit);
  const ours: JackknifeScores = { rouge2: new Map(), su4: new Map() };
  const compressed: JackknifeScores = { rouge2: new Map(), su4: new Map() };
  const lead: JackknifeScores = { rouge2: new Map(), su4: new Map() };
  let totalWords = 0;
  let summariseMs = 0;
  let compareMs = 0;
  let claimCount = 0;
  for (const c of clusters) {
    const docs = c.articles.map((a) => annotateText(a));
    const query = opts.useQuery === false ? undefined : `${c.topic.title}. ${c.topic.narrative}`;
    const t = process.cpuUsage();
    const summary = summarize(docs, { words, query });
    summariseMs += cpuMs(t);
    const t2 = process.cpuUsage();
    const cmp = compareArticles(docs);
    compareMs += cpuMs(t2);
    claimCount += cmp.claims.length;
    const lines = summary.map((s) => s.text);
    totalWords += lines.join(' ').split(/\s+/).filter(Boolean).length;
    scoreJackknife(c.topic.id, lines, c.models, ours);
    const short = summarize(docs, { words, query, compress: true }).map((x) => x.text);
    scoreJackknife(c.topic.id, short, c.models, compressed);
    scoreJackknife(c.topic.id, leadBaseline(docs, words), c.models, lead);
  }
  const rows: SummariesEvalRow[] = [
    { system: 'storyline (ours)', rouge2: rougeBootstrapMean(ours.rouge2), su4: rougeBootstrapMean(ours.su4) },
    {
      system: 'storyline, closing attributions dropped',
      rouge2: rougeBootstrapMean(compressed.rouge2),
      su4: rougeBootstrapMean(compressed.su4),
    },
    {
      system: 'lead of latest article (our loader)',
      rouge2: rougeBootstrapMean(lead.rouge2),
      su4: rougeBootstrapMean(lead.su4),
    },
  ];
  const off2 = readOfficialAverages(path.join(ducDir, 'rouge2.jk.m.avg'));
  const offSU4 = readOfficialAverages(path.join(ducDir, 'rougeSU4.jk.m.avg'));
  if (off2.size > 0) {
    const systems = [...off2.keys()].filter((k) => /^\d+$/.test(k));
    const best = systems.sort((a, b) => (off2.get(b) as number) - (off2.get(a) as number))[0];
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
    rows,
    meanWords: clusters.length ? totalWords / clusters.length : 0,
    msPerCluster: clusters.length ? summariseMs / clusters.length : 0,
    compareMsPerCluster: clusters.length ? compareMs / clusters.length : 0,
    meanClaims: clusters.length ? claimCount / clusters.length : 0,
    seconds: (performance.now() - t0) / 1000,
  };
}

export function formatSummariesEval(r: SummariesEvalResult): string {
  return [
    `DUC 2006, ${r.clusters} clusters, jackknifed ROUGE (x100), -m -l 250`,
    'system                                   ROUGE-2   SU4',
    ...r.rows.map(
      (x) =>
        `${x.system.padEnd(40)} ${(x.rouge2 * 100).toFixed(2).padStart(7)} ${(x.su4 * 100).toFixed(2).padStart(6)}`,
    ),
    '',
    `mean summary length: ${r.meanWords.toFixed(1)} words; summarise: ${r.msPerCluster.toFixed(1)} ms CPU/cluster; total ${r.seconds.toFixed(1)} s`,
    `outlet comparison of a 25-article cluster: ${r.compareMsPerCluster.toFixed(1)} ms CPU, ${r.meanClaims.toFixed(0)} claims (annotation excluded)`,
  ].join('\n');
}
