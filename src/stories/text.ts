/** Small text utilities shared by the story features and the duplicate detector. */

export const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself no ' +
    'nor not now of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'said says say told tell according one two three four five six seven eight nine ten first last new year ' +
    'years day days week weeks month months time times people man men woman women thing things way ways get got ' +
    'go goes going gone make made like many much may might must shall us mr mrs ms dr per via yet still ever ' +
    'even well back since around another among within without however though although whether just including ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight morning evening ' +
    'night afternoon ago later earlier next former late early s t don didn doesn isn wasn aren weren won http ' +
    'https www com html htm article news reported report reports reporter reuters ap afp xinhua copyright ' +
    'percent cent dollar dollars'
  ).split(/\s+/),
);

/** Crude stemmer: folds plural, past and progressive forms so "earthquakes"/"earthquake" match. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && w.endsWith('sses')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is'))
    w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Lower-cased word tokens (letters and digits, inner apostrophes and dots kept) for text without annotations. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu) ?? [];
}

/** 32-bit FNV-1a hash of a string. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Days since 1970-01-01 for a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` value (first day of the period), else undefined. */
export function dayNumber(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 1;
  const d = m[3] ? Number(m[3]) : 1;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const t = Date.UTC(y, mo - 1, d);
  return Number.isFinite(t) ? Math.floor(t / 86_400_000) : undefined;
}
