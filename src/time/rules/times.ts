/** Clock times, dated by a date of the same sentence or by the anchor. */
import { fmtDay, pad } from '../calendar.js';
import { parseNumber } from '../lexicon.js';
import { asDay } from '../resolve.js';
import { type TimeRule, type Made, rx } from './pattern.js';

/** A clock time on the day of the nearest date of its sentence, else of the anchor. */
function timeCandidate(h: number, mi: number): Made {
  const hh = pad(h);
  const mm = pad(mi);
  return {
    type: 'time',
    anchored: true,
    resolve: (ctx) => {
      // The day comes from a date in the same sentence, else the publication date.
      const sameSentence = ctx.previous.filter((p) => p.sentence === ctx.sentence && asDay(p.value));
      const near = sameSentence.length
        ? sameSentence.reduce((a, b) => (Math.abs(b.start - ctx.start) < Math.abs(a.start - ctx.start) ? b : a))
        : undefined;
      const day = near ? asDay(near.value) : ctx.dct;
      const base = day ? fmtDay(day) : 'XXXX-XX-XX';
      return { value: `${base}T${hh}:${mm}`, anchor: day ? fmtDay(day) : undefined };
    },
  };
}

/** “8 p.m.”, “about 2:30 pm EST”: a clock time with a.m./p.m. */
export const clockMeridiem: TimeRule = {
  name: 'clockMeridiem',
  core: '\\d\\s*[ap]\\.?\\s?m',
  gate: null,
  pattern: rx(
    `(?:(?<approx>about|around|approximately|shortly\\s+(?:before|after)|just\\s+(?:before|after)|at\\s+about|at\\s+around)\\s+)?(?<h>[01]?\\d|2[0-3])(?:[:.](?<mi>[0-5]\\d))?\\s*(?<ap>a\\.\\s?m\\.?|p\\.\\s?m\\.?|am(?![\\p{L}])|pm(?![\\p{L}]))(?:\\s+(?<tz>[ECMP][SD]?T|GMT|UTC|BST|CET))?`,
  ),
  make: (g) => {
    let h = Number(g.h);
    const mi = g.mi ? Number(g.mi) : 0;
    if (h < 1 || h > 12) return null;
    const pm = /^p/i.test(g.ap!);
    if (pm && h < 12) h += 12;
    if (!pm && h === 12) h = 0;
    return timeCandidate(h, mi);
  },
};

/** “at 14:30”, “14:30 GMT”: a 24-hour clock time. */
export const clock24: TimeRule = {
  name: 'clock24',
  core: '\\d:\\d\\d',
  gate: null,
  pattern: rx(`(?:at\\s+)?(?<h>[01]?\\d|2[0-3]):(?<mi>[0-5]\\d)(?![\\d:])(?:\\s+(?<tz>[ECMP][SD]?T|GMT|UTC|BST|CET))?`),
  make: (g, m) => {
    // Bare "14:30" needs "at" or a time zone; otherwise it may be a score or a ratio.
    if (!/^at\s/i.test(m[0]) && !g.tz) return null;
    return timeCandidate(Number(g.h), Number(g.mi));
  },
};

/** “noon”, “midnight”. */
export const noonMidnight: TimeRule = {
  name: 'noonMidnight',
  core: 'noon|midnight|midday',
  gate: 'noon midnight midday',
  pattern: rx(`(?<w>noon|midnight|midday)`),
  make: (g) => {
    const w = g.w!.toLowerCase();
    return timeCandidate(w === 'midnight' ? 24 : 12, 0);
  },
};

/** “five o’clock”, “seven in the evening”. */
export const oclock: TimeRule = {
  name: 'oclock',
  core: "o['’]clock|\\w\\s+in\\s+the\\s+(?:morning|afternoon|evening)",
  gate: null,
  pattern: rx(
    `(?<h>\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+(?:o['’]clock(?:\\s+in\\s+the\\s+(?<p1>morning|afternoon|evening))?|in\\s+the\\s+(?<part>morning|afternoon|evening))`,
  ),
  make: (g) => {
    let h = typeof parseNumber(g.h!) === 'number' ? (parseNumber(g.h!) as number) : NaN;
    if (!(h >= 1 && h <= 12)) return null;
    const part = (g.part ?? g.p1)?.toLowerCase();
    if ((part === 'afternoon' || part === 'evening') && h < 12) h += 12;
    return timeCandidate(h, 0);
  },
};
