import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnnotatedArticle, Article, Quote, QuoteKind } from '../model.js';
import { prf, type PRF } from './quotes.js';
import { readDucDocument } from './stories.js';

/**
 * Quote extraction scored on hand-labelled DUC 2006 articles (AP, NYT, Xinhua), to check that attribution
 * learnt on PolNeAR generalises to other outlets. The labels hold only document ids, offsets and short hashes;
 * the article text is read from the DUC folder at run time with the same reader story evaluation uses.
 */

export const QUOTE_KINDS: readonly QuoteKind[] = ['direct', 'partial', 'indirect'];
const SPEAKER_TYPES = ['person', 'organization', 'group', 'document'] as const;

export interface LabelledQuote {
  kind: QuoteKind;
  /** [start, end) of the quoted words, without quote marks. */
  quote: [number, number];
  /** First 8 hex digits of the SHA-1 of the span text. */
  hash: string;
  speaker: string | null;
  speakerType: (typeof SPEAKER_TYPES)[number] | null;
  /** [start, end) of the words naming the speaker at this attribution. */
  mention: [number, number] | null;
  /** For the second part of a split quote, the index of the first part. */
  continues?: number;
}

export interface LabelledArticle {
  doc: string;
  cluster: string;
  textLength: number;
  /** First 12 hex digits of the SHA-1 of `article.text`. */
  textHash: string;
  quotes: LabelledQuote[];
}

/** The labels file is malformed (names the line and the field). */
export class QuoteLabelsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuoteLabelsError';
  }
}

/** The text read now is not the text that was labelled: the DUC reader (or the data) changed. */
export class LabelledTextMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabelledTextMismatchError';
  }
}

export const sha1Hex = (s: string, n: number): string => createHash('sha1').update(s, 'utf8').digest('hex').slice(0, n);

/** `labels/quotes/duc2006.jsonl` at the package root, found from source (`src/eval`) and build (`dist/src/eval`). */
export function defaultQuoteLabelsPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.resolve(here, '../../labels/quotes/duc2006.jsonl'),
    path.resolve(here, '../../../labels/quotes/duc2006.jsonl'),
  ];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}

const isSpan = (x: unknown): x is [number, number] =>
  Array.isArray(x) && x.length === 2 && x.every((n) => Number.isInteger(n) && n >= 0) && x[0] < x[1];

