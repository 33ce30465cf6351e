/** Calendar dates written in full: month and day with an optional year, and numeric dates. */
import { fmtDay, isValidDate, pad, weekday } from '../calendar.js';
import { DAY_RE, YEAR_RE, monthNumber, weekdayNumber } from '../lexicon.js';
import { yearFor } from '../resolve.js';
import {
  type TimeRule,
  type Groups,
  type Made,
  rx,
  MON,
  WD,
  cap,
  monthOk,
  MONTH_CORE,
  MONTH_WORDS,
} from './pattern.js';

/** A full month-day date; without a year, the year comes from the anchor, the tense and an optional weekday. */
function fullDate(g: Groups, m: RegExpExecArray, text: string): Made | null {
  const mon = g.mon!;
  const monStart = m.index + m[0].toLowerCase().indexOf(mon.toLowerCase());
  if (!monthOk(mon, text, monStart, monStart + mon.length, false)) return null;
  const mo = monthNumber(mon);
  const day = parseInt(g.day!, 10);
  if (g.wd && !cap(g.wd)) return null;
  if (g.year) {
    const y = Number(g.year);
    if (!isValidDate(y, mo, day)) return null;
    return { type: 'date', resolve: () => ({ value: fmtDay({ y, m: mo, d: day }) }) };
  }
  if (!isValidDate(2000, mo, day)) return null;
  const wdNum = g.wd ? weekdayNumber(g.wd) : 0;
  return {
    type: 'date',
    resolve: (ctx) => {
      if (!ctx.dct) return { value: `XXXX-${pad(mo)}-${pad(day)}` };
      let y = yearFor(ctx.dct, mo, day, ctx.tense());
      if (wdNum) {
        // A weekday pins the year when one of the neighbouring years matches it.
        for (const cand of [y, y - 1, y + 1]) {
          if (isValidDate(cand, mo, day) && weekday({ y: cand, m: mo, d: day }) === wdNum) {
            y = cand;
            break;
          }
        }
      }
      if (!isValidDate(y, mo, day)) return { value: `XXXX-${pad(mo)}-${pad(day)}` };
      return { value: fmtDay({ y, m: mo, d: day }), anchor: fmtDay(ctx.dct) };
    },
  };
}

/** “Tuesday, October 10, 2017”, “Oct. 10”: month, day and optional weekday and year. */
export const monthDayYear: TimeRule = {
  name: 'monthDayYear',
  core: MONTH_CORE,
  gate: MONTH_WORDS,
  pattern: rx(`(?:${WD},?\\s+)?${MON}\\s+(?<day>${DAY_RE})(?!\\d|:\\d)(?:,?\\s+(?<year>${YEAR_RE})(?!\\d))?`),
  make: fullDate,
};

/** “10 October 2017”, “the 5th of May”: day before month. */
export const dayMonthYear: TimeRule = {
  name: 'dayMonthYear',
  core: MONTH_CORE,
  gate: MONTH_WORDS,
  pattern: rx(
    `(?:${WD},?\\s+)?(?:the\\s+)?(?<day>${DAY_RE})(?:\\s+of)?\\s+${MON}(?:,?\\s+(?<year>${YEAR_RE})(?!\\d))?`,
  ),
  make: fullDate,
};

/** A date written in numbers (year, month, day groups), if it is a real calendar day. */
const numericDate: TimeRule['make'] = (g) => {
  const y = Number(g.y),
    mo = Number(g.m),
    d = Number(g.d);
  if (!isValidDate(y, mo, d)) return null;
  return { type: 'date', resolve: () => ({ value: fmtDay({ y, m: mo, d }) }) };
};

/** “2017-10-10”: an ISO date. */
export const isoDate: TimeRule = {
  name: 'isoDate',
  core: '\\d{4}-\\d',
  gate: null,
  pattern: rx(`(?<y>${YEAR_RE})-(?<m>[01]\\d)-(?<d>[0-3]\\d)(?!\\d)`),
  make: numericDate,
};

/** “20171010”: a compact ISO date. */
export const compactDate: TimeRule = {
  name: 'compactDate',
  core: '\\d{8}',
  gate: null,
  pattern: rx(`(?<y>(?:19|20)\\d\\d)(?<m>[01]\\d)(?<d>[0-3]\\d)`),
  make: numericDate,
};

/** “10/10/2017”, “10/10/17”: a US month/day/year date. */
export const slashDate: TimeRule = {
  name: 'slashDate',
  core: '\\d/\\d',
  gate: null,
  pattern: rx(`(?<![\\d/.-])(?<m>[01]?\\d)/(?<d>[0-3]?\\d)/(?<y>\\d{4}|\\d{2})(?![/\\d])`),
  make: (g) => {
    const mo = Number(g.m),
      d = Number(g.d);
    const raw = g.y!;
    return {
      type: 'date',
      resolve: (ctx) => {
        let y = Number(raw);
        if (raw.length === 2) {
          const century = ctx.dct ? Math.floor(ctx.dct.y / 100) * 100 : 1900;
          y = century + y;
          if (ctx.dct && y > ctx.dct.y + 20) y -= 100;
          if (!ctx.dct && y < 1930) y += 100;
        }
        if (!isValidDate(y, mo, d)) return null;
        return { value: fmtDay({ y, m: mo, d }) };
      },
    };
  },
};
