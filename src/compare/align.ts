/**
 * Aligning values across the reports of a story, and judging each aligned pair: the same measured thing of the
 * same event agrees, conflicts (the intervals the wording allows do not meet) or was updated (a later report, a
 * figure that grew as the story developed).
 *
 * Two values of the same type and unit align when the structural rule holds (the same concept or the same
 * counted noun and predicate, with participants near both figures; see pair-features.ts) or when the learned
 * pair model is confident; two different named concepts or actors never do. Only pairs sharing a participant,
 * a concept or a figure's size are scored, and each value keeps only its best partner in each other report, so
 * a story's many figures do not pair off at random.
 */
import type { AnnotatedArticle, ValueDisagreement, ValueSide } from '../model.js';
import { intervalsOverlap } from './figures.js';
import type { Provenance } from './syndication.js';
import { publicValue, type ValueInContext } from './values.js';
import {
  alignmentScore,
  comparable,
  pairFeatures,
  PairContext,
  PAIR_FEATURES,
  type AlignmentModel,
} from './pair-features.js';
import { defaultAlignmentModel } from './alignment-model.js';

export type PairRelation = 'agree' | 'conflict' | 'update';

/** Two aligned values from different reports, and how they relate. */
export interface ValuePair {
  a: ValueInContext;
  b: ValueInContext;
  relation: PairRelation;
  score: number;
}

const RULE = PAIR_FEATURES.indexOf('structural rule');
const AGREE = PAIR_FEATURES.indexOf('figures agree');
const CONCEPT_DIFFERS = PAIR_FEATURES.indexOf('concept differs');
const ACTOR_DIFFERS = PAIR_FEATURES.indexOf('actor differs');

/**
 * How sure alignment is that a pair states one fact. The structural rule aligns on its own; the model adds the
 * pairs it is confident of, except dates: two days a day apart in like sentences are as often two events.
 */
function pairScore(model: AlignmentModel, a: ValueInContext, features: readonly number[]): number {
  const rule = features[RULE] === 1 ? model.threshold : 0;
  return a.type === 'date' ? rule : Math.max(alignmentScore(model, features), rule);
}

/** Counts that only grow as a story develops: a later, larger toll is news, not a contradiction. */
const TOLLS = new Set(['dead', 'injured', 'arrested', 'missing']);

/** Words of a report that gives a figure as the latest of a series. */
const UPDATE_WORDS =
  /\b(rose|risen|rises|rising|climbed|climbs|increased|grew|grown|jumped|reached|now|so far|to date|revised|updated|latest|new toll|has since)\b/i;

export interface AlignInput {
  docs: readonly AnnotatedArticle[];
  values: ReadonlyMap<string, readonly ValueInContext[]>;
  provenance: ReadonlyMap<string, Provenance>;
  /** The alignment model; the shipped one by default. */
  model?: AlignmentModel;
}

/** A pair of values that could state one fact, with its features (for scoring and for training). */
export interface CandidatePair {
  a: ValueInContext;
  b: ValueInContext;
  features: number[];
}

/** Keys two values must share one of to be scored: a participant, a named concept, a figure of like size. */
function blockingKeys(v: ValueInContext): string[] {
  const keys = new Set(v.anchors.map((l) => `w:${l}`));
  keys.add(`c:${v.concept}`);
  // Figures within a factor of about 1.5 of each other share a bucket or sit in neighbouring ones.
  const size = v.value > 0 ? Math.round(Math.log(v.value) * 2.5) : 0;
  keys.add(`v:${size}`);
  keys.add(`v:${size + 1}`);
  return [...keys];
}

/** The values of a story's original reports (copies left out). */
function storyValues(input: AlignInput): ValueInContext[] {
  const all: ValueInContext[] = [];
  for (const d of input.docs) {
    if (input.provenance.get(d.article.id)?.copyOf !== undefined) continue;
    all.push(...(input.values.get(d.article.id) ?? []));
  }
  return all;
}

/**
 * Every pair of comparable values from two reports (different origins, or one outlet's reports of different
 * days), with its features.
 */
export function candidatePairs(input: AlignInput): CandidatePair[] {
  const out: CandidatePair[] = [];
  forEachCandidate(input, (a, b, features) => out.push({ a, b, features }));
  return out;
}

