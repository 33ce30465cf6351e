/**
 * Outlet comparison: which claims every independent outlet reports, which only one does, and where outlets
 * disagree on a figure.
 *
 * Wire copies are found first (syndication.ts) and count as their original's outlet. Disagreements come from
 * values (values.ts, align.ts): each report's figures, aligned across reports and judged agree / conflict /
 * update. Claims (claims.ts) are sentence clauses aligned across outlets by tf-idf cosine of their content stems
 * with a bonus for shared names, numbers and dates left out of the match; each links to at most its best match
 * in each other outlet (mutual best above a threshold), linked claims form one group, and a group is a conflict
 * when one of its figures is in a disagreement.
 */
import type {
  AnnotatedArticle,
  Claim,
  ClaimConflict,
  ClaimSpan,
  Coverage,
  NumberFact,
  OutletSummary,
  ValueDisagreement,
} from '../model.js';
import { alignValues, disagreements, type ValuePair } from './align.js';
import type { AlignmentModel } from './pair-features.js';
import { extractClaims, type ArticleClaim } from './claims.js';
import { findProvenance, outletOf, type Provenance } from './syndication.js';
import { extractValues, publicValue, type ValueInContext } from './values.js';

export type { ArticleClaim } from './claims.js';
export type { Claim, ClaimConflict, ClaimKind, ClaimSpan, Coverage, NumberFact, OutletSummary } from '../model.js';
export { extractClaims, extractNumbers, extractDates, extractNames } from './claims.js';

export type { ClaimValue, Hedge, ValueDisagreement, ValueSide, ValueType } from '../model.js';
export type { ValuePair, PairRelation, CandidatePair } from './align.js';
export { candidatePairs } from './align.js';
export { PAIR_FEATURES, type AlignmentModel } from './pair-features.js';
export type { Provenance } from './syndication.js';
export { extractValues, type ValueInContext } from './values.js';
export { readFigures } from './figures.js';
export { findProvenance, outletOf } from './syndication.js';

export interface Comparison {
  /** Outlets that reported independently (copies of another outlet's dispatch are not counted). */
  outlets: string[];
  claims: Claim[];
  coverage: Coverage;
  byOutlet: OutletSummary[];
  /** Figures given for the same thing that cannot both be true. */
  conflicts: ValueDisagreement[];
  /** Figures that changed between reports as the story developed. */
  updates: ValueDisagreement[];
  /** Every aligned pair of values and its judgement (for evaluation and explanation). */
  pairs: ValuePair[];
  /** Who wrote each article: copies point at their original. */
  provenance: Provenance[];
}

/**
 * What comparison reads from a story's articles before aligning: who wrote each (copies found), the original
 * reports, and their values.
 */
export function storyFacts(docs: readonly AnnotatedArticle[]): {
  provenance: Map<string, Provenance>;
  originals: AnnotatedArticle[];
  values: Map<string, ValueInContext[]>;
} {
  // Originals first, so a copy is recognised as the later of two near-identical texts.
  const inOrder = docs
    .map((d, i) => ({ d, i, date: d.article.published ?? '9999' }))
    .sort((x, y) => x.date.localeCompare(y.date) || x.i - y.i)
    .map((x) => x.d);
  const provenance = findProvenance(inOrder);
  const originals = docs.filter((d) => provenance.get(d.article.id)?.copyOf === undefined);
  const values = new Map<string, ValueInContext[]>(originals.map((d) => [d.article.id, extractValues(d)]));
  return { provenance, originals, values };
}

export interface CompareOptions {
  /** The value alignment model; the shipped one by default. */
  model?: AlignmentModel;
  /** Minimum alignment score for two claims to be the same (0..1); 0.3 by default. */
  threshold?: number;
}

/** Features per claim used to find candidate matches. */
const LOOKUP_FEATURES = 8;

/** Subtracted from the score of two claims that both name someone but share no name. */
const NAME_MISMATCH_PENALTY = 0.1;

/** Added to the score of two claims sharing at least two phrases. */
const PHRASE_BONUS = 0.15;

