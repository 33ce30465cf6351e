/**
 * Figures as written: numbers in digits or words, with the hedge in front of them and the unit after them,
 * read into a value and the interval the wording allows. Only the surface is read here; what a figure measures
 * is found on the parse (values.ts).
 */
import type { ClaimValue, Hedge, ValueType } from '../model.js';
import { NUMBER_WORDS } from '../text/words.js';

/** A figure found in a sentence, with offsets relative to the string it was read from. */
export interface Figure extends Pick<
  ClaimValue,
  'type' | 'value' | 'low' | 'high' | 'hedge' | 'unit' | 'against' | 'start' | 'end'
> {
  /** Where the number itself is: the words the parse attaches the figure by. */
  numberStart: number;
  numberEnd: number;
}

const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  million: 1e6,
  mln: 1e6,
  billion: 1e9,
  bln: 1e9,
  bn: 1e9,
  trillion: 1e12,
};

/** Vague plural amounts: "dozens of", "hundreds of" name a range, not a number. */
const VAGUE: Record<string, [number, number]> = {
  dozens: [24, 99],
  scores: [40, 199],
  hundreds: [200, 999],
  thousands: [2000, 9999],
  'tens of thousands': [20_000, 99_999],
  'hundreds of thousands': [200_000, 999_999],
  millions: [2e6, 9.99e8],
};

/** Hedges as written, longest first so "more than" wins over "more". */
const HEDGES: Array<[string, Hedge]> = [
  ['approximately', 'about'],
  ['an estimated', 'about'],
  ['estimated', 'about'],
  ['roughly', 'about'],
  ['around', 'about'],
  ['about', 'about'],
  ['some', 'about'],
  ['almost', 'nearly'],
  ['nearly', 'nearly'],
  ['close to', 'nearly'],
  ['just under', 'nearly'],
  ['just shy of', 'nearly'],
  ['at least', 'at least'],
  ['no fewer than', 'at least'],
  ['no less than', 'at least'],
  ['a minimum of', 'at least'],
  ['more than', 'more than'],
  ['over', 'more than'],
  ['upwards of', 'more than'],
  ['in excess of', 'more than'],
  ['above', 'more than'],
  ['up to', 'up to'],
  ['as many as', 'up to'],
  ['as much as', 'up to'],
  ['at most', 'up to'],
  ['no more than', 'up to'],
  ['a maximum of', 'up to'],
  ['less than', 'less than'],
  ['fewer than', 'less than'],
  ['under', 'less than'],
  ['below', 'less than'],
];

/** How wide "about" is: a writer rounding 1,150 or 1,250 to "about 1,200", or 5,400 to "about 5,000". */
const ABOUT_SPREAD = 0.1;
/** "Nearly 2,000" is below 2,000 but not far below it. */
const NEARLY_SPREAD = 0.15;

/** "About 58 percent" is 57 or 59, not 53: a share is rounded to the point, not by a tenth of itself. */
const ABOUT_PERCENT_POINTS = 1;

/** The interval a hedged figure allows. */
export function hedgeInterval(value: number, hedge: Hedge, type: ValueType = 'count'): [number | null, number | null] {
  switch (hedge) {
    case 'about':
      if (type === 'percent') return [value - ABOUT_PERCENT_POINTS, value + ABOUT_PERCENT_POINTS];
      return [value * (1 - ABOUT_SPREAD), value * (1 + ABOUT_SPREAD)];
    case 'nearly':
      return [value * (1 - NEARLY_SPREAD), value];
    case 'at least':
      return [value, null];
    case 'more than':
      return [value, null];
    case 'up to':
      return [0, value];
    case 'less than':
      return [0, value];
    default:
      return [value, value];
  }
}

/** Do two intervals share a point? Open ends reach to infinity. */
export function intervalsOverlap(a: [number | null, number | null], b: [number | null, number | null]): boolean {
  const lowA = a[0] ?? -Infinity;
  const highA = a[1] ?? Infinity;
  const lowB = b[0] ?? -Infinity;
  const highB = b[1] ?? Infinity;
  return lowA <= highB && lowB <= highA;
}

