import type { TimexType } from '../model.js';
import {
  addDays,
  addMonths,
  fmtDay,
  fmtMonth,
  fmtWeek,
  fmtYear,
  isValidDate,
  pad,
  toDays,
  weekday,
  type Ymd,
} from './calendar.js';
import {
  DAY_RE,
  DECADE_WORDS,
  MONTH_RE,
  NUM_RE,
  ORDINALS,
  PART_OF_DAY,
  SEASONS,
  UNIT_RE,
  WEEKDAY_RE,
  YEAR_RE,
  durationValue,
  monthNumber,
  parseNumber,
  unitOf,
  weekdayNumber,
  type Unit,
} from './lexicon.js';
import type { Tense } from './tense.js';

/** An expression already resolved earlier in the document, usable as an anchor. */
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

type Groups = Record<string, string | undefined>;
/** What a rule makes of a match; `end`/`skip` narrow the extent to part of the match. */
type Made = Omit<Candidate, 'start' | 'end'> & { end?: number; skip?: number };
interface Rule {
  re: RegExp;
  make: (g: Groups, m: RegExpExecArray, text: string) => Made | null;
}

const B = '(?<![\\p{L}\\p{N}_$£€#@&])';
const E = '(?![\\p{L}\\p{N}_])';
const MOD =
  '(?:(?:the\\s+)?(?:very\\s+)?(?:early|late|mid|end|beginning|start|middle|turn)(?:\\s+(?:part\\s+)?of(?:\\s+the)?)?|' +
  'the\\s+(?:first|second|latter|last)\\s+half\\s+of|the\\s+(?:rest|remainder|balance)\\s+of|the\\s+close\\s+of|end\\s+of)';

function rx(body: string): RegExp {
  return new RegExp(B + '(?:' + body + ')' + E, 'giu');
}

const cap = (w: string | undefined): boolean => !!w && /^\p{Lu}/u.test(w);

/** Words after which "May"/"March" are months rather than a modal verb or a walk. */
const MONTH_CUE =
  /(?:^|\s)(?:in|since|until|till|by|last|next|this|early|late|mid|of|from|through|to|before|after|during|between|and|or|end|beginning|that|each|every|since|on)\s*-?\s*$/i;

function monthOk(word: string, text: string, start: number, end: number, needCue: boolean): boolean {
  if (!cap(word)) return false;
  const lower = word.toLowerCase();
  const full = lower.length > 4 || lower === 'may' || lower === 'june' || lower === 'july';
  if (!full && !word.endsWith('.')) {
    // "Jan" without a period is more often a name.
    if (!/^\s+\d/.test(text.slice(end, end + 3))) return false;
  }
  if (needCue && (lower === 'may' || lower === 'march')) {
    return MONTH_CUE.test(text.slice(Math.max(0, start - 20), start));
  }
  return true;
}

// ---------- resolution helpers ----------

function noon(d: Ymd): number {
  return toDays(d);
}

