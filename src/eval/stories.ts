import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AnnotatedArticle, Article } from '../model.js';
import { readArticleFile } from '../ingest/files.js';
import { annotateArticle } from '../pipeline.js';
import { StoryClusterer, clusterArticles, type StoryClustererOptions } from '../stories/index.js';
import { bcubed, pairwise, type PRF } from '../stories/metrics.js';

export { bcubed, pairwise, type PRF } from '../stories/metrics.js';

/** One article of an evaluation set with its gold cluster labels, in feeding order. */
export interface GoldArticle {
  article: Article;
  /** Gold story label. */
  story: string;
  /** Coarser gold label (ECB+ topic), when the set has one. */
  topic?: string;
}

export type StoriesFormat = 'ecbplus' | 'duc';

export class StoriesEvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoriesEvalError';
  }
}

const naturalKey = (name: string): Array<string | number> =>
  name.split(/(\d+)/).map((p, i) => (i % 2 === 1 ? Number(p) : p));

function naturalCompare(a: string, b: string): number {
  const ka = naturalKey(a);
  const kb = naturalKey(b);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    if (ka[i] === kb[i]) continue;
    if (typeof ka[i] === 'number' && typeof kb[i] === 'number') return (ka[i] as number) - (kb[i] as number);
    return String(ka[i]) < String(kb[i]) ? -1 : 1;
  }
  return ka.length - kb.length;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Joins one sentence's tokens with the spacing conventions of written English. */
export function detokenize(tokens: string[]): string {
  let out = '';
  let openDouble = true;
  for (let tok of tokens) {
    if (tok === '``') tok = '"';
    if (tok === "''") tok = '"';
    let space = out.length > 0;
    if (/^[,.;:!?%)\]}]+$/.test(tok) || /^(['’](s|re|ve|ll|d|m)|n['’]t)$/i.test(tok)) space = false;
    if (/[([{$]$/.test(out)) space = false;
    if (tok === '"') {
      if (openDouble) openDouble = false;
      else {
        space = false;
        openDouble = true;
      }
    }
    if (out.endsWith('"') && !openDouble && out.length > 0 && tok !== '"') {
      // Right after an opening quote.
      const before = out.slice(0, -1);
      if (before === '' || /\s$/.test(before)) space = false;
    }
    out += (space ? ' ' : '') + tok;
  }
  return out;
}

/** Reads an ECB+ document: the text is rebuilt sentence by sentence, one line per sentence. */
export function parseEcbDocument(xml: string, id: string): Article {
  const sentences = new Map<number, string[]>();
  for (const m of xml.matchAll(/<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
    const s = Number(m[1]);
    const list = sentences.get(s);
    const tok = unescapeXml(m[2]);
    if (list) list.push(tok);
    else sentences.set(s, [tok]);
  }
  const text = [...sentences.keys()]
    .sort((a, b) => a - b)
    .map((k) => detokenize(sentences.get(k) as string[]))
    .join('\n');
  return { id, text, path: id, publishedInferred: false };
}

/** Loads ECB+ in file-name order: topics by number, then documents by number, `ecb` before `ecbplus`. */
export async function loadEcbPlus(dir: string): Promise<GoldArticle[]> {
  const topics = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && /^\d+$/.test(d.name))
    .map((d) => d.name)
    .sort(naturalCompare);
  const out: GoldArticle[] = [];
  for (const topic of topics) {
    const files = (await readdir(path.join(dir, topic))).filter((f) => /^\d+_\d+ecb(plus)?\.xml$/.test(f));
    files.sort(naturalCompare);
    for (const f of files) {
      const xml = await readFile(path.join(dir, topic, f), 'utf8');
      const name = f.replace(/\.xml$/, '');
      const kind = name.endsWith('ecbplus') ? 'ecbplus' : 'ecb';
      out.push({ article: parseEcbDocument(xml, name), story: `${topic}_${kind}`, topic });
    }
  }
  return out;
}

const OUTLETS: Record<string, string> = { APW: 'Associated Press', NYT: 'New York Times', XIE: 'Xinhua' };

function tag(sgml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'i').exec(sgml);
  return m ? m[1] : undefined;
}

