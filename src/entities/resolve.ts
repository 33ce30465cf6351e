import type { AnnotatedArticle, ArticleEntity, EntityType, Span, StoryEntity } from '../model.js';
import { acronymMatch, nameKey, nameWords, orgKindMatch, personNamesCompatible, wordKey } from './names.js';

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

  // People with full names: merge compatible pairs, but never two names with different first names.
  const persons = items.map((it, i) => [it, i] as const).filter(([it]) => it.entity.type === 'person');
  const full = persons.filter(([it]) => it.fullNames.length > 0);
  for (let a = 0; a < full.length; a++) {
    for (let b = a + 1; b < full.length; b++) {
      const [ia, i] = full[a];
      const [ib, j] = full[b];
      if (ia.fullNames.some((x) => ib.fullNames.some((y) => personNamesCompatible(x, y)))) groups.union(i, j);
    }
  }
  // Surname-only people: join the one full-named person with that surname, if exactly one.
  const surnameOnly = persons.filter(([it]) => it.fullNames.length === 0);
  for (const [it, i] of surnameOnly) {
    const w = wordKey(nameWords(it.entity.name).slice(-1)[0] ?? '');
    const roots = new Set(
      full.filter(([f]) => f.fullNames.some((n) => wordKey(n[n.length - 1]) === w)).map(([, k]) => groups.find(k)),
    );
    if (roots.size === 1) groups.union(i, [...roots][0]);
  }
  for (let a = 0; a < surnameOnly.length; a++)
    for (let b = a + 1; b < surnameOnly.length; b++)
      if (nameKey(surnameOnly[a][0].entity.name) === nameKey(surnameOnly[b][0].entity.name)) {
        const ra = groups.find(surnameOnly[a][1]);
        const rb = groups.find(surnameOnly[b][1]);
        // Two surname-only mentions join only when they did not go to different full names.
        const isFull = (r: number): boolean => full.some(([, k]) => groups.find(k) === r);
        if (!(isFull(ra) && isFull(rb))) groups.union(surnameOnly[a][1], surnameOnly[b][1]);
      }

  // Everything else: same normalised name (any non-person type) or acronym (same type).
  const others = items.map((it, i) => [it, i] as const).filter(([it]) => it.entity.type !== 'person');
  for (let a = 0; a < others.length; a++) {
    for (let b = a + 1; b < others.length; b++) {
      const [ia, i] = others[a];
      const [ib, j] = others[b];
      const na = [ia.entity.name, ...ia.entity.aliases];
      const nb = [ib.entity.name, ...ib.entity.aliases];
      const keysB = new Set(nb.map(nameKey));
      if (
        na.some((n) => keysB.has(nameKey(n))) ||
        (ia.entity.type === ib.entity.type && na.some((x) => nb.some((y) => acronymMatch(x, y) || orgKindMatch(x, y))))
      )
        groups.union(i, j);
    }
  }

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
