import type { Sentence } from '../model.js';
import { MONTH_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS } from './words.js';

/** Abbreviations after which a period does not end a sentence when a capitalised word follows. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gov',
  'sen',
  'rep',
  'reps',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cmdr',
  'sgt',
  'adm',
  'pres',
  'supt',
  'det',
  'insp',
  'rev',
  'fr',
  'msgr',
  'hon',
  'atty',
  'st',
  'mt',
  'ft',
  'jr',
  'sr',
  'no',
  'nos',
  'vol',
  'vs',
  'v',
  'etc',
  'inc',
  'corp',
  'co',
  'ltd',
  'bros',
  'dept',
  'univ',
  'assn',
  ...MONTH_ABBREVIATIONS,
  ...WEEKDAY_ABBREVIATIONS,
  'ave',
  'blvd',
  'rd',
  'approx',
  'est',
  'fig',
  'al',
  'cf',
  'e.g',
  'i.e',
  'ph.d',
  'sen',
  'ariz',
  'calif',
  'colo',
  'conn',
  'fla',
  'ill',
  'ind',
  'kan',
  'mass',
  'mich',
  'minn',
  'miss',
  'mo',
  'neb',
  'nev',
  'okla',
  'ore',
  'pa',
  'tenn',
  'tex',
  'va',
  'vt',
  'wash',
  'wis',
  'wyo',
  'ala',
  'ark',
  'del',
  'ga',
  'ky',
  'la',
  'md',
  'mont',
]);

/** Words that usually begin a sentence; after "U.S." or "p.m." they signal a real boundary. */
const SENTENCE_STARTERS = new Set([
  'the',
  'a',
  'an',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'this',
  'that',
  'these',
  'those',
  'but',
  'and',
  'in',
  'on',
  'at',
  'for',
  'his',
  'her',
  'their',
  'its',
  'our',
  'there',
  'when',
  'while',
  'after',
  'before',
  'if',
  'as',
  'some',
  'many',
  'most',
  'officials',
  'police',
  'still',
  'yet',
  'however',
  'meanwhile',
]);

const CLOSERS = '"\'”’)]»';

/**
 * Splits text into sentences with exact offsets. Rules: a line break ends a sentence (news text puts
 * paragraphs and headlines on their own lines); `.`, `!`, `?` (with any closing quotes or brackets) end a
 * sentence when followed by whitespace and an uppercase letter, digit or opening quote, unless the period
 * belongs to an abbreviation, an initial or a dotted acronym followed by a name.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ index: out.length, start: s, end: e, text: text.slice(s, e) });
    start = end;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (ch === '\n') {
      push(i);
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < n && CLOSERS.includes(text[j])) j++;
    if (j < n && text[j] !== ' ' && text[j] !== '\t' && text[j] !== '\u00a0' && text[j] !== '\n') continue;
    let k = j;
    while (k < n && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00a0')) k++;
    if (k < n && text[k] === '\n') {
      // The line break itself ends the sentence.
      i = k - 1;
      continue;
    }
    if (k >= n) {
      push(n);
      break;
    }
    const next = text[k];
    const startsSentence = /[A-Z0-9"'“‘([]/.test(next) || /\p{Lu}/u.test(next);
    if (!startsSentence) continue;
    if (ch === '.' && j === i + 1 && !isBoundaryAfterPeriod(text, i, k)) continue;
    push(j);
    i = j - 1;
  }
  if (start < n) push(n);
  return out;
}

function isBoundaryAfterPeriod(text: string, dot: number, next: number): boolean {
  // The word before the period.
  let b = dot;
  while (b > 0 && !/\s/.test(text[b - 1]) && !'("“‘['.includes(text[b - 1])) b--;
  const word = text.slice(b, dot);
  if (word.length === 0) return true;
  const lower = word.toLowerCase();
  const nextWord = /^[\p{L}']+/u.exec(text.slice(next))?.[0]?.toLowerCase() ?? '';
  // Single capital initial ("George W. Bush").
  if (/^\p{Lu}$/u.test(word)) return false;
  // Dotted acronyms and a.m./p.m.: a boundary only before a typical sentence opener.
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return SENTENCE_STARTERS.has(nextWord);
  if (ABBREVIATIONS.has(lower)) {
    // "No. 1" and "Gov. Cuomo" never end; month abbreviations before a number neither.
    return false;
  }
  return true;
}