/** Picks the year for a month(/day) without one: direction from tense, else the closest occurrence. */
function yearFor(dct: Ymd, m: number, d: number | undefined, tense: Tense, strict = false): number {
  const day = d ?? 15;
  const cands = [dct.y - 1, dct.y, dct.y + 1];
  const ref = noon(dct);
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

function dayValue(d: Ymd): string {
  return fmtDay(d);
}

/** The unit-precision value of a date shifted by `n` units. */
function shifted(base: Ymd, unit: Unit, n: number): string | null {
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

function asDay(value: string): Ymd | undefined {
  const m = DAY_PRECISION.exec(value);
  if (!m) return undefined;
  const d = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDate(d.y, d.m, d.d) ? d : undefined;
}

/** Shifts any concrete value (year, quarter, month, week, day) by `n` units of `unit` at its own precision. */
function shiftValue(value: string, unit: Unit, n: number): string | null {
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
function anchorDate(ctx: ResolveCtx, sameSentenceOnly = false): Resolved | undefined {
  for (let i = ctx.previous.length - 1; i >= 0; i--) {
    const p = ctx.previous[i];
    if (p.start >= ctx.start) continue;
    if (p.type !== 'date' && p.type !== 'time') continue;
    if (!/^\d{4}/.test(p.value)) continue;
    if (p.sentence === ctx.sentence) return p;
    if (sameSentenceOnly || p.sentence < ctx.sentence - 1) return undefined;
    return p;
  }
  return undefined;
}

/**
 * The reporting period a "year-earlier" comparison refers to: the last quarter/half/month mentioned that lies
 * in the reference year (comparisons are always against the current period, never against another comparison).
 */
function currentPeriod(ctx: ResolveCtx, pattern = /^\d{4}-(?:Q[1-4]|H[12])$/): Resolved | undefined {
  for (let i = ctx.previous.length - 1; i >= 0; i--) {
    const p = ctx.previous[i];
    if (p.start >= ctx.start || !pattern.test(p.value)) continue;
    if (ctx.dct && Number(p.value.slice(0, 4)) < ctx.dct.y - (ctx.dct.m <= 3 ? 1 : 0)) continue;
    return p;
  }
  return undefined;
}

function quarterOf(d: Ymd): number {
  return Math.floor((d.m - 1) / 3) + 1;
}

const UNDERSPEC: Record<Unit, string> = {
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

function isPast(t: Tense): boolean {
  return t === 'past' || t === 'none';
}

// ---------- rules ----------

const MON = `(?<mon>${MONTH_RE})`;
const WD = `(?<wd>${WEEKDAY_RE})`;

function fullDate(g: Groups, m: RegExpExecArray, text: string): Made | null {
  const mon = g.mon!;
  const end = m.index + m[0].length;
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
  // A bare "October 10" followed by a time-less number is fine; "Oct. 10-12" keeps the first day.
  void end;
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

const YEAR_NOUN =
  /^\s*(?:people|persons|men|women|children|troops|soldiers|workers|students|jobs|miles|feet|foot|meters|metres|km|kilometers|kilometres|tons|tonnes|barrels|shares|votes|cases|dollars|euros|pounds|yen|points|units|homes|houses|cars|acres|residents|employees|members|times|calories|pages|rooms|seats|beds|deaths|words|hectares|square|cubic|degrees|ft|lbs|kg|mg|yards)\b/i;
const YEAR_BEFORE =
  /(?:\b(?:no|nos|number|room|flight|route|page|pages|highway|interstate|model|item|article|section|bill|rule|resolution|chapter|boeing|airbus|code|tel|phone|ext|suite|unit|apt|box|vol|exhibit|form)\.?\s*|[\d.,:/]|\d\s?[-+]\s?)$/i;

function yearOk(y: number, text: string, start: number, end: number, cued: boolean): boolean {
  if (y < 1000 || y > 2199) return false;
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 14);
  if (YEAR_BEFORE.test(before)) return false;
  if (/^(?:[.,]\d|\s*(?:%|percent|per\s*cent)|-\d|\/\d|:\d|\s*[x×]\s*\d)/i.test(after)) return false;
  if (YEAR_NOUN.test(after)) return false;
  if (cued) return true;
  // Without a cue, only plausible modern years count ("1066" alone is more often a quantity).
  if (y < 1800 || y > 2100) {
    return /\b(?:in|since|of|from|until|till|by|before|after|during|circa|year|around|c\.)\s*$/i.test(before);
  }
  return true;
}

const RULE_LIST: Rule[] = [
  // ---- absolute calendar dates ----
  {
    re: rx(`(?:${WD},?\\s+)?${MON}\\s+(?<day>${DAY_RE})(?!\\d|:\\d)(?:,?\\s+(?<year>${YEAR_RE})(?!\\d))?`),
    make: fullDate,
  },
  {
    re: rx(`(?:${WD},?\\s+)?(?:the\\s+)?(?<day>${DAY_RE})(?:\\s+of)?\\s+${MON}(?:,?\\s+(?<year>${YEAR_RE})(?!\\d))?`),
    make: (g, m, text) => {
      // "5 May" needs an explicit day suffix, a year or an unambiguous month to avoid counts ("5 Oct." is fine).
      return fullDate(g, m, text);
    },
  },
  {
    re: rx(`(?:(?<mod>${MOD})[\\s-]*)?${MON},?\\s+(?:of\\s+)?(?<year>${YEAR_RE})(?![\\d,.]\\d)`),
    make: (g, m, text) => {
      const mon = g.mon!;
      const monStart = m.index + m[0].toLowerCase().lastIndexOf(mon.toLowerCase(), m[0].length - g.year!.length);
      if (!monthOk(mon, text, monStart, monStart + mon.length, false)) return null;
      const y = Number(g.year);
      const mo = monthNumber(mon);
      return { type: 'date', resolve: () => ({ value: fmtMonth(y, mo) }) };
    },
  },
  {
    re: rx(
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
          if (rel === 'last' || rel === 'past' || rel === 'this past')
            y = yearFor(ctx.dct, mo, undefined, 'past', true);
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
  },
  // Numeric dates: ISO, compact, US slashes.
  {
    re: rx(`(?<y>${YEAR_RE})-(?<m>[01]\\d)-(?<d>[0-3]\\d)(?!\\d)`),
    make: (g) => {
      const y = Number(g.y),
        mo = Number(g.m),
        d = Number(g.d);
      if (!isValidDate(y, mo, d)) return null;
      return { type: 'date', resolve: () => ({ value: fmtDay({ y, m: mo, d }) }) };
    },
  },
  {
    re: rx(`(?<y>(?:19|20)\\d\\d)(?<m>[01]\\d)(?<d>[0-3]\\d)`),
    make: (g) => {
      const y = Number(g.y),
        mo = Number(g.m),
        d = Number(g.d);
      if (!isValidDate(y, mo, d)) return null;
      return { type: 'date', resolve: () => ({ value: fmtDay({ y, m: mo, d }) }) };
    },
  },
  {
    re: rx(`(?<![\\d/.-])(?<m>[01]?\\d)/(?<d>[0-3]?\\d)/(?<y>\\d{4}|\\d{2})(?![/\\d])`),
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
  },
  // Years, fiscal years.
  {
    re: rx(
      `(?:(?<mod>${MOD})[\\s-]*)?(?:(?<cue>(?:fiscal|calendar|model|financial|tax|school)(?:\\s+year)?|the\\s+year|FY)\\s*)?(?<y>${YEAR_RE})(?!['’]?s\\b)`,
    ),
    make: (g, m, text) => {
      const y = Number(g.y);
      const yStart = m.index + m[0].length - g.y!.length;
      if (!yearOk(y, text, yStart, yStart + 4, !!g.cue || !!g.mod)) return null;
      const half = /\b(first|second|latter|last)\s+half\b/i.exec(g.mod ?? '');
      const value = half ? `${fmtYear(y)}-H${half[1].toLowerCase() === 'first' ? 1 : 2}` : fmtYear(y);
      return { type: 'date', resolve: () => ({ value }) };
    },
  },
  // Decades and centuries.
  {
    re: rx(`(?:the\\s+)?(?:(?<mod>early|late|mid)[\\s-]*)?(?<dec>1\\d\\d0|20\\d0)['’]?s`),
    make: (g) => ({ type: 'date', resolve: () => ({ value: g.dec!.slice(0, 3) }) }),
  },
  {
    re: new RegExp(`(?<![\\p{L}\\p{N}])(?:the\\s+)?(?:(?:early|late|mid)[\\s-]*)?['’](?<d2>\\d)0s${E}`, 'giu'),
    make: (g) => ({ type: 'date', resolve: () => ({ value: `19${g.d2}` }) }),
  },
  {
    re: rx(
      `the\\s+(?:(?:early|late|mid)[\\s-]*)?(?<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)`,
    ),
    make: (g) => ({ type: 'date', resolve: () => ({ value: `19${DECADE_WORDS[g.w!.toLowerCase()]}` }) }),
  },
  {
    re: rx(
      `(?:the\\s+)?(?:(?:early|late|mid)[\\s-]*)?(?<n>1\\d|2[01]|[1-9])(?:st|nd|rd|th)[\\s-]+century|(?:the\\s+)?(?<w>nineteenth|twentieth|twenty-first|eighteenth|seventeenth|sixteenth)[\\s-]+century`,
    ),
    make: (g) => {
      const words: Record<string, number> = {
        sixteenth: 16,
        seventeenth: 17,
        eighteenth: 18,
        nineteenth: 19,
        twentieth: 20,
        'twenty-first': 21,
      };
      const n = g.n ? Number(g.n) : words[g.w!.toLowerCase()];
      return { type: 'date', resolve: () => ({ value: pad(n - 1) }) };
    },
  },
  // Quarters and halves, with an explicit or implicit year.
  {
    re: rx(
      `(?:the\\s+)?(?:(?<pre>this|last|next)\\s+year['’]s\\s+|(?:fiscal\\s+(?:year\\s+)?)?(?<y1>${YEAR_RE})(?:['’]s)?\\s+)?` +
        `(?:(?<rel>current|latest|previous|prior|most\\s+recent|same|year-earlier|year-ago)\\s+)?(?:fiscal\\s+)?` +
        `(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\\s-](?<unit>quarter|half)(?!s)` +
        `(?:\\s+of\\s+(?:fiscal\\s+(?:year\\s+)?|the\\s+year\\s+)?(?<y2>${YEAR_RE})|\\s+of\\s+(?:the\\s+)?(?<post>this|last|next)\\s+year|\\s+(?:fiscal\\s+)?(?<y3>${YEAR_RE})(?![\\d,.]\\d))?`,
    ),
    make: (g, m) => {
      const n = ORDINALS[g.ord!.toLowerCase()];
      const half = g.unit!.toLowerCase() === 'half';
      if (half && n > 2) return null;
      const explicit = g.y1 ?? g.y2 ?? g.y3;
      const relYear = (g.pre ?? g.post)?.toLowerCase();
      const ago = g.rel && /year-/i.test(g.rel);
      const tag = half ? `H${n}` : `Q${n}`;
      // TimeML leaves the article out of the adjectival form ("the third-quarter loss").
      const hyphen =
        new RegExp(`${g.ord}-${g.unit}`, 'i').test(m[0]) && /^the\s+/i.test(m[0]) && !g.pre && !g.y1 && !g.rel;
      return {
        skip: hyphen ? m[0].indexOf(g.ord!) : 0,
        type: 'date',
        resolve: (ctx) => {
          if (explicit) return { value: `${explicit}-${tag}` };
          if (!ctx.dct) return { value: `XXXX-${tag}` };
          let y = ctx.dct.y;
          if (relYear === 'last') y -= 1;
          else if (relYear === 'next') y += 1;
          else if (!relYear) {
            const cur = half ? (ctx.dct.m <= 6 ? 1 : 2) : quarterOf(ctx.dct);
            if (n > cur && isPast(ctx.tense())) y -= 1;
          }
          if (ago) y -= 1;
          return { value: `${fmtYear(y)}-${tag}`, anchor: fmtDay(ctx.dct) };
        },
      };
    },
  },
  {
    re: rx(
      `(?<det>the|this|last|next|that|a)\\s+(?:(?<rel>latest|current|previous|prior|most\\s+recent|same|year-earlier|year-ago|comparable|recent|just-ended|just\\s+ended|past|fiscal)[\\s-]+)?(?:fiscal\\s+)?(?<unit>quarter|period)`,
    ),
    make: (g) => {
      const det = g.det!.toLowerCase();
      const rel = g.rel?.toLowerCase().replace(/\s+/g, ' ');
      const period = g.unit!.toLowerCase() === 'period';
      if (
        period &&
        !(rel === 'year-earlier' || rel === 'year-ago' || rel === 'latest' || rel === 'comparable' || rel === 'same')
      )
        return null;
      if (det === 'a' || det === 'that') {
        if (!rel || !/year-|comparable|same/.test(rel)) return null;
      }
      return {
        type: 'date',
        anchored: !!rel && /year-|comparable|same/.test(rel),
        resolve: (ctx) => {
          if (rel && /year-|comparable|same/.test(rel)) {
            // The period a year before the last quarter mentioned.
            const last = currentPeriod(ctx);
            if (last) return { value: rel === 'same' ? last.value : (shiftValue(last.value, 'Y', -1) ?? 'XXXX-QX') };
            if (!ctx.dct) return { value: 'XXXX-QX' };
            return { value: shifted(ctx.dct, 'Q', -5)!, anchor: fmtDay(ctx.dct) };
          }
          if (!ctx.dct) return { value: 'XXXX-QX' };
          let n: number;
          if (det === 'last' || rel === 'previous' || rel === 'prior' || rel === 'past') n = -1;
          else if (det === 'next') n = 1;
          else if (det === 'this' || rel === 'current') n = 0;
          // "the quarter" / "the latest quarter" in reporting is the quarter just reported on.
          else n = isPast(ctx.tense()) ? -1 : 0;
          return { value: shifted(ctx.dct, 'Q', n)!, anchor: fmtDay(ctx.dct) };
        },
      };
    },
  },
  {
    re: rx(`Q(?<q>[1-4])(?:\\s+(?<y>${YEAR_RE}))?`),
    make: (g, m) => {
      if (m[0][0] !== 'Q') return null;
      return {
        type: 'date',
        resolve: (ctx) => {
          if (g.y) return { value: `${g.y}-Q${g.q}` };
          if (!ctx.dct) return { value: `XXXX-Q${g.q}` };
          return { value: `${fmtYear(ctx.dct.y)}-Q${g.q}`, anchor: fmtDay(ctx.dct) };
        },
      };
    },
  },
  // Seasons.
  {
    re: rx(
      `(?:(?<mod>${MOD})[\\s-]*)?(?:(?<rel>last|next|this|this\\s+past|this\\s+coming|past|coming|the|early|late)\\s+)?(?<s>spring|summer|fall|autumn|winter)(?:\\s+(?:of\\s+)?(?<y>${YEAR_RE})(?![\\d,.]\\d))?`,
    ),
    make: (g, m, text) => {
      const s = g.s!.toLowerCase();
      const rel = g.rel?.toLowerCase().replace(/\s+/g, ' ');
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
      if (!g.y) {
        if (s === 'fall' || s === 'spring') {
          if (!rel || rel === 'the') {
            if (!(rel === 'the' && !/^\s+of\b/i.test(after) && (s === 'fall' || s === 'spring'))) return null;
          }
        }
        if (!rel && !g.mod && (s === 'summer' || s === 'winter' || s === 'autumn')) {
          // Bare "summer" is usually a date, but not in compounds like "summer camp" — accept it.
        }
      }
      // "Summer Smith" is a name.
      if (!g.y && !rel && !g.mod && cap(g.s) && /^\s+\p{Lu}/u.test(after)) return null;
      const code = SEASONS[s];
      const order = ['WI', 'SP', 'SU', 'FA'];
      return {
        type: 'date',
        resolve: (ctx) => {
          if (g.y) return { value: `${g.y}-${code}` };
          if (!ctx.dct) return { value: `XXXX-${code}` };
          const m0 = ctx.dct.m;
          const cur = m0 === 12 || m0 <= 2 ? 'WI' : m0 <= 5 ? 'SP' : m0 <= 8 ? 'SU' : 'FA';
          const ci = order.indexOf(cur);
          const si = order.indexOf(code);
          let y = ctx.dct.y;
          const dir =
            rel === 'last' || rel === 'past' || rel === 'this past'
              ? -1
              : rel === 'next' || rel === 'coming' || rel === 'this coming'
                ? 1
                : 0;
          if (dir < 0 && si >= ci) y -= 1;
          else if (dir > 0 && si <= ci) y += 1;
          else if (dir === 0 && rel !== 'this') {
            const t = ctx.tense();
            if (t === 'past' && si > ci) y -= 1;
            else if (t === 'future' && si < ci) y += 1;
          }
          // Winter straddles the year end: December belongs to the following winter.
          if (code === 'WI' && m0 === 12 && dir === 0) y += 1;
          return { value: `${fmtYear(y)}-${code}`, anchor: fmtDay(ctx.dct) };
        },
      };
    },
  },
  // today / yesterday / tomorrow / tonight, with parts of day.
  {
    re: rx(
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
          return { value: dayValue(addDays(ctx.dct, off)) + (part ? `T${part}` : ''), anchor: fmtDay(ctx.dct) };
        },
      };
    },
  },
  {
    re: rx(`(?:(?<mod>early|late|earlier|later)\\s+)?(?<rel>this|last)\\s+(?<part>morning|afternoon|evening|night)`),
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
  },
  // Weekdays: tense decides the direction (news reporting: "said Monday" is the last Monday).
  {
    re: rx(
      `(?:(?<rel>last|next|this|this\\s+past|this\\s+coming|past|coming|early|late|earlier|later)\\s+)?${WD}(?<pl>s)?(?:\\s+(?<part>morning|afternoon|evening|night))?`,
    ),
    make: (g, m, text) => {
      if (!cap(g.wd)) return null;
      const n = weekdayNumber(g.wd!);
      let rel = g.rel?.toLowerCase().replace(/\s+/g, ' ');
      // News TimeML mostly dates "Friday night" to the day alone, so the part of day stays out of the value.
      const part = undefined as string | undefined;
      if (g.pl) {
        // "on Mondays" is a set.
        return { type: 'set', resolve: () => ({ value: `XXXX-WXX-${n}` }) };
      }
      if (rel === 'on') rel = undefined;
      // "Friday's ruling" in news is an event already reported.
      const possessive = /^['’]s\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
      return {
        type: part ? 'time' : 'date',
        resolve: (ctx) => {
          const suffix = part ? `T${part}` : '';
          if (!ctx.dct) return { value: `XXXX-WXX-${n}${suffix}` };
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
          return { value: fmtDay(addDays(ctx.dct, diff)) + suffix, anchor: fmtDay(ctx.dct) };
        },
      };
    },
  },
  // last/this/next week/month/year, with modifiers ("earlier this year", "early next year").
  {
    re: rx(
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
  },
  // "the day before", "the next day", "that day": anchored to a date in the same sentence.
  {
    re: rx(
      `the\\s+(?<unit>day|night|morning|evening|week|month|year)\\s+(?<dir>before|after)|(?:the\\s+)?(?<unitb>day|night|morning|evening|week|month|year)\\s+(?<dirb>earlier|later)|` +
        `the\\s+(?<dir2>previous|next|following|preceding|prior|same)\\s+(?<unit2>day|morning|night|evening|afternoon)|` +
        `(?<that>that|the\\s+same)\\s+(?<unit3>day|morning|night|evening|afternoon)`,
    ),
    make: (g, m, text) => {
      const unitWord = (g.unit ?? g.unitb ?? g.unit2 ?? g.unit3)!.toLowerCase();
      const dirWord = (g.dir ?? g.dirb ?? g.dir2 ?? '').toLowerCase();
      const dir = g.that
        ? 0
        : /before|earlier|previous|preceding|prior/.test(dirWord)
          ? -1
          : dirWord === 'same'
            ? 0
            : 1;
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
  },
  // "two years ago", "a year earlier", "three days from now".
  {
    re: rx(
      `(?:(?<approx>about|nearly|almost|around|roughly|some|more\\s+than|less\\s+than|only|just|barely|approximately|exactly|at\\s+least)\\s+)?(?<n>${NUM_RE})[\\s-]+(?<unit>${UNIT_RE})(?:\\s+or\\s+so)?\\s+(?<dir>ago|earlier|later|from\\s+now|hence|before|after|previously|back)`,
    ),
    make: (g, m, text) => {
      const n = parseNumber(g.n!);
      const unit = unitOf(g.unit!);
      if (n === undefined || !unit) return null;
      const dir = g.dir!.toLowerCase().replace(/\s+/g, ' ');
      if (dir === 'before' || dir === 'after') {
        // Relative to an event ("two days before the vote"): only the duration is a time expression.
        const durEnd = m.index + m[0].length - g.dir!.length;
        void text;
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
            if (q && q.sentence < ctx.sentence - 1)
              return { value: fmtYear(ctx.dct.y - whole), anchor: fmtDay(ctx.dct) };
            if (q) return { value: shiftValue(q.value, 'Y', sign * whole)!, anchor: fmtDay(ctx.dct) };
          }
          const v = shifted(ctx.dct, unit, sign * whole);
          return v ? { value: v, anchor: fmtDay(ctx.dct) } : null;
        },
      };
    },
  },
  {
    re: rx(`(?:the\\s+)?year-(?<dir>earlier|ago)(?:\\s+(?<unit>period|quarter))?`),
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
  },
  // Vague references: several years ago, years ago, recent years, coming months.
  {
    re: rx(
      `(?:(?<q>several|a\\s+few|few|many|some|a\\s+couple\\s+of)\\s+)?(?<unit>years|months|weeks|days|decades|centuries)\\s+(?<dir>ago|earlier|from\\s+now)`,
    ),
    make: (g) => ({ type: 'date', resolve: () => ({ value: /from/i.test(g.dir!) ? 'FUTURE_REF' : 'PAST_REF' }) }),
  },
  {
    re: rx(
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
  },
  // Durations: "45 days", "the past two months", "a two-year term", "5 1/2 hours".
  {
    re: rx(
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
      if (typeof n === 'number' && !Number.isInteger(n) && !/half|1\/2|½/.test(m[0]) && !/s$/.test(unitWord))
        return null;
      return { type: 'duration', skip, resolve: () => ({ value: durationValue(n, unit, g.unit) }) };
    },
  },
  {
    re: rx(
      `(?<ctx>for|in|over|within|than|take|takes|took|lasted|last|lasting)\\s+(?<unit>years|months|weeks|days|hours|minutes|decades|centuries)`,
    ),
    make: (g) => {
      const unit = unitOf(g.unit!)!;
      return { type: 'duration', resolve: () => ({ value: durationValue('X', unit) }), skip: g.ctx!.length };
    },
  },
  {
    re: rx(`(?<n>a|one)\\s+(?<unit>minute|hour|day|week|month|year)\\s+and\\s+a\\s+half`),
    make: (g) => {
      const unit = unitOf(g.unit!)!;
      return { type: 'duration', resolve: () => ({ value: durationValue(1.5, unit) }) };
    },
  },
  // Times of day.
  {
    re: rx(
      `(?:(?<approx>about|around|approximately|shortly\\s+(?:before|after)|just\\s+(?:before|after)|at\\s+about|at\\s+around)\\s+)?(?<h>[01]?\\d|2[0-3])(?:[:.](?<mi>[0-5]\\d))?\\s*(?<ap>a\\.\\s?m\\.?|p\\.\\s?m\\.?|am(?![\\p{L}])|pm(?![\\p{L}]))(?:\\s+(?<tz>[ECMP][SD]?T|GMT|UTC|BST|CET))?`,
    ),
    make: (g) => {
      let h = Number(g.h);
      const mi = g.mi ? Number(g.mi) : 0;
      if (h < 1 || h > 12) return null;
      const pm = /^p/i.test(g.ap!);
      if (pm && h < 12) h += 12;
      if (!pm && h === 12) h = 0;
      return timeCandidate(h, mi, !!g.mi);
    },
  },
  {
    re: rx(`(?:at\\s+)?(?<h>[01]?\\d|2[0-3]):(?<mi>[0-5]\\d)(?![\\d:])(?:\\s+(?<tz>[ECMP][SD]?T|GMT|UTC|BST|CET))?`),
    make: (g, m) => {
      // Bare "14:30" needs "at" or a time zone; otherwise it may be a score or a ratio.
      if (!/^at\s/i.test(m[0]) && !g.tz) return null;
      return timeCandidate(Number(g.h), Number(g.mi), true);
    },
  },
  {
    re: rx(`(?<w>noon|midnight|midday)`),
    make: (g) => {
      const w = g.w!.toLowerCase();
      return timeCandidate(w === 'midnight' ? 24 : 12, 0, true);
    },
  },
  {
    re: rx(
      `(?<h>\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+(?:o['’]clock(?:\\s+in\\s+the\\s+(?<p1>morning|afternoon|evening))?|in\\s+the\\s+(?<part>morning|afternoon|evening))`,
    ),
    make: (g) => {
      let h = typeof parseNumber(g.h!) === 'number' ? (parseNumber(g.h!) as number) : NaN;
      if (!(h >= 1 && h <= 12)) return null;
      const part = (g.part ?? g.p1)?.toLowerCase();
      if ((part === 'afternoon' || part === 'evening') && h < 12) h += 12;
      return timeCandidate(h, 0, true);
    },
  },
  // Sets.
  {
    re: rx(
      `(?:every|each)\\s+(?:other\\s+|single\\s+)?(?<unit>day|week|month|year|quarter|morning|afternoon|evening|night|hour|minute|summer|winter|spring|fall|weekend|${WEEKDAY_RE}|${MONTH_RE})`,
    ),
    make: (g) => {
      const u = g.unit!.toLowerCase();
      let value: string;
      if (new RegExp(`^${WEEKDAY_RE}$`, 'i').test(u)) value = `XXXX-WXX-${weekdayNumber(u)}`;
      else if (PART_OF_DAY[u]) value = `XXXX-XX-XXT${PART_OF_DAY[u]}`;
      else if (SEASONS[u]) value = `XXXX-${SEASONS[u]}`;
      else if (u === 'weekend') value = 'XXXX-WXX-WE';
      else if (monthNumber(u) && new RegExp(`^(?:${MONTH_RE})$`, 'i').test(u)) value = `XXXX-${pad(monthNumber(u))}`;
      else value = durationValue(1, unitOf(u)!);
      return { type: 'set', resolve: () => ({ value }) };
    },
  },
  {
    re: rx(
      `(?<w>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|bimonthly|semiannually|semi-annually|biannually|annual)`,
    ),
    make: (g) => {
      const w = g.w!.toLowerCase();
      if (w === 'annual') return null;
      const map: Record<string, string> = {
        daily: 'P1D',
        weekly: 'P1W',
        monthly: 'P1M',
        annually: 'P1Y',
        yearly: 'P1Y',
        hourly: 'PT1H',
        quarterly: 'P3M',
        nightly: 'P1D',
        biweekly: 'P2W',
        bimonthly: 'P2M',
        semiannually: 'P6M',
        'semi-annually': 'P6M',
        biannually: 'P6M',
      };
      return { type: 'set', resolve: () => ({ value: map[w] }) };
    },
  },
  {
    re: rx(
      `(?:(?:once|twice|thrice|(?:${NUM_RE})\\s+times)\\s+)?(?:a|per|each)\\s+(?<unit>day|week|month|year|annum|hour|quarter)`,
    ),
    make: (g, m) => {
      if (!/^(once|twice|thrice|\S+\s+times|per)\b/i.test(m[0])) return null;
      const u = g.unit!.toLowerCase();
      return { type: 'set', resolve: () => ({ value: durationValue(1, u === 'annum' ? 'Y' : unitOf(u)!) }) };
    },
  },
  // Holidays.
  {
    re: rx(
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
  },
  // Present / past / future references.
  {
    re: rx(
      `(?<present>right\\s+now|just\\s+now|now|currently|at\\s+present|presently|nowadays|these\\s+days|at\\s+the\\s+moment|at\\s+this\\s+time|the\\s+present|current)|` +
        `(?<past>recently|lately|formerly|former|the\\s+past|earlier\\s+on|once\\s+upon\\s+a\\s+time)|` +
        `(?<future>the\\s+(?:near\\s+|distant\\s+|foreseeable\\s+)?future|future|someday|the\\s+(?:near|short|long)\\s+term|in\\s+due\\s+course|the\\s+days\\s+ahead|the\\s+years\\s+ahead|the\\s+months\\s+ahead|the\\s+weeks\\s+ahead)`,
    ),
    make: (g, m, text) => {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      if (g.present) {
        const w = g.present.toLowerCase();
        // "current" as in electricity or "current account" is not a time.
        if (w === 'current' && /^\s+(?:account|accounts|affairs|events|flows?|of|speed|density|state)\b/i.test(after))
          return null;

        return { type: 'date', resolve: () => ({ value: 'PRESENT_REF' }) };
      }
      if (g.past) {
        const w = g.past.toLowerCase().replace(/\s+/g, ' ');
        if (
          w === 'the past' &&
          /^\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|decade|day)/i.test(after)
        )
          return null;
        return { type: 'date', resolve: () => ({ value: 'PAST_REF' }) };
      }
      const w = (g.future ?? '').toLowerCase();
      if (w === 'future' && /^\s+(?:of|tense)\b/i.test(after)) return null;
      return { type: 'date', resolve: () => ({ value: 'FUTURE_REF' }) };
    },
  },
  // "June last year", "January of this year".
  {
    re: rx(`${MON},?\\s+(?:of\\s+)?(?<rel>this|last|next)\\s+year`),
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
  },
  // "the 1988 quarter", "the 1989 period": that year's instance of the period under discussion.
  {
    re: rx(`the\\s+(?<y>${YEAR_RE})\\s+(?:fiscal\\s+)?(?<unit>quarter|period|half)`),
    make: (g) => ({
      type: 'date',
      anchored: true,
      resolve: (ctx) => {
        const cur = currentPeriod(ctx);
        if (cur) return { value: `${g.y}${cur.value.slice(4)}` };
        return { value: g.y! };
      },
    }),
  },
  // "year-end", "the end of the year".
  {
    re: rx(`(?:the\\s+)?year[-\\s]end|(?:the\\s+)?year['’]s\\s+end`),
    make: () => ({
      type: 'date',
      resolve: (ctx) => (ctx.dct ? { value: fmtYear(ctx.dct.y), anchor: fmtDay(ctx.dct) } : { value: 'XXXX' }),
    }),
  },
  // Spoken years: "nineteen ninety-six", "the year two thousand".
  {
    re: rx(
      `(?:the\\s+year\\s+)?(?:nineteen|eighteen)[\\s-]+(?<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-]+(?<u>one|two|three|four|five|six|seven|eight|nine))?|` +
        `(?:the\\s+year\\s+)?two\\s+thousand(?:\\s+(?:and\\s+)?(?<u2>one|two|three|four|five|six|seven|eight|nine|ten))?`,
    ),
    make: (g, m) => {
      const century = /^(?:the\s+year\s+)?eighteen/i.test(m[0]) ? 1800 : 1900;
      let y: number;
      if (g.tens) y = century + (parseNumber(g.tens) as number) + (g.u ? (parseNumber(g.u) as number) : 0);
      else {
        // "two thousand" alone is more often a count than a year unless "the year" precedes it.
        if (!/^the\s+year/i.test(m[0]) && !g.u2) return null;
        y = 2000 + (g.u2 ? (parseNumber(g.u2) as number) : 0);
      }
      return { type: 'date', resolve: () => ({ value: fmtYear(y) }) };
    },
  },
];

const MONTH_CORE =
  '\\b(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?:\\.|\\s+\\d))';
const UNIT_CORE = '(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur)';
/**
 * For speed each rule is only tried in a window around a "core" that every match of it contains
 * (a month name, a digit, a unit word …), instead of at every position of the text.
 */
const CORES: string[] = [
  MONTH_CORE,
  MONTH_CORE,
  MONTH_CORE,
  MONTH_CORE,
  '\\d{4}-\\d',
  '\\d{8}',
  '\\d/\\d',
  '\\d{4}',
  "\\d0['’]?s",
  "['’]\\d0s",
  'ties\\b',
  'century',
  'quarter|half',
  'quarter|period',
  'Q[1-4]',
  'spring|summer|fall|autumn|winter',
  'today|tonight|yesterday|tomorrow',
  'morning|afternoon|evening|night',
  '(?:mon|tues|wednes|thurs|fri|satur|sun)day',
  'week|month|year|decade|century',
  '\\b(?:the|that)\\s+(?:(?:previous|next|following|preceding|prior|same)\\s+)?(?:day|night|morning|evening|week|month|year|afternoon)|\\b(?:day|night|morning|evening|week|month|year)\\s+(?:earlier|later)',
  '\\b(?:ago|earlier|later|now|hence|before|after|previously|back)\\b',
  'year-',
  '\\b(?:ago|earlier|from\\s+now)\\b',
  'recent|coming|few',
  UNIT_CORE,
  '\\b(?:for|in|over|within|than|take|takes|took|lasted|last|lasting)\\s+(?:years|months|weeks|days|hours|minutes|decades|centuries)',
  'half',
  '\\d\\s*[ap]\\.?\\s?m',
  '\\d:\\d\\d',
  'noon|midnight|midday',
  "o['’]clock|\\w\\s+in\\s+the\\s+(?:morning|afternoon|evening)",
  '\\b(?:every|each)\\b',
  '\\b(?:daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|bimonthly|semiannually|semi-annually|biannually)\\b',
  '\\b(?:once|twice|thrice|times|per)\\b',
  "christmas|year['’]s|thanksgiving|independence|fourth|labor|memorial|veterans|halloween|valentine|boxing",
  '\\b(?:now|current|present|nowadays|these|moment|this\\s+time|recent|lately|previous|former|past|earlier|once|future|soon|someday|term|due|ahead)',
  MONTH_CORE,
  'quarter|period|half',
  "year[-\\s][Ee]nd|year['’]s\\s+end",
  'nineteen|eighteen|thousand',
];

const MONTH_WORDS =
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec';
const WEEKDAY_WORDS =
  'monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays';
/** Words of which at least one must occur in the text for the rule to be tried at all (null: always try). */
const GATES: Array<string | null> = [
  MONTH_WORDS,
  MONTH_WORDS,
  MONTH_WORDS,
  MONTH_WORDS,
  null,
  null,
  null,
  null,
  null,
  null,
  'twenties thirties forties fifties sixties seventies eighties nineties',
  'century',
  'quarter half',
  'quarter period',
  null,
  'spring summer fall autumn winter',
  'today tonight yesterday tomorrow',
  'morning afternoon evening night',
  WEEKDAY_WORDS,
  'week weekend month year decade century',
  'day night morning evening week month year afternoon',
  'ago earlier later now hence before after previously back',
  'year',
  'ago earlier from',
  'recent coming upcoming few',
  null,
  null,
  'half',
  null,
  null,
  'noon midnight midday',
  null,
  'every each',
  'daily weekly monthly annually yearly hourly nightly biweekly bimonthly semiannually semi biannually',
  'once twice thrice times per',
  'christmas year thanksgiving independence fourth labor memorial veterans halloween valentine boxing',
  null,
  MONTH_WORDS,
  'quarter period half',
  'year',
  'nineteen eighteen thousand',
];

export interface CoredRule extends Rule {
  core: RegExp;
  gate: string[] | null;
}
export const RULES: CoredRule[] = RULE_LIST.map((r, i) => ({
  ...r,
  core: new RegExp(CORES[i], 'gi'),
  gate: GATES[i] ? GATES[i]!.split(' ') : null,
}));
if (CORES.length !== RULE_LIST.length || GATES.length !== RULE_LIST.length) {
  throw new Error('time rules: every rule needs a core and a gate');
}

function timeCandidate(h: number, mi: number, withMinutes: boolean): Made {
  const hh = pad(h);
  const mm = pad(mi);
  void withMinutes;
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

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 9 ||
    c === 13 ||
    c === 160 ||
    c === 12 ||
    c === 11 ||
    c === 0x2028 ||
    c === 0x2029 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x3000
  );
}

/** Every rule match in `text`, before overlap resolution. */
export function findCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const n = text.length;
  const words = new Set(text.toLowerCase().match(/[a-z]+/g) ?? []);
  for (const rule of RULES) {
    if (rule.gate && !rule.gate.some((w) => words.has(w))) continue;
    const seen = new Set<number>();
    rule.core.lastIndex = 0;
    let coveredUntil = -1;
    for (let h = rule.core.exec(text); h; h = rule.core.exec(text)) {
      const p = h.index;
      if (h[0].length === 0) rule.core.lastIndex++;
      if (p < coveredUntil) continue;
      // The window starts and ends at whitespace, so the rule's boundary checks see whole words. A core inside a
      // run of 40+ characters without whitespace (a URL, a digit string) is no time expression: skip the run.
      let tokStart = p;
      while (tokStart > 0 && !isSpace(text.charCodeAt(tokStart - 1)) && p - tokStart < 40) tokStart--;
      let tokEnd = p + h[0].length;
      while (tokEnd < n && !isSpace(text.charCodeAt(tokEnd)) && tokEnd - p < 40) tokEnd++;
      if (
        (tokStart > 0 && !isSpace(text.charCodeAt(tokStart - 1))) ||
        (tokEnd < n && !isSpace(text.charCodeAt(tokEnd)))
      ) {
        let next = p + 1;
        while (next < n && !isSpace(text.charCodeAt(next))) next++;
        rule.core.lastIndex = Math.max(rule.core.lastIndex, next);
        continue;
      }
      let ws = Math.max(0, p - 70);
      while (ws < tokStart && ws > 0 && !isSpace(text.charCodeAt(ws - 1))) ws++;
      let we = Math.min(n, p + h[0].length + 70);
      while (we > tokEnd && we < n && !isSpace(text.charCodeAt(we))) we--;
      const win = text.slice(ws, we);
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(win); m; m = rule.re.exec(win)) {
        if (m[0].length === 0) {
          rule.re.lastIndex++;
          continue;
        }
        const ms = m.index + ws;
        if (ms > p) break;
        if (ms + m[0].length <= p || seen.has(ms)) continue;
        seen.add(ms);
        coveredUntil = Math.max(coveredUntil, ms + m[0].length);
        m.index = ms;
        emit(rule, m);
      }
    }
  }
  return out;

  function emit(rule: Rule, m: RegExpExecArray): void {
    {
      const made = rule.make((m.groups ?? {}) as Groups, m, text);
      if (made) {
        let start = m.index + (made.skip ?? 0);
        let end = made.end ?? m.index + m[0].length;
        while (start < end && /\s/.test(text[start])) start++;
        while (end > start && /[\s,]/.test(text[end - 1])) end--;
        if (end > start) out.push({ start, end, type: made.type, anchored: made.anchored, resolve: made.resolve });
      }
    }
  }
}

/** Keeps the longest non-overlapping candidates (earlier rules win ties). */
export function selectCandidates(cands: Candidate[]): Candidate[] {
  const order = cands.map((c, i) => ({ c, i }));
  order.sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.i - b.i);
  const taken: Candidate[] = [];
  let maxEnd = 0;
  for (const c of cands) maxEnd = Math.max(maxEnd, c.end);
  const used = new Uint8Array(maxEnd);
  outer: for (const { c } of order) {
    for (let i = c.start; i < c.end; i++) if (used[i]) continue outer;
    used.fill(1, c.start, c.end);
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}
