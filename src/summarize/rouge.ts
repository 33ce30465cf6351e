/**
 * ROUGE with ROUGE-1.5.5 semantics (Lin 2004), so scores are comparable with published numbers.
 *
 * Reproduced details: a summary is a list of lines (sentences) that are lower-cased (ASCII only),
 * truncated to `-l` words (whitespace-separated, counted per line before any cleaning) or `-b`
 * bytes, concatenated; hyphens become separate tokens and every other character outside
 * `[A-Za-z0-9-]` a space; tokens not starting with `[a-z0-9]` (so the hyphens) are dropped;
 * with stemming, tokens longer than 3 characters go through ROUGE's Porter stemmer. N-gram and
 * skip-bigram counts are clipped per model; with model averaging (`-f A`) hits and counts are summed
 * over the models of one evaluation before dividing; each evaluation's R/P/F is rounded to five
 * decimals, and a system's score is the mean over the evaluations it takes part in.
 */
import { rougeStem } from './porter.js';

export interface RougeOptions {
  /** Porter stemming of tokens longer than 3 characters (`-m`). */
  stem?: boolean;
  /** Words removed before counting (`-s`); ROUGE uses the SMART list. */
  stopwords?: ReadonlySet<string>;
  /** Keep only the first N words (`-l`). 0 or undefined: no limit. */
  wordLimit?: number;
  /** Keep only the first N bytes (`-b`). Ignored when `wordLimit` is set. */
  byteLimit?: number;
  /** Weight of precision in F (`-p`, alpha); 0.5 by default. */
  alpha?: number;
  /** Scoring formula over several models: 'A' average (default) or 'B' best model (`-f`). */
  mode?: 'A' | 'B';
}

export interface RougeScore {
  recall: number;
  precision: number;
  f: number;
  /** Summed hit, model and peer gram counts behind the scores. */
  hits: number;
  modelCount: number;
  peerCount: number;
}

export type GramCounts = { grams: Map<string, number>; total: number };