function lastNameKey(name: string): string {
  const toks = name.toLowerCase().split(/\s+/);
  return toks[toks.length - 1].replace(/[’']s$/, '');
}

export function compareArticles(docs: readonly AnnotatedArticle[], opts: CompareOptions = {}): Comparison {
  const threshold = opts.threshold ?? 0.3;
  const dateOf = new Map(docs.map((d) => [d.article.id, d.article.published ?? '9999']));
  const orderOf = new Map(docs.map((d, i) => [d.article.id, i]));
  const { provenance, originals, values } = storyFacts(docs);
  const outlets = [...new Set(originals.map((d) => provenance.get(d.article.id)?.origin ?? outletOf(d)))];
  const pairs = alignValues({ docs, values, provenance, model: opts.model });
  const { conflicts, updates } = disagreements(pairs, docs, provenance);
  const carriers = new Map<string, string[]>();
  for (const p of provenance.values())
    if (p.copyOf) carriers.set(p.copyOf, [...(carriers.get(p.copyOf) ?? []), p.outlet]);
  const claims: ArticleClaim[] = originals.flatMap((d) =>
    extractClaims(d, provenance.get(d.article.id)?.origin ?? outletOf(d)),
  );
  const n = claims.length;

  // tf-idf vectors over claims. Features: content stems and phrases (stem pairs of lower-case words,
  // such as "open letter"), as integer ids in sorted sparse vectors so scoring is a merge.
  const featureId = new Map<string, number>();
  const isPhrase: boolean[] = [];
  const idOf = (f: string, phrase: boolean): number => {
    let id = featureId.get(f);
    if (id === undefined) {
      id = featureId.size;
      featureId.set(f, id);
      isPhrase.push(phrase);
    }
    return id;
  };
  const featIds = claims.map((c) => [...c.stems.map((f) => idOf(f, false)), ...c.phrases.map((f) => idOf(f, true))]);
  const df = new Int32Array(featureId.size);
  for (const f of featIds) for (const id of new Set(f)) df[id]++;
  const vecs = featIds.map((f) => {
    const tf = new Map<number, number>();
    for (const id of f) tf.set(id, (tf.get(id) ?? 0) + 1);
    const ids = [...tf.keys()].sort((x, y) => x - y);
    const w = ids.map((id) => (tf.get(id) as number) * Math.log(1 + n / df[id]));
    const norm = Math.sqrt(w.reduce((acc, x) => acc + x * x, 0)) || 1;
    return { ids: Int32Array.from(ids), w: Float64Array.from(w, (x) => x / norm) };
  });
  const names = claims.map((c) => new Set(c.entities.map(lastNameKey)));

  // Candidate pairs share one of their most specific features (highest idf among features of at least
  // two claims): an inverted index over those keeps the comparison near-linear instead of all pairs.
  const keys = vecs.map((v) => {
    const order = [...v.ids.keys()].filter((k) => df[v.ids[k]] > 1).sort((x, y) => v.w[y] - v.w[x]);
    return order.slice(0, LOOKUP_FEATURES).map((k) => v.ids[k]);
  });
  const index = new Map<number, number[]>();
  keys.forEach((ks, i) => {
    for (const k of ks) {
      const list = index.get(k) ?? [];
      list.push(i);
      index.set(k, list);
    }
  });
  const phraseLinked = new Set<number>();
  const score = (i: number, j: number): number => {
    const a = vecs[i];
    const b = vecs[j];
    let dot = 0;
    let phrases = 0;
    for (let x = 0, y = 0; x < a.ids.length && y < b.ids.length;) {
      if (a.ids[x] === b.ids[y]) {
        dot += a.w[x] * b.w[y];
        if (isPhrase[a.ids[x]]) phrases++;
        x++;
        y++;
      } else if (a.ids[x] < b.ids[y]) x++;
      else y++;
    }
    let shared = 0;
    for (const k of names[i]) if (names[j].has(k)) shared++;
    const union = names[i].size + names[j].size - shared;
    // Claims naming only different people or organisations are usually about similar but different
    // events ("X was stripped of her medal" vs "Y was stripped of her medal").
    const disjoint = names[i].size > 0 && names[j].size > 0 && shared === 0 ? NAME_MISMATCH_PENALTY : 0;
    const sim = 0.8 * dot + 0.2 * (union > 0 ? shared / union : 0) - disjoint;
    // Two shared phrases are strong evidence of the same statement even in reworded text.
    if (phrases < 2) return sim;
    phraseLinked.add(Math.min(i, j) * n + Math.max(i, j));
    return Math.min(1, sim + PHRASE_BONUS);
  };
  // Best match of each claim in each other outlet.
  const best = claims.map(() => new Map<string, { j: number; s: number }>());
  const seenBy = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (const k of keys[i]) {
      for (const j of index.get(k) ?? []) {
        // Each unordered pair is scored once, from its lower index.
        if (j <= i || seenBy[j] === i || claims[j].outlet === claims[i].outlet) continue;
        seenBy[j] = i;
        const sc = score(i, j);
        if (sc < threshold) continue;
        const bi = best[i].get(claims[j].outlet);
        if (!bi || sc > bi.s) best[i].set(claims[j].outlet, { j, s: sc });
        const bj = best[j].get(claims[i].outlet);
        if (!bj || sc > bj.s) best[j].set(claims[i].outlet, { j: i, s: sc });
      }
    }
  }
  // Group mutual best matches (union-find).
  const parent = claims.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (let i = 0; i < n; i++) {
    for (const [outlet, { j }] of best[i]) {
      if (outlet !== claims[j].outlet) continue;
      // Mutual best matches join; so does a one-sided best match that shares wording (two phrases),
      // so a claim restating two claims of another outlet joins both.
      const mutual = best[j].get(claims[i].outlet)?.j === i;
      if (mutual || phraseLinked.has(Math.min(i, j) * n + Math.max(i, j))) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r) ?? [];
    g.push(i);
    groups.set(r, g);
  }

  // Reading order of the claims (earliest article, then position), ranked once.
  const rank = new Int32Array(n);
  [...claims.keys()]
    .sort((i, j) => {
      const [a, b] = [claims[i], claims[j]];
      const da = dateOf.get(a.articleId) ?? '';
      const db = dateOf.get(b.articleId) ?? '';
      return da < db
        ? -1
        : da > db
          ? 1
          : (orderOf.get(a.articleId) ?? 0) - (orderOf.get(b.articleId) ?? 0) || a.start - b.start;
    })
    .forEach((i, r) => (rank[i] = r));

  const out: Claim[] = [];
  const firstRank: number[] = [];
  for (const members of groups.values()) {
    members.sort((i, j) => rank[i] - rank[j]);
    firstRank.push(rank[members[0]]);
    const ms = members.map((i) => claims[i]);
    const first = ms[0];
    const claimOutlets = [...new Set(ms.map((m) => m.outlet))];
    const claimConflicts = conflictsOf(ms, conflicts);
    const carriedBy = [...new Set(ms.flatMap((m) => carriers.get(m.articleId) ?? []))];
    const firstValues = values.get(first.articleId)?.filter((v) => v.start >= first.start && v.end <= first.end) ?? [];
    out.push({
      id: '',
      text: first.text,
      kind: claimConflicts.length > 0 ? 'conflict' : claimOutlets.length > 1 ? 'shared' : 'unique',
      outlets: claimOutlets,
      sources: ms.map(({ articleId, outlet, start, end, text }) => ({ articleId, outlet, start, end, text })),
      entities: [...new Set(ms.flatMap((m) => m.entities))],
      dates: [...new Set(ms.flatMap((m) => m.dates))],
      quote: ms.find((m) => m.quote)?.quote,
      numbers: firstValues.filter((v) => v.type !== 'date').map(numberFact),
      values: firstValues.map(publicValue),
      conflicts: claimConflicts,
      ...(carriedBy.length > 0 ? { alsoCarriedBy: carriedBy } : {}),
    });
  }
  const ordered = [...out.keys()].sort((i, j) => firstRank[i] - firstRank[j]).map((i) => out[i]);
  out.splice(0, out.length, ...ordered);
  out.forEach((c, i) => (c.id = `c${i + 1}`));

  const coverage: Coverage = {
    outlets,
    claims: out.map((c) => c.id),
    matrix: outlets.map((o) => out.map((c) => c.outlets.includes(o))),
  };
  const byOutlet: OutletSummary[] = outlets.map((o) => ({
    outlet: o,
    articleIds: docs.filter((d) => provenance.get(d.article.id)?.origin === o).map((d) => d.article.id),
    claims: out.filter((c) => c.outlets.includes(o)).length,
    adds: out.filter((c) => c.kind === 'unique' && c.outlets[0] === o).map((c) => c.id),
  }));
  // Outlets that only carried others' dispatches: listed, with whose dispatches they carried.
  for (const o of new Set(docs.map(outletOf))) {
    if (outlets.includes(o)) continue;
    const mine = docs.filter((d) => outletOf(d) === o);
    const origin = provenance.get(mine[0].article.id)?.origin;
    byOutlet.push({
      outlet: o,
      articleIds: mine.map((d) => d.article.id),
      claims: 0,
      adds: [],
      ...(origin ? { carries: origin } : {}),
    });
  }
  return { outlets, claims: out, coverage, byOutlet, conflicts, updates, pairs, provenance: [...provenance.values()] };
}

/** A value in the older number form: money as "money", a share as "%", a duration in days as "day". */
function numberFact(v: ValueInContext): NumberFact {
  const unit = v.type === 'money' ? 'money' : v.type === 'count' ? (v.counted ?? '') : v.unit;
  return { value: v.value, unit, text: v.text };
}

/** The story-level conflicts that involve a figure of one of the claim's reports. */
function conflictsOf(ms: readonly ArticleClaim[], conflicts: readonly ValueDisagreement[]): ClaimConflict[] {
  const out: ClaimConflict[] = [];
  for (const c of conflicts) {
    const mine = c.sides.some((s) =>
      ms.some((m) => m.articleId === s.articleId && s.value.start >= m.start && s.value.end <= m.end),
    );
    if (!mine) continue;
    out.push({
      id: c.id,
      slot: c.measured,
      values: c.sides.map((s) => ({
        value: s.value.text,
        outlet: s.outlet,
        source: {
          articleId: s.articleId,
          outlet: s.outlet,
          start: s.sentence.start,
          end: s.sentence.end,
          text: s.sentence.text,
        },
      })),
    });
  }
  return out;
}

/** A section of a rendered comparison: a heading and cited items. */
export interface ComparisonSection {
  title: string;
  items: Array<{ text: string; outlets: string[]; sources: ClaimSpan[]; note?: string }>;
}

/** Groups a comparison into sections ready to render (shared, conflicts, and what each outlet adds). */
export function comparisonSections(c: Comparison): ComparisonSection[] {
  const item = (x: Claim, note?: string): ComparisonSection['items'][number] => ({
    text: x.text,
    outlets: x.outlets,
    sources: x.sources,
    note,
  });
  const sections: ComparisonSection[] = [
    { title: 'Reported by several outlets', items: c.claims.filter((x) => x.kind === 'shared').map((x) => item(x)) },
    {
      title: 'Where outlets disagree',
      items: c.claims
        .filter((x) => x.kind === 'conflict')
        .map((x) =>
          item(
            x,
            x.conflicts
              .map((k) => `${k.slot}: ${k.values.map((v) => `${v.value} (${v.outlet})`).join(' vs ')}`)
              .join('; '),
          ),
        ),
    },
  ];
  for (const o of c.byOutlet) {
    const adds = new Set(o.adds);
    sections.push({ title: `Only in ${o.outlet}`, items: c.claims.filter((x) => adds.has(x.id)).map((x) => item(x)) });
  }
  return sections.filter((s) => s.items.length > 0);
}

/** Plain Markdown rendering of the sections, citing outlets. */
export function renderComparisonMarkdown(c: Comparison): string {
  const lines: string[] = [];
  for (const s of comparisonSections(c)) {
    lines.push(`## ${s.title}`, '');
    for (const it of s.items) lines.push(`- ${it.text} [${it.outlets.join(', ')}]${it.note ? ` (${it.note})` : ''}`);
    lines.push('');
  }
  return lines.join('\n');
}
