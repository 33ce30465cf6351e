import type { AnnotatedArticle, ArticleEntity, EntityType, Span, StoryEntity } from '../model.js';
import { acronymInfo, nameKey, nameWords, personNamesCompatible, withoutOrgKind, wordKey } from './names.js';

interface Item {
  articleId: string;
  order: number;
  entity: ArticleEntity;
  mentions: Array<Span & { articleId: string }>;
  /** Multi-word person names this entity was written as. */
  fullNames: string[][];
}

function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['\u2019]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

/** Union-find over item indexes. */
class Groups {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Cross-article entity resolution inside a story. People merge when their full names are compatible
 * (same surname, compatible first names, or one name contained in the other); an article that only
 * uses a surname joins the single person of the story with that surname, and stays apart when two
 * people share it. Organisations and places merge on the same normalised name or an acronym.
 * Ids are `type:slug-of-name`, so the same story gives the same ids.
 */
export function resolveEntities(docs: AnnotatedArticle[]): StoryEntity[] {
  const items: Item[] = [];
  docs.forEach((d, di) => {
    const articleId = d.article.id;
    for (const e of d.entities ?? []) {
      const mentions = e.mentions
        .map((m) => d.mentions[m])
        .filter((m) => m !== undefined)
        .map((m) => ({ articleId, start: m.start, end: m.end, text: m.text }));
      const names = [e.name, ...e.aliases];
      const fullNames = e.type === 'person' ? names.map(nameWords).filter((w) => w.length >= 2) : [];
      items.push({ articleId, order: di, entity: e, mentions, fullNames });
    }
  });
  const groups = new Groups(items.length);
  const union = (i: number, j: number): void => groups.union(i, j);

  // People with full names: merge compatible pairs, but never two names with different first names.
  const persons = items.map((it, i) => [it, i] as const).filter(([it]) => it.entity.type === 'person');
  const full = persons.filter(([it]) => it.fullNames.length > 0);
  for (const [a, b] of compatibleCandidates(full.map(([it]) => it.fullNames))) {
    const [ia, i] = full[a];
    const [ib, j] = full[b];
    if (ia.fullNames.some((x) => ib.fullNames.some((y) => personNamesCompatible(x, y)))) union(i, j);
  }
  // Full-named people by surname key, so a surname-only mention looks up its candidates directly.
  const bySurname = new Map<string, number[]>();
  for (const [f, k] of full) {
    const seen = new Set<string>();
    for (const n of f.fullNames) {
      const w = wordKey(n[n.length - 1]);
      if (seen.has(w)) continue;
      seen.add(w);
      pushTo(bySurname, w, k);
    }
  }
  // Surname-only people: join the one full-named person with that surname, if exactly one.
  const surnameOnly = persons.filter(([it]) => it.fullNames.length === 0);
  for (const [it, i] of surnameOnly) {
    const w = wordKey(nameWords(it.entity.name).slice(-1)[0] ?? '');
    const roots = new Set((bySurname.get(w) ?? []).map((k) => groups.find(k)));
    if (roots.size === 1) union(i, [...roots][0]);
  }
  // Pairs of surname-only mentions with the same key, in the same order as a full pairwise scan.
  const fullRoots = new Set(full.map(([, k]) => groups.find(k)));
  const surnameKeys = surnameOnly.map(([it]) => nameKey(it.entity.name));
  const sameKey = new Map<string, number[]>();
  surnameKeys.forEach((k, a) => pushTo(sameKey, k, a));
  for (let a = 0; a < surnameOnly.length; a++) {
    for (const b of sameKey.get(surnameKeys[a]) ?? []) {
      if (b <= a) continue;
      const ra = groups.find(surnameOnly[a][1]);
      const rb = groups.find(surnameOnly[b][1]);
      // Two surname-only mentions join only when they did not go to different full names.
      if (!(fullRoots.has(ra) && fullRoots.has(rb))) {
        groups.union(surnameOnly[a][1], surnameOnly[b][1]);
        if (fullRoots.has(ra) || fullRoots.has(rb)) fullRoots.add(Math.min(ra, rb));
      }
    }
  }

  // Everything else: same normalised name (any non-person type) or acronym (same type). Names are
  // indexed by their keys, so only items that can match are compared.
  const byKey = new Map<string, number[]>();
  const byAcronym = new Map<string, { upper: number[]; lower: number[] }>();
  const byBase = new Map<string, { named: number[]; withKind: number[] }>();
  items.forEach((it, i) => {
    if (it.entity.type === 'person') return;
    const type = it.entity.type;
    for (const n of [it.entity.name, ...it.entity.aliases]) {
      const key = nameKey(n);
      pushTo(byKey, key, i);
      const acr = acronymInfo(n);
      if (acr.key.length >= 2) {
        const slot = getOr(byAcronym, `${type}\u0000${acr.key}`, () => ({ upper: [], lower: [] }));
        (acr.upper ? slot.upper : slot.lower).push(i);
      }
      getOr(byBase, `${type}\u0000${key}`, () => ({ named: [], withKind: [] })).named.push(i);
      const base = withoutOrgKind(key);
      if (base !== undefined)
        getOr(byBase, `${type}\u0000${base}`, () => ({ named: [], withKind: [] })).withKind.push(i);
    }
  });
  for (const list of byKey.values()) for (const j of list) if (j !== list[0]) union(list[0], j);
  for (const { upper, lower } of byAcronym.values()) crossUnion(upper, lower, union);
  for (const { named, withKind } of byBase.values()) crossUnion(named, withKind, union);
  joinShortOrganisationNames(items, groups);

  const byRoot = new Map<number, Item[]>();
  items.forEach((it, i) => {
    const r = groups.find(i);
    let list = byRoot.get(r);
    if (!list) byRoot.set(r, (list = []));
    list.push(it);
  });

  const usedIds = new Set<string>();
  const out: StoryEntity[] = [];
  for (const group of [...byRoot.entries()].sort(([a], [b]) => a - b).map(([, g]) => g)) {
    const typeCount = new Map<EntityType, number>();
    for (const it of group) typeCount.set(it.entity.type, (typeCount.get(it.entity.type) ?? 0) + it.mentions.length);
    let type: EntityType = group[0].entity.type;
    let best = -1;
    for (const [ty, c] of typeCount) if (c > best) [type, best] = [ty, c];
    const nameCount = new Map<string, number>();
    for (const it of group) nameCount.set(it.entity.name, (nameCount.get(it.entity.name) ?? 0) + it.mentions.length);
    const name = [...nameCount.entries()].sort(
      ([a, ca], [b, cb]) => nameWords(b).length - nameWords(a).length || cb - ca || (a < b ? -1 : a > b ? 1 : 0),
    )[0][0];
    const aliases: string[] = [];
    const roles: string[] = [];
    for (const it of group) {
      for (const a of [it.entity.name, ...it.entity.aliases]) if (a !== name && !aliases.includes(a)) aliases.push(a);
      for (const r of it.entity.roles) if (!roles.includes(r)) roles.push(r);
    }
    const mentions = group
      .flatMap((it) => it.mentions.map((m) => ({ m, order: it.order })))
      .sort((a, b) => a.order - b.order || a.m.start - b.m.start)
      .map((x) => x.m);
    let id = `${type}:${slug(name)}`;
    for (let k = 2; usedIds.has(id); k++) id = `${type}:${slug(name)}-${k}`;
    usedIds.add(id);
    out.push({ id, name, type, aliases, roles, mentions });
  }
  return out.sort((a, b) => b.mentions.length - a.mentions.length || (a.id < b.id ? -1 : 1));
}

/**
 * Pairs (a < b) of people whose names could be compatible, found through an index instead of comparing
 * every pair (a large story has thousands of person entities). Compatible names always share a word, or
 * one has an initial matching the first letter of a word of the other ("H. Weinstein" / "Harvey
 * Weinstein", "J. R." / "John Ronald"), so indexing words and initials finds every compatible pair.
 */
export function compatibleCandidates(people: ReadonlyArray<ReadonlyArray<readonly string[]>>): Array<[number, number]> {
  const words = new Map<string, number[]>();
  const initials = new Map<string, number[]>();
  const firstLetters = new Map<string, number[]>();
  const keysOf = people.map((names) => {
    const w = new Set<string>();
    const init = new Set<string>();
    const first = new Set<string>();
    for (const n of names)
      for (const word of n) {
        const k = wordKey(word);
        if (k.length === 0) continue;
        w.add(k);
        if (k.length === 1) init.add(k);
        else first.add(k[0]);
      }
    return { w, init, first };
  });
  keysOf.forEach(({ w, init, first }, i) => {
    for (const k of w) pushTo(words, k, i);
    for (const k of init) pushTo(initials, k, i);
    for (const k of first) pushTo(firstLetters, k, i);
  });
  const pairs: Array<[number, number]> = [];
  keysOf.forEach(({ w, init, first }, a) => {
    const seen = new Set<number>();
    const visit = (list: number[] | undefined): void => {
      for (const b of list ?? []) {
        if (b <= a || seen.has(b)) continue;
        seen.add(b);
        pairs.push([a, b]);
      }
    };
    for (const k of w) visit(words.get(k));
    for (const k of init) {
      visit(firstLetters.get(k));
      visit(initials.get(k));
    }
    for (const k of first) visit(initials.get(k));
  });
  return pairs;
}

/**
 * A later mention often shortens an organisation to the end of its name ("the Town Council", "Council
 * President Amos Kettering" for the Larkhollow Town Council), or to its first word ("Calloway" for Calloway
 * Transit Systems). A short name joins the single organisation of the story it can stand for; when two
 * qualify ("Fire Department", "Police Department" for "Department"), it stays apart, as a surname shared by
 * two people does.
 */
function joinShortOrganisationNames(items: Item[], groups: Groups): void {
  const orgs = items.map((it, i) => [it, i] as const).filter(([it]) => it.entity.type === 'organization');
  const byLast = new Map<string, Array<{ words: string[]; index: number }>>();
  const byFirst = new Map<string, number[]>();
  for (const [it, i] of orgs) {
    for (const n of [it.entity.name, ...it.entity.aliases]) {
      const words = nameWords(n).map(wordKey);
      if (words.length < 2) continue;
      pushTo(byLast, words[words.length - 1], { words, index: i });
      pushTo(byFirst, words[0], i);
    }
  }
  // Two-word names first, so "Town Council" has joined its council before "Council" looks for one.
  const short = orgs
    .map(([it, i]) => ({ words: nameWords(it.entity.name).map(wordKey), i }))
    .filter(({ words }) => words.length > 0 && words.length <= 2)
    .sort((x, y) => y.words.length - x.words.length || x.i - y.i);
  for (const { words, i } of short) {
    const roots = new Set<number>();
    for (const c of byLast.get(words[words.length - 1]) ?? []) {
      if (c.words.length <= words.length) continue;
      const tail = c.words.slice(c.words.length - words.length);
      if (tail.every((w, k) => w === words[k])) roots.add(groups.find(c.index));
    }
    // A one-word name may also be the start of the full one ("Calloway" for "Calloway Transit Systems").
    if (words.length === 1) for (const c of byFirst.get(words[0]) ?? []) roots.add(groups.find(c));
    roots.delete(groups.find(i));
    if (roots.size === 1) groups.union(i, [...roots][0]);
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/**
 * Joins every item of `a` with every different item of `b`. When both are non-empty and hold at least two
 * distinct items between them, that connects all of them, so a chain of unions does it in linear time.
 */
function crossUnion(a: number[], b: number[], union: (i: number, j: number) => void): void {
  if (a.length === 0 || b.length === 0) return;
  const all = [...new Set([...a, ...b])];
  for (let k = 1; k < all.length; k++) union(all[0], all[k]);
}
