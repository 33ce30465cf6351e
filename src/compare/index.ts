/**
 * Outlet comparison: which claims every outlet reports, which only one does, and where outlets
 * disagree on a number or date.
 *
 * Claims (see claims.ts) are aligned across outlets by tf-idf cosine of their content stems with a
 * bonus for shared names; numbers and dates are left out of the lexical match so that "within 45
 * days" and "within 30 days" align and can then be compared. Each claim links to at most its best
 * match in each other outlet (mutual best above a threshold), and linked claims form one group.
 */
import type { AnnotatedArticle } from '../model.js';
import { extractClaims, type ArticleClaim, type ClaimSpan, type NumberFact } from './claims.js';

export type { ArticleClaim, ClaimSpan, NumberFact } from './claims.js';
export { extractClaims, extractNumbers, extractDates, extractNames } from './claims.js';

export type ClaimKind = 'shared' | 'unique' | 'conflict';

/** A disagreement between outlets on one slot (a number's unit, or the date). */
export interface ClaimConflict {
  slot: string;
  values: Array<{ value: string; outlet: string; source: ClaimSpan }>;
}

/** One statement, as reported by one or more outlets. */
export interface Claim {
  id: string;
  /** Text of the first report (earliest article, then earliest position). */
  text: string;
  kind: ClaimKind;
  outlets: string[];
  /** Every report of the claim, with exact offsets. */
  sources: ClaimSpan[];
  entities: string[];
  numbers: NumberFact[];
  dates: string[];
  quote?: string;
  conflicts: ClaimConflict[];
}

/** Outlets × claims: `matrix[o][c]` is true when outlet `outlets[o]` reports claim `claims[c]`. */
export interface Coverage {
  outlets: string[];
  claims: string[];
  matrix: boolean[][];
}

export interface OutletSummary {
  outlet: string;
  articleIds: string[];
  /** Number of claims the outlet reports. */
  claims: number;
  /** Claims no other outlet has (ids). */
  adds: string[];
}

export interface Comparison {
  outlets: string[];
  claims: Claim[];
  coverage: Coverage;
  byOutlet: OutletSummary[];
}

export interface CompareOptions {
  /** Minimum alignment score for two claims to be the same (0..1); 0.3 by default. */
  threshold?: number;
}

/** Features per claim used to find candidate matches. */
const LOOKUP_FEATURES = 8;

/** Subtracted from the score of two claims that both name someone but share no name. */
const NAME_MISMATCH_PENALTY = 0.1;

/** Added to the score of two claims sharing at least two phrases. */
const PHRASE_BONUS = 0.15;

/** Outlet of an article: its source, or its id when the source is unknown. */
export const outletOf = (doc: AnnotatedArticle): string => doc.article.source ?? doc.article.id;

