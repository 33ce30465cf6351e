/** Holidays on fixed or computed days. */
import { fmtDay, pad, toDays, weekday, type Ymd } from '../calendar.js';
import { YEAR_RE } from '../lexicon.js';
import { type TimeRule, rx, cap } from './pattern.js';

/** “Christmas Day”, “last Thanksgiving”, “Labor Day 1998”: a holiday on a fixed or computed day. */
export const holiday: TimeRule = {
  name: 'holiday',
  core: "christmas|year['’]s|thanksgiving|independence|fourth|labor|memorial|veterans|halloween|valentine|boxing",
  gate: 'christmas year thanksgiving independence fourth labor memorial veterans halloween valentine boxing',
  pattern: rx(
    `(?:(?<rel>last|next|this)\\s+)?(?<h>Christmas(?:\\s+(?:Day|Eve))?|New\\s+Year['’]s(?:\\s+(?:Day|Eve))?|Thanksgiving(?:\\s+Day)?|Independence\\s+Day|the\\s+Fourth\\s+of\\s+July|Labor\\s+Day|Memorial\\s+Day|Veterans\\s+Day|Halloween|Valentine['’]s\\s+Day|Boxing\\s+Day|Christmas)(?:,?\\s+(?<y>${YEAR_RE}))?`,
  ),
  make: (g) => {
    if (!cap(g.h)) return null;
    const h = g.h!.toLowerCase().replace(/\s+/g, ' ').replace('’', "'");
    const rel = g.rel?.toLowerCase();
    const fixed = (y: number): Ymd | undefined => {
      if (h.startsWith('christmas eve')) return { y, m: 12, d: 24 };
      if (h.startsWith('christmas')) return { y, m: 12, d: 25 };
      if (h === "new year's eve") return { y, m: 12, d: 31 };
      if (h.startsWith('new year')) return { y, m: 1, d: 1 };
      if (h.startsWith('independence') || h.includes('fourth of july')) return { y, m: 7, d: 4 };
      if (h.startsWith('veterans')) return { y, m: 11, d: 11 };
      if (h.startsWith('halloween')) return { y, m: 10, d: 31 };
      if (h.startsWith('valentine')) return { y, m: 2, d: 14 };
      if (h.startsWith('boxing')) return { y, m: 12, d: 26 };
      if (h.startsWith('thanksgiving')) {
        const first = weekday({ y, m: 11, d: 1 });
        return { y, m: 11, d: 1 + ((4 - first + 7) % 7) + 21 };
      }
      if (h.startsWith('labor')) {
        const first = weekday({ y, m: 9, d: 1 });
        return { y, m: 9, d: 1 + ((1 - first + 7) % 7) };
      }
      if (h.startsWith('memorial')) {
        const last = weekday({ y, m: 5, d: 31 });
        return { y, m: 5, d: 31 - ((last - 1 + 7) % 7) };
      }
      return undefined;
    };
    return {
      type: 'date',
      resolve: (ctx) => {
        if (g.y) {
          const d = fixed(Number(g.y));
          return d ? { value: fmtDay(d) } : null;
        }
        if (!ctx.dct) {
          const d = fixed(2001);
          return d && !/thanksgiving|labor|memorial/.test(h)
            ? { value: `XXXX-${pad(d.m)}-${pad(d.d)}` }
            : { value: 'XXXX-XX-XX' };
        }
        const dct = ctx.dct;
        const t = rel === 'last' ? 'past' : rel === 'next' ? 'future' : rel === 'this' ? 'none' : ctx.tense();
        const options = [dct.y - 1, dct.y, dct.y + 1].map((y) => fixed(y)!).filter(Boolean);
        const diff = (d: Ymd): number => toDays(d) - toDays(dct);
        let pick = options.reduce((a, b) => (Math.abs(diff(b)) < Math.abs(diff(a)) ? b : a));
        if (t === 'past') pick = [...options].reverse().find((d) => diff(d) <= 0) ?? pick;
        else if (t === 'future') pick = options.find((d) => diff(d) >= 0) ?? pick;
        return { value: fmtDay(pick), anchor: fmtDay(dct) };
      },
    };
  },
};
