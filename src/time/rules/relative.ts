/** Calendar units counted from the anchor or from another date of the text: last week, two years ago, the day before. */
import { addDays, fmtDay, fmtYear, weekday } from '../calendar.js';
import { NUM_RE, PART_OF_DAY, UNIT_RE, durationValue, parseNumber, unitOf, type Unit } from '../lexicon.js';
import { shifted, asDay, shiftValue, anchorDate, currentPeriod, UNDERSPEC, isPast } from '../resolve.js';
import { type TimeRule, rx, MOD } from './pattern.js';

/** “last week”, “earlier this year”, “the following month”: a calendar unit counted from the anchor. */
export const relativeUnit: TimeRule = {
  name: 'relativeUnit',
  core: 'week|month|year|decade|century',
  gate: 'week weekend month year decade century',
  pattern: rx(
    `(?:(?<mod>${MOD}|earlier|later|early|late|mid)[\\s-]+)?(?<rel>last|this|next|past|coming|the\\s+past|the\\s+last|the\\s+next|the\\s+coming|the\\s+current|the\\s+previous|the\\s+following|the\\s+preceding|the\\s+prior|the\\s+same|that|the|this\\s+past|the\\s+latest|the\\s+most\\s+recent|the\\s+current\\s+fiscal|this\\s+fiscal|last\\s+fiscal|next\\s+fiscal|the\\s+fiscal|the\\s+new|the\\s+calendar)\\s+(?<unit>week|weekend|month|year|decade|century)(?![\\s-]+(?:old|long|earlier|ago)\\b)`,
  ),
  make: (g, m, text) => {
    const rel = g.rel!.toLowerCase().replace(/\s+/g, ' ');
    const unitWord = g.unit!.toLowerCase();
    const unit: Unit = unitWord === 'weekend' ? 'W' : unitOf(unitWord)!;
    const weekend = unitWord === 'weekend';
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    // "the year 2000", "the week of March 6": let the longer rule or the year rule take it.
    if (rel === 'the' && /^\s+(?:\d|of\b)/.test(after)) return null;
    if ((rel === 'the' || rel === 'that') && /^-/.test(after)) return null;
    const durational =
      /^the (past|last|next|coming)$/.test(rel) ||
      (rel === 'past' && !g.mod) ||
      ((rel === 'the' || rel === 'the fiscal') && unit === 'Y' && !g.mod);
    if (durational) {
      return { type: 'duration', resolve: () => ({ value: weekend ? 'P2D' : durationValue(1, unit) }) };
    }
    const anchoredRel =
      rel === 'the previous' ||
      rel === 'the following' ||
      rel === 'the preceding' ||
      rel === 'the prior' ||
      rel === 'the same' ||
      rel === 'that';
    return {
      type: 'date',
      anchored: anchoredRel,
      resolve: (ctx) => {
        let n = 0;
        if (rel === 'last' || rel === 'this past' || rel === 'last fiscal') n = -1;
        else if (rel === 'next' || rel === 'coming' || rel === 'next fiscal') n = 1;
        else if (rel === 'the previous' || rel === 'the preceding' || rel === 'the prior') n = -1;
        else if (rel === 'the following') n = 1;
        if (anchoredRel) {
          const a = anchorDate(ctx);
          if (a) {
            const v = shiftValue(a.value, unit, n);
            const coarse = unit === 'Y' ? /^\d{4}/.exec(a.value)?.[0] : undefined;
            if (v && (unit !== 'Y' || /^\d{4}$/.test(a.value))) return { value: v };
            if (coarse) return { value: fmtYear(Number(coarse) + n) };
            if (v && unit !== 'W') return { value: v };
            return { value: UNDERSPEC[unit] };
          }
          if (rel === 'that' || rel === 'the same') return { value: UNDERSPEC[unit] };
        }
        if (!ctx.dct) return { value: weekend ? 'XXXX-WXX-WE' : UNDERSPEC[unit] };
        // A past-tense "the weekend" read early in the week is the one just gone.
        if (weekend && n === 0 && rel !== 'this' && weekday(ctx.dct) <= 4 && isPast(ctx.tense())) n = -1;
        const v = shifted(ctx.dct, unit, n);
        if (!v) return null;
        return { value: weekend ? `${v}-WE` : v, anchor: fmtDay(ctx.dct) };
      },
    };
  },
};

