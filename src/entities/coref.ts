import type { ArticleEntity, EntityMention, EntityType } from '../model.js';
import { acronymMatch, nameKey, nameWords, orgKindMatch, personNamesCompatible, wordKey } from './names.js';
import type { Draft, RefineContext } from './refiners.js';

/**
 * "DA" in an article that names the "Manhattan DA", "Police Department" after "Tulsa Police Department": an
 * organisation named by the end of a longer name. Single words must be acronyms ("House" is not the
 * "White House").
 */
function endsWithName(names: readonly string[], words: readonly string[]): boolean {
  if (words.length === 1 && !/^\p{Lu}{2,}$/u.test(words[0].replace(/\./g, ''))) return false;
  const key = words.map(wordKey).join(' ');
  return names.some((n) => {
    const w = nameWords(n).map(wordKey);
    return w.length > words.length && w.slice(w.length - words.length).join(' ') === key;
  });
}

interface Cluster {
  type: EntityType;
  members: number[];
  /** Words of the fullest name so far. */
  words: string[];
  names: string[];
}

/**
 * Within-article coreference over refined mentions. People: a shorter name joins the fullest compatible
 * name ("Gutierrez", "Ambra Battilana" → "Ambra Battilana Gutierrez"); when several people share a word,
 * the most recently mentioned one wins. Organisations and places: same normalised name or an acronym
 * ("NYPD" = "New York Police Department"). A single word the tagger typed otherwise but that is a known
 * person's surname in this article is that person.
 */
