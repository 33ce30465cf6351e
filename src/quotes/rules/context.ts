import type { AnnotatedArticle, Token } from '../../model.js';
import { findQuoteRegions, type QuoteRegion } from '../marks.js';
import type { Cue, Range, RawAttribution } from './types.js';
import { isMark } from './words.js';
import { firstTokenFrom } from '../../text/token-search.js';

/** What the rules read about an article's words and quotations, computed once per article. */
export interface TextContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly regions: readonly QuoteRegion[];
  /** Lowercase token texts. */
  readonly lows: readonly string[];
  /** For every character, the region covering it (marks included), or -1. */
  readonly regionAt: Int32Array;
  /** Number of newlines before each offset, so paragraph breaks between two offsets are found in O(1). */
  readonly newlines: Int32Array;
}

/** The text with its cue table: what every pass reads. */
export interface RuleContext extends TextContext {
  /** Cue words outside quotations, in text order. */
  readonly cues: readonly Cue[];
  readonly cueAtTok: ReadonlyMap<number, Cue>;
  /**
   * Cues already taken by a quotation. Written by the quotation pass only, so reported speech does not read
   * the words that introduce a quote as a second statement.
   */
  readonly spent: Set<Cue>;
}

/** One step of the attribution rules: it returns a new list and leaves its input untouched. */
export type Pass = (ctx: RuleContext, attributions: readonly RawAttribution[]) => RawAttribution[];

export function textContext(doc: AnnotatedArticle): TextContext {
  const text = doc.article.text;
  const regions = findQuoteRegions(text);
  const regionAt = new Int32Array(text.length + 1).fill(-1);
  const newlines = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) newlines[i + 1] = newlines[i] + (text.charCodeAt(i) === 10 ? 1 : 0);
  regions.forEach((r, i) => regionAt.fill(i, r.open, r.close));
  return { text, tokens: doc.tokens, regions, lows: doc.tokens.map((t) => t.text.toLowerCase()), regionAt, newlines };
}

export function low(ctx: TextContext, i: number): string {
  return ctx.lows[i] ?? '';
}

/** Whether token i is a word inside a quotation. */
export function inQuote(ctx: TextContext, i: number): boolean {
  const t = ctx.tokens[i];
  return t !== undefined && ctx.regionAt[t.start] >= 0 && !isMark(t.text);
}

/** Whether there is a paragraph break between two offsets. */
export function newlineBetween(ctx: TextContext, a: number, b: number): boolean {
  const n = ctx.text.length;
  const lo = Math.max(0, Math.min(a, b, n));
  const hi = Math.min(n, Math.max(a, b));
  return hi > lo && ctx.newlines[hi] > ctx.newlines[lo];
}

export function firstTokenAtOrAfter(ctx: TextContext, off: number): number {
  return firstTokenFrom(ctx.tokens, off);
}

/** The characters of tokens a..b (inclusive). */
export function span(ctx: TextContext, a: number, b: number): Range {
  return { start: ctx.tokens[a].start, end: ctx.tokens[b].end };
}

export function cueRange(ctx: TextContext, c: Cue): Range {
  return span(ctx, c.first, c.last);
}

/** Token index range of sentence si. */
export function sentenceBounds(ctx: TextContext, si: number): [number, number] {
  const toks = ctx.tokens;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].sentence < si) lo = mid + 1;
    else hi = mid;
  }
  let e = lo;
  while (e < toks.length && toks[e].sentence === si) e++;
  return [lo, e - 1];
}

/** The quoted region (index) a token starts, if the token is an opening mark. */
export function regionOpeningAt(ctx: TextContext, off: number): number {
  const r = ctx.regionAt[off];
  return r >= 0 && ctx.regions[r].open === off ? r : -1;
}

/** Trims a token range's trailing punctuation (final period, comma) and returns it as a range. */
export function clause(ctx: TextContext, a: number, b: number): Range | undefined {
  const { tokens: toks, text, regionAt, regions } = ctx;
  while (b >= a && /^[.,;:!?\u2014\u2013-]+$/.test(toks[b].text)) b--;
  while (a <= b && /^[,:\u2014\u2013-]+$/.test(toks[a].text)) a++;
  if (b - a < 1) return undefined;
  // Keep a closing quote mark when its opening mark is inside the clause.
  let end = toks[b].end;
  const r = regionAt[toks[b].start];
  if (r >= 0 && regions[r].open >= toks[a].start) end = Math.max(end, regions[r].close);
  let start = toks[a].start;
  const r0 = regionAt[start];
  if (r0 >= 0 && regions[r0].open < start && regions[r0].close <= end) start = regions[r0].open;
  const txt = text.slice(start, end);
  if (/[.,]["\u201d]$/.test(txt) === false && /["\u201d]$/.test(text.slice(end, end + 1)) && regionAt[end] >= 0)
    end += 1;
  return { start, end };
}

/** Trims a quote's content for display: no trailing comma or spaces. */
export function displayContent(ctx: TextContext, r: QuoteRegion): Range {
  let e = r.end;
  while (e > r.start && /[\s,]/.test(ctx.text[e - 1])) e--;
  return { start: r.start, end: e };
}

/** The number of the highest rule id in a list ("r7" → 7), so new ids continue after it. */
export function lastRuleId(attributions: readonly RawAttribution[]): number {
  let last = 0;
  for (const a of attributions) {
    const m = /^r(\d+)$/.exec(a.id);
    if (m) last = Math.max(last, Number(m[1]));
  }
  return last;
}

/** Ids for new attributions, numbered after the highest rule id already in the list. */
export function idMaker(attributions: readonly RawAttribution[]): () => string {
  let next = lastRuleId(attributions) + 1;
  return () => `r${next++}`;
}

/**
 * "Label: what they say" to the end of the paragraph — a title line or a transcript turn: the attribution
 * of the content to the words before the colon, or null when the paragraph holds fewer than `minWords`
 * tokens after the colon, no clause, or a statement already found.
 */
export function labelAttribution(
  ctx: TextContext,
  first: number,
  colon: number,
  minWords: number,
  found: readonly RawAttribution[],
  id: () => string,
): RawAttribution | null {
  const toks = ctx.tokens;
  let e = colon + 1;
  while (e + 1 < toks.length && !newlineBetween(ctx, toks[colon].end, toks[e + 1].start)) e++;
  if (e - colon < minWords) return null;
  const content = clause(ctx, colon + 1, e);
  if (!content || found.some((a) => a.statement.start < content.end && content.start < a.statement.end)) return null;
  const source = span(ctx, first, colon - 1);
  return {
    id: id(),
    kind: 'indirect',
    content,
    statement: content,
    cue: span(ctx, colon, colon),
    source,
    at: source.start,
  };
}
