import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

/** A brat text-bound annotation: possibly discontinuous fragments, evaluated by its hull. */
export interface BratSpan {
  start: number;
  end: number;
  fragments: Array<[number, number]>;
}

/** One gold attribution: an `E` line tying source, cue and content together. */
export interface GoldAttribution {
  source?: BratSpan;
  cue?: BratSpan;
  content?: BratSpan;
}

export interface PolnearDoc {
  name: string;
  annotator: string;
  text: string;
  attributions: GoldAttribution[];
}

export class PolnearFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolnearFormatError';
  }
}

/** Parses a brat standoff file into attributions; unknown or malformed lines are skipped. */
export function parseBrat(ann: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; span: BratSpan }>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    if (line.startsWith('T')) {
      const [id, spec] = line.split('\t');
      if (!spec) continue;
      const sp = spec.indexOf(' ');
      const type = spec.slice(0, sp);
      const frags: Array<[number, number]> = [];
      for (const part of spec.slice(sp + 1).split(';')) {
        const m = /^(\d+) (\d+)$/.exec(part.trim());
        if (m) frags.push([Number(m[1]), Number(m[2])]);
      }
      if (frags.length === 0) continue;
      const start = Math.min(...frags.map((f) => f[0]));
      const end = Math.max(...frags.map((f) => f[1]));
      spans.set(id, { type, span: { start, end, fragments: frags } });
    } else if (line.startsWith('E')) {
      events.push(line.split('\t')[1] ?? '');
    }
  }
  const out: GoldAttribution[] = [];
  for (const ev of events) {
    const a: GoldAttribution = {};
    for (const arg of ev.trim().split(/\s+/)) {
      const [role, id] = arg.split(':');
      const s = spans.get(id)?.span;
      if (!s) continue;
      if (role.startsWith('Source')) a.source = s;
      else if (role.startsWith('Cue')) a.cue = s;
      else if (role.startsWith('Content')) a.content = s;
    }
    if (a.cue || a.content) out.push(a);
  }
  return out;
}

/** Loads a PolNeAR split: one annotator per article, the first in sorted order. */
export function loadPolnear(dir: string, limit = Infinity, skip = 0): PolnearDoc[] {
  const textDir = path.join(dir, 'text');
  const annDir = path.join(dir, 'attributions');
  if (!existsSync(textDir) || !existsSync(annDir)) {
    throw new PolnearFormatError(`${dir} is not a PolNeAR split: expected text/ and attributions/ folders inside it`);
  }
  const anns = readdirSync(annDir)
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const byDoc = new Map<string, string>();
  for (const f of anns) {
    const m = /^(.*)_([^_]+)\.ann$/.exec(f);
    if (!m) continue;
    if (!byDoc.has(m[1])) byDoc.set(m[1], m[2]);
  }
  const docs: PolnearDoc[] = [];
  for (const [name, annotator] of [...byDoc.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).slice(skip)) {
    if (docs.length >= limit) break;
    const tp = path.join(textDir, `${name}.txt`);
    if (!existsSync(tp)) continue;
    const text = readFileSync(tp, 'utf8');
    const attributions = parseBrat(readFileSync(path.join(annDir, `${name}_${annotator}.ann`), 'utf8'));
    docs.push({ name, annotator, text, attributions });
  }
  return docs;
}

