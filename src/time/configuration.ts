/**
 * The time rules in priority order: candidates are collected rule by rule and overlap resolution lets the earlier
 * rule win between candidates of equal length, so moving a rule here changes results.
 */
import * as absolute from './rules/absolute.js';
import * as months from './rules/months.js';
import * as years from './rules/years.js';
import * as periods from './rules/periods.js';
import * as days from './rules/days.js';
import * as weekdays from './rules/weekdays.js';
import * as relative from './rules/relative.js';
import * as durations from './rules/durations.js';
import * as times from './rules/times.js';
import * as sets from './rules/sets.js';
import * as holidays from './rules/holidays.js';
import * as references from './rules/references.js';
import { compileRule, type CoredRule, type TimeRule } from './rules/pattern.js';

/** Every rule, in the order it is tried. */
export const RULE_ORDER: readonly TimeRule[] = [
  absolute.monthDayYear,
  absolute.dayMonthYear,
  months.monthYear,
  months.relativeMonth,
  absolute.isoDate,
  absolute.compactDate,
  absolute.slashDate,
  years.year,
  years.decade,
  years.shortDecade,
  years.decadeWord,
  years.century,
  periods.ordinalQuarter,
  periods.relativeQuarter,
  periods.quarterCode,
  periods.season,
  days.deicticDay,
  days.partOfDay,
  weekdays.namedWeekday,
  relative.relativeUnit,
  relative.anchoredDay,
  relative.offset,
  relative.yearEarlier,
  relative.vagueOffset,
  relative.vagueSpan,
  durations.duration,
  durations.unitsDuration,
  durations.unitAndAHalf,
  times.clockMeridiem,
  times.clock24,
  times.noonMidnight,
  times.oclock,
  sets.everyUnit,
  sets.frequencyAdverb,
  sets.timesPer,
  holidays.holiday,
  references.reference,
  months.monthRelativeYear,
  periods.yearPeriod,
  years.yearEnd,
  years.spokenYear,
];

/** The rules ready for scanning: patterns, cores and gates compiled. */
export const RULES: CoredRule[] = RULE_ORDER.map(compileRule);