function lastNameKey(name: string): string {
  const toks = name.toLowerCase().split(/\s+/);
  return toks[toks.length - 1].replace(/[’']s$/, '');
}

export function compareArticles(docs: readonly AnnotatedArticle[], opts: CompareOptions = {}): Comparison {
  const threshold = opts.threshold ?? 0.3;
  const outlets = [...new Set(docs.map(outletOf))];
  const dateOf = new Map(docs.map((d) => [d.article.id, d.article.published ?? '9999']));
  const orderOf = new Map(docs.map((d, i) => [d.article.id, i]));
  const claims: ArticleClaim[] = docs.flatMap((d) => extractClaims(d, outletOf(d)));
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

  const position = (c: ArticleClaim): [string, number, number] => [
    dateOf.get(c.articleId) ?? '',
    orderOf.get(c.articleId) ?? 0,
    c.start,
  ];
  const before = (a: ArticleClaim, b: ArticleClaim): number => {
    const [da, oa, sa] = position(a);
    const [db, ob, sb] = position(b);
    return da < db ? -1 : da > db ? 1 : oa - ob || sa - sb;
  };

  const out: Claim[] = [];
  for (const members of groups.values()) {
    const ms = members.map((i) => claims[i]).sort(before);
    const first = ms[0];
    const claimOutlets = [...new Set(ms.map((m) => m.outlet))];
    const conflicts = findConflicts(ms);
    out.push({
      id: '',
      text: first.text,
      kind: conflicts.length > 0 ? 'conflict' : claimOutlets.length > 1 ? 'shared' : 'unique',
      outlets: claimOutlets,
      sources: ms.map(({ articleId, outlet, start, end, text }) => ({ articleId, outlet, start, end, text })),
      entities: [...new Set(ms.flatMap((m) => m.entities))],
      numbers: first.numbers,
      dates: [...new Set(ms.flatMap((m) => m.dates))],
      quote: ms.find((m) => m.quote)?.quote,
      conflicts,
    });
  }
  out.sort((a, b) => before(a.sources[0] as ArticleClaim, b.sources[0] as ArticleClaim));
  out.forEach((c, i) => (c.id = `c${i + 1}`));

  const coverage: Coverage = {
    outlets,
    claims: out.map((c) => c.id),
    matrix: outlets.map((o) => out.map((c) => c.outlets.includes(o))),
  };
  const byOutlet: OutletSummary[] = outlets.map((o) => ({
    outlet: o,
    articleIds: docs.filter((d) => outletOf(d) === o).map((d) => d.article.id),
    claims: out.filter((c) => c.outlets.includes(o)).length,
    adds: out.filter((c) => c.kind === 'unique' && c.outlets[0] === o).map((c) => c.id),
  }));
  return { outlets, claims: out, coverage, byOutlet };
}

const MONTH_NAMES = 'january|february|march|april|may|june|july|august|september|october|november|december';

/**
 * Granularity of a date as written or as a TIMEX value; weekdays and relative dates are not compared
 * (outlets date the same event relative to different publication days).
 */
function dateGranularity(d: string): string {
  if (/^\d{4}$/.test(d)) return 'year';
  if (/^\d{4}-\d{2}$/.test(d) || new RegExp(`^(${MONTH_NAMES})( \\d{4})?$`).test(d)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(d) || new RegExp(`^(${MONTH_NAMES}) \\d{1,2}(,? \\d{4})?$`).test(d)) return 'date';
  return '';
}

/** Same unit, different value across outlets (e.g. "within 45 days" vs "within 30 days"); likewise years. */
function findConflicts(ms: ArticleClaim[]): ClaimConflict[] {
  if (new Set(ms.map((m) => m.outlet)).size < 2) return [];
  const out: ClaimConflict[] = [];
  const slots = new Map<string, Array<{ value: string; outlet: string; source: ClaimSpan }>>();
  for (const m of ms) {
    const span: ClaimSpan = { articleId: m.articleId, outlet: m.outlet, start: m.start, end: m.end, text: m.text };
    for (const num of m.numbers) {
      if (!num.unit) continue;
      const list = slots.get(num.unit) ?? [];
      list.push({ value: String(num.value), outlet: m.outlet, source: span });
      slots.set(num.unit, list);
    }
    for (const d of m.dates) {
      const kind = dateGranularity(d);
      if (!kind) continue;
      const list = slots.get(kind) ?? [];
      list.push({ value: d, outlet: m.outlet, source: span });
      slots.set(kind, list);
    }
  }
  for (const [slot, values] of slots) {
    // A conflict needs two outlets giving different values and no outlet giving both.
    const byOutlet = new Map<string, Set<string>>();
    for (const v of values) byOutlet.set(v.outlet, (byOutlet.get(v.outlet) ?? new Set()).add(v.value));
    if (byOutlet.size < 2) continue;
    const distinct = new Set(values.map((v) => v.value));
    if (distinct.size < 2) continue;
    const outletsWithAll = [...byOutlet.values()].some((s) => s.size === distinct.size);
    if (outletsWithAll) continue;
    out.push({ slot, values });
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
