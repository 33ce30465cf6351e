import { normalizeWord } from './features.js';

/** Words of a name for matching: typographic marks normalised, possessives and final dots dropped. */
export function nameWords(name: string): string[] {
  return normalizeWord(name)
    .split(/\s+/)
    .map((w) => w.replace(/'s$/i, '').replace(/^[("'\u201c]+|[)"',\u201d]+$/g, ''))
    .filter((w) => w.length > 0 && !/^'s?$/i.test(w));
}

const keyCache = new Map<string, string>();

/** Case-insensitive, accent-insensitive key for one word (memoised: names repeat). */
export function wordKey(w: string): string {
  let k = keyCache.get(w);
  if (k !== undefined) return k;
  k = w.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');
  if (keyCache.size > 50_000) keyCache.clear();
  keyCache.set(w, k);
  return k;
}

const ORG_STOP = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', '&', 'de', 'la', 'du', 'der']);

const nameKeyCache = new Map<string, string>();

/** Normalised key of a whole name: lowercase words without leading articles (memoised: names repeat). */
export function nameKey(name: string): string {
  let k = nameKeyCache.get(name);
  if (k === undefined) {
    k = computeNameKey(name);
    if (nameKeyCache.size > 50_000) nameKeyCache.clear();
    nameKeyCache.set(name, k);
  }
  return k;
}

function computeNameKey(name: string): string {
  const words = nameWords(name).map(wordKey);
  while (words.length > 1 && (words[0] === 'the' || words[0] === 'a')) words.shift();
  return words.join(' ');
}

function isAllUpper(w: string): boolean {
  return /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);
}

/**
 * Compressed form for acronym matching: all-caps words kept (dots removed), other capitalised words
 * reduced to their initial, function words skipped. "New York Police Department" and "NYPD" both give
 * "NYPD"; "District Attorney" and "DA" both give "DA".
 */
export function acronymKey(name: string): string {
  let out = '';
  for (const w of nameWords(name)) {
    const bare = w.replace(/\./g, '');
    if (bare.length === 0 || ORG_STOP.has(bare.toLowerCase())) continue;
    if (isAllUpper(bare)) out += bare.toUpperCase();
    else if (/^\p{Lu}/u.test(bare)) out += bare[0];
    else return '';
  }
  return out;
}

export interface AcronymInfo {
  /** The name has an all-caps word of two letters or more. */
  upper: boolean;
  key: string;
}

const acronymCache = new Map<string, AcronymInfo>();

/** What acronym matching needs of one name (memoised: names repeat). */
export function acronymInfo(name: string): AcronymInfo {
  let info = acronymCache.get(name);
  if (info === undefined) {
    const upper = nameWords(name).some((w) => isAllUpper(w.replace(/\./g, '')) && w.replace(/\./g, '').length > 1);
    info = { upper, key: acronymKey(name) };
    if (acronymCache.size > 50_000) acronymCache.clear();
    acronymCache.set(name, info);
  }
  return info;
}

/** True when one name has an all-caps word standing for words written out in the other. */
export function acronymMatch(a: string, b: string): boolean {
  const ia = acronymInfo(a);
  const ib = acronymInfo(b);
  if (ia.upper === ib.upper) return false;
  return ia.key.length >= 2 && ia.key === ib.key;
}

/** Surname particles: "de Blasio", "van Gogh", "bin Salman". */
const PARTICLES = new Set([
  'de',
  'da',
  'di',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'du',
  'bin',
  'ibn',
  'al',
  'el',
  'st',
]);

/** First-name compatibility: equal, or one is the other's initial. */
function firstNamesCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  const ia = a.replace(/\.$/, '');
  const ib = b.replace(/\.$/, '');
  return (ia.length === 1 && ib.startsWith(ia)) || (ib.length === 1 && ia.startsWith(ib));
}

/**
 * Whether two multi-word person names can name the same person: one's words appear in order in the
 * other's with compatible first names ("Ambra Battilana" ⊂ "Ambra Battilana Gutierrez"), or both share
 * the surname and have compatible first names ("H. Weinstein" / "Harvey Weinstein").
 */
export function personNamesCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const ka = a.map(wordKey);
  const kb = b.map(wordKey);
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  if (short.length === 1) return long.includes(short[0]);
  // "De Blasio" / "Bill de Blasio": a surname with its particle.
  if (PARTICLES.has(short[0]) && long.slice(long.length - short.length).join(' ') === short.join(' ')) return true;
  if (!firstNamesCompatible(short[0], long[0])) return false;
  let j = 1;
  for (let i = 1; i < short.length; i++) {
    while (j < long.length && !firstNamesCompatible(short[i], long[j])) j++;
    if (j >= long.length) return false;
    j++;
  }
  return true;
}

/** Words that name the kind of organisation ("Hofstra University" is also called "Hofstra"). */
const ORG_KIND = new Set([
  'university',
  'college',
  'inc',
  'corp',
  'corporation',
  'company',
  'co',
  'ltd',
  'llc',
  'plc',
  'group',
  'party',
  // Line-of-business words that companies drop after the first mention ("Corvane Polymers" → "Corvane").
  'industries',
  'holdings',
  'enterprises',
  'technologies',
  'pharmaceuticals',
  'chemicals',
  'polymers',
  'airlines',
  'airways',
]);

/** The name key without its final organisation-kind word ("hofstra university" → "hofstra"), if it has one. */
export function withoutOrgKind(key: string): string | undefined {
  const words = key.split(' ');
  if (words.length < 2 || !ORG_KIND.has(words[words.length - 1])) return undefined;
  return words.slice(0, -1).join(' ');
}

/** "Hofstra" and "Hofstra University": the same organisation named with and without its kind. */
export function orgKindMatch(a: string, b: string): boolean {
  const ka = nameKey(a).split(' ');
  const kb = nameKey(b).split(' ');
  const [short, long] = ka.length < kb.length ? [ka, kb] : [kb, ka];
  if (long.length !== short.length + 1 || !ORG_KIND.has(long[long.length - 1])) return false;
  return short.join(' ') === long.slice(0, -1).join(' ');
}
