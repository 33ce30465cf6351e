/** What a time rule produces and the calendar arithmetic rules share to resolve it against an anchor. */
import type { TimexType } from '../model.js';
import { addDays, addMonths, fmtDay, fmtMonth, fmtWeek, fmtYear, isValidDate, toDays, type Ymd } from './calendar.js';
import type { Unit } from './lexicon.js';
import type { Tense } from './tense.js';

export interface Resolved {
  start: number;
  end: number;
  sentence: number;
  type: TimexType;
  value: string;
}

export interface ResolveCtx {
  /** Reference (publication) date, when known. */
  dct?: Ymd;
  tense: () => Tense;
  /** Date expressions already resolved in this document, in text order. */
  previous: Resolved[];
  sentence: number;
  start: number;
}

export interface Resolution {
  value: string;
  type?: TimexType;
  /** The date the value was computed from (`YYYY-MM-DD`), when relative. */
  anchor?: string;
}

export interface Candidate {
  start: number;
  end: number;
  type: TimexType;
  /** Anchored expressions are resolved after the others so they can see every date of their sentence. */
  anchored?: boolean;
  resolve: (ctx: ResolveCtx) => Resolution | null;
}

/** Picks the year for a month(/day) without one: direction from tense, else the closest occurrence. */
export function yearFor(dct: Ymd, m: number, d: number | undefined, tense: Tense, strict = false): number {
  const day = d ?? 15;
  const cands = [dct.y - 1, dct.y, dct.y + 1];
  const ref = toDays(dct);
  const dist = (y: number): number => {
    const dd = Math.min(day, new Date(Date.UTC(y, m, 0)).getUTCDate());
    return toDays({ y, m, d: dd }) - ref;
  };
  const monthDiff = (y: number): number => (y - dct.y) * 12 + (m - dct.m);
  if (strict && tense === 'past') {
    for (const y of [dct.y, dct.y - 1]) if (monthDiff(y) < 0) return y;
  }
  if (strict && tense === 'future') {
    for (const y of [dct.y, dct.y + 1]) if (monthDiff(y) > 0) return y;
  }
  // The closest occurrence, where one in the direction opposite to the tense counts double:
  // "visited in July" in January is last July, "in January" written in November is usually the next one.
  const diff = (y: number): number => (d === undefined ? monthDiff(y) : dist(y));
  const score = (y: number): number => {
    const x = diff(y);
    const wrong = (tense === 'past' && x > 0) || (tense === 'future' && x < 0);
    return Math.abs(x) * (wrong ? 3 : 1) + (wrong ? 0.5 : 0);
  };
  let best = dct.y;
  for (const y of cands) if (score(y) < score(best)) best = y;
  return best;
}

/** The unit-precision value of a date shifted by `n` units. */
export function shifted(base: Ymd, unit: Unit, n: number): string | null {
  switch (unit) {
    case 'D':
      return fmtDay(addDays(base, n));
    case 'W':
      return fmtWeek(addDays(base, 7 * n));
    case 'M': {
      const a = addMonths(base, n);
      return fmtMonth(a.y, a.m);
    }
    case 'Q': {
      const idx = base.y * 4 + Math.floor((base.m - 1) / 3) + n;
      return `${fmtYear(Math.floor(idx / 4))}-Q${(idx % 4) + 1}`;
    }
    case 'Y':
      return fmtYear(base.y + n);
    case 'DE':
      return String(Math.floor((base.y + 10 * n) / 10));
    case 'CE':
      return String(Math.floor((base.y + 100 * n) / 100));
    default:
      return null;
  }
}

const DAY_PRECISION = /^(\d{4})-(\d{2})-(\d{2})/;

/** The day a value at day precision (or finer) names. */
export function asDay(value: string): Ymd | undefined {
  const m = DAY_PRECISION.exec(value);
  if (!m) return undefined;
  const d = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDate(d.y, d.m, d.d) ? d : undefined;
}

/** Shifts any concrete value (year, quarter, month, week, day) by `n` units of `unit` at its own precision. */
export function shiftValue(value: string, unit: Unit, n: number): string | null {
  let m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const months = unit === 'Y' ? 12 * n : unit === 'Q' ? 3 * n : unit === 'M' ? n : NaN;
    if (Number.isNaN(months) || months % 3 !== 0) return null;
    const idx = Number(m[1]) * 4 + Number(m[2]) - 1 + months / 3;
    return `${fmtYear(Math.floor(idx / 4))}-Q${(idx % 4) + 1}`;
  }
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m && unit === 'Y') return `${fmtYear(Number(m[1]) + n)}-H${m[2]}`;
  m = /^(\d{4})$/.exec(value);
  if (m) {
    if (unit === 'Y') return fmtYear(Number(m[1]) + n);
    if (unit === 'DE') return fmtYear(Number(m[1]) + 10 * n);
    return null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const months = unit === 'Y' ? 12 * n : unit === 'Q' ? 3 * n : unit === 'M' ? n : NaN;
    if (Number.isNaN(months)) return null;
    const a = addMonths({ y: Number(m[1]), m: Number(m[2]), d: 1 }, months);
    return fmtMonth(a.y, a.m);
  }
  const d = asDay(value);
  if (d) {
    if (unit === 'D') return fmtDay(addDays(d, n));
    if (unit === 'W') return fmtDay(addDays(d, 7 * n));
    if (unit === 'M') return fmtDay(addMonths(d, n));
    if (unit === 'Y') return fmtDay(addMonths(d, 12 * n));
    return shifted(d, unit, n);
  }
  return null;
}

/** Nearest preceding date in the same sentence, else in the previous one. */
export function anchorDate(ctx: ResolveCtx): Resolved | undefined {
  for (let i = ctx.previous.length - 1; i >= 0; i--) {
    const p = ctx.previous[i];
    if (p.start >= ctx.start) continue;
    if (p.type !== 'date' && p.type !== 'time') continue;
    if (!/^\d{4}/.test(p.value)) continue;
    if (p.sentence === ctx.sentence) return p;
    if (p.sentence < ctx.sentence - 1) return undefined;
    return p;
  }
  return undefined;
}

/**
 * The reporting period a "year-earlier" comparison refers to: the last quarter/half/month mentioned that lies
 * in the reference year (comparisons are always against the current period, never against another comparison).
 */
export function currentPeriod(ctx: ResolveCtx, pattern = /^\d{4}-(?:Q[1-4]|H[12])$/): Resolved | undefined {
  for (let i = ctx.previous.length - 1; i >= 0; i--) {
    const p = ctx.previous[i];
    if (p.start >= ctx.start || !pattern.test(p.value)) continue;
    if (ctx.dct && Number(p.value.slice(0, 4)) < ctx.dct.y - (ctx.dct.m <= 3 ? 1 : 0)) continue;
    return p;
  }
  return undefined;
}

/** The quarter (1–4) a date falls in. */
export function quarterOf(d: Ymd): number {
  return Math.floor((d.m - 1) / 3) + 1;
}

/** The fully unspecified value at each unit's precision. */
export const UNDERSPEC: Record<Unit, string> = {
  S: 'XXXX-XX-XXTXX:XX:XX',
  MI: 'XXXX-XX-XXTXX:XX',
  H: 'XXXX-XX-XXTXX',
  D: 'XXXX-XX-XX',
  W: 'XXXX-WXX',
  M: 'XXXX-XX',
  Q: 'XXXX-QX',
  Y: 'XXXX',
  DE: 'XXX',
  CE: 'XX',
};

/** Past or unmarked tense: news reporting reads unmarked references as past. */
export function isPast(t: Tense): boolean {
  return t === 'past' || t === 'none';
}
