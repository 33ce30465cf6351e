/**
 * Claims: the units outlets are compared on. A claim is a sentence, or a clause of one (split at
 * semicolons, after a leading subordinate clause, and between a quotation and its attribution),
 * with the entities, numbers and dates it mentions.
 */
import type { AnnotatedArticle, ClaimSpan, NumberFact } from '../model.js';

export type { ClaimSpan, NumberFact } from '../model.js';
import { embedRanges, inRanges, isBoilerplate, stem, STOPWORDS, words } from '../summarize/features.js';
import { MONTHS, NUMBER_WORDS, WEEKDAYS } from '../text/words.js';

/** A claim as extracted from one article, before alignment. */
export interface ArticleClaim extends ClaimSpan {
  sentence: number;
  entities: string[];
  dates: string[];
  /** The quoted words when the claim is (or contains) a direct quote. */
  quote?: string;
  /** Content-word stems, numbers excluded (numbers are compared separately). */
  stems: string[];
  /** Adjacent pairs of lower-case content words (stemmed): wording rather than names. */
  phrases: string[];
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const MONTH_ALTERNATIVES = MONTHS.join('|');
const WEEKDAY_ALTERNATIVES = WEEKDAYS.join('|');

/** Singular, lower-case unit word, so "45 days" and "30-day" share the slot "day". */
function unitOf(w: string | undefined): string {
  if (!w) return '';
  const u = w.toLowerCase().replace(/[^a-z%]/g, '');
  if (u === '%' || u === 'percent' || u === 'pct') return '%';
  return u.replace(/ies$/, 'y').replace(/s$/, '');
}

/** Numbers with their units; years and day-of-month numbers are left to the dates. */
export function extractNumbers(text: string): NumberFact[] {
  const out: NumberFact[] = [];
  const re =
    /(\$|£|€)?\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion))?(?:[-\s]+(%|[A-Za-z]+))?|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|ninety|dozen)[-\s]+([a-z]+)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[2]) {
      const raw = m[2].replace(/,/g, '');
      let value = Number(raw);
      if (m[3]) value *= SCALE[m[3].toLowerCase()];
      const before = text.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
      const isYear = /^(1[89]|20)\d\d$/.test(raw) && !m[1];
      const isDay = MONTH_END.test(before);
      if (isYear || isDay) continue;
      const unit = m[1] ? 'money' : unitOf(m[4]);
      out.push({ value, unit: STOPWORDS.has(unit) ? '' : unit, text: m[0].trim() });
    } else if (m[5]) {
      const unit = unitOf(m[6]);
      if (STOPWORDS.has(unit) || unit.length < 3) continue;
      out.push({ value: NUMBER_WORDS[m[5].toLowerCase()], unit, text: m[0] });
    }
  }
  return out;
}

/** Dates as written, normalised to lower case ("october", "2015", "monday", "october 10, 2017"). */
const MONTH_END = new RegExp(`(${MONTH_ALTERNATIVES})\\s*$`);
const DATE_RE = new RegExp(
  `\\b((?:${MONTH_ALTERNATIVES})(?:\\s+\\d{1,2})?(?:,?\\s+\\d{4})?|(?:${WEEKDAY_ALTERNATIVES})|(?:1[89]|20)\\d\\d|(?:yesterday|today|tomorrow|last (?:week|month|year)))\\b`,
  'gi',
);

export function extractDates(text: string): string[] {
  return [...text.matchAll(DATE_RE)].map((m) => m[1].toLowerCase().replace(/\s+/g, ' '));
}

const NOT_NAMES = new Set([
  ...`the a an in on at for but and or if while when after before as it he she they we this that these those his her
its their our there here back to by from with of not no yes so yet also however meanwhile`.split(/\s+/),
  ...WEEKDAYS,
  ...MONTHS,
  ...'mr mrs ms dr gov sen rep'.split(' '),
]);

