import { readFileSync } from 'node:fs';
import { BundleError, readBundle, writeBundle } from '../../learn/bundle.js';
import { shippedModelPath } from '../../learn/model-path.js';
import { LinearModel } from '../../learn/perceptron.js';
import { hashString, mix } from '../../learn/hash.js';
import type { AnnotatedArticle, Token } from '../../model.js';
import { findQuoteRegions, type QuoteRegion } from '../marks.js';
import {
  contentFeatures,
  cueFeatures,
  hashTokens,
  noSourceFeatures,
  sourceFeatures,
  spanFeatures,
  type AttributionContext,
} from './features.js';
import { SentenceTree, sentenceRanges } from './tree.js';

/** A character range into the article text. */
export interface Range {
  start: number;
  end: number;
}

/** Which parts of a head word's subtree a role's span takes: child relation → [times inside, times seen]. */
export type InclusionTable = Record<string, [number, number]>;

export interface AttributionModelMeta {
  version: 2;
  /** Per role (`cue`, `source`, `content`), how often a child of the head with a relation is in the span. */
  inclusion: Record<Role, InclusionTable>;
  /** Hashes of the lemmas that head a cue often enough in training to be scored. */
  cueLemmas: number[];
}

export type Role = 'cue' | 'source' | 'content';

/** One attribution found by the models: spans as PolNeAR marks them, plus the head words. */
export interface LearnedAttribution {
  cueHead: number;
  cue: Range;
  /** The source's base noun phrase (determiner, compounds, name parts), which names the speaker. */
  source?: Range;
  /** The source with everything attached to it (appositives, titles, of-phrases), as corpora mark it. */
  sourceExtent?: Range;
  sourceHead?: number;
  /** The content as the corpus marks it: with quote marks, "that", all parts of a quotation. */
  content: Range;
  contentHead: number;
}

export class AttributionModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttributionModelError';
  }
}

/** How far from the predicate sources and contents are looked for (steps up, then down the tree). */
export const SOURCE_REACH = [3, 2] as const;
export const CONTENT_REACH = [2, 2] as const;

/** Words that may head a source: nominals and pronouns. */
export const SOURCE_POS = new Set(['NOUN', 'PROPN', 'PRON', 'NUM', 'X']);
/** Relations kept in the base noun phrase that names a speaker. */
const BASE_NP = new Set(['det', 'compound', 'flat', 'flat:name', 'amod', 'nmod:poss', 'case', 'nummod']);
const MAX_FEATURES = 128;
/**
 * Parts of speech that never head a cue in PolNeAR train as our parser reads it (checked by the training
 * script, which counts gold cue heads by tag); skipping them halves the words the cue model scores.
 */
export const NEVER_CUE = new Set(['PUNCT', 'DET', 'PRON', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'NUM', 'SYM', 'INTJ', 'X']);

/** Builds the per-article context the feature functions read. */
export function attributionContext(tokens: readonly Token[], regions: readonly QuoteRegion[]): AttributionContext {
  const quoted = new Uint8Array(tokens.length);
  const nearQuote = new Uint8Array(tokens.length);
  let r = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    while (r < regions.length && regions[r].close <= t.start) r++;
    if (r < regions.length && t.start >= regions[r].start && t.end <= regions[r].end) quoted[i] = 1;
  }
  // Words next to a quotation (within three, in the same sentence, outside it): marked from the quoted
  // words' side, which is the rarer one.
  for (let k = 0; k < tokens.length; k++) {
    if (!quoted[k] || (quoted[k - 1] && quoted[k + 1])) continue;
    const s = tokens[k].sentence;
    for (let i = Math.max(0, k - 3); i <= Math.min(tokens.length - 1, k + 3); i++) {
      if (!quoted[i] && tokens[i].sentence === s) nearQuote[i] = 1;
    }
  }
  return { tokens, quoted, nearQuote, ...hashTokens(tokens) };
}