/** Reads and validates a labels file: one JSON object per article. */
export function loadQuoteLabels(file: string): LabelledArticle[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new QuoteLabelsError(`cannot read the quote labels file "${file}"`);
  }
  const out: LabelledArticle[] = [];
  raw.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}:${i + 1}`;
    let a: LabelledArticle;
    try {
      a = JSON.parse(line) as LabelledArticle;
    } catch {
      throw new QuoteLabelsError(`${where}: not valid JSON`);
    }
    const bad = (what: string): never => {
      throw new QuoteLabelsError(`${where}: ${what}`);
    };
    if (typeof a.doc !== 'string' || !a.doc) bad('"doc" must be a document number');
    if (typeof a.cluster !== 'string' || !/^D\d+[A-Z]?$/.test(a.cluster)) bad('"cluster" must be a DUC cluster');
    if (!Number.isInteger(a.textLength)) bad('"textLength" must be an integer');
    if (typeof a.textHash !== 'string' || !/^[0-9a-f]{12}$/.test(a.textHash)) bad('"textHash" must be 12 hex digits');
    if (!Array.isArray(a.quotes)) bad('"quotes" must be an array');
    a.quotes.forEach((q, k) => {
      const at = `quote ${k}`;
      if (!QUOTE_KINDS.includes(q.kind)) bad(`${at}: "kind" must be direct, partial or indirect`);
      if (!isSpan(q.quote) || q.quote[1] > a.textLength) bad(`${at}: "quote" must be [start, end) within the text`);
      if (typeof q.hash !== 'string' || !/^[0-9a-f]{8}$/.test(q.hash)) bad(`${at}: "hash" must be 8 hex digits`);
      if (q.speaker !== null && typeof q.speaker !== 'string') bad(`${at}: "speaker" must be a string or null`);
      if (q.speakerType !== null && !SPEAKER_TYPES.includes(q.speakerType)) bad(`${at}: unknown "speakerType"`);
      if (q.mention !== null && (!isSpan(q.mention) || q.mention[1] > a.textLength)) bad(`${at}: bad "mention"`);
      if (q.continues !== undefined && !(Number.isInteger(q.continues) && q.continues >= 0 && q.continues < k))
        bad(`${at}: "continues" must be the index of an earlier quote`);
    });
    out.push(a);
  });
  return out;
}

/** Checks that `text` is the text that was labelled, span by span; throws `LabelledTextMismatchError`. */
export function checkLabelledText(a: LabelledArticle, text: string): void {
  const reader = 'the DUC reader (parseDucDocument in src/eval/stories.ts) or the data changed since labelling';
  if (text.length !== a.textLength || sha1Hex(text, 12) !== a.textHash)
    throw new LabelledTextMismatchError(
      `${a.cluster}/${a.doc}: text length ${text.length} / hash ${sha1Hex(text, 12)} differ from the labels (${a.textLength} / ${a.textHash}): ${reader}`,
    );
  a.quotes.forEach((q, k) => {
    if (sha1Hex(text.slice(q.quote[0], q.quote[1]), 8) !== q.hash)
      throw new LabelledTextMismatchError(`${a.cluster}/${a.doc}: quote ${k} no longer matches its hash: ${reader}`);
  });
}

// ---------------------------------------------------------------- matching rules

const TRIM = /[\s.,;:!?"'`\u2018\u2019\u201c\u201d]/;

/** The span without whitespace, sentence punctuation and quote marks at either end. */
export function trimQuoteSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && TRIM.test(text[s])) s++;
  while (e > s && TRIM.test(text[e - 1])) e--;
  return [s, e];
}

/** Same words after trimming both spans. */
export function exactMatch(text: string, a: [number, number], b: [number, number]): boolean {
  const x = trimQuoteSpan(text, a[0], a[1]);
  const y = trimQuoteSpan(text, b[0], b[1]);
  return x[0] === y[0] && x[1] === y[1];
}

/** At least half of the shorter span's characters are shared. */
export function overlapMatch(a: [number, number], b: [number, number]): boolean {
  const shared = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
  return shared > 0 && shared >= 0.5 * Math.min(a[1] - a[0], b[1] - b[0]);
}