/** Capitalised word sequences, used when no entity mentions were annotated. */
export function extractNames(text: string): string[] {
  const out: string[] = [];
  const re = /\b[A-Z][\p{L}’'.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\p{L}’'.-]*)*/gu;
  for (const m of text.matchAll(re)) {
    const name = m[0].replace(/[’']s$/, '').replace(/[.]$/, '');
    const toks = name.split(/\s+/).filter((t) => !NOT_NAMES.has(t.toLowerCase().replace(/\.$/, '')));
    if (toks.length === 0) continue;
    out.push(toks.join(' '));
  }
  return out;
}

const QUOTE_RE = /["“]([^"”]{3,})["”]/g;
const SUBORDINATE = /^(while|although|though|after|before|because|as|since|when|whereas|even as|even though)\b/i;

/** The start of a quotation's attribution: "said Brandvold, …", "she told reporters …", "the mayor added …". */
const BARE_ATTRIBUTION =
  /^(?:(?:the |a |an )?(?:[A-Z][\w.'’-]*\s+){0,4}|(?:he|she|they|it|we|i|the [a-z]+(?: [a-z]+)?)\s+)?(?:said|says|told|added|asked|wrote|explained|noted|continued|recalled|insisted|argued|warned)\b/i;

/** Splits one sentence span into clause spans (offsets into the article text). */
function clauseSpans(text: string, start: number, end: number): Array<[number, number]> {
  const s = text.slice(start, end);
  const cuts: number[] = [];
  // Semicolons separate independent statements.
  for (const m of s.matchAll(/;\s+/g)) cuts.push((m.index ?? 0) + m[0].length);
  // "While A, B": A and B are separate claims when A is a clause of its own, not a short phrase
  // ("After the release, ...").
  if (SUBORDINATE.test(s)) {
    const comma = s.indexOf(', ');
    if (comma > 0 && words(s.slice(0, comma)).length >= 6 && words(s.slice(comma)).length >= 4) cuts.push(comma + 2);
  }
  // A quotation followed by more than its attribution: '"...," according to the letter, published Sunday in X.'
  // A bare attribution ('"...," she said at a briefing.') belongs to its quotation: alone it states nothing.
  const q = s.match(/^["“][^"”]+[,.]?["”],?\s+(?=\S)/);
  const rest = q ? s.slice(q[0].length) : '';
  if (q && words(rest).length >= 6 && !BARE_ATTRIBUTION.test(rest)) cuts.push(q[0].length);
  const points = [...new Set(cuts)].sort((a, b) => a - b);
  const spans: Array<[number, number]> = [];
  let from = 0;
  for (const p of [...points, s.length]) {
    let a = start + from;
    let b = start + p;
    while (a < b && /[\s,;]/.test(text[a])) a++;
    while (b > a && /[\s,;]/.test(text[b - 1])) b--;
    if (b > a) spans.push([a, b]);
    from = p;
  }
  return spans;
}

const CALENDAR = new RegExp(`^(${MONTH_ALTERNATIVES}|${WEEKDAY_ALTERNATIVES})$`);

/** Content stems without numbers and calendar words, which are compared as facts instead. */
export function claimStems(text: string): string[] {
  return stemsOf(words(text));
}

function stemsOf(ws: readonly string[]): string[] {
  return ws.filter((w) => w.length > 1 && !STOPWORDS.has(w) && !/^\d/.test(w) && !CALENDAR.test(w)).map(stem);
}

/** Stem pairs of consecutive lower-case content words ("open letter", "independ investig"). */
export function claimPhrases(text: string): string[] {
  const toks = text.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 1);
  const content = toks.filter((w) => !STOPWORDS.has(w.toLowerCase()));
  const out: string[] = [];
  for (let k = 0; k + 1 < content.length; k++) {
    const [a, b] = [content[k], content[k + 1]];
    if (/^[a-z]+$/.test(a) && /^[a-z]+$/.test(b) && !CALENDAR.test(a) && !CALENDAR.test(b))
      out.push(stem(a) + ' ' + stem(b));
  }
  return out;
}

/** Extracts the claims of one article. `outlet` groups articles for the comparison. */
export function extractClaims(doc: AnnotatedArticle, outlet: string): ArticleClaim[] {
  const text = doc.article.text;
  const out: ArticleClaim[] = [];
  const embeds = embedRanges(text);
  const title = doc.article.title?.trim();
  for (const sent of doc.sentences) {
    if (isBoilerplate(sent.text) || inRanges(embeds, sent.start, sent.end)) continue;
    if (title && sent.text.trim() === title) continue;
    for (const [start, end] of clauseSpans(text, sent.start, sent.end)) {
      const t = text.slice(start, end);
      const ws = words(t);
      if (ws.length < 4) continue;
      const mentions = doc.mentions.filter((m) => m.start >= start && m.end <= end).map((m) => m.text);
      const timexes = doc.timexes.filter((x) => x.start >= start && x.end <= end && x.type === 'date');
      const quotes = doc.quotes.filter((x) => x.start < end && x.end > start);
      const quoteInText = [...t.matchAll(QUOTE_RE)].map((m) => m[1]);
      out.push({
        articleId: doc.article.id,
        outlet,
        start,
        end,
        text: t,
        sentence: sent.index,
        entities: [...new Set(mentions.length > 0 ? mentions : extractNames(t))],
        dates: timexes.length > 0 ? [...new Set(timexes.map((x) => x.value))] : [...new Set(extractDates(t))],
        quote: quotes[0]?.text ?? quoteInText[0],
        stems: stemsOf(ws),
        phrases: claimPhrases(t),
      });
    }
  }
  return out;
}
