import { AveragedPerceptron } from '../../learn/perceptron.js';
import { mulberry32, shuffle } from '../../learn/hash.js';
import type { AnnotatedArticle, Token } from '../../model.js';
import { findQuoteRegions } from '../marks.js';
import {
  contentFeatures,
  cueFeatures,
  noSourceFeatures,
  sourceFeatures,
  spanFeatures,
  type AttributionContext,
} from './features.js';
import {
  AttributionModel,
  CompiledInclusion,
  CONTENT_REACH,
  NEVER_CUE,
  SOURCE_POS,
  SOURCE_REACH,
  attributionContext,
  entityTypes,
  inclusionKeys,
  type InclusionTable,
  type Role,
} from './model.js';
import { SentenceTree, sentenceRanges } from './tree.js';
import { tokensOverlapping } from '../../text/token-search.js';

/** A gold attribution as character ranges (any role may be missing). */
export interface GoldSpans {
  source?: { start: number; end: number };
  cue?: { start: number; end: number };
  content?: { start: number; end: number };
}

export interface TrainingArticle {
  /** Tokens with tags and the dependency parse; mentions from the entity stage. */
  doc: AnnotatedArticle;
  gold: readonly GoldSpans[];
}

export interface AttributionTrainOptions {
  epochs?: number;
  seed?: number;
  /** Called after each epoch with the number of mistakes per model (epoch 0: gold cue heads with a part of speech never scored). */
  progress?: (epoch: number, mistakes: { cue: number; source: number; content: number }) => void;
}

/** One gold attribution mapped onto the parse: the head word of each role (-1 when absent or unusable). */
interface Example {
  tree: SentenceTree;
  ctx: AttributionContext;
  types: string[];
  cue: number;
  cueSet: Set<number>;
  source: number;
  hasSource: boolean;
  content: number;
}

const SPAN_EPOCHS = 5;

const scratch = new Uint32Array(128);
const one = new Float64Array(1);

function rankScore(p: AveragedPerceptron, f: Uint32Array, n: number): number {
  one[0] = 0;
  p.score(f, n, one);
  return one[0];
}

/**
 * One step of a ranking perceptron: the best-scoring acceptable candidate (starting from `start`, which
 * wins ties) against the gold one; when they differ, the gold features are rewarded and the winner's
 * penalised. Returns whether it was a mistake.
 */
function rankStep(
  p: AveragedPerceptron,
  start: { id: number; features: Uint32Array; score: number },
  candidates: readonly number[],
  accept: (c: number) => boolean,
  featuresOf: (c: number, out: Uint32Array) => number,
  gold: number,
  goldFeatures: Uint32Array,
): boolean {
  let { id: best, features: bestFeatures, score: bestScore } = start;
  for (const c of candidates) {
    if (!accept(c)) continue;
    const n = featuresOf(c, scratch);
    const s = rankScore(p, scratch, n);
    if (s > bestScore) {
      bestScore = s;
      best = c;
      bestFeatures = Uint32Array.from(scratch.subarray(0, n));
    }
  }
  if (best === gold) return false;
  p.update(goldFeatures, goldFeatures.length, 0, 1);
  p.update(bestFeatures, bestFeatures.length, 0, -1);
  return true;
}

/** How often a lemma must head a gold cue to be scored at all. */
const MIN_CUE_LEMMA = 2;

const HEAD_PREFERENCE = ['VERB', 'NOUN', 'ADJ', 'PROPN', 'AUX', 'ADP', 'PRON'];

/** The word of a token span that the rest hangs from, preferring content words when several do. */
export function spanHead(tokens: readonly Token[], from: number, to: number): number {
  const roots: number[] = [];
  for (let i = from; i < to; i++) {
    const h = tokens[i].head ?? -1;
    if (h < from || h >= to) roots.push(i);
  }
  if (roots.length === 0) return -1;
  const rank = (i: number): number => {
    const r = HEAD_PREFERENCE.indexOf(tokens[i].upos ?? '');
    return r < 0 ? HEAD_PREFERENCE.length : r;
  };
  return roots.reduce((a, b) => (rank(b) < rank(a) ? b : a));
}

function count(table: InclusionTable, key: string, inside: boolean): void {
  const c = (table[key] ??= [0, 0]);
  if (inside) c[0]++;
  c[1]++;
}

/** Counts, for each role, how often each child relation of the head lies inside the gold span. */
/** One dependent of a role's head word, inside the gold span or not: an example for the span model. */
interface SpanExample {
  ctx: AttributionContext;
  tree: SentenceTree;
  role: Role;
  head: number;
  child: number;
  cue: number;
  inside: boolean;
}