/** The last word of a name, lower-cased, without a possessive or a generational suffix ("Irving Powless Jr."). */
export function lastWord(name: string): string {
  const words = (
    name
      .toLowerCase()
      .replace(/['\u2019]s\b/g, '')
      .match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []
  ).filter((w, i, all) => i === 0 || i < all.length - 1 || !/^(jr|sr|ii|iii|iv)$/.test(w));
  return words.pop() ?? '';
}
const FIRST_PERSON = /^(i|me|my|we|us|our)$/i;

/**
 * Whether a predicted speaker is the gold one: its span overlaps the gold mention, or the names share their last
 * word ("Gov. Bush" / "George W. Bush"), or the gold mention (not a first-person pronoun) lies on an entity
 * mention that coreference tied to the predicted speaker's entity.
 */
export function speakerMatches(
  text: string,
  gold: Pick<LabelledQuote, 'speaker' | 'mention'>,
  pred: Quote['speaker'],
  doc?: Pick<AnnotatedArticle, 'mentions'>,
): boolean {
  if (!pred || gold.speaker === null) return false;
  const m = gold.mention;
  if (m && pred.span && pred.span.start < m[1] && m[0] < pred.span.end) return true;
  const lw = lastWord(gold.speaker);
  if (lw && lw === lastWord(pred.name)) return true;
  if (m && pred.entity !== undefined && doc && !FIRST_PERSON.test(text.slice(m[0], m[1]).trim()))
    return doc.mentions.some((x) => x.entity === pred.entity && x.start < m[1] && m[0] < x.end);
  return false;
}

// ---------------------------------------------------------------- scoring

interface Tally {
  gold: number;
  predicted: number;
  exactR: number;
  exactP: number;
  overlapR: number;
  overlapP: number;
}
const tally = (): Tally => ({ gold: 0, predicted: 0, exactR: 0, exactP: 0, overlapR: 0, overlapP: 0 });

export interface LabelledQuoteError {
  article: string;
  kind: 'missed' | 'spurious' | 'speaker';
  /** The quote's kind (gold for missed and speaker errors, predicted for spurious ones). */
  quoteKind: QuoteKind;
  text: string;
  context: string;
  /** Gold speaker for speaker errors and missed quotes. */
  gold?: string;
  /** Predicted speaker (or predicted overlapping text for a missed quote). */
  predicted?: string;
}

/** Raw counts for one article or the whole set; `scoreArticle` adds to it. */
export interface LabelledCounts {
  all: Tally;
  byKind: Record<QuoteKind, Tally>;
  speaker: { found: number; correct: number };
  kind: { found: number; correct: number; confusion: Record<QuoteKind, Record<QuoteKind, number>> };
  errors: LabelledQuoteError[];
}

export function emptyCounts(): LabelledCounts {
  const row = (): Record<QuoteKind, number> => ({ direct: 0, partial: 0, indirect: 0 });
  return {
    all: tally(),
    byKind: { direct: tally(), partial: tally(), indirect: tally() },
    speaker: { found: 0, correct: 0 },
    kind: { found: 0, correct: 0, confusion: { direct: row(), partial: row(), indirect: row() } },
    errors: [],
  };
}

function contextOf(text: string, s: number, e: number, width = 70): string {
  const a = Math.max(0, s - width);
  const b = Math.min(text.length, e + width);
  return `${text.slice(a, s)}[${text.slice(s, e)}]${text.slice(e, b)}`.replace(/\s+/g, ' ');
}

const shared = (a: [number, number], b: [number, number]): number => Math.min(a[1], b[1]) - Math.max(a[0], b[0]);

/** Scores one article's predictions against its gold quotes and adds the result to `c`. */
export function scoreArticle(
  c: LabelledCounts,
  article: string,
  text: string,
  gold: readonly LabelledQuote[],
  pred: readonly Quote[],
  doc?: Pick<AnnotatedArticle, 'mentions'>,
): void {
  const P = pred.map((p) => ({ q: p, span: [p.start, p.end] as [number, number] }));
  for (const g of gold) {
    const t = [c.all, c.byKind[g.kind]];
    const over = P.filter((p) => overlapMatch(g.quote, p.span)).sort(
      (x, y) => shared(g.quote, y.span) - shared(g.quote, x.span),
    );
    const exact = P.some((p) => exactMatch(text, g.quote, p.span));
    for (const x of t) {
      x.gold++;
      if (exact) x.exactR++;
      if (over.length) x.overlapR++;
    }
    if (!over.length) {
      const near = P.find((p) => shared(g.quote, p.span) > 0);
      c.errors.push({
        article,
        kind: 'missed',
        quoteKind: g.kind,
        text: text.slice(g.quote[0], g.quote[1]),
        context: contextOf(text, g.quote[0], g.quote[1]),
        gold: g.speaker ?? '(none)',
        ...(near ? { predicted: near.q.text } : {}),
      });
      continue;
    }
    const best = over[0].q;
    c.kind.found++;
    c.kind.confusion[g.kind][best.kind]++;
    if (best.kind === g.kind) c.kind.correct++;
    if (g.speaker === null) continue;
    c.speaker.found++;
    if (speakerMatches(text, g, best.speaker, doc)) c.speaker.correct++;
    else {
      // The quote in brackets, with enough context either side to show the gold mention.
      const m = g.mention ?? g.quote;
      const width = Math.min(200, Math.max(40, g.quote[0] - m[0] + 10, m[1] - g.quote[1] + 10));
      c.errors.push({
        article,
        kind: 'speaker',
        quoteKind: g.kind,
        text: text.slice(g.quote[0], g.quote[1]),
        context: contextOf(text, g.quote[0], g.quote[1], width),
        gold: `${g.speaker}${g.mention ? ` ("${text.slice(g.mention[0], g.mention[1])}")` : ''}`,
        predicted: best.speaker
          ? `${best.speaker.name}${best.speaker.span ? ` ("${best.speaker.span.text}")` : ''}`
          : '(none)',
      });
    }
  }
  for (const p of P) {
    const t = [c.all, c.byKind[p.q.kind]];
    const exact = gold.some((g) => exactMatch(text, g.quote, p.span));
    const over = gold.some((g) => overlapMatch(g.quote, p.span));
    for (const x of t) {
      x.predicted++;
      if (exact) x.exactP++;
      if (over) x.overlapP++;
    }
    if (!over)
      c.errors.push({
        article,
        kind: 'spurious',
        quoteKind: p.q.kind,
        text: p.q.text,
        context: contextOf(text, p.q.start, p.q.end),
        predicted: p.q.speaker?.name ?? '(none)',
      });
  }
}

// ---------------------------------------------------------------- running and printing

const round = (x: number): number => Math.round(x * 10) / 10;

export interface QuoteScores {
  exact: PRF;
  overlap: PRF;
}
const scoresOf = (t: Tally): QuoteScores => ({
  exact: prf(t.exactP, t.exactR, t.predicted, t.gold),
  overlap: prf(t.overlapP, t.overlapR, t.predicted, t.gold),
});

export interface LabelledQuotesEvalResult {
  labels: string;
  articles: number;
  gold: Record<QuoteKind | 'all', number>;
  all: QuoteScores;
  byKind: Record<QuoteKind, QuoteScores>;
  speaker: { found: number; correct: number; accuracy: number };
  kind: { found: number; correct: number; accuracy: number; confusion: Record<QuoteKind, Record<QuoteKind, number>> };
  /** Present when asked for. */
  errors?: LabelledQuoteError[];
}

export interface LabelledQuotesEvalOptions {
  /** The labels file (default `labels/quotes/duc2006.jsonl` in the package). */
  labels?: string;
  /** List missed, spurious and wrong-speaker items. */
  errors?: boolean;
  /** Replaces the product pipeline (tests, or scoring another build); gets the article as the reader made it. */
  extract?: (article: Article) => { quotes: Quote[]; doc?: Pick<AnnotatedArticle, 'mentions'> };
}

/** The product's path for quotes: the text stage, then entities, then quotes, as the pipeline runs them. */
async function productExtractor(): Promise<NonNullable<LabelledQuotesEvalOptions['extract']>> {
  const [{ annotateText }, { annotateSyntax }, { annotateEntities }, { analyzeQuotes }] = await Promise.all([
    import('../text/annotate.js'),
    import('../text/parse.js'),
    import('../entities/index.js'),
    import('../quotes/index.js'),
  ]);
  return (article) => {
    const doc = annotateEntities(annotateSyntax(annotateText(article)));
    return { quotes: analyzeQuotes(doc).quotes, doc };
  };
}

/** Runs the product's quote pipeline (text, entities, quotes) on each labelled article and scores it. */
export async function runLabelledQuotesEval(
  ducDocsDir: string,
  opts: LabelledQuotesEvalOptions = {},
): Promise<LabelledQuotesEvalResult> {
  const extract = opts.extract ?? (await productExtractor());
  const file = opts.labels ?? defaultQuoteLabelsPath();
  const labels = loadQuoteLabels(file);
  const c = emptyCounts();
  for (const a of labels) {
    const article = await readDucDocument(ducDocsDir, a.cluster, a.doc, (m) => new QuoteLabelsError(m));
    checkLabelledText(a, article.text);
    const { quotes, doc } = extract(article);
    scoreArticle(c, `${a.cluster}/${a.doc}`, article.text, a.quotes, quotes, doc);
  }
  const count = (k: QuoteKind): number => labels.reduce((n, a) => n + a.quotes.filter((q) => q.kind === k).length, 0);
  return {
    labels: path.relative(process.cwd(), file) || file,
    articles: labels.length,
    gold: { all: c.all.gold, direct: count('direct'), partial: count('partial'), indirect: count('indirect') },
    all: scoresOf(c.all),
    byKind: {
      direct: scoresOf(c.byKind.direct),
      partial: scoresOf(c.byKind.partial),
      indirect: scoresOf(c.byKind.indirect),
    },
    speaker: { ...c.speaker, accuracy: c.speaker.found ? round((100 * c.speaker.correct) / c.speaker.found) : 0 },
    kind: { ...c.kind, accuracy: c.kind.found ? round((100 * c.kind.correct) / c.kind.found) : 0 },
    ...(opts.errors ? { errors: c.errors } : {}),
  };
}

/** Plain-text tables of a labelled quotes evaluation. */
export function formatLabelledQuotesEval(r: LabelledQuotesEvalResult): string {
  const n = (x: number, w: number): string => x.toFixed(1).padStart(w);
  const lines = [
    `DUC 2006 labelled quotes (${r.labels}): ${r.articles} articles, ${r.gold.all} gold quotes ` +
      `(${r.gold.direct} direct, ${r.gold.partial} partial, ${r.gold.indirect} indirect)`,
    '',
    'quotes   |  gold | pred | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1',
    '---------|-------|------|---------|---------|----------|-----------|-----------|-----------',
  ];
  const row = (name: string, s: QuoteScores): void => {
    const e = s.exact;
    const o = s.overlap;
    lines.push(
      `${name.padEnd(8)} | ${String(e.gold).padStart(5)} | ${String(e.predicted).padStart(4)} | ${n(e.precision, 7)} | ` +
        `${n(e.recall, 7)} | ${n(e.f1, 8)} | ${n(o.precision, 9)} | ${n(o.recall, 9)} | ${n(o.f1, 10)}`,
    );
  };
  row('all', r.all);
  for (const k of QUOTE_KINDS) row(k, r.byKind[k]);
  lines.push(
    '(recall by gold kind, precision by predicted kind; a prediction is right if it matches any gold quote)',
    '',
    `Speaker accuracy on found quotes with a gold speaker: ${r.speaker.accuracy.toFixed(1)} % (${r.speaker.correct}/${r.speaker.found})`,
    `Kind accuracy on found quotes: ${r.kind.accuracy.toFixed(1)} % (${r.kind.correct}/${r.kind.found})`,
    '',
    'gold \\ predicted | direct | partial | indirect',
    '-----------------|--------|---------|---------',
  );
  for (const g of QUOTE_KINDS) {
    const c = r.kind.confusion[g];
    lines.push(
      `${g.padEnd(16)} | ${String(c.direct).padStart(6)} | ${String(c.partial).padStart(7)} | ${String(c.indirect).padStart(8)}`,
    );
  }
  if (r.errors) {
    lines.push('', `Errors (${r.errors.length}):`);
    for (const e of r.errors) {
      const who =
        e.kind === 'speaker'
          ? ` | gold: ${e.gold} | predicted: ${e.predicted}`
          : e.kind === 'missed'
            ? ` | speaker: ${e.gold}${e.predicted !== undefined ? ` | predicted nearby: ${e.predicted}` : ''}`
            : ` | predicted speaker: ${e.predicted}`;
      lines.push(`${e.article}\t${e.kind}\t${e.quoteKind}${who}\n    ${e.context}`);
    }
  }
  return lines.join('\n');
}