/** Calls `visit` with each candidate pair and its features, without keeping them. */
function forEachCandidate(
  input: AlignInput,
  visit: (a: ValueInContext, b: ValueInContext, features: number[]) => void,
): void {
  const { docs, provenance } = input;
  const all = storyValues(input);
  const published = new Map(docs.map((d) => [d.article.id, d.article.published]));
  const originOf = (v: ValueInContext): string => provenance.get(v.articleId)?.origin ?? v.articleId;
  const ctx = new PairContext(all, docs);
  const groups = new Map<string, ValueInContext[]>();
  for (const v of all) {
    const key = `${v.type}|${v.unit}`;
    const g = groups.get(key);
    if (g) g.push(v);
    else groups.set(key, [v]);
  }
  for (const g of groups.values()) {
    // Only pairs that share a participant, a named concept or a near figure are scored: any other pair scores
    // far below the threshold, and scoring every pair of a large story grows with its square.
    const index = new Map<string, number[]>();
    const seenWith = new Int32Array(g.length).fill(-1);
    for (let j = 0; j < g.length; j++) {
      const b = g[j];
      const keys = blockingKeys(b);
      for (const key of keys) {
        for (const i of index.get(key) ?? []) {
          if (seenWith[i] === j) continue;
          seenWith[i] = j;
          const a = g[i];
          if (a.articleId === b.articleId || !comparable(a, b)) continue;
          // One outlet's two reports are compared only to show how a figure moved between them.
          if (originOf(a) === originOf(b) && published.get(a.articleId) === published.get(b.articleId)) continue;
          const features = pairFeatures(a, b, ctx);
          // Two different named concepts (killed, injured) or two different named actors are two facts whatever
          // else the figures share.
          if (features[CONCEPT_DIFFERS] === 1 || features[ACTOR_DIFFERS] === 1) continue;
          visit(a, b, features);
        }
      }
      for (const key of keys) {
        const list = index.get(key);
        if (list) list.push(j);
        else index.set(key, [j]);
      }
    }
  }
}