const UNIT_WORD = '[A-Za-z]+';
const WORD_NUMBER =
  '(?:a\\s+(?:hundred|thousand|million|billion|dozen)|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?(?:[- ](?:hundred|thousand|million|billion|dozen))*|dozen)';
const DIGITS = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
const SCALE = '(?:\\s*(?:hundred|thousand|million|billion|trillion|mln|bln|bn)\\b)?';
const CURRENCY_SIGN = '(?:US\\$|C\\$|A\\$|HK\\$|\\$|£|€|¥)';
const HEDGE_RE = HEDGES.map(([h]) => h.replace(/ /g, '\\s+')).join('|');
const VAGUE_RE = Object.keys(VAGUE)
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/ /g, '\\s+'))
  .join('|');

/**
 * One pass over a sentence: an optional hedge, an optional currency sign, a number (digits, words or a vague
 * amount), an optional scale, an optional tally's second number, and the next word (the unit or what is counted).
 */
const FIGURE_RE = new RegExp(
  `(?<![\\w.,:/$£€¥-])(?:(?<hedge>${HEDGE_RE})\\s+)?(?<sign>${CURRENCY_SIGN})?\\s?(?:(?<vague>${VAGUE_RE})\\b|(?<digits>${DIGITS})(?<scale>${SCALE})|(?<words>${WORD_NUMBER})\\b)(?:(?<dash>\\s?[-–]\\s?|\\s+to\\s+)(?<second>\\d{1,4})(?![\\d,.]))?(?:(?<sep>[- ]|\\s+)(?<unit>${UNIT_WORD}(?:[- ](?:old|points?|cent))?)|(?<percent>\\s?%))?`,
  'gid',
);

const CURRENCY_CODES: Record<string, string> = {
  $: 'USD',
  us$: 'USD',
  c$: 'CAD',
  a$: 'AUD',
  hk$: 'HKD',
  '£': 'GBP',
  '€': 'EUR',
  '¥': 'JPY',
  dollar: 'USD',
  euro: 'EUR',
  pound: 'GBP',
  yuan: 'CNY',
  renminbi: 'CNY',
  yen: 'JPY',
  rupee: 'INR',
  ruble: 'RUB',
  rouble: 'RUB',
  franc: 'CHF',
  mark: 'DEM',
  peso: 'MXN',
  won: 'KRW',
};

const TIME_UNITS: Record<string, number> = {
  minute: 1 / 1440,
  hour: 1 / 24,
  day: 1,
  week: 7,
  fortnight: 14,
  month: 30.4,
  year: 365.25,
  decade: 3652.5,
};
const DISTANCE_UNITS: Record<string, number> = {
  km: 1,
  kilometer: 1,
  kilometre: 1,
  mile: 1.609,
  meter: 0.001,
  metre: 0.001,
  m: 0.001,
  foot: 0.0003048,
  feet: 0.0003048,
  ft: 0.0003048,
  yard: 0.0009144,
};

/** Singular lower-case form of a unit word ("days" → "day", "kilometres" → "kilometre"). */
function singular(w: string): string {
  const u = w.toLowerCase();
  if (u === 'feet' || u === 'ft') return 'foot';
  if (/ies$/.test(u)) return u.slice(0, -3) + 'y';
  if (/(ss|us)$/.test(u)) return u;
  return u.replace(/s$/, '');
}

/** The value of a number written in words ("two dozen" → 24, "twenty-five thousand" → 25000). */
export function wordNumber(text: string): number | undefined {
  const parts = text.toLowerCase().split(/[-\s]+/);
  let total = 0;
  let current = 0;
  let any = false;
  for (const p of parts) {
    if (p === 'a') continue;
    if (p === 'dozen') {
      current = (current || 1) * 12;
      any = true;
      continue;
    }
    if (p === 'hundred') {
      current = (current || 1) * 100;
      any = true;
      continue;
    }
    const scale = SCALES[p];
    if (scale !== undefined) {
      total += (current || 1) * scale;
      current = 0;
      any = true;
      continue;
    }
    const n = NUMBER_WORDS[p];
    if (n === undefined) return undefined;
    current += n;
    any = true;
  }
  return any ? total + current : undefined;
}

