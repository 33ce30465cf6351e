/** Word lists and regular-expression building blocks for English time expressions. */

import { MONTHS, NUMBER_WORDS, WEEKDAYS } from '../text/words.js';

export const MONTH_RE =
  `${MONTHS.join('|')}|` +
  'jan\\.?|feb\\.?|mar\\.|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept\\.?|sep\\.?|oct\\.?|nov\\.?|dec\\.?';

const MONTH_PREFIX = MONTHS.map((m) => m.slice(0, 3));

export function monthNumber(word: string): number {
  return MONTH_PREFIX.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

export const WEEKDAY_RE = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const WEEKDAY_PREFIX = WEEKDAYS.map((d) => d.slice(0, 3));
export function weekdayNumber(word: string): number {
  return WEEKDAY_PREFIX.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

export const DAY_RE = '(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?';
/** Four-digit years from 1000 to 2199; plausibility is checked by the rule. */
export const YEAR_RE = '(?:1\\d{3}|2[01]\\d{2})';

const SMALL: Record<string, number> = { ...NUMBER_WORDS, a: 1, an: 1, single: 1, half: 0.5 };
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const UNITS_W = 'one|two|three|four|five|six|seven|eight|nine';
export const NUMWORD_RE =
  `(?:(?:${TENS})(?:[- ](?:${UNITS_W}))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|` +
  `${UNITS_W}|ten|(?:a|one)\\s+hundred|a\\s+dozen|a\\s+half|a|an|single)`;
/** Vague quantities become X in the TIMEX3 value. */
export const VAGUE_NUM_RE =
  '(?:a\\s+few|few|several|many|some|a\\s+couple\\s+of|a\\s+couple|couple\\s+of|a\\s+number\\s+of|numerous|a\\s+handful\\s+of)';
export const NUM_RE = `(?:\\d{1,4}(?:\\.\\d+)?(?:\\s+1/2|\\s*½)?|${NUMWORD_RE}(?:\\s+and\\s+a\\s+half)?|${VAGUE_NUM_RE})`;

/** Parses a number (digits or words); `X` for vague quantities; undefined when not a number. */
export function parseNumber(raw: string): number | 'X' | undefined {
  let s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  let extra = 0;
  if (/ and a half$/.test(s)) {
    extra = 0.5;
    s = s.replace(/ and a half$/, '');
  } else if (/( 1\/2|½)$/.test(s)) {
    extra = 0.5;
    s = s.replace(/\s*(1\/2|½)$/, '');
  }
  if (new RegExp(`^${VAGUE_NUM_RE}$`).test(s)) return 'X';
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) + extra;
  if (s === 'a hundred' || s === 'one hundred') return 100 + extra;
  if (s === 'a dozen') return 12 + extra;
  if (s === 'a half') return 0.5;
  const parts = s.split(/[- ]/);
  let total = 0;
  for (const p of parts) {
    const v = SMALL[p];
    if (v === undefined) return undefined;
    total += v;
  }
  return total + extra;
}

export type Unit = 'S' | 'MI' | 'H' | 'D' | 'W' | 'M' | 'Q' | 'Y' | 'DE' | 'CE';

export const UNIT_RE =
  '(?:(?:trading|business|working|calendar)\\s+)?(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century)';

export function unitOf(word: string): Unit | undefined {
  const w = word.toLowerCase().replace(/^(trading|business|working|calendar)\s+/, '');
  if (w.startsWith('second')) return 'S';
  if (w.startsWith('minute')) return 'MI';
  if (w.startsWith('hour')) return 'H';
  if (w.startsWith('day') || w.startsWith('night')) return 'D';
  if (w.startsWith('fortnight')) return 'W';
  if (w.startsWith('week')) return 'W';
  if (w.startsWith('month')) return 'M';
  if (w.startsWith('quarter')) return 'Q';
  if (w.startsWith('year')) return 'Y';
  if (w.startsWith('decade')) return 'DE';
  if (w.startsWith('centur')) return 'CE';
  return undefined;
}

/** TIMEX3 duration for `n` units; halves of larger units are expressed in the next smaller unit. */
export function durationValue(n: number | 'X', unit: Unit, word = ''): string {
  const fortnight = /fortnight/i.test(word);
  if (n === 'X') {
    if (unit === 'S' || unit === 'MI' || unit === 'H') return `PTX${unit === 'MI' ? 'M' : unit}`;
    return `PX${unit}`;
  }
  if (fortnight) n *= 2;
  const whole = Math.floor(n);
  const half = n - whole >= 0.5 - 1e-9;
  const time = unit === 'S' || unit === 'MI' || unit === 'H';
  if (unit === 'DE') return `P${whole * 10 + (half ? 5 : 0)}Y`;
  if (unit === 'CE') return `P${whole * 100 + (half ? 50 : 0)}Y`;
  if (unit === 'Q') return half ? `P${whole * 3 + 1}M15D` : `P${whole}Q`;
  const u = unit === 'MI' ? 'M' : unit;
  if (!half) return `${time ? 'PT' : 'P'}${whole}${u}`;
  const halfPart: Record<string, string> = { Y: '6M', M: '15D', W: '3DT12H', D: 'T12H', H: '30M', MI: '30S', S: '' };
  if (whole === 0) {
    const hp = halfPart[unit];
    return time ? `PT${hp}` : `P${hp}`;
  }
  if (time) return `PT${whole}${u}${halfPart[unit]}`;
  return `P${whole}${u}${halfPart[unit]}`;
}

export const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
export const PART_OF_DAY: Record<string, string> = {
  morning: 'MO',
  afternoon: 'AF',
  evening: 'EV',
  night: 'NI',
  tonight: 'NI',
};
export const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};
export const DECADE_WORDS: Record<string, number> = {
  twenties: 2,
  thirties: 3,
  forties: 4,
  fifties: 5,
  sixties: 6,
  seventies: 7,
  eighties: 8,
  nineties: 9,
};
