/** Sets: recurring times. */
import { pad } from '../calendar.js';
import {
  MONTH_RE,
  NUM_RE,
  PART_OF_DAY,
  SEASONS,
  WEEKDAY_RE,
  durationValue,
  monthNumber,
  unitOf,
  weekdayNumber,
} from '../lexicon.js';
import { type TimeRule, rx } from './pattern.js';

/** “every Monday”, “each year”: a recurring unit, weekday, part of day, season or month. */
export const everyUnit: TimeRule = {
  name: 'everyUnit',
  core: '\\b(?:every|each)\\b',
  gate: 'every each',
  pattern: rx(
    `(?:every|each)\\s+(?:other\\s+|single\\s+)?(?<unit>day|week|month|year|quarter|morning|afternoon|evening|night|hour|minute|summer|winter|spring|fall|weekend|${WEEKDAY_RE}|${MONTH_RE})`,
  ),
  make: (g) => {
    const u = g.unit!.toLowerCase();
    let value: string;
    if (new RegExp(`^${WEEKDAY_RE}$`, 'i').test(u)) value = `XXXX-WXX-${weekdayNumber(u)}`;
    else if (PART_OF_DAY[u]) value = `XXXX-XX-XXT${PART_OF_DAY[u]}`;
    else if (SEASONS[u]) value = `XXXX-${SEASONS[u]}`;
    else if (u === 'weekend') value = 'XXXX-WXX-WE';
    else if (monthNumber(u) && new RegExp(`^(?:${MONTH_RE})$`, 'i').test(u)) value = `XXXX-${pad(monthNumber(u))}`;
    else value = durationValue(1, unitOf(u)!);
    return { type: 'set', resolve: () => ({ value }) };
  },
};

/** “daily”, “annually”: a frequency adverb. */
export const frequencyAdverb: TimeRule = {
  name: 'frequencyAdverb',
  core: '\\b(?:daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|bimonthly|semiannually|semi-annually|biannually)\\b',
  gate: 'daily weekly monthly annually yearly hourly nightly biweekly bimonthly semiannually semi biannually',
  pattern: rx(
    `(?<w>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|bimonthly|semiannually|semi-annually|biannually|annual)`,
  ),
  make: (g) => {
    const w = g.w!.toLowerCase();
    if (w === 'annual') return null;
    const map: Record<string, string> = {
      daily: 'P1D',
      weekly: 'P1W',
      monthly: 'P1M',
      annually: 'P1Y',
      yearly: 'P1Y',
      hourly: 'PT1H',
      nightly: 'P1D',
      biweekly: 'P2W',
      bimonthly: 'P2M',
      semiannually: 'P6M',
      'semi-annually': 'P6M',
      biannually: 'P6M',
    };
    return { type: 'set', resolve: () => ({ value: map[w] }) };
  },
};

/** “twice a year”, “per month”: a rate per unit. */
export const timesPer: TimeRule = {
  name: 'timesPer',
  core: '\\b(?:once|twice|thrice|times|per)\\b',
  gate: 'once twice thrice times per',
  pattern: rx(
    `(?:(?:once|twice|thrice|(?:${NUM_RE})\\s+times)\\s+)?(?:a|per|each)\\s+(?<unit>day|week|month|year|annum|hour|quarter)`,
  ),
  make: (g, m) => {
    if (!/^(once|twice|thrice|\S+\s+times|per)\b/i.test(m[0])) return null;
    const u = g.unit!.toLowerCase();
    return { type: 'set', resolve: () => ({ value: durationValue(1, u === 'annum' ? 'Y' : unitOf(u)!) }) };
  },
};