function countInclusion(
  tables: Record<Role, InclusionTable>,
  spans: SpanExample[],
  ctx: AttributionContext,
  tree: SentenceTree,
  role: Role,
  head: number,
  cue: number,
  from: number,
  to: number,
  avoid: ReadonlySet<number>,
): void {
  for (const c of tree.children(head)) {
    if (avoid.has(c)) continue;
    const t = tree.tokens[c];
    const inside = c >= from && c < to;
    for (const key of inclusionKeys(tree.tokens[head].deprel ?? '_', t)) count(tables[role], key, inside);
    spans.push({ ctx, tree, role, head, child: c, cue, inside });
  }
}

/**
 * Trains the cue classifier and the source and content rankers on gold attributions. Deterministic for a
 * seed. Examples whose roles cannot be found on the parse (a content in another sentence) train only
 * the parts that can.
 */
export function trainAttributionModel(
  articles: readonly TrainingArticle[],
  opts: AttributionTrainOptions = {},
): AttributionModel {
  const tables: Record<Role, InclusionTable> = { cue: {}, source: {}, content: {} };
  const examples: Example[] = [];
  let unreachable = 0;
  const spans: SpanExample[] = [];
  const cueLemmaCount = new Map<number, number>();
  const cueTokens: Array<{ ctx: AttributionContext; tree: SentenceTree; i: number; gold: number }> = [];
  for (const { doc, gold } of articles) {
    const tokens = doc.tokens;
    if (tokens.length === 0) continue;
    const regions = findQuoteRegions(doc.article.text);
    const ctx = attributionContext(tokens, regions);
    const types = entityTypes(doc);
    const trees = sentenceRanges(tokens).map(([a, b]) => new SentenceTree(tokens, a, b));
    const treeOf = (i: number): SentenceTree =>
      trees[tokens[i].sentence - tokens[0].sentence] ?? trees.find((t) => i >= t.first && i < t.end)!;
    const cueHeads = new Set<number>();
    for (const g of gold) {
      if (!g.cue) continue;
      const [c0, c1] = tokensOverlapping(tokens, g.cue.start, g.cue.end);
      if (c1 <= c0) continue;
      const cue = spanHead(tokens, c0, c1);
      if (cue < 0) continue;
      const tree = treeOf(cue);
      if (!tree || cue < tree.first || cue >= tree.end) continue;
      cueHeads.add(cue);
      cueLemmaCount.set(ctx.lemma[cue], (cueLemmaCount.get(ctx.lemma[cue]) ?? 0) + 1);
      const cueSet = new Set<number>();
      for (let k = c0; k < c1; k++) cueSet.add(k);
      countInclusion(tables, spans, ctx, tree, 'cue', cue, cue, c0, c1, new Set());
      let source = -1;
      const hasSource = !!g.source;
      if (g.source) {
        const [s0, s1] = tokensOverlapping(tokens, g.source.start, g.source.end);
        const sh = s1 > s0 ? spanHead(tokens, s0, s1) : -1;
        if (sh >= tree.first && sh < tree.end && !cueSet.has(sh)) {
          source = sh;
          countInclusion(tables, spans, ctx, tree, 'source', sh, cue, s0, s1, cueSet);
        }
      }
      let content = -1;
      if (g.content) {
        const [n0, n1] = tokensOverlapping(tokens, g.content.start, g.content.end);
        const nh = n1 > n0 ? spanHead(tokens, n0, n1) : -1;
        if (nh >= tree.first && nh < tree.end) {
          content = nh;
          if (nh !== cue && !tree.dominates(nh, cue))
            countInclusion(tables, spans, ctx, tree, 'content', nh, cue, n0, n1, cueSet);
        }
      }
      examples.push({ tree, ctx, types, cue, cueSet, source, hasSource, content });
    }
    for (const tree of trees) {
      for (let i = tree.first; i < tree.end; i++) {
        const t = tokens[i];
        if (NEVER_CUE.has(t.upos ?? '') && t.text !== ':') {
          if (cueHeads.has(i)) unreachable++;
          continue;
        }
        cueTokens.push({ ctx, tree, i, gold: cueHeads.has(i) ? 1 : 0 });
      }
    }
  }

  // Only lemmas seen heading a cue at least twice are scored: the rest of the vocabulary almost never
  // heads one, and skipping it is most of the stage's speed.
  const cueLemmas = [...cueLemmaCount].filter(([, n]) => n >= MIN_CUE_LEMMA).map(([l]) => l);
  const allowed = new Set(cueLemmas);
  for (const x of cueTokens) if (x.gold && !allowed.has(x.ctx.lemma[x.i])) unreachable++;
  const scored = cueTokens.filter((x) => allowed.has(x.ctx.lemma[x.i]));
  opts.progress?.(0, { cue: unreachable, source: 0, content: 0 });
  const rand = mulberry32(opts.seed ?? 1);
  const cueP = new AveragedPerceptron(2);
  const srcP = new AveragedPerceptron(1);
  const conP = new AveragedPerceptron(1);
  const buf = new Uint32Array(128);
  const alt = new Uint32Array(128);
  const scores = new Float64Array(2);
  const epochs = opts.epochs ?? 8;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const mistakes = { cue: 0, source: 0, content: 0 };
    for (const x of shuffle(scored, rand)) {
      const n = cueFeatures(x.ctx, x.tree, x.i, buf);
      scores.fill(0);
      cueP.score(buf, n, scores);
      const guess = scores[1] > scores[0] ? 1 : 0;
      if (guess !== x.gold) {
        mistakes.cue++;
        cueP.learn(buf, n, x.gold, guess);
      }
      cueP.step++;
    }
    for (const x of shuffle(examples, rand)) {
      const { tree, ctx, cue } = x;
      // Source: rank every nominal of the sentence and "none"; the gold one must win.
      const sourceCandidates = tree.near(cue, SOURCE_REACH[0], SOURCE_REACH[1]);
      // A gold head out of reach cannot be chosen; learning from it would only add noise.
      if ((x.source >= 0 && sourceCandidates.includes(x.source)) || !x.hasSource) {
        const none = Uint32Array.from(alt.subarray(0, noSourceFeatures(ctx, tree, cue, alt)));
        const gold =
          x.source < 0
            ? none
            : Uint32Array.from(buf.subarray(0, sourceFeatures(ctx, tree, cue, x.source, x.types[x.source], buf)));
        const wrong = rankStep(
          srcP,
          { id: -1, features: none, score: rankScore(srcP, none, none.length) },
          sourceCandidates,
          (c) => c !== cue && !x.cueSet.has(c) && SOURCE_POS.has(tree.tokens[c].upos ?? ''),
          (c, out) => sourceFeatures(ctx, tree, cue, c, x.types[c], out),
          x.source,
          gold,
        );
        if (wrong) mistakes.source++;
        srcP.step++;
      }
      const contentCandidates = tree.near(cue, CONTENT_REACH[0], CONTENT_REACH[1]);
      if (x.content >= 0 && contentCandidates.includes(x.content)) {
        const gold = Uint32Array.from(buf.subarray(0, contentFeatures(ctx, tree, cue, x.content, buf)));
        const wrong = rankStep(
          conP,
          { id: -1, features: new Uint32Array(0), score: -Infinity },
          contentCandidates,
          (c) => !(x.cueSet.has(c) && c !== cue) && tree.tokens[c].upos !== 'PUNCT',
          (c, out) => contentFeatures(ctx, tree, cue, c, out),
          x.content,
          gold,
        );
        if (wrong) mistakes.content++;
        conP.step++;
      }
    }
    opts.progress?.(epoch, mistakes);
  }
  // The span model reads what the relation counts say, so it is trained once they are complete.
  const compiled = {
    cue: new CompiledInclusion(tables.cue),
    source: new CompiledInclusion(tables.source),
    content: new CompiledInclusion(tables.content),
  };
  const spanP = new AveragedPerceptron(2);
  for (let epoch = 1; epoch <= SPAN_EPOCHS; epoch++) {
    for (const x of shuffle(spans, rand)) {
      const vote = compiled[x.role].vote(x.ctx.deprel[x.head], x.ctx.deprel[x.child], x.ctx.lemma[x.child]);
      const n = spanFeatures(x.ctx, x.tree, x.role, x.head, x.child, x.cue, vote, buf);
      scores.fill(0);
      spanP.score(buf, n, scores);
      const guess = scores[1] > scores[0] ? 1 : 0;
      spanP.learn(buf, n, x.inside ? 1 : 0, guess);
      spanP.step++;
    }
  }
  return new AttributionModel(cueP.compile(0.001), srcP.compile(0.001), conP.compile(0.001), spanP.compile(0.001), {
    version: 2,
    inclusion: tables,
    cueLemmas: cueLemmas.sort((a, b) => a - b),
  });
}