export interface PRF {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface RoleScores {
  source: { exact: PRF; overlap: PRF };
  cue: { exact: PRF; overlap: PRF };
  content: { exact: PRF; overlap: PRF };
}

export interface QuotesEvalResult {
  dataset: string;
  articles: number;
  goldAttributions: number;
  goldDirect: number;
  all: RoleScores;
  direct: RoleScores;
  speaker: { found: number; correct: number; accuracy: number; withoutSource: number };
  /** Articles per CPU-second through the quotes stage alone (tokens and entities computed beforehand). */
  articlesPerSecond: number;
  /** Present when `errors` was asked for. */
  errors?: QuoteError[];
}

export interface QuotesEvalOptions {
  /** Evaluate at most this many articles. */
  limit?: number;
  /** Skip this many articles first (a held-out tail of a split used for training). */
  skip?: number;
  /** Run the entity stage before quotes (default true), as the pipeline does. */
  entities?: boolean;
  /** Timed rounds for the speed measurement (default 3; the best is reported; 0 skips it). */
  speedPasses?: number;
  /** Which attribution finders run (default both: rules and the learned models); for ablations. */
  attribution?: 'rules' | 'model' | 'both';
  /** List the errors of one role (exact match, all attributions) or of speakers on direct quotes. */
  errors?: ErrorListing;
}

export type ErrorListing = 'source' | 'cue' | 'content' | 'speaker';

/** One error: a missed gold span (`missed`), a prediction matching no gold span (`spurious`), or a wrong speaker. */
export interface QuoteError {
  article: string;
  kind: 'missed' | 'spurious' | 'speaker';
  /** The span as written, and a little of the text around it. */
  text: string;
  context: string;
  /** The overlapping span on the other side, if any (prediction for a missed span, gold for a spurious one). */
  other?: string;
}

type Key = string;
const keyOf = (s: number, e: number): Key => `${s}:${e}`;

function trimRange(text: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}

/** Spans trimmed of surrounding whitespace, empty ones dropped, each offset pair once. */
function distinctSpans(text: string, xs: Array<[number, number]>): Array<[number, number]> {
  const m = new Map<Key, [number, number]>();
  for (const [s, e] of xs) {
    const r = trimRange(text, s, e);
    if (r[1] > r[0]) m.set(keyOf(r[0], r[1]), r);
  }
  return [...m.values()];
}

class Counter {
  tp = 0;
  ovP = 0;
  ovR = 0;
  predicted = 0;
  gold = 0;
  add(text: string, pred: Array<[number, number]>, gold: Array<[number, number]>, all: Array<[number, number]>): void {
    const P = distinctSpans(text, pred);
    const G = distinctSpans(text, gold);
    const A = distinctSpans(text, all);
    const aKeys = new Set(A.map(([s, e]) => keyOf(s, e)));
    const pKeys = new Set(P.map(([s, e]) => keyOf(s, e)));
    this.predicted += P.length;
    this.gold += G.length;
    // Precision counts a prediction right if it matches any gold span of the role; recall is over `gold`.
    const tpP = P.filter(([s, e]) => aKeys.has(keyOf(s, e))).length;
    const tpR = G.filter(([s, e]) => pKeys.has(keyOf(s, e))).length;
    this.tp += tpP;
    this.tpR += tpR;
    this.ovP += P.filter(([s, e]) => A.some(([a, b]) => s < b && a < e)).length;
    this.ovR += G.filter(([s, e]) => P.some(([a, b]) => s < b && a < e)).length;
  }
  tpR = 0;
  exact(): PRF {
    return prf(this.tp, this.tpR, this.predicted, this.gold);
  }
  overlap(): PRF {
    return prf(this.ovP, this.ovR, this.predicted, this.gold);
  }
}

/** Precision, recall and F1 (percent, one decimal) from the two true-positive counts. */
export function prf(tpP: number, tpR: number, predicted: number, gold: number): PRF {
  const precision = predicted ? tpP / predicted : 0;
  const recall = gold ? tpR / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    tp: tpR,
    predicted,
    gold,
    precision: round(precision * 100),
    recall: round(recall * 100),
    f1: round(f1 * 100),
  };
}

const round = (x: number): number => Math.round(x * 10) / 10;