/**
 * An inclusion table compiled to numbers, so growing a span hashes nothing: decided by how often
 * the corpus includes a child with that relation (and lemma) under a head with that relation ("on" under an
 * oblique content is the cue's; "that" under a clausal one is the content's), backing off to the child's
 * relation alone; looked up by the per-article hashes of the attribution context.
 */
export class CompiledInclusion {
  private readonly decisions = new Map<number, boolean>();

  constructor(table: InclusionTable) {
    for (const [key, [inside, seen]] of Object.entries(table)) {
      const gt = key.indexOf('>');
      const bar = key.indexOf('|');
      const hasHead = gt >= 0 && (bar < 0 || gt < bar);
      const head = hasHead ? key.slice(0, gt) : undefined;
      const rest = hasHead ? key.slice(gt + 1) : key;
      const b = rest.indexOf('|');
      const rel = b >= 0 ? rest.slice(0, b) : rest;
      const lemma = b >= 0 ? rest.slice(b + 1) : undefined;
      const level = head !== undefined ? (lemma !== undefined ? 1 : 2) : lemma !== undefined ? 3 : 4;
      if (seen < (level === 4 ? 5 : 10)) continue;
      const k = CompiledInclusion.key(
        level,
        head ? hashString(head) : 0,
        hashString(rel),
        lemma ? hashString(lemma) : 0,
      );
      this.decisions.set(k, inside * 2 > seen);
    }
  }

  static key(level: number, head: number, rel: number, lemma: number): number {
    return mix(mix(mix(level, head), rel), lemma);
  }

  /** Whether a child (relation and lemma hashes) joins a head (relation hash) in this role's span. */
  includes(head: number, rel: number, lemma: number): boolean {
    return this.vote(head, rel, lemma) === 1;
  }

  /** What the counts say: 1 in, 2 out, 0 never seen often enough. */
  vote(head: number, rel: number, lemma: number): number {
    const d =
      this.decisions.get(CompiledInclusion.key(1, head, rel, lemma)) ??
      this.decisions.get(CompiledInclusion.key(2, head, rel, 0)) ??
      this.decisions.get(CompiledInclusion.key(3, 0, rel, lemma)) ??
      this.decisions.get(CompiledInclusion.key(4, 0, rel, 0));
    return d === undefined ? 0 : d ? 1 : 2;
  }
}

/** The keys `includes` reads, for counting in training. */
export function inclusionKeys(headRel: string, t: Token): string[] {
  const rel = t.deprel ?? '_';
  const lemma = (t.lemma ?? t.text).toLowerCase();
  return [`${headRel}>${rel}|${lemma}`, `${headRel}>${rel}`, `${rel}|${lemma}`, rel];
}

/**
 * The attribution models: which words are predicates of attribution (cue), which nominal is each one's
 * source and which word heads its content, all read off the dependency parse and trained on PolNeAR.
 * Spans grow from the head words by relation, as often as the corpus includes each relation.
 */
export class AttributionModel {
  private readonly buf = new Uint32Array(MAX_FEATURES);
  private readonly scores = new Float32Array(2);
  private readonly inclusion: Record<Role, CompiledInclusion>;
  private readonly cueLemmas: Set<number>;

  constructor(
    readonly cue: LinearModel,
    readonly source: LinearModel,
    readonly content: LinearModel,
    /** Which dependents of a head word join its span (per role). */
    readonly span: LinearModel,
    readonly meta: AttributionModelMeta,
  ) {
    this.cueLemmas = new Set(meta.cueLemmas);
    this.inclusion = {
      cue: new CompiledInclusion(meta.inclusion.cue),
      source: new CompiledInclusion(meta.inclusion.source),
      content: new CompiledInclusion(meta.inclusion.content),
    };
  }

  /** Whether token `i` is an attribution predicate, with its margin. */
  cueScore(ctx: AttributionContext, tree: SentenceTree, i: number): number {
    const n = cueFeatures(ctx, tree, i, this.buf);
    this.scores.fill(0);
    this.cue.score(this.buf, n, this.scores);
    return this.scores[1] - this.scores[0];
  }

