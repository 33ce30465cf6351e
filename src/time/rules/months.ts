/** Months: of an explicit year, or placed in a year from the anchor and the tense. */
import { fmtDay, fmtMonth, pad } from '../calendar.js';
import { YEAR_RE, monthNumber } from '../lexicon.js';
import { yearFor } from '../resolve.js';
import { type TimeRule, rx, MOD, MON, monthOk, MONTH_CORE, MONTH_WORDS } from './pattern.js';

/** “August 2015”, “early March 1998”: a month of an explicit year. */
export const monthYear: TimeRule = {
  name: 'monthYear',
  core: MONTH_CORE,
  gate: MONTH_WORDS,
  pattern: rx(`(?:(?<mod>${MOD})[\\s-]*)?${MON},?\\s+(?:of\\s+)?(?<year>${YEAR_RE})(?![\\d,.]\\d)`),
  make: (g, m, text) => {
    const mon = g.mon!;
    const monStart = m.index + m[0].toLowerCase().lastIndexOf(mon.toLowerCase(), m[0].length - g.year!.length);
    if (!monthOk(mon, text, monStart, monStart + mon.length, false)) return null;
    const y = Number(g.year);
    const mo = monthNumber(mon);
    return { type: 'date', resolve: () => ({ value: fmtMonth(y, mo) }) };
  },
};

/** “last October”, “in March”: a month whose year comes from the anchor and tense. */
export const relativeMonth: TimeRule = {
  name: 'relativeMonth',
  core: MONTH_CORE,
  gate: MONTH_WORDS,
  pattern: rx(
    `(?:(?<mod>${MOD})[\\s-]*)?(?:(?<rel>last|next|this|this\\s+past|this\\s+coming|past|coming)\\s+)?${MON}(?![\\p{L}.]\\p{L})`,
  ),
  make: (g, m, text) => {
    const mon = g.mon!;
    const monStart = m.index + m[0].length - mon.length;
    if (!monthOk(mon, text, monStart, monStart + mon.length, !g.rel && !g.mod)) return null;
    // "April Ryan", "June Carter": a month that is also a first name, followed by a surname.
    if (
      !g.rel &&
      !g.mod &&
      /^(april|may|june|august)$/i.test(mon) &&
      /^\s+\p{Lu}\p{Ll}/u.test(text.slice(monStart + mon.length, monStart + mon.length + 3)) &&
      !/\b(?:in|since|until|till|by|last|next|this|early|late|mid|during|before|after|through)\s+$/i.test(
        text.slice(Math.max(0, monStart - 12), monStart),
      )
    ) {
      return null;
    }
    // "February 30": a day number the calendar rejects makes the whole phrase suspect.
    if (/^\s+\d{1,2}(?:st|nd|rd|th)?\b(?![:.]\d)/.test(text.slice(monStart + mon.length, monStart + mon.length + 6)))
      return null;
    const mo = monthNumber(mon);
    const rel = g.rel?.toLowerCase().replace(/\s+/g, ' ');
    return {
      type: 'date',
      resolve: (ctx) => {
        if (!ctx.dct) return { value: `XXXX-${pad(mo)}` };
        let y: number;
        if (rel === 'last' || rel === 'past' || rel === 'this past') y = yearFor(ctx.dct, mo, undefined, 'past', true);
        else if (rel === 'next' || rel === 'coming' || rel === 'this coming')
          y = yearFor(ctx.dct, mo, undefined, 'future', true);
        else if (rel === 'this') y = ctx.dct.y;
        else {
          const t = ctx.tense();
          y = yearFor(ctx.dct, mo, undefined, t === 'future' ? 'future' : t === 'past' ? 'past' : 'none');
        }
        return { value: fmtMonth(y, mo), anchor: fmtDay(ctx.dct) };
      },
    };
  },
};

/** “June last year”, “January of this year”. */
export const monthRelativeYear: TimeRule = {
  name: 'monthRelativeYear',
  core: MONTH_CORE,
  gate: MONTH_WORDS,
  pattern: rx(`${MON},?\\s+(?:of\\s+)?(?<rel>this|last|next)\\s+year`),
  make: (g, m, text) => {
    const mon = g.mon!;
    if (!monthOk(mon, text, m.index, m.index + mon.length, false)) return null;
    const mo = monthNumber(mon);
    const off = g.rel!.toLowerCase() === 'last' ? -1 : g.rel!.toLowerCase() === 'next' ? 1 : 0;
    return {
      type: 'date',
      resolve: (ctx) =>
        ctx.dct ? { value: fmtMonth(ctx.dct.y + off, mo), anchor: fmtDay(ctx.dct) } : { value: `XXXX-${pad(mo)}` },
    };
  },
};
