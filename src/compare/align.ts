/**
 * Aligning values across the reports of a story, and judging each aligned pair: the same measured thing of the
 * same event agrees, conflicts (the intervals the wording allows do not meet) or was updated (a later report, a
 * figure that grew as the story developed).
 *
 * Two values align when they are of the same type and unit and say what they measure the same way: the same
 * concept (dead, evacuated…) with compatible counted nouns, or enough shared participants on the parse (idf-
 * weighted, so the words every sentence of the story shares count little). Each value keeps only its best
 * partner in each other report, so a story's many figures do not pair off with each other at random.
 */
import type { AnnotatedArticle } from '../model.js';
import { intervalsOverlap } from './figures.js';
import type { Provenance } from './syndication.js';
import type { ValueDisagreement, ValueSide } from './types.js';
import type { ValueInContext } from './values.js';
import { CONCEPT_NAMES } from './values.js';

export type PairRelation = 'agree' | 'conflict' | 'update';

/** Two aligned values from different reports, and how they relate. */
export interface ValuePair {
  a: ValueInContext;
  b: ValueInContext;
  relation: PairRelation;
  score: number;
}

/** Counts that only grow as a story develops: a later, larger toll is news, not a contradiction. */
const TOLLS = new Set(['dead', 'injured', 'arrested', 'missing']);

/** Words of a report that gives a figure as the latest of a series. */
const UPDATE_WORDS =
  /\b(rose|risen|rises|rising|climbed|climbs|increased|grew|grown|jumped|reached|now|so far|to date|revised|updated|latest|new toll|has since)\b/i;

/** Predicates too general to say two figures measure the same thing. */
const WEAK_PREDICATES = new Set(['be', 'have', 'get', 'make', 'take', 'include', 'say', 'do', 'give', 'reach', 'total']);

export interface AlignInput {
  docs: readonly AnnotatedArticle[];
  values: ReadonlyMap<string, readonly ValueInContext[]>;
  provenance: ReadonlyMap<string, Provenance>;
}

/** Day, month or year: the width of a date value's interval. */
const precision = (v: ValueInContext): number => (v.date ?? '').length;

/** Counted nouns that are the same kind of thing ("residents" and "people"; a missing noun fits any). */
function sameCounted(a: string, b: string): boolean {
  if (!a || !b) return true;
  const people = /^(people|person|resident|inhabitant|villager|civilian|citizen|local|individual)$/;
  return a === b || (people.test(a) && people.test(b));
}