  rank(model: LinearModel, n: number): number {
    this.scores.fill(0);
    model.score(this.buf, n, this.scores);
    return this.scores[0];
  }

  /** The best source head for the predicate `cue`, or -1 for none in its sentence. */
  bestSource(
    ctx: AttributionContext,
    tree: SentenceTree,
    cue: number,
    types: readonly string[],
    skip: ReadonlySet<number>,
  ): number {
    let best = -1;
    let bestScore = this.rank(this.source, noSourceFeatures(ctx, tree, cue, this.buf));
    for (const c of tree.near(cue, SOURCE_REACH[0], SOURCE_REACH[1])) {
      if (c === cue || skip.has(c) || !SOURCE_POS.has(ctx.tokens[c].upos ?? '')) continue;
      const s = this.rank(this.source, sourceFeatures(ctx, tree, cue, c, types[c], this.buf));
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    return best;
  }

  /** The best content head for the predicate `cue` (possibly `cue` itself: the whole sentence). */
  bestContent(ctx: AttributionContext, tree: SentenceTree, cue: number, skip: ReadonlySet<number>): number {
    let best = -1;
    let bestScore = -Infinity;
    for (const c of tree.near(cue, CONTENT_REACH[0], CONTENT_REACH[1])) {
      if ((skip.has(c) && c !== cue) || ctx.tokens[c].upos === 'PUNCT') continue;
      const s = this.rank(this.content, contentFeatures(ctx, tree, cue, c, this.buf));
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    return best;
  }

  /** Token span of a role grown from its head; `avoid` keeps another role's words out. */
  spanOf(
    ctx: AttributionContext,
    tree: SentenceTree,
    head: number,
    role: Role,
    avoid: ReadonlySet<number>,
    cue: number,
  ): [number, number] {
    const table = this.inclusion[role];
    const headRel = ctx.deprel[head];
    let lo = head;
    let hi = head;
    for (const c of tree.children(head)) {
      if (avoid.has(c)) continue;
      const vote = table.vote(headRel, ctx.deprel[c], ctx.lemma[c]);
      const n = spanFeatures(ctx, tree, role, head, c, cue, vote, this.buf);
      this.scores.fill(0);
      this.span.score(this.buf, n, this.scores);
      if (this.scores[1] <= this.scores[0]) continue;
      for (const k of tree.subtree(c, avoid)) {
        if (k < lo) lo = k;
        if (k > hi) hi = k;
      }
    }
    while (lo < hi && tree.tokens[lo].upos === 'PUNCT' && !isQuoteMark(tree.tokens[lo].text)) lo++;
    while (hi > lo && tree.tokens[hi].upos === 'PUNCT' && !isQuoteMark(tree.tokens[hi].text)) hi--;
    return [lo, hi];
  }

  /** Whether the content grown from `head` takes its child `k`. */
  private keeps(ctx: AttributionContext, head: number, k: number): boolean {
    return this.inclusion.content.includes(ctx.deprel[head], ctx.deprel[k], ctx.lemma[k]);
  }

  /**
   * Attributions in an article whose tokens carry the dependency parse. Words inside `taken` ranges (what
   * another finder already attributed) are not scored as predicates.
   */
  predict(
    doc: AnnotatedArticle,
    regions: readonly QuoteRegion[] = findQuoteRegions(doc.article.text),
    taken: readonly Range[] = [],
  ): LearnedAttribution[] {
    const tokens = doc.tokens;
    const ctx = attributionContext(tokens, regions);
    const types = entityTypes(doc);
    const out: LearnedAttribution[] = [];
    const covered = coveredTokens(tokens, taken);
    const candidate = (i: number): boolean =>
      !covered[i] &&
      (!NEVER_CUE.has(tokens[i].upos ?? '') || tokens[i].text === ':') &&
      this.cueLemmas.has(ctx.lemma[i]);
    for (const [first, end] of sentenceRanges(tokens)) {
      let any = false;
      for (let i = first; i < end && !any; i++) any = candidate(i);
      if (!any) continue;
      const tree = new SentenceTree(tokens, first, end);
      for (let i = first; i < end; i++) {
        if (!candidate(i)) continue;
        if (this.cueScore(ctx, tree, i) <= 0) continue;
        const contentHead = this.bestContent(ctx, tree, i, new Set([i]));
        if (contentHead < 0) continue;
        const [c0, c1init] = this.spanOf(ctx, tree, i, 'cue', new Set(contentHead === i ? [] : [contentHead]), i);
        let c1 = c1init;
        // The content's own preposition or infinitive marker, left out of it and right after the
        // predicate, belongs to the cue ("voted for", "aiming to").
        if (contentHead !== i) {
          for (const k of tree.children(contentHead)) {
            const rel = tokens[k].deprel;
            if ((rel === 'case' || rel === 'mark') && k === c1 + 1 && !this.keeps(ctx, contentHead, k)) c1 = k;
          }
        }
        const cueSet = new Set<number>();
        for (let k = c0; k <= c1; k++) cueSet.add(k);
        const sourceHead = this.bestSource(ctx, tree, i, types, cueSet);
        const srcSet = new Set<number>();
        let source: Range | undefined;
        let sourceExtent: Range | undefined;
        // The subject of a passive predicate is what was reported, not who reported it.
        const passiveSubject =
          sourceHead >= 0 && tokens[sourceHead].deprel === 'nsubj:pass' && tree.head(sourceHead) === i;
        if (sourceHead >= 0 && !passiveSubject && !tree.dominates(sourceHead, i)) {
          const [s0, s1] = this.spanOf(ctx, tree, sourceHead, 'source', cueSet, i);
          for (let k = s0; k <= s1; k++) srcSet.add(k);
          sourceExtent = { start: tokens[s0].start, end: tokens[s1].end };
          source = baseNounPhrase(tree, sourceHead);
        }
        // The content keeps out the predicate's own words and the source; a content word above the
        // predicate (a parenthetical "…, he said, …") keeps the branch holding the predicate out.
        const avoid = new Set<number>([...cueSet, ...srcSet]);
        if (tree.dominates(contentHead, i) && contentHead !== i) {
          let k = i;
          while (tree.head(k) !== contentHead && tree.head(k) >= 0) k = tree.head(k);
          avoid.add(k);
        }
        const [n0, n1init] =
          contentHead === i ? [first, end - 1] : this.spanOf(ctx, tree, contentHead, 'content', avoid, i);
        let n1 = n1init;
        if (contentHead === i) {
          while (n1 > n0 && tokens[n1].upos === 'PUNCT' && !isQuoteMark(tokens[n1].text)) n1--;
        }
        const content = snapToQuotation({ start: tokens[n0].start, end: tokens[n1].end }, regions, {
          start: tokens[c0].start,
          end: tokens[c1].end,
        });
        out.push({
          cueHead: i,
          cue: { start: tokens[c0].start, end: tokens[c1].end },
          ...(source ? { source, sourceExtent, sourceHead } : {}),
          content,
          contentHead,
        });
      }
    }
    return out;
  }

  serialize(): Buffer {
    return writeBundle(this.meta, {
      cueKeys: this.cue.keys,
      cueWeights: this.cue.weights,
      sourceKeys: this.source.keys,
      sourceWeights: this.source.weights,
      contentKeys: this.content.keys,
      contentWeights: this.content.weights,
      spanKeys: this.span.keys,
      spanWeights: this.span.weights,
    });
  }

  static deserialize(buf: Uint8Array): AttributionModel {
    const { meta, arrays } = readBundle<AttributionModelMeta>(buf);
    if (meta.version !== 2) throw new BundleError(`attribution model version ${String(meta.version)} is not supported`);
    const lm = (name: string, classes: number): LinearModel => {
      const keys = arrays[`${name}Keys`];
      const weights = arrays[`${name}Weights`];
      if (!(keys instanceof Uint32Array) || !(weights instanceof Float32Array))
        throw new BundleError(`attribution model lacks the ${name} weights`);
      return new LinearModel(classes, keys, weights);
    };
    return new AttributionModel(lm('cue', 2), lm('source', 1), lm('content', 1), lm('span', 2), meta);
  }
}

const QUOTE_MARKS = /^["\u201c\u201d\u2018\u2019'`]+$/;
function isQuoteMark(s: string): boolean {
  return QUOTE_MARKS.test(s);
}

/** The speaker-naming part of a source: its head with determiners, compounds and name parts. */
function baseNounPhrase(tree: SentenceTree, head: number): Range {
  let lo = head;
  let hi = head;
  const stack = [head];
  while (stack.length > 0) {
    const k = stack.pop()!;
    for (const c of tree.children(k)) {
      const t = tree.tokens[c];
      if (!BASE_NP.has(t.deprel ?? '')) continue;
      // Only words next to the phrase so far: "the Ontario judge", not "judge … of Ontario".
      if (c === lo - 1 || c === hi + 1 || (c > lo && c < hi)) {
        lo = Math.min(lo, c);
        hi = Math.max(hi, c);
        stack.push(c);
      }
    }
  }
  while (lo < hi && tree.tokens[lo].deprel === 'case') lo++;
  return { start: tree.tokens[lo].start, end: tree.tokens[hi].end };
}

/**
 * A content that reaches into a quotation takes the whole quotation with its marks (and the later
 * paragraphs of a quotation running over several): the parse sees one sentence, the reader one quote.
 */
export function snapToQuotation(content: Range, regions: readonly QuoteRegion[], cue: Range): Range {
  let { start, end } = content;
  for (let r = 0; r < regions.length; r++) {
    const q = regions[r];
    if (q.open >= end) break;
    if (q.close <= start) continue;
    if (cue.start >= q.start && cue.end <= q.end) continue;
    start = Math.min(start, q.open);
    end = Math.max(end, q.close);
    let k = r;
    while (regions[k]?.continuesNext && regions[k + 1]?.chainOf !== undefined) {
      k++;
      end = Math.max(end, regions[k].close);
    }
  }
  return { start, end };
}

/** 1 for each token that starts inside one of the ranges. */
function coveredTokens(tokens: readonly Token[], ranges: readonly Range[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  if (ranges.length === 0) return out;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let r = 0;
  let reach = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    while (r < sorted.length && sorted[r].start <= t.start) reach = Math.max(reach, sorted[r++].end);
    if (t.start < reach) out[i] = 1;
  }
  return out;
}

/** Entity type of each token ('' outside names), from the entity stage when it ran. */
export function entityTypes(doc: AnnotatedArticle): string[] {
  const types = new Array<string>(doc.tokens.length).fill('');
  let m = 0;
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i];
    while (m < doc.mentions.length && doc.mentions[m].end <= t.start) m++;
    const mm = doc.mentions[m];
    if (mm && mm.start <= t.start && t.end <= mm.end) types[i] = mm.type;
  }
  return types;
}

export const ATTRIBUTION_MODEL_FILE = 'attribution.bin.gz';

/** The shipped attribution model (or the file named by STORYLINE_ATTRIBUTION_MODEL). */
export function defaultAttributionModelPath(): string {
  return shippedModelPath(import.meta.url, 'quotes', ATTRIBUTION_MODEL_FILE, 'STORYLINE_ATTRIBUTION_MODEL');
}

let cached: AttributionModel | undefined;

/** The default attribution model, loaded on first use. */
export function defaultAttributionModel(): AttributionModel {
  if (cached) return cached;
  const file = defaultAttributionModelPath();
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    throw new AttributionModelError(
      `Cannot read the attribution model "${file}": ${(err as Error).message}. Train one with \`npm run train:quotes\` or set STORYLINE_ATTRIBUTION_MODEL.`,
    );
  }
  cached = AttributionModel.deserialize(buf);
  return cached;
}
