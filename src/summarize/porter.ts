/**
 * The Porter (1980) stemmer exactly as ROUGE-1.5.5 applies it: Martin Porter's Perl release 1 with
 * Chin-Yew Lin's 2004 change to step 4 (a word ending in "-ement" is tried against "-ement", then
 * "-ment", then "-ent" in turn). Kept separate from any other stemmer so ROUGE scores reproduce the
 * official ones; the regular expressions mirror the Perl ones one for one.
 */

const C = '[^aeiou][^aeiouy]*'; // consonant sequence ([^aeiou] also matches an initial "Y")
const V = '[aeiouy][aeiou]*'; // vowel sequence
const MGR0 = new RegExp(`^(${C})?${V}${C}`); // m > 0
const MEQ1 = new RegExp(`^(${C})?${V}${C}(${V})?$`); // m = 1
const MGR1 = new RegExp(`^(${C})?${V}${C}${V}${C}`); // m > 1
const HAS_VOWEL = new RegExp(`^(${C})?[aeiouy]`);
const CVC = new RegExp(`^${C}[aeiouy][^aeiouwxy]$`);

const STEP2: Record<string, string> = {
  ational: 'ate',
  tional: 'tion',
  enci: 'ence',
  anci: 'ance',
  izer: 'ize',
  bli: 'ble',
  alli: 'al',
  entli: 'ent',
  eli: 'e',
  ousli: 'ous',
  ization: 'ize',
  ation: 'ate',
  ator: 'ate',
  alism: 'al',
  iveness: 'ive',
  fulness: 'ful',
  ousness: 'ous',
  aliti: 'al',
  iviti: 'ive',
  biliti: 'ble',
  logi: 'log',
};
const STEP2_RE =
  /(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
const STEP3: Record<string, string> = {
  icate: 'ic',
  ative: '',
  alize: 'al',
  iciti: 'ic',
  ical: 'ic',
  ful: '',
  ness: '',
};
const STEP3_RE = /(icate|ative|alize|iciti|ical|ful|ness)$/;
const STEP4_RE = /(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$/;

/** Stems one lower-case word. Words shorter than 3 characters are returned unchanged. */
export function porterStem(word: string): string {
  let w = word;
  if (w.length < 3) return w;
  const initialY = w[0] === 'y';
  // An initial y is a consonant: upper-case it so the vowel classes never match it.
  if (initialY) w = 'Y' + w.slice(1);
  let m: RegExpMatchArray | null;

  // Step 1a
  if ((m = w.match(/(ss|i)es$/))) w = w.slice(0, m.index) + m[1];
  else if ((m = w.match(/([^s])s$/))) w = w.slice(0, m.index) + m[1];

  // Step 1b
  if ((m = w.match(/eed$/))) {
    if (MGR0.test(w.slice(0, m.index))) w = w.slice(0, -1);
  } else if ((m = w.match(/(ed|ing)$/))) {
    const stem = w.slice(0, m.index);
    if (HAS_VOWEL.test(stem)) {
      w = stem;
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      else if (CVC.test(w)) w += 'e';
    }
  }

  // Step 1c
  if ((m = w.match(/y$/))) {
    const stem = w.slice(0, m.index);
    if (HAS_VOWEL.test(stem)) w = stem + 'i';
  }

  // Step 2
  if ((m = w.match(STEP2_RE))) {
    const stem = w.slice(0, m.index);
    if (MGR0.test(stem)) w = stem + STEP2[m[1]];
  }

  // Step 3
  if ((m = w.match(STEP3_RE))) {
    const stem = w.slice(0, m.index);
    if (MGR0.test(stem)) w = stem + STEP3[m[1]];
  }

  // Step 4 (ROUGE's variant: three successive tests instead of one alternation)
  if ((m = w.match(STEP4_RE))) {
    const stem = w.slice(0, m.index);
    if (MGR1.test(stem)) w = stem;
  }
  if ((m = w.match(/ment$/))) {
    const stem = w.slice(0, m.index);
    if (MGR1.test(stem)) w = stem;
  }
  if ((m = w.match(/ent$/))) {
    const stem = w.slice(0, m.index);
    if (MGR1.test(stem)) w = stem;
  } else if ((m = w.match(/(s|t)(ion)$/))) {
    const stem = w.slice(0, m.index) + m[1];
    if (MGR1.test(stem)) w = stem;
  }

  // Step 5
  if ((m = w.match(/e$/))) {
    const stem = w.slice(0, m.index);
    if (MGR1.test(stem) || (MEQ1.test(stem) && !CVC.test(stem))) w = stem;
  }
  if (/ll$/.test(w) && MGR1.test(w)) w = w.slice(0, -1);

  if (initialY) w = 'y' + w.slice(1);
  return w;
}

import { WORDNET_EXCEPTIONS } from './wordnet-exceptions.js';

let exceptions: Map<string, string> | undefined;

/** WordNet's inflection exceptions ("said" → "say", "children" → "child"), which ROUGE-1.5.5 looks up before stemming. */
function exceptionTable(): Map<string, string> {
  if (exceptions) return exceptions;
  exceptions = new Map<string, string>();
  for (const pair of WORDNET_EXCEPTIONS.split(/\s+/)) {
    const colon = pair.indexOf(':');
    if (colon > 0) exceptions.set(pair.slice(0, colon), pair.slice(colon + 1));
  }
  return exceptions;
}

/** ROUGE-1.5.5's `MorphStem`: the WordNet exception form when there is one, else the Porter stem. */
export function rougeStem(token: string): string {
  return exceptionTable().get(token) ?? porterStem(token);
}