/** “the day before”, “the next morning”, “that day”: a day counted from a date of the same or previous sentence. */
export const anchoredDay: TimeRule = {
  name: 'anchoredDay',
  core: '\\b(?:the|that)\\s+(?:(?:previous|next|following|preceding|prior|same)\\s+)?(?:day|night|morning|evening|week|month|year|afternoon)|\\b(?:day|night|morning|evening|week|month|year)\\s+(?:earlier|later)',
  gate: 'day night morning evening week month year afternoon',
  pattern: rx(
    `the\\s+(?<unit>day|night|morning|evening|week|month|year)\\s+(?<dir>before|after)|(?:the\\s+)?(?<unitb>day|night|morning|evening|week|month|year)\\s+(?<dirb>earlier|later)|` +
      `the\\s+(?<dir2>previous|next|following|preceding|prior|same)\\s+(?<unit2>day|morning|night|evening|afternoon)|` +
      `(?<that>that|the\\s+same)\\s+(?<unit3>day|morning|night|evening|afternoon)`,
  ),
  make: (g, m, text) => {
    const unitWord = (g.unit ?? g.unitb ?? g.unit2 ?? g.unit3)!.toLowerCase();
    const dirWord = (g.dir ?? g.dirb ?? g.dir2 ?? '').toLowerCase();
    const dir = g.that ? 0 : /before|earlier|previous|preceding|prior/.test(dirWord) ? -1 : dirWord === 'same' ? 0 : 1;
    const unit: Unit = unitWord === 'week' ? 'W' : unitWord === 'month' ? 'M' : unitWord === 'year' ? 'Y' : 'D';
    const part = PART_OF_DAY[unitWord];
    // "a year after the war" with a following noun phrase is relative to that event: too unreliable.
    if (
      g.dir &&
      /^(before|after)$/i.test(g.dir) &&
      /^\s+(?:the|a|an|his|her|their|its|he|she|they|it|being)\b/i.test(
        text.slice(m.index + m[0].length, m.index + m[0].length + 8),
      )
    )
      return null;
    return {
      type: 'date',
      anchored: true,
      resolve: (ctx) => {
        // A date of the same sentence, else of the previous one; its precision decides whether we can resolve.
        const a = anchorDate(ctx);
        const suffix = part && unitWord !== 'day' ? `T${part}` : '';
        if (a) {
          const d = asDay(a.value);
          if (d) {
            const v = unit === 'D' ? fmtDay(addDays(d, dir)) : shifted(d, unit, dir);
            return { value: (v ?? UNDERSPEC[unit]) + (unit === 'D' ? suffix : ''), anchor: fmtDay(d) };
          }
          if (unit === 'Y' && /^\d{4}/.test(a.value)) return { value: fmtYear(Number(a.value.slice(0, 4)) + dir) };
          if (unit === 'M' && /^\d{4}-\d{2}$/.test(a.value))
            return { value: shiftValue(a.value, 'M', dir) ?? 'XXXX-XX' };
          return { value: UNDERSPEC[unit] + (unit === 'D' ? suffix : '') };
        }
        return { value: UNDERSPEC[unit] + (unit === 'D' ? suffix : '') };
      },
    };
  },
};

