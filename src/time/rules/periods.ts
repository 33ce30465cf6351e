/** Quarters, halves and seasons. */
import { fmtDay, fmtYear } from '../calendar.js';
import { ORDINALS, SEASONS, YEAR_RE } from '../lexicon.js';
import { shifted, shiftValue, currentPeriod, quarterOf, isPast } from '../resolve.js';
import { type TimeRule, rx, MOD, cap } from './pattern.js';

/** “the third quarter of 2015”, “the first half”: an ordinal quarter or half, with or without its year. */
export const ordinalQuarter: TimeRule = {
  name: 'ordinalQuarter',
  core: 'quarter|half',
  gate: 'quarter half',
  pattern: rx(
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
};

/** “last quarter”, “the year-earlier period”: a quarter relative to the anchor or to the period under discussion. */
export const relativeQuarter: TimeRule = {
  name: 'relativeQuarter',
  core: 'quarter|period',
  gate: 'quarter period',
  pattern: rx(
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
};

/** “Q3 2015”, “Q1”: a quarter written as a code. */
export const quarterCode: TimeRule = {
  name: 'quarterCode',
  core: 'Q[1-4]',
  gate: null,
  pattern: rx(`Q(?<q>[1-4])(?:\\s+(?<y>${YEAR_RE}))?`),
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
};

/** “last summer”, “the summer of 2015”: a season. */
export const season: TimeRule = {
  name: 'season',
  core: 'spring|summer|fall|autumn|winter',
  gate: 'spring summer fall autumn winter',
  pattern: rx(
    `(?:(?<mod>${MOD})[\\s-]*)?(?:(?<rel>last|next|this|this\\s+past|this\\s+coming|past|coming|the|early|late)\\s+)?(?<s>spring|summer|fall|autumn|winter)(?:\\s+(?:of\\s+)?(?<y>${YEAR_RE})(?![\\d,.]\\d))?`,
  ),
  make: (g, m, text) => {
    const s = g.s!.toLowerCase();
    const rel = g.rel?.toLowerCase().replace(/\s+/g, ' ');
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
    // Bare "fall"/"spring" are more often a verb or a noun; "the fall" is a season unless it is "the fall of …".
    if (!g.y && (s === 'fall' || s === 'spring') && (!rel || (rel === 'the' && /^\s+of\b/i.test(after)))) return null;
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
};

/** “the 1988 quarter”: that year’s instance of the period under discussion. */
export const yearPeriod: TimeRule = {
  name: 'yearPeriod',
  core: 'quarter|period|half',
  gate: 'quarter period half',
  pattern: rx(`the\\s+(?<y>${YEAR_RE})\\s+(?:fiscal\\s+)?(?<unit>quarter|period|half)`),
  make: (g) => ({
    type: 'date',
    anchored: true,
    resolve: (ctx) => {
      const cur = currentPeriod(ctx);
      if (cur) return { value: `${g.y}${cur.value.slice(4)}` };
      return { value: g.y! };
    },
  }),
};