/** `YYYY-MM-DD` from a DUC `DATE_TIME` (`1999-07-07 08:30:27` or `06/10/1998`) or the DOCNO. */
export function ducDate(dateTime: string | undefined, docno: string): string | undefined {
  const t = (dateTime ?? '').trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(t);
  if (m) return `${m[3]}-${m[1]}-${m[2]}`;
  m = /^[A-Z]+(\d{4})(\d{2})(\d{2})/.exec(docno);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * One labelled DUC 2006 document, read as the labels were made: `<docs>/<cluster>/<doc>` through
 * `parseDucDocument`. An unreadable file is reported through `fail`, so each evaluator throws its own error type.
 */
export async function readDucDocument(
  ducDocsDir: string,
  cluster: string,
  doc: string,
  fail: (message: string) => Error,
): Promise<Article> {
  const p = path.join(ducDocsDir, cluster, doc);
  let sgml: string;
  try {
    sgml = await readFile(p, 'utf8');
  } catch {
    throw fail(`cannot read ${p}: pass the DUC 2006 docs folder (…/summaries/duc2006/docs)`);
  }
  return parseDucDocument(sgml, doc);
}

/** Reads one DUC SGML document: headline as title, `<P>` paragraphs separated by blank lines. */
export function parseDucDocument(sgml: string, fallbackId: string): Article {
  const docno = (tag(sgml, 'DOCNO') ?? fallbackId).trim();
  const body = tag(sgml, 'TEXT') ?? '';
  const paras = body.includes('<P>')
    ? [...body.matchAll(/<P>([\s\S]*?)<\/P>/gi)].map((m) => m[1])
    : body.split(/\n\s*\n/);
  const text = paras
    .map((p) =>
      unescapeXml(p.replace(/<[^>]+>/g, ' '))
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((p) => p.length > 0)
    .join('\n\n');
  const headline = tag(sgml, 'HEADLINE');
  const title = headline
    ? unescapeXml(headline.replace(/<[^>]+>/g, ' '))
        .replace(/\s+/g, ' ')
        .trim()
    : undefined;
  const published = ducDate(tag(sgml, 'DATE_TIME'), docno);
  const prefix = /^[A-Z]+/.exec(docno)?.[0] ?? '';
  return {
    id: docno,
    text,
    title: title || undefined,
    source: OUTLETS[prefix] ?? (prefix || undefined),
    published,
    publishedInferred: false,
    path: docno,
  };
}

/** Loads DUC 2006 cluster folders as one stream in publication-date order (ties by document number). */
export async function loadDuc(dir: string): Promise<GoldArticle[]> {
  const clusters = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && /^D\d+[A-Z]?$/.test(d.name))
    .map((d) => d.name)
    .sort();
  const out: GoldArticle[] = [];
  for (const c of clusters) {
    for (const f of (await readdir(path.join(dir, c))).sort()) {
      const sgml = await readFile(path.join(dir, c, f), 'utf8');
      const article = parseDucDocument(sgml, f);
      // A few documents belong to two clusters: the cluster prefix keeps every item distinct.
      out.push({ article: { ...article, id: `${c}/${article.id}` }, story: c });
    }
  }
  out.sort(
    (a, b) =>
      (a.article.published ?? '').localeCompare(b.article.published ?? '') || a.article.id.localeCompare(b.article.id),
  );
  return out;
}

/** Decides the format from the folder's content. */
export async function detectStoriesFormat(dir: string): Promise<StoriesFormat> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    throw new StoriesEvalError(`cannot read "${dir}": pass the ECB+ folder or the DUC 2006 docs folder`);
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    const files = await readdir(path.join(dir, e)).catch(() => [] as string[]);
    if (files.some((f) => /^\d+_\d+ecb(plus)?\.xml$/.test(f))) return 'ecbplus';
  }
  for (const e of entries) {
    if (!/^D\d+[A-Z]?$/.test(e)) continue;
    if ((await stat(path.join(dir, e))).isDirectory()) return 'duc';
  }
  if (entries.includes('docs') && (await stat(path.join(dir, 'docs'))).isDirectory()) {
    const inner = await readdir(path.join(dir, 'docs'));
    if (inner.some((e) => /^D\d+[A-Z]?$/.test(e))) return 'duc';
  }
  throw new StoriesEvalError(
    `"${dir}" holds neither ECB+ topic folders (N/N_Mecb.xml) nor DUC cluster folders (D06NNX/): check the path`,
  );
}