/** “two years ago”, “three days later”: a number of units before or after the anchor. */
export const offset: TimeRule = {
  name: 'offset',
  core: '\\b(?:ago|earlier|later|now|hence|before|after|previously|back)\\b',
  gate: 'ago earlier later now hence before after previously back',
  pattern: rx(
    `(?:(?<approx>about|nearly|almost|around|roughly|some|more\\s+than|less\\s+than|only|just|barely|approximately|exactly|at\\s+least)\\s+)?(?<n>${NUM_RE})[\\s-]+(?<unit>${UNIT_RE})(?:\\s+or\\s+so)?\\s+(?<dir>ago|earlier|later|from\\s+now|hence|before|after|previously|back)`,
  ),
  make: (g, m) => {
    const n = parseNumber(g.n!);
    const unit = unitOf(g.unit!);
    if (n === undefined || !unit) return null;
    const dir = g.dir!.toLowerCase().replace(/\s+/g, ' ');
    if (dir === 'before' || dir === 'after') {
      // Relative to an event ("two days before the vote"): only the duration is a time expression.
      const durEnd = m.index + m[0].length - g.dir!.length;
      return { type: 'duration', resolve: () => ({ value: durationValue(n, unit, g.unit) }), end: durEnd };
    }
    const sign = dir === 'ago' || dir === 'earlier' || dir === 'previously' || dir === 'back' ? -1 : 1;
    const fromDct = dir === 'ago' || dir === 'from now' || dir === 'hence' || dir === 'back';
    return {
      type: 'date',
      anchored: !fromDct,
      resolve: (ctx) => {
        if (n === 'X' || unit === 'S' || unit === 'MI' || unit === 'H') {
          if (n === 'X') return { value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' };
          return null;
        }
        const whole = Math.round(n);
        if (!fromDct) {
          const a = anchorDate(ctx);
          if (a) {
            const v = shiftValue(a.value, unit, sign * whole);
            return { value: v ?? UNDERSPEC[unit] };
          }
          // "three days later" with nothing to count from is relative to an untold event, not to the
          // publication date; only "a year earlier" in reporting compares with the current period.
          if (unit !== 'Y') return { value: UNDERSPEC[unit] };
        }
        if (!ctx.dct) return { value: UNDERSPEC[unit] };
        // "a year ago" next to a quarter means that quarter a year earlier.
        if (unit === 'Y') {
          const q = currentPeriod(ctx);
          if (q && q.sentence < ctx.sentence - 1) return { value: fmtYear(ctx.dct.y - whole), anchor: fmtDay(ctx.dct) };
          if (q) return { value: shiftValue(q.value, 'Y', sign * whole)!, anchor: fmtDay(ctx.dct) };
        }
        const v = shifted(ctx.dct, unit, sign * whole);
        return v ? { value: v, anchor: fmtDay(ctx.dct) } : null;
      },
    };
  },
};

/** “the year-ago period”, “year-earlier”: the period under discussion, a year before. */
export const yearEarlier: TimeRule = {
  name: 'yearEarlier',
  core: 'year-',
  gate: 'year',
  pattern: rx(`(?:the\\s+)?year-(?<dir>earlier|ago)(?:\\s+(?<unit>period|quarter))?`),
  make: (g, m) => ({
    type: 'date',
    anchored: true,
    // The article belongs to the time expression only with its noun ("the year-ago period").
    skip: !g.unit && /^the\s/i.test(m[0]) ? 4 : 0,
    resolve: (ctx) => {
      const a = currentPeriod(ctx) ?? currentPeriod(ctx, /^\d{4}(?:-\d{2})?$/);
      if (a) {
        const v =
          shiftValue(a.value, 'Y', -1) ?? (/^\d{4}/.test(a.value) ? fmtYear(Number(a.value.slice(0, 4)) - 1) : null);
        if (v) return { value: v };
      }
      if (!ctx.dct) return { value: 'XXXX' };
      return { value: fmtYear(ctx.dct.y - 1), anchor: fmtDay(ctx.dct) };
    },
  }),
};

/** “several years ago”, “months from now”: an unspecified distance into the past or future. */
export const vagueOffset: TimeRule = {
  name: 'vagueOffset',
  core: '\\b(?:ago|earlier|from\\s+now)\\b',
  gate: 'ago earlier from',
  pattern: rx(
    `(?:(?<q>several|a\\s+few|few|many|some|a\\s+couple\\s+of)\\s+)?(?<unit>years|months|weeks|days|decades|centuries)\\s+(?<dir>ago|earlier|from\\s+now)`,
  ),
  make: (g) => ({ type: 'date', resolve: () => ({ value: /from/i.test(g.dir!) ? 'FUTURE_REF' : 'PAST_REF' }) }),
};

/** “recent years”, “the coming months”: an unspecified span around the anchor. */
export const vagueSpan: TimeRule = {
  name: 'vagueSpan',
  core: 'recent|coming|few',
  gate: 'recent coming upcoming few',
  pattern: rx(
    `(?:the\\s+)?(?<rel>recent|coming|upcoming|next\\s+few|past\\s+few)\\s+(?<unit>years|months|weeks|days|decades)`,
  ),
  make: (g) => {
    const rel = g.rel!.toLowerCase();
    if (/few/.test(rel)) {
      const unit = unitOf(g.unit!)!;
      return { type: 'duration', resolve: () => ({ value: durationValue('X', unit) }) };
    }
    if (rel === 'recent') {
      const unit = unitOf(g.unit!)!;
      return { type: 'duration', resolve: () => ({ value: durationValue('X', unit) }) };
    }
    return { type: 'date', resolve: () => ({ value: 'FUTURE_REF' }) };
  },
};