/** Aligns the values of a story's reports (copies left out) and judges each pair. */
export function alignValues(input: AlignInput): ValuePair[] {
  const { docs, values, provenance } = input;
  const published = new Map(docs.map((d) => [d.article.id, d.article.published]));
  const all: ValueInContext[] = [];
  for (const d of docs) {
    if (provenance.get(d.article.id)?.copyOf !== undefined) continue;
    all.push(...(values.get(d.article.id) ?? []));
  }
  // Inverse document frequency of each anchor over the story's values.
  const df = new Map<string, number>();
  for (const v of all) for (const l of new Set(v.anchors)) df.set(l, (df.get(l) ?? 0) + 1);
  const idf = (l: string): number => Math.log(1 + all.length / (df.get(l) ?? 1));
  const originOf = (v: ValueInContext): string => provenance.get(v.articleId)?.origin ?? v.articleId;

  const score = (a: ValueInContext, b: ValueInContext): number => {
    if (a.type !== b.type || a.unit !== b.unit) return 0;
    // Participants both share, and those beyond what is counted and the predicate: two figures with the same
    // noun and verb ("140 buses" taken over, "two buses" taken to work) are one fact only if more is shared.
    // Participants near both figures count fully; one only in the wider context of either counts less.
    let shared = 0;
    let nearShared = 0;
    let midShared = 0;
    let farShared = 0;
    const bs = new Set(b.anchors);
    const coreA = new Set(a.core);
    const coreB = new Set(b.core);
    for (const l of new Set(a.anchors)) {
      if (!bs.has(l)) continue;
      const w = idf(l) * ((coreA.has(l) ? 0.5 : 0.25) + (coreB.has(l) ? 0.5 : 0.25));
      shared += w;
      if (l !== a.counted && l !== a.predicate && l !== b.counted && l !== b.predicate) {
        if (coreA.has(l) && coreB.has(l)) nearShared++;
        else if (coreA.has(l) || coreB.has(l)) midShared++;
        else farShared++;
      }
    }
    // One participant near both figures, or two in their wider context: one common context word ("city") is chance.
    const context = nearShared >= 1 || midShared + farShared >= 2;
    // Two participants near both figures tie them even when each says what is measured differently.
    const strongContext = nearShared >= 2;
    const lexA = CONCEPT_NAMES.has(a.concept);
    const lexB = CONCEPT_NAMES.has(b.concept);
    const samePredicate = a.predicate !== '' && a.predicate === b.predicate && !WEAK_PREDICATES.has(a.predicate);
    const sameThing = a.thing !== '' && a.thing === b.thing;
    switch (a.type) {
      case 'count':
        if (lexA || lexB) {
          if (a.concept !== b.concept || !sameCounted(a.counted, b.counted)) return 0;
          return 3 + shared;
        }
        if (!a.counted || !b.counted || !sameCounted(a.counted, b.counted)) return 0;
        return (samePredicate && context) || strongContext ? 1 + shared : 0;
      case 'tally': {
        const sameTotal = a.value + (a.against ?? 0) === b.value + (b.against ?? 0);
        return sameTotal || shared > 0 ? 2 + shared : 0;
      }
      case 'date':
        // A day is compared with a day: "Tuesday" and "1998" are not two accounts of one date.
        if (precision(a) !== precision(b)) return 0;
        return samePredicate && context ? 2 + shared : 0;
      case 'duration':
        // Two deadlines ("within 30 days", "within 45 days") for the same matter: one participant near both.
        if (a.deadline && b.deadline && nearShared >= 1) return 1 + shared;
        if (a.thing !== '' && b.thing !== '' && a.thing !== b.thing && !strongContext) return 0;
        return ((sameThing || samePredicate) && context) || strongContext ? 1 + shared : 0;
      default:
        // An amount, a share, a length of time is of something: a contract's value and a fine are not two
        // accounts of one figure.
        if (a.thing !== '' && b.thing !== '' && a.thing !== b.thing && !strongContext) return 0;
        return ((sameThing || samePredicate) && context) || strongContext ? 1 + shared : 0;
    }
  };

  // Best partner of each value in each other report (by origin: a wire dispatch and its copies are one).
  const best = new Map<ValueInContext, Map<string, { v: ValueInContext; s: number }>>();
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i];
      const b = all[j];
      if (a.articleId === b.articleId) continue;
      const sameOrigin = originOf(a) === originOf(b);
      // One outlet's two reports are compared only to show how a figure moved between them.
      if (sameOrigin && published.get(a.articleId) === published.get(b.articleId)) continue;
      const s = score(a, b);
      if (s <= 0) continue;
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        const m = best.get(x) ?? new Map<string, { v: ValueInContext; s: number }>();
        const key = y.articleId;
        const cur = m.get(key);
        if (!cur || s > cur.s) m.set(key, { v: y, s });
        best.set(x, m);
      }
    }
  }
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
      if (relation === 'conflict' && originOf(first) === originOf(second)) continue;
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
  if (intervalsOverlap([a.low, a.high], [b.low, b.high])) return 'agree';
  const pa = published.get(a.articleId);
  const pb = published.get(b.articleId);
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
      const { anchors: _a, predicate: _p, sentence: _s, counted: _c, core: _k, thing: _t, deadline: _d, ...value } = v;
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
