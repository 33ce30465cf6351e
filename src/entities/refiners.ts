import type { EntityType, Token } from '../model.js';
import { MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS, WEEKDAY_ABBREVIATIONS } from '../text/words.js';
import { TITLES, normalizeWord } from './features.js';

/** A mention being built: token range `[start, end)` into the article's tokens. */
export interface Draft {
  start: number;
  end: number;
  type: EntityType;
  /** Roles and attributes found next to the name ("Gov.", "spokesman", "D-N.Y."). */
  roles: string[];
}

export interface RefineContext {
  text: string;
  tokens: readonly Token[];
  /** True for words that are usually written in lowercase (common words). */
  isCommonWord: (lower: string) => boolean;
  /** The outlet that published the text, when known: "the Observer" there is the outlet itself. */
  outlet?: string;
}

export type Refiner = (drafts: Draft[], ctx: RefineContext) => Draft[];

const MONTHS_DAYS = new Set([...MONTHS, ...MONTH_ABBREVIATIONS, ...WEEKDAYS, ...WEEKDAY_ABBREVIATIONS]);

/** Capitalised words that may be part of a title before a name ("Manhattan District Attorney"). */
const OFFICE_WORDS = new Set([
  'district',
  'attorney',
  'general',
  'police',
  'state',
  'deputy',
  'assistant',
  'vice',
  'executive',
  'chief',
  'special',
  'counsel',
  'house',
  'speaker',
  'majority',
  'minority',
  'leader',
  'u.s',
  'federal',
  'county',
  'city',
  'supreme',
  'court',
  'foreign',
  'prime',
  'defense',
  'defence',
  'finance',
  'interior',
  'health',
  'justice',
  'first',
  'lady',
  'senior',
  'associate',
  'managing',
  'national',
  'security',
  'adviser',
  'advisor',
  'press',
  'white',
  'acting',
  'interim',
  'former',
  'democratic',
  'republican',
  'rep',
  'sen',
  'lieutenant',
  'lt',
  'gov',
  'governor',
  'board',
  'member',
  'head',
  'of',
]);

/** Lowercase words that keep a title going ("former Gov.", "then-President"). */
const TITLE_MODIFIERS = new Set(['former', 'acting', 'interim', 'late', 'then', 'outgoing', 'incoming', 'disgraced']);

/** The tagger's titles plus ones it has no feature for (changing its list would change the model). */
const ROLE_TITLES: ReadonlySet<string> = new Set([
  ...TITLES,
  'del',
  'delegate',
  'assemblyman',
  'assemblywoman',
  'councilman',
  'councilwoman',
  'alderman',
  'comptroller',
  'treasurer',
  'rabbi',
  'imam',
  'bishop',
  'archbishop',
  'cardinal',
  'superintendent',
  'chancellor',
  'provost',
]);

/** Honorifics that are not roles: they are dropped from the name but not recorded. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'messrs', 'dear']);

/** Common nouns that name a role when written right before or in apposition to a person. */
const ROLE_NOUNS = new Set([
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'attorney',
  'lawyer',
  'model',
  'actress',
  'actor',
  'producer',
  'director',
  'writer',
  'author',
  'journalist',
  'reporter',
  'editor',
  'correspondent',
  'senator',
  'governor',
  'mayor',
  'president',
  'chairman',
  'chairwoman',
  'ceo',
  'founder',
  'co-founder',
  'executive',
  'official',
  'prosecutor',
  'judge',
  'detective',
  'officer',
  'singer',
  'rapper',
  'comedian',
  'filmmaker',
  'mogul',
  'producer',
  'analyst',
  'professor',
  'researcher',
  'scientist',
  'economist',
  'coach',
  'player',
  'striker',
  'manager',
  'secretary',
  'minister',
  'ambassador',
  'adviser',
  'advisor',
  'aide',
  'consultant',
  'investor',
  'businessman',
  'businesswoman',
  'billionaire',
  'activist',
  'candidate',
  'representative',
  'congressman',
  'congresswoman',
  'commissioner',
  'sheriff',
  'chief',
  'partner',
  'assistant',
  'accuser',
  'victim',
  'witness',
  'suspect',
  'defendant',
  'plaintiff',
  'publicist',
  'agent',
  'star',
  'host',
  'anchor',
]);

