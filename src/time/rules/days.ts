/** Days and parts of days named relative to the anchor: today, yesterday, tonight. */
import { addDays, fmtDay } from '../calendar.js';
import { PART_OF_DAY } from '../lexicon.js';
import { type TimeRule, rx } from './pattern.js';

/** “yesterday”, “tomorrow morning”, “tonight”: a day counted from the anchor. */
export const deicticDay: TimeRule = {
  name: 'deicticDay',
  core: 'today|tonight|yesterday|tomorrow',
  gate: 'today tonight yesterday tomorrow',
  pattern: rx(
    `(?:(?<mod>early|late|earlier|later)\\s+)?(?:(?<dayb>the\\s+day\\s+before|the\\s+day\\s+after)\\s+)?(?<w>today|tonight|yesterday|tomorrow)(?:\\s+(?<part>morning|afternoon|evening|night))?`,
  ),
  make: (g) => {
    const w = g.w!.toLowerCase();
    let off = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
    if (g.dayb) off += /before/i.test(g.dayb) ? -1 : 1;
    const part = g.part ? PART_OF_DAY[g.part.toLowerCase()] : w === 'tonight' ? 'NI' : undefined;
    return {
      type: part ? 'time' : 'date',
      resolve: (ctx) => {
        if (!ctx.dct) return { value: `XXXX-XX-XX${part ? `T${part}` : ''}` };
        return { value: fmtDay(addDays(ctx.dct, off)) + (part ? `T${part}` : ''), anchor: fmtDay(ctx.dct) };
      },
    };
  },
};

/** “this morning”, “last night”: a part of the anchor day (or of the night before). */
export const partOfDay: TimeRule = {
  name: 'partOfDay',
  core: 'morning|afternoon|evening|night',
  gate: 'morning afternoon evening night',
  pattern: rx(`(?:(?<mod>early|late|earlier|later)\\s+)?(?<rel>this|last)\\s+(?<part>morning|afternoon|evening|night)`),
  make: (g) => {
    const rel = g.rel!.toLowerCase();
    const part = PART_OF_DAY[g.part!.toLowerCase()];
    if (rel === 'last' && part !== 'NI') return null;
    return {
      type: 'time',
      resolve: (ctx) => {
        if (!ctx.dct) return { value: `XXXX-XX-XXT${part}` };
        const d = rel === 'last' ? addDays(ctx.dct, -1) : ctx.dct;
        return { value: `${fmtDay(d)}T${part}`, anchor: fmtDay(ctx.dct) };
      },
    };
  },
};