/**
 * Reads plain-text articles of a folder the way the engine does (`title:`/`source:`/`date:` header lines),
 * plus an optional leading ` date YYYY-MM-DD ` line as the publication date. Ids are the file names.
 */
export async function loadTextArticles(dir: string): Promise<Article[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort(naturalCompare);
  const out: Article[] = [];
  for (const f of files) {
    const r = await readArticleFile(path.join(dir, f));
    if (!r.ok) throw new StoriesEvalError(`cannot read ${f}: ${r.failure.reason}`);
    const a = r.article;
    const m = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+/.exec(a.text);
    out.push({
      ...a,
      id: f.replace(/\.txt$/, ''),
      text: m ? a.text.slice(m[0].length) : a.text,
      published: a.published ?? (m ? m[1] : undefined),
      publishedInferred: m && !a.published ? false : a.publishedInferred,
      path: f,
    });
  }
  return out;
}

/** Annotates and clusters a folder of plain-text articles; story id → article ids. */
export async function clusterTextFolder(
  dir: string,
  options: Partial<StoryClustererOptions> = {},
): Promise<Map<string, string[]>> {
  const docs = (await loadTextArticles(dir)).map((a) => annotateArticle(a));
  return clusterArticles(docs, options);
}

export interface StoriesEvalOptions {
  /** Forces a format instead of detecting it. */
  format?: StoriesFormat;
  /** Only the first N articles of the stream. */
  limit?: number;
  /** Clusterer settings to evaluate instead of the defaults. */
  clusterer?: Partial<StoryClustererOptions>;
  /** Runs `recheck()` once after the stream. */
  recheck?: boolean;
  /** Annotated articles to reuse (keyed by article id), e.g. when sweeping settings. */
  annotated?: Map<string, AnnotatedArticle>;
}

export interface ClusteringScores {
  level: string;
  bcubed: PRF;
  pairwise: PRF;
  predicted: number;
  gold: number;
  largestPredicted: number;
  largestGold: number;
}

export interface StoriesEvalResult {
  format: StoriesFormat;
  path: string;
  articles: number;
  levels: ClusteringScores[];
  /** Articles per second through the clusterer alone. */
  clusterArticlesPerSecond: number;
  /** Articles per second through annotation and clustering. */
  pipelineArticlesPerSecond: number;
  duplicates: number;
  candidatesPerArticle: number;
}

export async function loadStoriesSet(
  dir: string,
  format?: StoriesFormat,
): Promise<{ format: StoriesFormat; items: GoldArticle[] }> {
  const fmt = format ?? (await detectStoriesFormat(dir));
  let root = dir;
  if (fmt === 'duc' && !(await readdir(dir)).some((e) => /^D\d+[A-Z]?$/.test(e))) root = path.join(dir, 'docs');
  const items = fmt === 'ecbplus' ? await loadEcbPlus(root) : await loadDuc(root);
  if (items.length === 0) throw new StoriesEvalError(`no articles found under "${root}"`);
  return { format: fmt, items };
}

function score(level: string, pred: Map<string, string>, gold: Map<string, string>): ClusteringScores {
  const sizes = (m: Map<string, string>): number[] => {
    const c = new Map<string, number>();
    for (const v of m.values()) c.set(v, (c.get(v) ?? 0) + 1);
    return [...c.values()];
  };
  const ps = sizes(pred);
  const gs = sizes(gold);
  return {
    level,
    bcubed: bcubed(pred, gold),
    pairwise: pairwise(pred, gold),
    predicted: ps.length,
    gold: gs.length,
    largestPredicted: Math.max(0, ...ps),
    largestGold: Math.max(0, ...gs),
  };
}

