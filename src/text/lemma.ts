import { KEEP_CASE, LEMMA_EXCEPTIONS } from './lemma-exceptions.js';

/**
 * Lemmatiser following UD English EWT conventions: regular inflection rules by Penn tag, and an
 * exception table for irregular forms, clitics ("n't" → "not", "'s" → "be" as a verb), pronoun case
 * ("him" → "he") and the like. Proper nouns keep their form (plural ones lose the -s).
 */

const VOWEL = /[aeiouy]/;

/** Coarse tag group used as the exception table's second key. */
export function lemmaGroup(xpos: string): string {
  if (xpos === 'NN' || xpos === 'NNS') return 'N';
  if (xpos.startsWith('VB') || xpos === 'MD') return 'V';
  if (xpos.startsWith('JJ')) return 'J';
  if (xpos.startsWith('RB')) return 'R';
  if (xpos === 'NNP' || xpos === 'NNPS') return 'P';
  return xpos;
}

function isVowel(c: string | undefined): boolean {
  return c !== undefined && 'aeiou'.includes(c);
}

/** Plural noun (or -s verb) → base: "cities" → "city", "boxes" → "box", "cats" → "cat". */
function dropS(w: string, verb: boolean): string {
  const n = w.length;
  if (n <= 2 || !w.endsWith('s')) return w;
  if (w.endsWith('ss') || (!verb && (w.endsWith('us') || w.endsWith('is')))) return w;
  if (w.endsWith('ies') && n > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ves') && !verb && n > 4) {
    const stem = w.slice(0, -3);
    if (/(?:l|ea|i|oa|ar)$/.test(stem) && !/(?:olve|alve|ive)$/.test(w.slice(0, -1))) {
      return stem + (/(?:i)$/.test(stem) ? 'fe' : 'f');
    }
    return w.slice(0, -1);
  }
  if (/(?:ches|shes|sses|xes|zzes)$/.test(w)) return w.slice(0, -2);
  if (verb && /(?:oes)$/.test(w) && n <= 5) return w.slice(0, -2);
  if (w.endsWith("'s")) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** Endings after which a removed -ed/-ing took a silent e with it ("provid-ed" → "provide"). */
const E_AFTER =
  /(?:[^aeiou]u|v|[^z]z|c|[aeiourl]g|dg|[aeiou]s|[^aeiousl]s|[^aeioulr]l|dul|[^aeiou]at|[iu]at|[^aeiou]ut|(?:[^aeiou]|qu)[iua]r|[^aeiou]id|[^aeiou]od|[^aeiou]ud|[^aeiou]ib|[^aeiou]ok|[^aeiou]ak|[^aeiou]ik|[^aeiou][ou]m|[^aeiou]in|(?:[^aeiou]|qu)ot|[lp]et|[^aeiou]ap|yp|[^aeiou]ym|[^aeiou]ag)$/;
const NO_E = /(?:ous|ss|..[^aeiou]us|er|en|el|on)$/;

/** Stem left after removing -ed or -ing: undo consonant doubling, restore a silent e. */
function restoreStem(stem: string): string {
  const n = stem.length;
  if (n < 2) return stem;
  const last = stem[n - 1];
  if (last === stem[n - 2] && !'aeiouslzf'.includes(last) && n > 3) return stem.slice(0, -1);
  if (/[^aeiou][eo]ll$/.test(stem) && (stem.match(/[aeiouy]+/g)?.length ?? 0) >= 2) return stem.slice(0, -1);
  if ('wxy'.includes(last) || NO_E.test(stem)) return stem;
  if (/[aeiou]ng$/.test(stem)) return /[ae]ng$/.test(stem) && n >= 5 ? stem + 'e' : stem;
  if (E_AFTER.test(stem)) return stem + 'e';
  // One syllable ending consonant–vowel–consonant would have doubled: "hop-ed" came from "hope".
  const vowels = stem.match(/[aeiouy]+/g)?.length ?? 0;
  if (vowels === 1 && /[^aeiou][aeiou][^aeiouwxy]$/.test(stem)) return stem + 'e';
  return stem;
}

function pastToBase(w: string): string {
  if (w.length > 4 && w.endsWith('ied')) return w.slice(0, -3) + 'y';
  if (w.length === 4 && w.endsWith('ied')) return w.slice(0, -1);
  if (w.endsWith('eed')) return w.length <= 5 ? w : w.slice(0, -1);
  if (w.length > 3 && w.endsWith('ed')) {
    const stem = w.slice(0, -2);
    if (stem.endsWith('e')) return stem + 'e';
    return restoreStem(stem);
  }
  if (w.length > 3 && w.endsWith("'d")) return w.slice(0, -2);
  return w;
}

function ingToBase(w: string): string {
  if (w.length <= 4 || !w.endsWith('ing')) return w;
  const stem = w.slice(0, -3);
  if (!VOWEL.test(stem)) return w;
  if (stem.endsWith('y') && stem.length >= 2 && !isVowel(stem[stem.length - 2]) && stem.length <= 2)
    return stem.slice(0, -1) + 'ie';
  return restoreStem(stem);
}

function comparative(w: string, suffix: 'er' | 'est'): string {
  if (!w.endsWith(suffix) || w.length <= suffix.length + 2) return w;
  const stem = w.slice(0, -suffix.length);
  if (stem.endsWith('i')) return stem.slice(0, -1) + 'y';
  const n = stem.length;
  if (stem[n - 1] === stem[n - 2] && !'aeiousl'.includes(stem[n - 1])) return stem.slice(0, -1);
  if (
    /(?:[^aeiou][aeiou][^aeiouwxy]|[^aeiou]u|v|[^aeiou]c|[^aeiou]g|at|ur|ar|[^aeiou]l|ng)$/.test(stem) &&
    !/(?:ow|er|en|ll|rm|ng|ck)$/.test(stem)
  ) {
    if (/(?:[aeiou]{2}[^aeiou]|[^aeiou]{2})$/.test(stem) && !/(?:[^aeiou]l|ng)$/.test(stem)) return stem;
    if (/(?:ng)$/.test(stem)) return stem;
    return stem + 'e';
  }
  return stem;
}

/** Recent results per form, then per "UPOS XPOS" (most text repeats its words). */
const cache = new Map<string, Map<string, string>>();
const CACHE_LIMIT = 50_000;

/** The lemma of a word given its Universal and Penn tags (rules plus exception lists, EWT conventions). */
export function lemmatize(form: string, upos: string, xpos: string): string {
  let byTag = cache.get(form);
  if (byTag === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(form, (byTag = new Map()));
  }
  const tag = upos + ' ' + xpos;
  let lemma = byTag.get(tag);
  if (lemma === undefined) byTag.set(tag, (lemma = computeLemma(form, upos, xpos)));
  return lemma;
}

function computeLemma(form: string, upos: string, xpos: string): string {
  if (!form) return form;
  const norm = /[\u2018\u2019]/.test(form) ? form.replace(/[\u2018\u2019]/g, "'") : form;
  const lower = norm.toLowerCase();
  const group = lemmaGroup(xpos);
  const exc = LEMMA_EXCEPTIONS.get(`${lower} ${group}`) ?? LEMMA_EXCEPTIONS.get(`${norm} ${group}`);
  if (exc !== undefined) return exc;
  if (upos === 'PROPN' || group === 'P') {
    if (/^\p{Lu}$/u.test(norm)) return norm;
    return xpos === 'NNPS' && /[a-z]s$/.test(norm) ? dropS(norm, false) : norm;
  }
  if (upos === 'PUNCT' || upos === 'SYM' || upos === 'X' || xpos === 'ADD' || xpos === 'GW' || xpos === 'FW')
    return norm;
  if (upos === 'NUM') return /\p{L}/u.test(norm) && !/\d/.test(norm) ? lower : norm;
  const base = KEEP_CASE.has(norm) || (norm.length === 1 && (xpos === 'NN' || xpos === 'NNS')) ? norm : lower;
  switch (xpos) {
    case 'NNS':
      return dropS(base, false);
    case 'VBZ':
      return dropS(base, true);
    case 'VBD':
    case 'VBN':
      return pastToBase(base);
    case 'VBG':
      return upos === 'VERB' || upos === 'AUX' ? ingToBase(base) : base;
    case 'JJR':
    case 'RBR':
      return comparative(base, 'er');
    case 'JJS':
    case 'RBS':
      return comparative(base, 'est');
    default:
      return base;
  }
}