export function buildEntities(
  drafts: readonly Draft[],
  ctx: RefineContext,
): { mentions: EntityMention[]; entities: ArticleEntity[] } {
  const t = ctx.tokens;
  const spans = drafts.map((d) => {
    const start = t[d.start].start;
    const end = t[d.end - 1].end;
    const text = ctx.text.slice(start, end);
    return { start, end, text, words: nameWords(text), type: d.type, roles: d.roles };
  });

  const surnames = new Set<string>();
  const fullNames: string[][] = [];
  for (const s of spans) {
    if (s.type !== 'person' || s.words.length < 2) continue;
    surnames.add(wordKey(s.words[s.words.length - 1]));
    fullNames.push(s.words);
  }
  for (const s of spans) {
    if (s.type === 'person') continue;
    const upper = /^[\p{Lu}\p{N}.]+$/u.test(s.text);
    if (
      s.words.length === 1
        ? !upper && surnames.has(wordKey(s.words[0]))
        : fullNames.some((f) => personNamesCompatible(s.words, f))
    )
      s.type = 'person';
  }

  // A lone word with no full name behind it takes the type most of its occurrences have ("Chelsea"
  // tagged once as a person and twice as a place is a place).
  const votes = new Map<string, Map<EntityType, number>>();
  for (const s of spans) {
    if (s.words.length !== 1 || surnames.has(wordKey(s.words[0]))) continue;
    const k = wordKey(s.words[0]);
    let v = votes.get(k);
    if (!v) votes.set(k, (v = new Map()));
    v.set(s.type, (v.get(s.type) ?? 0) + 1);
  }
  for (const s of spans) {
    if (s.words.length !== 1) continue;
    const v = votes.get(wordKey(s.words[0]));
    if (!v || v.size < 2) continue;
    let best = s.type;
    let n = v.get(s.type) ?? 0;
    // Ties go against "person": a person is normally introduced by a full name, which this word lacks.
    for (const [type, k] of v) if (k > n || (k === n && best === 'person')) [best, n] = [type, k];
    s.type = best;
  }

  const clusters: Cluster[] = [];
  const order = spans
    .map((_, i) => i)
    .sort((a, b) => spans[b].words.length - spans[a].words.length || spans[a].start - spans[b].start);
  const lastBefore = (c: Cluster, pos: number): number => {
    let best = -1;
    for (const m of c.members) if (spans[m].start < pos) best = Math.max(best, spans[m].start);
    return best;
  };
  const pick = (cands: Cluster[], pos: number): Cluster | undefined => {
    if (cands.length <= 1) return cands[0];
    return cands.slice().sort((a, b) => lastBefore(b, pos) - lastBefore(a, pos))[0];
  };

  for (const i of order) {
    const s = spans[i];
    if (s.words.length === 0) continue;
    let target: Cluster | undefined;
    if (s.type === 'person') {
      const persons = clusters.filter((c) => c.type === 'person');
      if (s.words.length === 1) {
        const w = wordKey(s.words[0]);
        const bySurname = persons.filter((c) => wordKey(c.words[c.words.length - 1]) === w);
        target = pick(
          bySurname.length > 0 ? bySurname : persons.filter((c) => c.words.some((x) => wordKey(x) === w)),
          s.start,
        );
      } else {
        target = pick(
          persons.filter((c) => personNamesCompatible(s.words, c.words)),
          s.start,
        );
      }
    } else {
      const key = nameKey(s.text);
      const others = clusters.filter((c) => c.type !== 'person');
      target =
        others.find((c) => c.names.some((n) => nameKey(n) === key)) ??
        others.find(
          (c) => c.type === s.type && c.names.some((n) => acronymMatch(n, s.text) || orgKindMatch(n, s.text)),
        ) ??
        (s.type === 'organization'
          ? others.find((c) => c.type === 'organization' && endsWithName(c.names, s.words))
          : undefined);
    }
    if (target) {
      target.members.push(i);
      target.names.push(s.text);
      if (s.words.length > target.words.length) target.words = s.words;
    } else {
      clusters.push({ type: s.type, members: [i], words: s.words, names: [s.text] });
    }
  }

  // Non-person entities take the type most of their mentions have (first mention breaks ties).
  for (const c of clusters) {
    if (c.type === 'person') continue;
    const counts = new Map<EntityType, number>();
    for (const m of c.members.slice().sort((a, b) => a - b))
      counts.set(spans[m].type, (counts.get(spans[m].type) ?? 0) + 1);
    let best: EntityType = c.type;
    let n = 0;
    for (const [type, k] of counts) if (k > n) [best, n] = [type, k];
    c.type = best;
  }

  clusters.sort(
    (a, b) => Math.min(...a.members.map((m) => spans[m].start)) - Math.min(...b.members.map((m) => spans[m].start)),
  );
  const mentionOrder = spans
    .map((_, i) => i)
    .filter((i) => spans[i].words.length > 0)
    .sort((a, b) => spans[a].start - spans[b].start || spans[b].end - spans[a].end);
  const newIndex = new Map(mentionOrder.map((old, k) => [old, k]));
  const mentions: EntityMention[] = mentionOrder.map((i) => ({
    start: spans[i].start,
    end: spans[i].end,
    text: spans[i].text,
    type: spans[i].type,
  }));
  const entities: ArticleEntity[] = clusters.map((c, ei) => {
    const members = c.members
      .map((m) => newIndex.get(m) ?? -1)
      .filter((m) => m >= 0)
      .sort((a, b) => a - b);
    for (const m of members) {
      mentions[m].entity = ei;
      mentions[m].type = c.type;
    }
    const texts = members.map((m) => mentions[m].text);
    const name = texts.reduce((best, x) => {
      const bw = nameWords(best).length;
      const xw = nameWords(x).length;
      return xw > bw || (xw === bw && x.length > best.length) ? x : best;
    }, texts[0]);
    const aliases = [...new Set(texts.filter((x) => x !== name))];
    const roles = [
      ...new Set(
        c.members
          .slice()
          .sort((a, b) => spans[a].start - spans[b].start)
          .flatMap((m) => spans[m].roles),
      ),
    ];
    return { name, type: c.type, aliases, mentions: members, roles };
  });
  return { mentions, entities };
}