/** Role nouns that only ever describe people (unlike "director" or "partner", which may be firms). */
const PERSON_NOUNS = new Set([
  'spokesman',
  'spokeswoman',
  'model',
  'actress',
  'actor',
  'singer',
  'rapper',
  'comedian',
  'lawyer',
  'attorney',
  'businessman',
  'businesswoman',
  'billionaire',
  'activist',
  'accuser',
  'congressman',
  'congresswoman',
  'senator',
  'mayor',
  'governor',
  'journalist',
  'reporter',
  'novelist',
  'author',
  'filmmaker',
  'producer',
  'mogul',
]);

/** Words that end an organisation name ("New York Magazine", "Acme Inc."). */
const ORG_SUFFIXES = new Set([
  'magazine',
  'times',
  'post',
  'journal',
  'news',
  'tribune',
  'herald',
  'gazette',
  'inc',
  'corp',
  'co',
  'ltd',
  'llc',
  'plc',
  'company',
  'corporation',
  'group',
  'department',
  'office',
  'university',
  'college',
  'party',
  'unit',
  'agency',
  'commission',
  'committee',
  'council',
  'association',
  'foundation',
  'institute',
  'bank',
  'board',
  'bureau',
  'court',
  'ministry',
  'union',
  'league',
  'club',
  'network',
  'service',
  'services',
]);

/** Particles that complete a name built around an apostrophe ("Time's Up"). */
const APOSTROPHE_NAME_TAILS = new Set([
  'up',
  'down',
  'out',
  'in',
  'on',
  'off',
  'over',
  'back',
  'away',
  'now',
  'here',
  'there',
]);

const DETERMINERS = new Set(['the', 'a', 'an']);

function word(ctx: RefineContext, i: number): string {
  return normalizeWord(ctx.tokens[i].text);
}

function lowerNoDot(w: string): string {
  const l = w.toLowerCase();
  return l.length > 1 && l.endsWith('.') ? l.slice(0, -1) : l;
}

function isPossessive(w: string): boolean {
  const n = normalizeWord(w);
  return n === "'s" || n === "'" || n === "'S";
}

function isCap(w: string): boolean {
  return /^\p{Lu}/u.test(w);
}

function sameSentence(ctx: RefineContext, a: number, b: number): boolean {
  return ctx.tokens[a].sentence === ctx.tokens[b].sentence;
}