/** Context words before a pair of numbers that make it a vote or a score. */
const TALLY_CONTEXT =
  /\b(vot(e|es|ed|ing)|ballot|margin|approv(e|ed|al)|pass(ed)?|reject(ed)?|confirm(ed)?|defeat(ed)?|won|lost|beat|score|split|decision|ruling|majority)\b/i;

/** Words that follow a number without it being a count of them. */
const NOT_COUNTED = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'to',
  'of',
  'in',
  'on',
  'at',
  'for',
  'by',
  'with',
  'from',
  'p',
  'a.m',
  'am',
  'pm',
  'o',
  'times',
  'th',
  'st',
  'nd',
  'rd',
]);

/**
 * Reads every figure in a string. Years, times of day and day-of-month numbers are left to the dates: a bare
 * four-digit number from 1800 to 2099 with no unit is a year.
 */
export function readFigures(text: string): Figure[] {
  const out: Figure[] = [];
  FIGURE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIGURE_RE.exec(text))) {
    const g = m.groups as Record<string, string | undefined>;
    const start = m.index;
    let end = start + m[0].length;
    const hedgeWord = g.hedge?.toLowerCase().replace(/\s+/g, ' ');
    let hedge: Hedge = hedgeWord ? (HEDGES.find(([h]) => h === hedgeWord)?.[1] ?? 'exact') : 'exact';
    const at = (m.indices?.groups ?? {}) as Record<string, [number, number] | undefined>;
    const numberStart = (at.sign ?? at.vague ?? at.digits ?? at.words ?? [start])[0];
    let value: number;
    let low: number | null = null;
    let high: number | null = null;
    if (g.vague) {
      const range = VAGUE[g.vague.toLowerCase().replace(/\s+/g, ' ')];
      value = range[0];
      [low, high] = range;
      hedge = 'about';
    } else if (g.digits) {
      value = Number(g.digits.replace(/,/g, ''));
      const scale = g.scale?.trim().toLowerCase();
      if (scale) value *= SCALES[scale];
    } else {
      const w = wordNumber(g.words ?? '');
      if (w === undefined) continue;
      value = w;
      // "a" and "one" alone are articles and pronouns more often than counts.
      if (/^(a|one)$/i.test(g.words ?? '')) continue;
    }
    if (!Number.isFinite(value)) continue;
    const numberEnd = (at.second ?? at.scale ?? at.vague ?? at.digits ?? at.words ?? [0, end])[1];
    const unitRaw = g.percent ? '%' : g.unit ? singular(g.unit) : '';
    const before = text.slice(Math.max(0, start - 40), start);

    // A tally: two numbers joined by a dash or "to", in a vote or a score.
    if (g.second !== undefined && g.digits && !g.sign && !g.scale && /^\d{1,4}$/.test(g.digits)) {
      const second = Number(g.second);
      // "a 6-3 Supreme Court vote": the word that makes it a tally may follow a few words later.
      const after = text.slice(numberEnd, numberEnd + 40);
      const isTally =
        TALLY_CONTEXT.test(before) ||
        /^(vote|margin|decision|ruling|majority|split)$/i.test(unitRaw) ||
        /^(?:\s+[A-Z][\w.-]*){0,3}\s+(?:vote|votes|ballot|decision|ruling|verdict)\b/.test(after);
      if (isTally) {
        const tallyEnd = /^(vote|margin|decision|ruling|majority|split)$/i.test(unitRaw) ? end : numberEnd;
        out.push({
          type: 'tally',
          value,
          low: value,
          high: value,
          hedge: 'exact',
          unit: 'votes',
          against: second,
          start,
          end: tallyEnd,
          numberStart,
          numberEnd,
        });
        continue;
      }
      // A range ("10 to 15", "10-15"): the interval between the two numbers.
      if (second > value) {
        low = value;
        high = second;
        if (hedge === 'exact') hedge = 'range';
      } else {
        // A score or a code ("3-1", "A-4"): not a figure we compare.
        continue;
      }
    }
    let type: ValueType = 'count';
    let unit = '';
    let figureEnd = end;
    if (g.sign) {
      type = 'money';
      unit = CURRENCY_CODES[g.sign.toLowerCase()] ?? 'USD';
      figureEnd = numberEnd;
    } else if (unitRaw && CURRENCY_CODES[unitRaw] && !/^(mark|won|pound)$/.test(unitRaw)) {
      type = 'money';
      unit = CURRENCY_CODES[unitRaw];
    } else if (
      unitRaw === '%' ||
      unitRaw === 'percent' ||
      unitRaw === 'per cent' ||
      unitRaw === 'percentage point' ||
      unitRaw === 'pct'
    ) {
      type = 'percent';
      unit = '%';
    } else if (
      /^(year|month|week|day)[- ]old$/.test(unitRaw) ||
      (unitRaw === 'year' && /^\s*old\b/i.test(text.slice(end)))
    ) {
      type = 'age';
      unit = 'year';
    } else if (unitRaw in TIME_UNITS) {
      // "10 years ago" is a date, "the 1990s" a decade: neither is a duration.
      if (/^\s*(ago|earlier|later|before|after)\b/i.test(text.slice(end))) continue;
      type = 'duration';
      unit = 'day';
      const factor = TIME_UNITS[unitRaw];
      value *= factor;
      if (low !== null) low *= factor;
      if (high !== null) high *= factor;
    } else if (unitRaw in DISTANCE_UNITS && !(unitRaw === 'm' && g.words)) {
      type = 'distance';
      unit = 'km';
      const factor = DISTANCE_UNITS[unitRaw];
      value *= factor;
      if (low !== null) low *= factor;
      if (high !== null) high *= factor;
    } else {
      // A count: the number alone (what it counts is read on the parse).
      figureEnd = numberEnd;
      // A number from 1800 to 2099 is a year unless a lower-case noun follows it ("1999 people" is rare; "in 1999"
      // is not).
      const yearLike = g.digits !== undefined && !g.scale && /^(1[89]|20)\d\d$/.test(g.digits);
      if (yearLike && (!/^[a-z]+$/.test(g.unit ?? '') || NOT_COUNTED.has(unitRaw))) continue;
      if (/\d:\d/.test(text.slice(start, end + 3)) || /^[:.]\d/.test(text.slice(numberEnd))) continue;
      if (
        /(?:No\.|number|Nos?\.|#|Route|Highway|page|Article|Section|Chapter|Flight|Room|Apartment|Suite)\s*$/i.test(
          before,
        )
      )
        continue;
      if (/(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$/i.test(before)) continue;
      if (/^(?:st|nd|rd|th)\b/i.test(text.slice(numberEnd))) continue;
    }
    if (low === null && high === null) [low, high] = hedgeInterval(value, hedge, type);
    // A share or a scaled amount is as precise as its last written digit: "44 percent" may be 43.6, "$2.5
    // million" may be $2.53 million. Plain counts and amounts are taken as written.
    if (hedge === 'exact' && g.digits && (type === 'percent' || (type === 'money' && g.scale?.trim()))) {
      const decimals = g.digits.split('.')[1]?.length ?? 0;
      const half = (10 ** -decimals * (type === 'money' ? SCALES[(g.scale ?? '').trim().toLowerCase()] : 1)) / 2;
      [low, high] = [value - half, value + half];
    }
    end = figureEnd;
    out.push({ type, value, low, high, hedge, unit, start, end, numberStart, numberEnd });
    // Read on from the end of the number: the unit word may start the next figure ("30 days, 45 days").
    FIGURE_RE.lastIndex = Math.max(numberEnd, start + 1);
  }
  return out;
}