/** Splits on whitespace the way Perl's `split(/\s+/, $s)` does (leading empty field kept, trailing dropped). */
function perlSplit(s: string): string[] {
  if (s.length === 0) return [];
  const parts = s.split(/\s+/);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

const lowerAscii = (s: string): string => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

/**
 * The text ROUGE scores for a summary given as lines: lower-cased, truncated, joined, cleaned.
 * Empty lines are skipped as ROUGE's SPL reader does.
 */
export function rougeText(lines: readonly string[], opts: RougeOptions = {}): string {
  const snts = lines
    .map((l) => l.replace(/\n$/, ''))
    .filter((l) => l.length > 0)
    .map(lowerAscii);
  const wordLimit = opts.wordLimit ?? 0;
  const byteLimit = opts.byteLimit ?? 0;
  let text = '';
  if (wordLimit > 0) {
    let len = 0;
    for (const s of snts) {
      const toks = perlSplit(s);
      if (len + toks.length < wordLimit) {
        text += len !== 0 ? ' ' + s : s;
        len += toks.length;
      } else {
        if (len > 0) text += ' ';
        text += toks.slice(0, wordLimit - len).join(' ');
        break;
      }
    }
  } else if (byteLimit > 0) {
    let len = 0;
    for (const s of snts) {
      const bytes = Buffer.from(s, 'utf8');
      if (len + bytes.length < byteLimit) {
        text += len !== 0 ? ' ' + s : s;
        len += bytes.length;
      } else {
        if (len > 0) text += ' ';
        text += bytes.subarray(0, byteLimit - len).toString('utf8');
        break;
      }
    }
  } else {
    text = snts.join(' ');
  }
  return text
    .replace(/-/g, ' - ')
    .replace(/[^A-Za-z0-9-]/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** The tokens ROUGE counts: cleaned text, stopwords removed, non-word tokens dropped, stemmed. */
export function rougeTokens(lines: readonly string[], opts: RougeOptions = {}): string[] {
  const text = rougeText(lines, opts);
  const out: string[] = [];
  for (const tok of perlSplit(text)) {
    if (opts.stopwords?.has(tok)) continue;
    if (!/^[a-z0-9$]/.test(tok)) continue;
    out.push(opts.stem && tok.length > 3 ? rougeStem(tok) : tok);
  }
  return out;
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

/** Contiguous n-gram counts. */
export function ngramCounts(tokens: readonly string[], n: number): GramCounts {
  const grams = new Map<string, number>();
  let total = 0;
  for (let i = 0; i + n <= tokens.length; i++) {
    bump(grams, tokens.slice(i, i + n).join(' '));
    total++;
  }
  return { grams, total };
}

/**
 * Skip-bigram counts with at most `maxGap` words between the pair (negative: unlimited). With
 * `unigrams` (`-u`), each token is added as a unigram too, except the last one, as ROUGE-1.5.5 does.
 */
export function skipBigramCounts(tokens: readonly string[], maxGap: number, unigrams: boolean): GramCounts {
  const grams = new Map<string, number>();
  let total = 0;
  const last = tokens.length - 1;
  for (let i = 0; i < last; i++) {
    if (unigrams) {
      bump(grams, tokens[i]);
      total++;
    }
    for (let j = i + 1; j <= last && (maxGap < 0 || j <= i + maxGap + 1); j++) {
      bump(grams, tokens[i] + ' ' + tokens[j]);
      total++;
    }
  }
  return { grams, total };
}

/** Clipped matches: each model gram counts at most as often as it occurs in the peer. */
export function clippedHits(model: GramCounts, peer: GramCounts): number {
  let hit = 0;
  for (const [g, c] of model.grams) {
    const p = peer.grams.get(g);
    if (p !== undefined) hit += Math.min(p, c);
  }
  return hit;
}

/** Perl's `sprintf("%7.5f", x)` as a number. */
export const round5 = (x: number): number => Number(x.toFixed(5));

/** Combines one peer against several models the way ROUGE-1.5.5 does for one evaluation. */
export function scoreAgainstModels(
  peer: GramCounts,
  models: readonly GramCounts[],
  opts: RougeOptions = {},
): RougeScore {
  const alpha = opts.alpha ?? 0.5;
  let hits = 0;
  let modelCount = 0;
  let peerCount = 0;
  let best = -1;
  for (const m of models) {
    const h = clippedHits(m, peer);
    if (opts.mode === 'B') {
      const s = m.total !== 0 ? round5(h / m.total) : 0;
      if (s > best) {
        best = s;
        hits = h;
        modelCount = m.total;
        peerCount = peer.total;
      }
    } else {
      hits += h;
      modelCount += m.total;
      peerCount += peer.total;
    }
  }
  const recall = modelCount !== 0 ? round5(hits / modelCount) : 0;
  const precision = peerCount !== 0 ? round5(hits / peerCount) : 0;
  const denom = (1 - alpha) * precision + alpha * recall;
  const f = denom > 0 ? round5((precision * recall) / denom) : 0;
  return { recall, precision, f, hits, modelCount, peerCount };
}

export type RougeMetric = { kind: 'N'; n: number } | { kind: 'S'; maxGap: number; unigrams: boolean };

export const ROUGE_2: RougeMetric = { kind: 'N', n: 2 };
export const ROUGE_SU4: RougeMetric = { kind: 'S', maxGap: 4, unigrams: true };

export function gramCounts(tokens: readonly string[], metric: RougeMetric): GramCounts {
  return metric.kind === 'N' ? ngramCounts(tokens, metric.n) : skipBigramCounts(tokens, metric.maxGap, metric.unigrams);
}

/** Scores one peer summary (lines) against model summaries (each a list of lines). */
export function rouge(
  peer: readonly string[],
  models: ReadonlyArray<readonly string[]>,
  metric: RougeMetric,
  opts: RougeOptions = {},
): RougeScore {
  const p = gramCounts(rougeTokens(peer, opts), metric);
  const ms = models.map((m) => gramCounts(rougeTokens(m, opts), metric));
  return scoreAgainstModels(p, ms, opts);
}

/**
 * Jackknifed score: with M models, the peer is scored against each subset of M-1 models and the
 * scores averaged (so system scores are comparable to a human scored against the other humans).
 * With a single model, that model is used.
 */
export function rougeJackknife(
  peer: readonly string[],
  models: ReadonlyArray<readonly string[]>,
  metric: RougeMetric,
  opts: RougeOptions = {},
): RougeScore {
  const p = gramCounts(rougeTokens(peer, opts), metric);
  const ms = models.map((m) => gramCounts(rougeTokens(m, opts), metric));
  if (ms.length < 2) return scoreAgainstModels(p, ms, opts);
  const parts = ms.map((_, k) =>
    scoreAgainstModels(
      p,
      ms.filter((__, j) => j !== k),
      opts,
    ),
  );
  const mean = (f: (s: RougeScore) => number): number => parts.reduce((a, s) => a + f(s), 0) / parts.length;
  return {
    recall: mean((s) => s.recall),
    precision: mean((s) => s.precision),
    f: mean((s) => s.f),
    hits: mean((s) => s.hits),
    modelCount: mean((s) => s.modelCount),
    peerCount: mean((s) => s.peerCount),
  };
}

/**
 * Perl's `rand` as ROUGE-1.5.5 ran it: the 48-bit linear congruential `drand48`, seeded by `srand`.
 * Needed only to reproduce ROUGE's reported averages, which are bootstrap means rather than plain means.
 */
export class Drand48 {
  private x: bigint;
  constructor(seed: number) {
    this.x = ((BigInt(seed >>> 0) << 16n) | 0x330en) & 0xffffffffffffn;
  }
  next(): number {
    this.x = (0x5deece66dn * this.x + 0xbn) & 0xffffffffffffn;
    return Number(this.x) / 2 ** 48;
  }
}

/**
 * ROUGE-1.5.5's reported average of per-evaluation scores: the mean of `samples` bootstrap means,
 * the i-th resample drawn with `srand(i)` over the evaluations sorted by test id. Differs from the
 * plain mean by up to a few 1e-4 on small sets; pass scores keyed by ROUGE's test id
 * (`EVALID.PEERID`) so the draw order matches.
 */
export function rougeBootstrapMean(scores: ReadonlyMap<string, number>, samples = 1000): number {
  const ids = [...scores.keys()].sort();
  const vals = ids.map((id) => scores.get(id) as number);
  const n = vals.length;
  if (n === 0) return 0;
  const means: number[] = [];
  for (let s = 0; s < samples; s++) {
    const rng = new Drand48(s);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += vals[Math.floor(rng.next() * n)];
    means.push(sum / n);
  }
  means.sort((a, b) => a - b);
  return round5(means.reduce((a, b) => a + b, 0) / means.length);
}