/** Clusters an evaluation set as a stream and scores the result against its gold stories. */
export async function runStoriesEval(dir: string, opts: StoriesEvalOptions = {}): Promise<StoriesEvalResult> {
  const { format, items: all } = await loadStoriesSet(dir, opts.format);
  const items = opts.limit !== undefined ? all.slice(0, opts.limit) : all;
  const t0 = performance.now();
  const docs = items.map((it) => opts.annotated?.get(it.article.id) ?? annotateArticle(it.article));
  const tAnnotate = performance.now() - t0;
  const clusterer = new StoryClusterer(opts.clusterer);
  const t1 = performance.now();
  let duplicates = 0;
  for (const d of docs) if (clusterer.add(d).duplicateOf !== undefined) duplicates++;
  if (opts.recheck) clusterer.recheck();
  const tCluster = performance.now() - t1;
  const pred = new Map<string, string>();
  const predTopic = new Map<string, string>();
  for (const s of clusterer.stories()) {
    for (const a of s.articleIds) {
      pred.set(a, s.id);
      predTopic.set(a, s.topicId);
    }
  }
  const levels: ClusteringScores[] = [];
  levels.push(score('story', pred, new Map(items.map((it) => [it.article.id, it.story]))));
  {
    const goldTopic = new Map(items.map((it) => [it.article.id, it.topic ?? it.story]));
    // Topic level scores the clusterer's topics (stories about similar events) against ECB+ topics, or
    // against the DUC clusters themselves, which are topics spanning years rather than single events.
    levels.push(score('topic', predTopic, goldTopic));
  }
  const stats = clusterer.stats();
  return {
    format,
    path: dir,
    articles: items.length,
    levels,
    clusterArticlesPerSecond: items.length / Math.max(tCluster / 1000, 1e-9),
    pipelineArticlesPerSecond: items.length / Math.max((tCluster + tAnnotate) / 1000, 1e-9),
    duplicates,
    candidatesPerArticle: stats.articles === 0 ? 0 : stats.scored / stats.articles,
  };
}

const pct = (x: number): string => (100 * x).toFixed(1);

/** A plain-text table of the scores. */
export function formatStoriesEval(r: StoriesEvalResult): string {
  const lines: string[] = [];
  lines.push(`Story clustering — ${r.format === 'ecbplus' ? 'ECB+' : 'DUC 2006'} (${r.articles} articles)`);
  lines.push('');
  lines.push(
    'level  | B3 P  | B3 R  | B3 F1 | pair P | pair R | pair F1 | predicted | gold | largest pred | largest gold',
  );
  lines.push(
    '-------|-------|-------|-------|--------|--------|---------|-----------|------|--------------|-------------',
  );
  for (const l of r.levels) {
    lines.push(
      [
        l.level.padEnd(6),
        pct(l.bcubed.precision).padStart(5),
        pct(l.bcubed.recall).padStart(5),
        pct(l.bcubed.f1).padStart(5),
        pct(l.pairwise.precision).padStart(6),
        pct(l.pairwise.recall).padStart(6),
        pct(l.pairwise.f1).padStart(7),
        String(l.predicted).padStart(9),
        String(l.gold).padStart(4),
        String(l.largestPredicted).padStart(12),
        String(l.largestGold).padStart(12),
      ].join(' | '),
    );
  }
  lines.push('');
  lines.push(
    `speed: ${r.clusterArticlesPerSecond.toFixed(0)} articles/s clustering only, ` +
      `${r.pipelineArticlesPerSecond.toFixed(1)} articles/s with annotation; ` +
      `${r.candidatesPerArticle.toFixed(1)} stories scored per article; ${r.duplicates} near-duplicates`,
  );
  return lines.join('\n');
}