/** Aligns the values of a story's reports (copies left out) and judges each aligned pair. */
export function alignValues(input: AlignInput): ValuePair[] {
  const { docs, provenance } = input;
  const model = input.model ?? defaultAlignmentModel();
  const published = new Map(docs.map((d) => [d.article.id, d.article.published]));
  const originOf = (v: ValueInContext): string => provenance.get(v.articleId)?.origin ?? v.articleId;
  // Best partner of each value in each other report: a story's many figures must not pair off at random.
  const best = new Map<ValueInContext, Map<string, { v: ValueInContext; s: number }>>();
  // Every aligned pair that agrees, to know which reports' figures a value agrees with.
  const agreesWith = new Map<ValueInContext, Set<string>>();
  forEachCandidate(input, (a, b, features) => {
    const s = pairScore(model, a, features);
    if (s < model.threshold) return;
    const agree = features[AGREE] === 1 && judge(...order(a, b, published), published, docs) === 'agree';
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const m = best.get(x) ?? new Map<string, { v: ValueInContext; s: number }>();
      const cur = m.get(y.articleId);
      if (!cur || s > cur.s) m.set(y.articleId, { v: y, s });
      best.set(x, m);
      if (agree) {
        const set = agreesWith.get(x) ?? new Set<string>();
        set.add(y.articleId);
        agreesWith.set(x, set);
      }
    }
  });
  const pairs: ValuePair[] = [];
  const seen = new Set<string>();
  for (const [a, partners] of best) {
    for (const { v: b, s } of partners.values()) {
      const key =
        a.articleId < b.articleId || (a.articleId === b.articleId && a.start < b.start)
          ? `${a.articleId}:${a.start}|${b.articleId}:${b.start}`
          : `${b.articleId}:${b.start}|${a.articleId}:${a.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const [first, second] = order(a, b, published);
      const relation = judge(first, second, published, docs);
      if (relation !== 'agree') {
        if (relation === 'conflict' && originOf(first) === originOf(second)) continue;
        // A disagreement needs each figure to be the other's best match, and neither to agree with a figure of
        // the other report: a story gives several figures of one kind (two plans' costs, two parties' seats),
        // and a figure that matches one of them is not contradicted by the others.
        const mutual = best.get(b)?.get(a.articleId)?.v === a && best.get(a)?.get(b.articleId)?.v === b;
        if (!mutual) continue;
        if (agreesWith.get(a)?.has(b.articleId) || agreesWith.get(b)?.has(a.articleId)) continue;
      }
      pairs.push({ a: first, b: second, relation, score: s });
    }
  }
  return pairs;
}

/** Earlier-published first; undated after dated; then by article order. */
function order(
  a: ValueInContext,
  b: ValueInContext,
  published: ReadonlyMap<string, string | undefined>,
): [ValueInContext, ValueInContext] {
  const pa = published.get(a.articleId) ?? '9999';
  const pb = published.get(b.articleId) ?? '9999';
  return pa <= pb ? [a, b] : [b, a];
}

/** Agree, conflict or update, for two aligned values (the first published no later than the second). */
function judge(
  a: ValueInContext,
  b: ValueInContext,
  published: ReadonlyMap<string, string | undefined>,
  docs: readonly AnnotatedArticle[],
): PairRelation {
  if (a.type === 'tally') return a.value === b.value && a.against === b.against ? 'agree' : 'conflict';
  const pa = published.get(a.articleId);
  const pb = published.get(b.articleId);
  // A toll a later day's report gives higher has risen, even where the first was hedged ("at least 224", then 253).
  if (a.type === 'count' && TOLLS.has(a.concept) && pa && pb && pa < pb && b.value > a.value) return 'update';
  if (intervalsOverlap([a.low, a.high], [b.low, b.high])) return 'agree';
  if (a.type === 'count' && pa && pb && pa < pb) {
    const grew = (b.low ?? 0) > (a.high ?? Infinity);
    if (TOLLS.has(a.concept) && (grew || a.concept === 'missing')) return 'update';
    const doc = docs.find((d) => d.article.id === b.articleId);
    const sentence = doc?.sentences[b.sentence]?.text ?? '';
    if (UPDATE_WORDS.test(sentence)) return 'update';
  }
  return 'conflict';
}

/**
 * Disagreements to show: the values linked by conflicting (or updated) pairs, grouped into one entry per measured
 * thing, with one side per report (its first statement of the figure).
 */
export function disagreements(
  pairs: readonly ValuePair[],
  docs: readonly AnnotatedArticle[],
  provenance: ReadonlyMap<string, Provenance>,
): { conflicts: ValueDisagreement[]; updates: ValueDisagreement[] } {
  const byId = new Map(docs.map((d) => [d.article.id, d]));
  const parent = new Map<ValueInContext, ValueInContext>();
  const find = (x: ValueInContext): ValueInContext => {
    let r = x;
    while (parent.get(r) && parent.get(r) !== r) r = parent.get(r) as ValueInContext;
    parent.set(x, r);
    return r;
  };
  const flagged = pairs.filter((p) => p.relation !== 'agree');
  for (const p of flagged) {
    if (!parent.has(p.a)) parent.set(p.a, p.a);
    if (!parent.has(p.b)) parent.set(p.b, p.b);
    parent.set(find(p.a), find(p.b));
  }
  const groups = new Map<ValueInContext, { members: Set<ValueInContext>; conflict: boolean }>();
  for (const p of flagged) {
    const r = find(p.a);
    const g = groups.get(r) ?? { members: new Set<ValueInContext>(), conflict: false };
    g.members.add(p.a).add(p.b);
    if (p.relation === 'conflict') g.conflict = true;
    groups.set(r, g);
  }
  // Copies carried by other outlets, by original.
  const carriers = new Map<string, string[]>();
  for (const p of provenance.values()) {
    if (p.copyOf === undefined) continue;
    carriers.set(p.copyOf, [...(carriers.get(p.copyOf) ?? []), p.outlet]);
  }
  const conflicts: ValueDisagreement[] = [];
  const updates: ValueDisagreement[] = [];
  for (const g of groups.values()) {
    // One side per article: its first statement of the figure.
    const perArticle = new Map<string, ValueInContext>();
    for (const v of [...g.members].sort((x, y) => x.start - y.start))
      if (!perArticle.has(v.articleId)) perArticle.set(v.articleId, v);
    const sides: ValueSide[] = [...perArticle.values()].map((v) => {
      const doc = byId.get(v.articleId);
      const sent = doc?.sentences[v.sentence];
      const prov = provenance.get(v.articleId);
      const value = publicValue(v);
      return {
        outlet: prov?.outlet ?? v.articleId,
        articleId: v.articleId,
        ...(doc?.article.published ? { published: doc.article.published } : {}),
        value,
        sentence: { start: sent?.start ?? v.start, end: sent?.end ?? v.end, text: sent?.text ?? v.text },
        ...(carriers.has(v.articleId) ? { alsoCarriedBy: carriers.get(v.articleId) } : {}),
      };
    });
    sides.sort((x, y) => (x.published ?? '9999').localeCompare(y.published ?? '9999') || x.value.start - y.value.start);
    const first = sides[0].value;
    const entry: ValueDisagreement = {
      id: '',
      kind: g.conflict ? 'conflict' : 'update',
      type: first.type,
      measured: first.measured,
      sides,
    };
    (g.conflict ? conflicts : updates).push(entry);
  }
  const byPosition = (x: ValueDisagreement, y: ValueDisagreement): number =>
    (x.sides[0].published ?? '9999').localeCompare(y.sides[0].published ?? '9999') ||
    x.sides[0].value.start - y.sides[0].value.start;
  conflicts.sort(byPosition).forEach((c, i) => (c.id = `x${i + 1}`));
  updates.sort(byPosition).forEach((c, i) => (c.id = `u${i + 1}`));
  return { conflicts, updates };
}