/** A gold content is a direct quote when quote marks surround it (inside or just outside the span). */
export function isDirectContent(text: string, s: number, e: number): boolean {
  [s, e] = trimRange(text, s, e);
  const open = /["\u201c]/;
  const close = /["\u201d]/;
  const startsQ =
    open.test(text[s] ?? '') ||
    open.test(text[s - 1] ?? '') ||
    text.startsWith("''", s) ||
    text.startsWith("''", s - 2);
  let k = e - 1;
  while (k > s && /[.,!?;:]/.test(text[k])) k--;
  const endsQ =
    close.test(text[k] ?? '') ||
    close.test(text[e] ?? '') ||
    close.test(text[e + 1] ?? '') ||
    text.startsWith("''", k - 1) ||
    text.startsWith("''", e);
  return startsQ && endsQ;
}

/**
 * Scores the quotes stage on a PolNeAR split. Predictions are mapped to PolNeAR's conventions: content is
 * the whole statement with its quote marks (all parts of a split quote), source is the words naming the
 * source at the attribution (with determiners and titles), cue is the verb with its auxiliaries.
 */
export async function runQuotesEval(polnearDir: string, opts: QuotesEvalOptions = {}): Promise<QuotesEvalResult> {
  const [{ annotateText }, { annotateSyntax }, { annotateEntities }, { analyzeQuotes }] = await Promise.all([
    import('../text/annotate.js'),
    import('../text/parse.js'),
    import('../entities/index.js'),
    import('../quotes/index.js'),
  ]);
  const docs = loadPolnear(polnearDir, opts.limit ?? Infinity, opts.skip ?? 0);
  const roles = ['source', 'cue', 'content'] as const;
  const allC = { source: new Counter(), cue: new Counter(), content: new Counter() };
  const dirC = { source: new Counter(), cue: new Counter(), content: new Counter() };
  let goldAttributions = 0;
  let goldDirect = 0;
  let found = 0;
  let correct = 0;
  let withoutSource = 0;
  const errors: QuoteError[] = [];
  const annotated: Array<Awaited<ReturnType<typeof annotateText>>> = [];
  for (const d of docs) {
    let doc = annotateSyntax(annotateText({ id: d.name, text: d.text, publishedInferred: false }));
    if (opts.entities !== false) {
      try {
        doc = annotateEntities(doc);
      } catch {
        // Quotes must work from the text alone when the entity stage fails.
      }
    }
    annotated.push(doc);
    const { raw } = analyzeQuotes(doc, opts.attribution);
    const text = d.text;
    const gold = d.attributions;
    goldAttributions += gold.length;
    const gDirect = gold.filter((g) => g.content && isDirectContent(text, g.content.start, g.content.end));
    goldDirect += gDirect.length;
    const pick = (xs: typeof gold, role: (typeof roles)[number]): Array<[number, number]> =>
      xs.flatMap((g) => (g[role] ? [[g[role]!.start, g[role]!.end] as [number, number]] : []));
    const predOf = (kinds: Set<string>, role: (typeof roles)[number]): Array<[number, number]> =>
      raw
        .filter((a) => kinds.has(a.kind))
        .flatMap((a) => {
          const r = role === 'content' ? a.statement : role === 'cue' ? a.cue : (a.sourceExtent ?? a.source);
          if (!r) return [];
          // PolNeAR takes an attached colon into the cue ("said:"); the product shows the verb alone.
          const end = role === 'cue' && text[r.end] === ':' ? r.end + 1 : r.end;
          return [[r.start, end] as [number, number]];
        });
    const allKinds = new Set(['direct', 'indirect', 'partial']);
    const dKinds = new Set(['direct']);
    for (const role of roles) {
      allC[role].add(text, predOf(allKinds, role), pick(gold, role), pick(gold, role));
      dirC[role].add(text, predOf(dKinds, role), pick(gDirect, role), pick(gold, role));
      if (opts.errors === role) errors.push(...spanErrors(d.name, text, predOf(allKinds, role), pick(gold, role)));
    }
    // Speaker accuracy over gold direct quotes that were found.
    for (const g of gDirect) {
      const c = g.content!;
      const p = raw.find((a) => a.kind === 'direct' && a.content.start < c.end && c.start < a.content.end);
      if (!p) continue;
      if (!g.source) {
        withoutSource++;
        continue;
      }
      found++;
      if (p.source && p.source.start < g.source.end && g.source.start < p.source.end) correct++;
      else if (opts.errors === 'speaker') {
        const gs = text.slice(g.source.start, g.source.end);
        errors.push({
          article: d.name,
          kind: 'speaker',
          text: gs,
          context: contextOf(text, Math.min(g.source.start, c.start), Math.max(g.source.end, c.end)),
          other: p.source ? text.slice(p.source.start, p.source.end) : '(none)',
        });
      }
    }
  }
  // Speed: steady-state throughput in CPU time, so JIT warm-up and other processes on a shared machine
  // distort it as little as possible. A warm-up of ~2,000 articles, then the best of a few timed rounds of
  // ~1,000 articles each (the split is cycled when it is smaller).
  let stageMs = Infinity;
  let perRound = 0;
  const passes = opts.speedPasses ?? 3;
  if (annotated.length > 0 && passes > 0) {
    const round = (n: number): number => {
      const t0 = process.cpuUsage();
      for (let i = 0; i < n; i++) analyzeQuotes(annotated[i % annotated.length], opts.attribution);
      const dt = process.cpuUsage(t0);
      return (dt.user + dt.system) / 1000;
    };
    round(2000);
    perRound = Math.max(annotated.length, 1000);
    for (let pass = 0; pass < passes; pass++) stageMs = Math.min(stageMs, round(perRound));
  }
  const scores = (c: typeof allC): RoleScores => ({
    source: { exact: c.source.exact(), overlap: c.source.overlap() },
    cue: { exact: c.cue.exact(), overlap: c.cue.overlap() },
    content: { exact: c.content.exact(), overlap: c.content.overlap() },
  });
  return {
    dataset: path.basename(path.resolve(polnearDir)),
    articles: docs.length,
    goldAttributions,
    goldDirect,
    all: scores(allC),
    direct: scores(dirC),
    speaker: { found, correct, accuracy: found ? round((100 * correct) / found) : 0, withoutSource },
    articlesPerSecond: stageMs > 0 && Number.isFinite(stageMs) ? Math.round((perRound * 1000) / stageMs) : 0,
    ...(opts.errors ? { errors } : {}),
  };
}

function contextOf(text: string, s: number, e: number, width = 60): string {
  const a = Math.max(0, s - width);
  const b = Math.min(text.length, e + width);
  return `${text.slice(a, s)}[${text.slice(s, e)}]${text.slice(e, b)}`.replace(/\s+/g, ' ');
}

/** Missed gold spans and spurious predictions of one role, exact match after trimming. */
function spanErrors(
  article: string,
  text: string,
  pred: Array<[number, number]>,
  gold: Array<[number, number]>,
): QuoteError[] {
  const P = distinctSpans(text, pred);
  const G = distinctSpans(text, gold);
  const pKeys = new Set(P.map(([s, e]) => keyOf(s, e)));
  const gKeys = new Set(G.map(([s, e]) => keyOf(s, e)));
  const out: QuoteError[] = [];
  const one = (kind: 'missed' | 'spurious', [s, e]: [number, number], others: Array<[number, number]>): void => {
    const o = others.find(([a, b]) => a < e && s < b);
    out.push({
      article,
      kind,
      text: text.slice(s, e),
      context: contextOf(text, s, e),
      ...(o ? { other: text.slice(o[0], o[1]) } : {}),
    });
  };
  for (const g of G) if (!pKeys.has(keyOf(g[0], g[1]))) one('missed', g, P);
  for (const p of P) if (!gKeys.has(keyOf(p[0], p[1]))) one('spurious', p, G);
  return out;
}

/** Plain-text tables of a quotes evaluation. */
export function formatQuotesEval(r: QuotesEvalResult): string {
  const lines: string[] = [];
  lines.push(
    `PolNeAR ${r.dataset}: ${r.articles} articles, ${r.goldAttributions} gold attributions (${r.goldDirect} direct quotes)`,
  );
  const table = (title: string, s: RoleScores): void => {
    lines.push('', title, 'role     | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1');
    lines.push('---------|---------|---------|----------|-----------|-----------|-----------');
    for (const role of ['source', 'cue', 'content'] as const) {
      const e = s[role].exact;
      const o = s[role].overlap;
      const c = (x: number, w: number): string => x.toFixed(1).padStart(w);
      lines.push(
        `${role.padEnd(8)} | ${c(e.precision, 7)} | ${c(e.recall, 7)} | ${c(e.f1, 8)} | ${c(o.precision, 9)} | ${c(o.recall, 9)} | ${c(o.f1, 10)}`,
      );
    }
  };
  table('All attributions', r.all);
  table('Direct quotes (gold content in quote marks; predicted kind direct)', r.direct);
  lines.push(
    '',
    `Speaker accuracy on gold direct quotes found: ${r.speaker.accuracy.toFixed(1)} % (${r.speaker.correct}/${r.speaker.found}; ${r.speaker.withoutSource} found quotes have no gold source)`,
  );
  lines.push(`Speed (quotes stage, CPU time): ${r.articlesPerSecond} articles/s`);
  if (r.errors) {
    lines.push('', `Errors (${r.errors.length}):`);
    for (const e of r.errors) {
      const other = e.other !== undefined ? ` | ${e.kind === 'spurious' ? 'gold' : 'predicted'}: ${e.other}` : '';
      lines.push(`${e.article}\t${e.kind}\t${e.text}${other}\n    ${e.context}`);
    }
  }
  return lines.join('\n');
}
