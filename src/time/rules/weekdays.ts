/** Weekdays, placed before or after the anchor by tense and modifiers. */
import { addDays, fmtDay, weekday } from '../calendar.js';
import { weekdayNumber } from '../lexicon.js';
import { type TimeRule, rx, WD, cap, WEEKDAY_WORDS } from './pattern.js';

/** “Monday”, “last Tuesday”, “on Mondays”: a weekday whose direction comes from the tense or the modifier. */
export const namedWeekday: TimeRule = {
  name: 'namedWeekday',
  core: '(?:mon|tues|wednes|thurs|fri|satur|sun)day',
  gate: WEEKDAY_WORDS,
  pattern: rx(
    `(?:(?<rel>last|next|this|this\\s+past|this\\s+coming|past|coming|early|late|earlier|later)\\s+)?${WD}(?<pl>s)?(?:\\s+(?<part>morning|afternoon|evening|night))?`,
  ),
  make: (g, m, text) => {
    if (!cap(g.wd)) return null;
    const n = weekdayNumber(g.wd!);
    const rel = g.rel?.toLowerCase().replace(/\s+/g, ' ');
    if (g.pl) {
      // "on Mondays" is a set.
      return { type: 'set', resolve: () => ({ value: `XXXX-WXX-${n}` }) };
    }
    // "Friday's ruling" in news is an event already reported.
    const possessive = /^['’]s\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
    // News TimeML dates "Friday night" to the day alone, so the part of day widens the extent but not the value.
    return {
      type: 'date',
      resolve: (ctx) => {
        if (!ctx.dct) return { value: `XXXX-WXX-${n}` };
        const today = weekday(ctx.dct);
        let diff: number;
        const back = (today - n + 7) % 7; // days back to the most recent such weekday (0 = today)
        const fwd = (n - today + 7) % 7;
        if (rel === 'last' || rel === 'past' || rel === 'this past') diff = -(back === 0 ? 7 : back);
        else if (rel === 'next' || rel === 'coming' || rel === 'this coming') diff = fwd === 0 ? 7 : fwd;
        else if (rel === 'this') diff = n >= today ? n - today : -(today - n);
        else if (possessive) diff = -back;
        else {
          const t = ctx.tense();
          if (t === 'future') diff = fwd === 0 ? 0 : fwd;
          else if (t === 'present') diff = fwd;
          else diff = -back;
        }
        return { value: fmtDay(addDays(ctx.dct, diff)), anchor: fmtDay(ctx.dct) };
      },
    };
  },
};
