/** Durations: a number (or an unspecified count) of units. */
import { NUM_RE, UNIT_RE, durationValue, parseNumber, unitOf } from '../lexicon.js';
import { type TimeRule, rx, UNIT_CORE } from './pattern.js';

/** “45 days”, “the past three months”, “a two-year contract”, “5 1/2 hours”. */
export const duration: TimeRule = {
  name: 'duration',
  core: UNIT_CORE,
  gate: null,
  pattern: rx(
    `(?:(?<approx>about|nearly|almost|around|roughly|some|more\\s+than|less\\s+than|fewer\\s+than|up\\s+to|no\\s+more\\s+than|at\\s+least|at\\s+most|under|approximately|only|just|another|an\\s+additional|for\\s+at\\s+least|a\\s+full)\\s+)?` +
      `(?:(?<the>the|these|those|its|his|her|their|our|each\\s+of\\s+the)\\s+)?(?:(?<rel>past|last|next|first|final|coming|previous|following|preceding|remaining|initial|latest|additional|further|same|prior|full|entire|whole|early)\\s+)?` +
      `(?<n>${NUM_RE})(?:\\s+(?:more|additional|straight|consecutive|full|long|successive))?[\\s-]+(?<unit>${UNIT_RE})(?:\\s+and\\s+a\\s+half)?(?:[\\s-]+(?<suffix>long|old))?`,
  ),
  make: (g, m, text) => {
    const n = parseNumber(g.n!);
    const unit = unitOf(g.unit!);
    if (n === undefined || !unit) return null;
    const raw = g.n!.toLowerCase();
    const unitWord = g.unit!.toLowerCase();
    if ((raw === 'a' || raw === 'an') && !g.the && !g.rel && !g.approx) {
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      // A rate ("$5 a year", "700 seats a week") is a unit of measure, not a time expression.
      if (
        /(?:\d[\d,.]*\s*(?:%|percent|million|billion|trillion|thousand|dollars?|cents?)?|\$\S+)\s*(?:\p{L}+\s+)?$/iu.test(
          before,
        )
      )
        return null;
      // "a second group" is an ordinal.
      if (unit === 'S' && !/s$/i.test(unitWord)) return null;
    }
    if (typeof n === 'number' && n > 9999) return null;
    // "the 1988 quarter" names a period of that year, not a 1988-quarter duration.
    if (typeof n === 'number' && n >= 1000 && !/s$/i.test(unitWord)) return null;
    // Ages ("a 6-year-old", "52 years old") are not time expressions in TimeML.
    if (
      g.suffix?.toLowerCase() === 'old' ||
      /^\s+old\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 5))
    )
      return null;
    // "three-quarters" is a fraction.
    if (/quarters?$/i.test(unitWord) && /-/.test(m[0]) && typeof n === 'number' && n <= 4) return null;
    // A bare number before "day" in "the 21st day" is not a duration; a plural/hyphen form is.
    // In "the 24-hour strike" the article belongs to the noun phrase, not to the duration.
    const adjectival = new RegExp(`-${g.unit}$`, 'i').test(m[0].replace(/[\s-]+(?:long|old)$/i, ''));
    const skip = adjectival && g.the && !g.rel && !g.approx ? m[0].indexOf(g.n!, g.the.length) : 0;
    // "the 21 day" is not a duration, "a five year low" is.
    if (typeof n === 'number' && !Number.isInteger(n) && !/half|1\/2|½/.test(m[0]) && !/s$/.test(unitWord)) return null;
    return { type: 'duration', skip, resolve: () => ({ value: durationValue(n, unit, g.unit) }) };
  },
};

/** “for years”, “lasted decades”: an unspecified number of units. */
export const unitsDuration: TimeRule = {
  name: 'unitsDuration',
  core: '\\b(?:for|in|over|within|than|take|takes|took|lasted|last|lasting)\\s+(?:years|months|weeks|days|hours|minutes|decades|centuries)',
  gate: null,
  pattern: rx(
    `(?<ctx>for|in|over|within|than|take|takes|took|lasted|last|lasting)\\s+(?<unit>years|months|weeks|days|hours|minutes|decades|centuries)`,
  ),
  make: (g) => {
    const unit = unitOf(g.unit!)!;
    return { type: 'duration', resolve: () => ({ value: durationValue('X', unit) }), skip: g.ctx!.length };
  },
};

/** “a year and a half”. */
export const unitAndAHalf: TimeRule = {
  name: 'unitAndAHalf',
  core: 'half',
  gate: 'half',
  pattern: rx(`(?<n>a|one)\\s+(?<unit>minute|hour|day|week|month|year)\\s+and\\s+a\\s+half`),
  make: (g) => {
    const unit = unitOf(g.unit!)!;
    return { type: 'duration', resolve: () => ({ value: durationValue(1.5, unit) }) };
  },
};
