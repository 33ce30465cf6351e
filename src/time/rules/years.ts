/** Years, decades and centuries, in figures or in words. */
import { fmtDay, fmtYear, pad } from '../calendar.js';
import { DECADE_WORDS, YEAR_RE, parseNumber } from '../lexicon.js';
import { type TimeRule, rx, E, MOD } from './pattern.js';

/** Nouns after which a four-digit number is a count ("2000 people"). */
const YEAR_NOUN =
  /^\s*(?:people|persons|men|women|children|troops|soldiers|workers|students|jobs|miles|feet|foot|meters|metres|km|kilometers|kilometres|tons|tonnes|barrels|shares|votes|cases|dollars|euros|pounds|yen|points|units|homes|houses|cars|acres|residents|employees|members|times|calories|pages|rooms|seats|beds|deaths|words|hectares|square|cubic|degrees|ft|lbs|kg|mg|yards)\b/i;
/** Words and characters before which a four-digit number is a code or part of a larger number ("flight 1549"). */
const YEAR_BEFORE =
  /(?:\b(?:no|nos|number|room|flight|route|page|pages|highway|interstate|model|item|article|section|bill|rule|resolution|chapter|boeing|airbus|code|tel|phone|ext|suite|unit|apt|box|vol|exhibit|form)\.?\s*|[\d.,:/]|\d\s?[-+]\s?)$/i;

/** Whether a four-digit number reads as a year here rather than a quantity, a code or part of a number. */
function yearOk(y: number, text: string, start: number, end: number, cued: boolean): boolean {
  if (y < 1000 || y > 2199) return false;
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 14);
  if (YEAR_BEFORE.test(before)) return false;
  if (/^(?:[.,]\d|\s*(?:%|percent|per\s*cent)|-\d|\/\d|:\d|\s*[x×]\s*\d)/i.test(after)) return false;
  if (YEAR_NOUN.test(after)) return false;
  if (cued) return true;
  // Without a cue, only plausible modern years count ("1066" alone is more often a quantity).
  if (y < 1800 || y > 2100) {
    return /\b(?:in|since|of|from|until|till|by|before|after|during|circa|year|around|c\.)\s*$/i.test(before);
  }
  return true;
}

/** “2015”, “fiscal 1989”, “mid-2016”, “the first half of 2015”: a year, with its cue or modifier. */
export const year: TimeRule = {
  name: 'year',
  core: '\\d{4}',
  gate: null,
  pattern: rx(
    `(?:(?<mod>${MOD})[\\s-]*)?(?:(?<cue>(?:fiscal|calendar|model|financial|tax|school)(?:\\s+year)?|the\\s+year|FY)\\s*)?(?<y>${YEAR_RE})(?!['’]?s\\b)`,
  ),
  make: (g, m, text) => {
    const y = Number(g.y);
    const yStart = m.index + m[0].length - g.y!.length;
    if (!yearOk(y, text, yStart, yStart + 4, !!g.cue || !!g.mod)) return null;
    const half = /\b(first|second|latter|last)\s+half\b/i.exec(g.mod ?? '');
    const value = half ? `${fmtYear(y)}-H${half[1].toLowerCase() === 'first' ? 1 : 2}` : fmtYear(y);
    return { type: 'date', resolve: () => ({ value }) };
  },
};

/** “the 1990s”: a decade written with its century. */
export const decade: TimeRule = {
  name: 'decade',
  core: "\\d0['’]?s",
  gate: null,
  pattern: rx(`(?:the\\s+)?(?:(?<mod>early|late|mid)[\\s-]*)?(?<dec>1\\d\\d0|20\\d0)['’]?s`),
  make: (g) => ({ type: 'date', resolve: () => ({ value: g.dec!.slice(0, 3) }) }),
};

/** “the ’90s”: a decade of the twentieth century, written without it. */
export const shortDecade: TimeRule = {
  name: 'shortDecade',
  core: "['’]\\d0s",
  gate: null,
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:the\\s+)?(?:(?:early|late|mid)[\\s-]*)?['’](?<d2>\\d)0s${E}`, 'giu'),
  make: (g) => ({ type: 'date', resolve: () => ({ value: `19${g.d2}` }) }),
};

/** “the nineties”: a spelt-out decade of the twentieth century. */
export const decadeWord: TimeRule = {
  name: 'decadeWord',
  core: 'ties\\b',
  gate: 'twenties thirties forties fifties sixties seventies eighties nineties',
  pattern: rx(
    `the\\s+(?:(?:early|late|mid)[\\s-]*)?(?<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)`,
  ),
  make: (g) => ({ type: 'date', resolve: () => ({ value: `19${DECADE_WORDS[g.w!.toLowerCase()]}` }) }),
};

/** “the 19th century”, “the twentieth century”. */
export const century: TimeRule = {
  name: 'century',
  core: 'century',
  gate: 'century',
  pattern: rx(
    `(?:the\\s+)?(?:(?:early|late|mid)[\\s-]*)?(?<n>1\\d|2[01]|[1-9])(?:st|nd|rd|th)[\\s-]+century|(?:the\\s+)?(?<w>nineteenth|twentieth|twenty-first|eighteenth|seventeenth|sixteenth)[\\s-]+century`,
  ),
  make: (g) => {
    const words: Record<string, number> = {
      sixteenth: 16,
      seventeenth: 17,
      eighteenth: 18,
      nineteenth: 19,
      twentieth: 20,
      'twenty-first': 21,
    };
    const n = g.n ? Number(g.n) : words[g.w!.toLowerCase()];
    return { type: 'date', resolve: () => ({ value: pad(n - 1) }) };
  },
};

/** “year-end”, “the year’s end”: the end of the anchor year. */
export const yearEnd: TimeRule = {
  name: 'yearEnd',
  core: "year[-\\s][Ee]nd|year['’]s\\s+end",
  gate: 'year',
  pattern: rx(`(?:the\\s+)?year[-\\s]end|(?:the\\s+)?year['’]s\\s+end`),
  make: () => ({
    type: 'date',
    resolve: (ctx) => (ctx.dct ? { value: fmtYear(ctx.dct.y), anchor: fmtDay(ctx.dct) } : { value: 'XXXX' }),
  }),
};

/** “nineteen ninety-six”, “the year two thousand”: a year in words. */
export const spokenYear: TimeRule = {
  name: 'spokenYear',
  core: 'nineteen|eighteen|thousand',
  gate: 'nineteen eighteen thousand',
  pattern: rx(
    `(?:the\\s+year\\s+)?(?:nineteen|eighteen)[\\s-]+(?<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-]+(?<u>one|two|three|four|five|six|seven|eight|nine))?|` +
      `(?:the\\s+year\\s+)?two\\s+thousand(?:\\s+(?:and\\s+)?(?<u2>one|two|three|four|five|six|seven|eight|nine|ten))?`,
  ),
  make: (g, m) => {
    const century = /^(?:the\s+year\s+)?eighteen/i.test(m[0]) ? 1800 : 1900;
    let y: number;
    if (g.tens) y = century + (parseNumber(g.tens) as number) + (g.u ? (parseNumber(g.u) as number) : 0);
    else {
      // "two thousand" alone is more often a count than a year unless "the year" precedes it.
      if (!/^the\s+year/i.test(m[0]) && !g.u2) return null;
      y = 2000 + (g.u2 ? (parseNumber(g.u2) as number) : 0);
    }
    return { type: 'date', resolve: () => ({ value: fmtYear(y) }) };
  },
};