function sortDrafts(drafts: Draft[]): Draft[] {
  return drafts.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Drops mentions without a letter, and pieces of URLs, handles and hashtags. */
export const dropNonNames: Refiner = (drafts, ctx) => {
  const urls: Array<[number, number]> = [];
  for (const m of ctx.text.matchAll(
    /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co|ly|gov|edu|io)\/\S*/gi,
  ))
    urls.push([m.index, m.index + m[0].length]);
  return drafts.filter((d) => {
    const s = ctx.tokens[d.start].start;
    const e = ctx.tokens[d.end - 1].end;
    if (urls.some(([a, b]) => s < b && e > a)) return false;
    const text = ctx.text.slice(s, e);
    if (!/\p{L}/u.test(text)) return false;
    // "I'm", "We've": a pronoun and a verb, never a name.
    if (/^(i|you|we|they|he|she|it)['\u2019](m|re|ve|ll|d|s)$/i.test(text)) return false;
    for (let i = d.start; i < d.end; i++) {
      const w = ctx.tokens[i].text;
      // Handles, hashtags, paths and run-on junk (no real name word is 40 characters long).
      if (/^[@#]|\//.test(w) || w.length > 40) return false;
    }
    return true;
  });
};

/** Months and weekdays are dates, never names. */
export const dropMonthsAndDays: Refiner = (drafts, ctx) =>
  drafts.filter((d) => {
    for (let i = d.start; i < d.end; i++) if (!MONTHS_DAYS.has(lowerNoDot(word(ctx, i)))) return true;
    return false;
  });

/** A capitalised common word alone at the start of a sentence ("Back in October") is not a name. */
export const dropSentenceInitialCommonWords: Refiner = (drafts, ctx) =>
  drafts.filter((d) => {
    if (d.end - d.start !== 1) return true;
    const i = d.start;
    const initial =
      i === 0 ||
      ctx.tokens[i - 1].sentence !== ctx.tokens[i].sentence ||
      /^["'(\u201c\u2018]$/.test(ctx.tokens[i - 1].text);
    return !(initial && ctx.isCommonWord(word(ctx, i).toLowerCase()));
  });

/** Keeps possessive endings and leading articles out of the name ("Cuomo's" → "Cuomo"). */
export const trimPossessivesAndArticles: Refiner = (drafts, ctx) => {
  for (const d of drafts) {
    while (d.end > d.start && isPossessive(ctx.tokens[d.end - 1].text)) d.end--;
    while (d.end > d.start && d.end - d.start > 1 && DETERMINERS.has(word(ctx, d.start).toLowerCase())) d.start++;
    while (
      d.end > d.start &&
      /^[\p{P}\p{S}]+$/u.test(ctx.tokens[d.end - 1].text) &&
      !/\.$/.test(ctx.tokens[d.end - 1].text)
    )
      d.end--;
    while (d.end > d.start && /^[\p{P}\p{S}]+$/u.test(ctx.tokens[d.start].text)) d.start++;
  }
  return drafts.filter((d) => d.end > d.start);
};

/**
 * A name built around an apostrophe and a particle ("Time's Up") is an organisation, where a possessive
 * is followed by a lowercase word or another name.
 */
export const apostropheNames: Refiner = (drafts, ctx) => {
  const out = drafts.slice();
  const t = ctx.tokens;
  for (let i = 0; i + 2 < t.length; i++) {
    if (!isCap(t[i].text) || !/^'s$/i.test(normalizeWord(t[i + 1].text)) || !isCap(t[i + 2].text)) continue;
    if (!sameSentence(ctx, i, i + 2) || t[i + 1].start !== t[i].end) continue;
    if (!APOSTROPHE_NAME_TAILS.has(word(ctx, i + 2).toLowerCase())) continue;
    // Reaches back over a capitalised run so "Time's Up" and "Children's Day Out" both work.
    let s = i;
    while (
      s > 0 &&
      isCap(t[s - 1].text) &&
      sameSentence(ctx, s - 1, i) &&
      !ctx.isCommonWord(word(ctx, s - 1).toLowerCase())
    )
      s--;
    const e = i + 3;
    for (let k = out.length - 1; k >= 0; k--) if (out[k].start < e && out[k].end > s) out.splice(k, 1);
    out.push({ start: s, end: e, type: 'organization', roles: [] });
  }
  return sortDrafts(out);
};

/** "New York" + "Magazine", or a name followed by "Inc.": one organisation. */
export const organisationSuffixes: Refiner = (drafts, ctx) => {
  const out = sortDrafts(drafts.slice());
  const t = ctx.tokens;
  for (let k = 0; k < out.length; k++) {
    const d = out[k];
    if (d.type === 'person') continue;
    let e = d.end;
    while (
      e < t.length &&
      sameSentence(ctx, d.start, e) &&
      isCap(t[e].text) &&
      ORG_SUFFIXES.has(lowerNoDot(word(ctx, e)))
    ) {
      const next = out[k + 1];
      if (next && next.start === e) {
        e = next.end;
        out.splice(k + 1, 1);
      } else e++;
    }
    if (e !== d.end) {
      d.end = e;
      d.type = 'organization';
    } else if (d.end - d.start >= 2 && isCap(t[d.end - 1].text) && ORG_SUFFIXES.has(lowerNoDot(word(ctx, d.end - 1)))) {
      // "Manhattan District Attorney's Office" tagged as a place: the head word decides.
      d.type = 'organization';
    }
  }
  return out;
};

/** "(D-N.Y.)" or "(Vt.)" after a name: a party and state attribute of that person, not a place. */
export const partyAffiliations: Refiner = (drafts, ctx) => {
  let out = drafts;
  const re =
    /\(\s*(?:(?:[RDIL]|Rep|Dem|Ind)\s?[-\u2013]\s?([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)|([A-Z][a-z]{0,4}\.(?:\s?[A-Z][a-z]{0,3}\.)?))\s*\)/g;
  for (const m of ctx.text.matchAll(re)) {
    const s = m.index;
    const e = s + m[0].length;
    const before = out.filter(
      (d) => ctx.tokens[d.end - 1].end <= s && /^\s*$/.test(ctx.text.slice(ctx.tokens[d.end - 1].end, s)),
    );
    const person = before.find((d) => d.type === 'person');
    // A bare state abbreviation is an attribute only right after a person's name.
    if (m[2] !== undefined && !person) continue;
    out = out.filter((d) => !(ctx.tokens[d.start].start >= s && ctx.tokens[d.end - 1].end <= e));
    if (person) person.roles.push(m[0].slice(1, -1).trim());
  }
  return out;
};

/**
 * Titles stay out of person names but are kept as roles: "Gov. Andrew Cuomo" → "Andrew Cuomo" with role
 * "Gov."; "Manhattan District Attorney Cyrus Vance" → role "Manhattan District Attorney"; "model Ambra
 * Battilana Gutierrez" → role "model". Title words the tagger took for an organisation are dropped.
 */
export const titlesAndRoles: Refiner = (drafts, ctx) => {
  const t = ctx.tokens;
  let out = drafts.slice();
  const isTitleWord = (i: number): boolean => {
    const l = lowerNoDot(word(ctx, i));
    return (
      (isCap(t[i].text) && (ROLE_TITLES.has(l) || OFFICE_WORDS.has(l))) ||
      TITLE_MODIFIERS.has(l) ||
      /^(former|then)-/i.test(t[i].text)
    );
  };
  for (const d of out.slice()) {
    // "model Ambra Battilana Gutierrez": a person noun before a multi-word capitalised name.
    const p0 = d.start - 1;
    if (
      d.type !== 'person' &&
      d.end - d.start >= 2 &&
      p0 >= 0 &&
      PERSON_NOUNS.has(word(ctx, p0)) &&
      sameSentence(ctx, p0, d.start)
    ) {
      let plain = true;
      for (let i = d.start; i < d.end; i++)
        if (!isCap(t[i].text) || ORG_SUFFIXES.has(lowerNoDot(word(ctx, i)))) plain = false;
      if (plain) d.type = 'person';
    }
    if (d.type !== 'person') continue;
    // Title words inside the name span.
    let s = d.start;
    let titleEnd = -1;
    for (let i = d.start; i < d.end - 1; i++) {
      const l = lowerNoDot(word(ctx, i));
      if (HONORIFICS.has(l) || ROLE_TITLES.has(l)) titleEnd = i + 1;
      else if (!OFFICE_WORDS.has(l)) break;
    }
    if (titleEnd > 0) s = titleEnd;
    // Title words before the name span.
    let r = d.start;
    while (r > 0 && sameSentence(ctx, r - 1, d.start) && isTitleWord(r - 1)) r--;
    let roleStart = Math.min(r, s);
    const roleEnd = s;
    const hasTitle = (a: number, b: number): boolean => {
      for (let i = a; i < b; i++) if (ROLE_TITLES.has(lowerNoDot(word(ctx, i)))) return true;
      return false;
    };
    if (roleStart < roleEnd && hasTitle(roleStart, roleEnd)) {
      // "Manhattan" or "New York" right before the title belongs to it.
      const place = out.find(
        (o) => o !== d && o.end === roleStart && (o.type === 'place' || o.type === 'organization'),
      );
      if (place && sameSentence(ctx, place.start, roleStart)) roleStart = place.start;
      else if (
        roleStart > 0 &&
        sameSentence(ctx, roleStart - 1, roleStart) &&
        /^\p{Lu}{2,6}$/u.test(t[roleStart - 1].text)
      ) {
        // "NYPD Commissioner James O'Neill", "FBI Director James Comey": the acronym is the organisation.
        const k = roleStart - 1;
        if (!out.some((o) => o.start <= k && o.end > k) && !ctx.isCommonWord(t[k].text.toLowerCase())) {
          out.push({ start: k, end: k + 1, type: 'organization', roles: [] });
          roleStart = k;
        }
      }
      while (roleStart < roleEnd && HONORIFICS.has(lowerNoDot(word(ctx, roleStart)))) roleStart++;
      const onlyHonorific = roleStart >= roleEnd;
      if (!onlyHonorific) {
        const role = ctx.text.slice(t[roleStart].start, t[roleEnd - 1].end);
        d.roles.unshift(role);
      }
      out = out.filter((o) => o === d || o.type === 'place' || !(o.start >= Math.min(r, d.start) && o.end <= s));
      d.start = s;
    } else if (s > d.start) {
      d.start = s;
    } else {
      // A lowercase role noun right before the name ("model Ambra Battilana Gutierrez").
      const p = d.start - 1;
      if (p >= 0 && sameSentence(ctx, p, d.start) && ROLE_NOUNS.has(word(ctx, p)) && !isCap(t[p].text))
        d.roles.unshift(word(ctx, p));
    }
  }
  // "Senior Fellow": a person made only of title words is not a name.
  return out.filter((d) => {
    if (d.end <= d.start) return false;
    if (d.type !== 'person') return true;
    for (let i = d.start; i < d.end; i++) {
      const l = lowerNoDot(word(ctx, i));
      if (!ROLE_TITLES.has(l) && !OFFICE_WORDS.has(l) && !ROLE_NOUNS.has(l) && l !== 'fellow') return true;
    }
    return false;
  });
};

/** "Danny Frost, a spokesman for …" → role "spokesman" for the person. */
export const appositiveRoles: Refiner = (drafts, ctx) => {
  const t = ctx.tokens;
  for (const d of drafts) {
    if (d.type !== 'person') continue;
    let i = d.end;
    if (i + 2 >= t.length || t[i].text !== ',' || !sameSentence(ctx, d.start, i + 2)) continue;
    i++;
    const det = t[i].text.toLowerCase();
    if (!DETERMINERS.has(det)) continue;
    i++;
    const first = i;
    let head = -1;
    while (i < t.length && i - first < 5 && sameSentence(ctx, d.start, i)) {
      const pos = t[i].upos;
      if (pos === 'NOUN' || (pos === 'PROPN' && !isCap(t[i].text))) head = i;
      else if (pos !== 'ADJ' && !(pos === 'PROPN' && head < 0)) break;
      i++;
    }
    if (head < 0) continue;
    const headWord = word(ctx, head).toLowerCase();
    const next = i < t.length && sameSentence(ctx, d.start, i) ? t[i].text : '';
    if (!ROLE_NOUNS.has(headWord) && next && !/^(for|of|at|with|who|and)$/i.test(next)) continue;
    // "In Chelsea, the mayor said": with "the" the appositive must be closed or go on with a complement.
    if (det === 'the' && next && !/^(,|for|of|at|with|who|\.|;|--|\u2014)$/i.test(next)) continue;
    d.roles.push(ctx.text.slice(t[first].start, t[head].end));
  }
  return drafts;
};

/**
 * "Commission" + "on" + "Presidential Debates", "University" + "of" + "Michigan": an organisation head word
 * followed by of/on/for and a name is one organisation.
 */
export const organisationOf: Refiner = (drafts, ctx) => {
  const out = sortDrafts(drafts.slice());
  const t = ctx.tokens;
  for (let k = 0; k < out.length; k++) {
    const d = out[k];
    if (d.type === 'person' || !ORG_SUFFIXES.has(lowerNoDot(word(ctx, d.end - 1))) || !isCap(t[d.end - 1].text))
      continue;
    let j = d.end;
    if (j >= t.length || !/^(of|on|for)$/.test(t[j].text) || !sameSentence(ctx, d.start, j)) continue;
    j++;
    const next = out[k + 1];
    if (!next || next.start !== j || next.type === 'person' || !sameSentence(ctx, d.start, next.start)) continue;
    d.end = next.end;
    d.type = 'organization';
    out.splice(k + 1, 1);
  }
  return out;
};

const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'inside', 'across', 'throughout']);
const PLACE_NOUNS = new Set([
  'neighborhood',
  'neighbourhood',
  'county',
  'district',
  'area',
  'region',
  'province',
  'borough',
  'suburb',
]);

/**
 * A lone word the tagger took for a person but written as a place ("in Chelsea", "the Chelsea
 * neighborhood") is a place. Whole names ("Jill Stein") are left alone.
 */
export const placeCues: Refiner = (drafts, ctx) => {
  const t = ctx.tokens;
  for (const d of drafts) {
    if (d.type !== 'person' || d.end - d.start !== 1) continue;
    const before = d.start > 0 && sameSentence(ctx, d.start - 1, d.start) ? t[d.start - 1].text.toLowerCase() : '';
    const after = d.end < t.length && sameSentence(ctx, d.start, d.end) ? t[d.end].text.toLowerCase() : '';
    if (isPossessive(after)) continue;
    if (PLACE_PREPOSITIONS.has(before) || PLACE_NOUNS.has(after)) d.type = 'place';
  }
  return drafts;
};

/**
 * Last words that make a name a thoroughfare: "Mill Street", "Foundry Road". "Lane" and "Drive" are left
 * out: Lane is a common surname.
 */
const THOROUGHFARES = new Set([
  'street',
  'st',
  'road',
  'rd',
  'avenue',
  'ave',
  'boulevard',
  'blvd',
  'highway',
  'parkway',
  'turnpike',
  'expressway',
]);

/**
 * A name of two or more words ending in a thoroughfare word is a street, a place, whatever the tagger
 * made of it ("Along Mill Street" is not a person). Organisations are left alone ("Wall Street Journal"
 * does not end in one, and "Street" alone is no name).
 */
export const thoroughfares: Refiner = (drafts, ctx) => {
  for (const d of drafts) {
    // A title or role before the name ("Judge Ann Street") says it is a person.
    if (d.type !== 'person' || d.end - d.start < 2 || d.roles.length > 0) continue;
    if (THOROUGHFARES.has(lowerNoDot(word(ctx, d.end - 1)))) d.type = 'place';
  }
  return drafts;
};

/** Last words of outlet names that are also what the outlet calls itself ("the Observer has learned"). */
const MEDIA_NOUNS = new Set([
  'observer',
  'herald',
  'courier',
  'post',
  'times',
  'journal',
  'tribune',
  'gazette',
  'chronicle',
  'examiner',
  'inquirer',
  'guardian',
  'telegraph',
  'globe',
  'register',
  'record',
  'monitor',
  'dispatch',
  'sentinel',
  'bulletin',
]);

/**
 * The outlet naming itself by the last word of its name ("The Observer has learned…" in the Tri-County
 * Observer) is an organisation, whatever the tagger guessed.
 */
export const outletSelfReference: Refiner = (drafts, ctx) => {
  const words = ctx.outlet?.trim().split(/\s+/) ?? [];
  const last = words[words.length - 1]?.toLowerCase();
  if (!last || !MEDIA_NOUNS.has(last)) return drafts;
  for (const d of drafts) {
    if (d.end - d.start === 1 && lowerNoDot(word(ctx, d.start)) === last) d.type = 'organization';
  }
  return drafts;
};

/** The refiners in the order they run. */
export const REFINERS: readonly Refiner[] = [
  dropNonNames,
  trimPossessivesAndArticles,
  apostropheNames,
  dropMonthsAndDays,
  dropSentenceInitialCommonWords,
  partyAffiliations,
  titlesAndRoles,
  organisationSuffixes,
  organisationOf,
  placeCues,
  thoroughfares,
  outletSelfReference,
  appositiveRoles,
];

export function refine(drafts: Draft[], ctx: RefineContext): Draft[] {
  let out = sortDrafts(drafts);
  for (const r of REFINERS) out = sortDrafts(r(out, ctx));
  return out;
}
