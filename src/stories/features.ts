import type { AnnotatedArticle, EntityType } from '../model.js';
import { joinHyphenated } from '../text/annotate.js';
import { MONTHS, WEEKDAYS } from '../text/words.js';
import { STOPWORDS, dayNumber, fnv1a, stem, words } from './text.js';

/**
 * Feature groups compared between an article and a story. Keys carry a one-letter prefix so one document
 * frequency table serves all groups: `e:` entity, `t:` term, `n:` number, `d:` date, `q:` quote shingle.
 */
export type FeatureGroup = 'entity' | 'term' | 'number' | 'date' | 'quote';
export const FEATURE_GROUPS: readonly FeatureGroup[] = ['entity', 'term', 'number', 'date', 'quote'];

/** Sparse weights per feature key. */
export type SparseVector = Map<string, number>;

export interface ArticleFeatures {
  id: string;
  source?: string;
  /** Publication day (days since epoch), when known. */
  day?: number;
  groups: Record<FeatureGroup, SparseVector>;
  /** Display names for entity keys, for explanations. */
  labels: Map<string, string>;
  /** What the lead says about where and when the reported event happened. */
  lead: LeadFeatures;
}

/**
 * The event's setting as the lead states it: the dateline place and the places and organisations named in
 * the first sentence (normalised names, the outlet left out), and the days that sentence resolves to. Places
 * merely mentioned further down (background, earlier events) are not part of it.
 */
export interface LeadFeatures {
  names: string[];
  days: number[];
}

/** How much an entity of each type says about which event an article reports. */
export const ENTITY_TYPE_WEIGHT: Record<EntityType, number> = {
  person: 1.5,
  place: 1.3,
  organization: 1.0,
  other: 0.6,
};

const MONTH_ABBR: Record<string, number> = {};
MONTHS.forEach((m, i) => {
  MONTH_ABBR[m] = i + 1;
  MONTH_ABBR[m.slice(0, 3)] = i + 1;
});
MONTH_ABBR.sept = 9;

/** Words that the crude entity stages tag as names but that never identify an event. */
const NON_NAMES = new Set([
  ...MONTHS,
  ...MONTHS.map((m) => m.slice(0, 3)),
  ...WEEKDAYS,
  'mr',
  'mrs',
  'ms',
  'dr',
  'sen',
  'gov',
  'rep',
  'pres',
  'st',
  'jr',
  'sr',
  'inc',
  'corp',
  'co',
  'ltd',
  'the',
  'a',
  'an',
  'http',
  'www',
  'com',
]);

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);

const MAX_PER_GROUP: Record<FeatureGroup, number> = { entity: 60, term: 120, number: 30, date: 30, quote: 200 };

function add(v: SparseVector, key: string, w: number): void {
  v.set(key, (v.get(key) ?? 0) + w);
}

function normName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/'s$/, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}' .&-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function nameParts(name: string): string[] {
  return name.split(/[\s-]+/).filter((p) => p.length >= 3 && !STOPWORDS.has(p) && !NON_NAMES.has(p.replace(/\.$/, '')));
}

/** Sublinear term weighting, then keeps the strongest features so vectors stay bounded. */
function finish(v: SparseVector, max: number): SparseVector {
  const entries = [...v.entries()].map(([k, w]) => [k, 1 + Math.log(w)] as [string, number]);
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return new Map(entries.slice(0, max));
}

function entityFeatures(doc: AnnotatedArticle, labels: Map<string, string>): SparseVector {
  const v: SparseVector = new Map();
  const addName = (raw: string, type: EntityType, count: number): void => {
    const key = normName(raw);
    if (!key || key.length < 2 || NON_NAMES.has(key) || STOPWORDS.has(key) || /^[\d\s.,-]+$/.test(key)) return;
    const w = (ENTITY_TYPE_WEIGHT[type] ?? 0.6) * count;
    add(v, `e:${key}`, w);
    if (!labels.has(`e:${key}`)) labels.set(`e:${key}`, raw);
    // Parts let "Lohan" meet "Lindsay Lohan" across articles.
    const parts = nameParts(key);
    if (parts.length > 1) {
      for (const p of parts) {
        add(v, `e:${p}`, w * 0.5);
        if (!labels.has(`e:${p}`)) labels.set(`e:${p}`, p);
      }
    }
  };
  if (doc.entities.length > 0) {
    for (const e of doc.entities) addName(e.name, e.type, Math.max(1, e.mentions.length));
  } else {
    for (const m of doc.mentions) addName(m.text, m.type, 1);
  }
  return v;
}

function termFeatures(doc: AnnotatedArticle): SparseVector {
  const v: SparseVector = new Map();
  const addWord = (raw: string, w: number): void => {
    const lw = raw.toLowerCase();
    if (lw.length < 3 || !/^\p{L}[\p{L}'-]*$/u.test(lw) || STOPWORDS.has(lw)) return;
    const s = stem(lw);
    if (s.length < 3 || STOPWORDS.has(s)) return;
    add(v, `t:${s}`, w);
  };
  if (doc.tokens.length > 0) {
    for (const t of joinHyphenated(doc.tokens, doc.article.text)) {
      if (t.upos && !CONTENT_POS.has(t.upos)) continue;
      // The lead says what happened; later paragraphs drift into background.
      addWord(t.text, t.sentence < 4 ? 2 : 1);
    }
  } else {
    for (const w of words(doc.article.text)) addWord(w, 1);
  }
  for (const w of words(doc.article.title ?? '')) addWord(w, 2);
  return v;
}

function numberFeatures(doc: AnnotatedArticle): SparseVector {
  const v: SparseVector = new Map();
  const toks =
    doc.tokens.length > 0 ? joinHyphenated(doc.tokens, doc.article.text).map((t) => t.text) : words(doc.article.text);
  for (const raw of toks) {
    if (!/^\d[\d,]*(\.\d+)?$/.test(raw)) continue;
    const n = raw.replace(/,/g, '');
    // Years are dates; tiny counts are everywhere.
    if (/^(1[89]|20)\d\d$/.test(n)) continue;
    if (/^\d$/.test(n)) continue;
    add(v, `n:${n}`, 1);
  }
  return v;
}

function addDateValue(v: SparseVector, value: string, w: number): void {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return;
  const year = Number(m[1]);
  if (year < 1800 || year > 2200) return;
  add(v, `d:${m[1]}`, w * 0.5);
  if (m[2]) add(v, `d:${m[1]}-${m[2]}`, w * 0.75);
  if (m[3]) add(v, `d:${m[1]}-${m[2]}-${m[3]}`, w);
}

const DATE_RE = new RegExp(
  String.raw`\b(?:(${Object.keys(MONTH_ABBR).join('|')})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*((?:19|20)\d\d)` +
    String.raw`|(\d{1,2})\s+(${Object.keys(MONTH_ABBR).join('|')})\.?\s*,?\s*((?:19|20)\d\d)` +
    String.raw`|((?:19|20)\d\d)-(\d{2})-(\d{2})` +
    String.raw`|(${Object.keys(MONTH_ABBR).join('|')})\.?\s*,?\s+((?:19|20)\d\d)` +
    String.raw`|((?:19|20)\d\d))\b`,
  'giu',
);

const pad = (n: number): string => String(n).padStart(2, '0');

/** Absolute dates written in full, for when no time stage has normalised the text's expressions. */
export function explicitDates(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    if (m[1]) out.push(`${m[3]}-${pad(MONTH_ABBR[m[1].toLowerCase()])}-${pad(Number(m[2]))}`);
    else if (m[5]) out.push(`${m[6]}-${pad(MONTH_ABBR[m[5].toLowerCase()])}-${pad(Number(m[4]))}`);
    else if (m[7]) out.push(`${m[7]}-${m[8]}-${m[9]}`);
    else if (m[10]) out.push(`${m[11]}-${pad(MONTH_ABBR[m[10].toLowerCase()])}`);
    else if (m[12]) out.push(m[12]);
  }
  return out.filter((d) => {
    const m = /^\d{4}-(\d{2})(?:-(\d{2}))?$/.exec(d);
    return !m || (Number(m[1]) >= 1 && Number(m[1]) <= 12 && (!m[2] || (Number(m[2]) >= 1 && Number(m[2]) <= 31)));
  });
}

function dateFeatures(doc: AnnotatedArticle): SparseVector {
  const v: SparseVector = new Map();
  const dated = doc.timexes.filter((t) => t.type === 'date' && /^\d{4}/.test(t.value));
  if (dated.length > 0) {
    for (const t of dated) addDateValue(v, t.value.slice(0, 10), 1);
  }
  // Explicit dates are cheap to read and catch what a time stage may leave out.
  for (const d of explicitDates(doc.article.text)) addDateValue(v, d, dated.length > 0 ? 0.5 : 1);
  return v;
}

const QUOTE_RE = /["“]([^"“”\n]{20,600})["”]/g;

function quoteFeatures(doc: AnnotatedArticle): SparseVector {
  const v: SparseVector = new Map();
  const texts = doc.quotes.filter((q) => q.kind !== 'indirect').map((q) => q.text);
  if (texts.length === 0) for (const m of doc.article.text.matchAll(QUOTE_RE)) texts.push(m[1]);
  for (const t of texts) {
    const ws = words(t);
    for (let i = 0; i + 3 <= ws.length; i++) add(v, `q:${fnv1a(ws.slice(i, i + 3).join(' ')).toString(36)}`, 1);
  }
  return v;
}

const DATELINE_RE =
  /^\s*([A-Z][A-Z.'’ -]{2,40}?)(?:,\s*[A-Z][A-Za-z. ]{1,20})?\s*(?:\([^)\n]{1,40}\)\s*)?[—–-]{1,2}\s/u;
const MAX_LEAD_NAMES = 8;

function leadFeatures(doc: AnnotatedArticle): LeadFeatures {
  const text = doc.article.text;
  const first = doc.sentences[0];
  const leadEnd = first ? first.end : Math.min(text.length, 300);
  const source = normName(doc.article.source ?? '');
  const sourceWords = new Set(source.split(' ').filter((w) => w.length >= 3));
  // The outlet named in a dateline ("(Meridian Press)") is not where anything happened.
  const isOutlet = (key: string): boolean => key === source || key.split(' ').every((w) => sourceWords.has(w));
  const names: string[] = [];
  const push = (raw: string): void => {
    const key = normName(raw);
    if (!key || key.length < 3 || NON_NAMES.has(key) || STOPWORDS.has(key) || isOutlet(key)) return;
    if (!names.includes(key) && names.length < MAX_LEAD_NAMES) names.push(key);
  };
  const dl = DATELINE_RE.exec(text);
  if (dl && dl[1].trim().length >= 3) push(dl[1].trim());
  const inLead = (m: { start: number; type: EntityType }): boolean =>
    m.start < leadEnd && (m.type === 'place' || m.type === 'organization');
  if (doc.entities.length > 0) {
    for (const e of doc.entities)
      if (e.mentions.some((i) => doc.mentions[i] !== undefined && inLead(doc.mentions[i]))) push(e.name);
  } else {
    for (const m of doc.mentions) if (inLead(m)) push(text.slice(m.start, m.end));
  }
  const days: number[] = [];
  for (const t of doc.timexes) {
    if (t.start >= leadEnd || (t.type !== 'date' && t.type !== 'time')) continue;
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(t.value);
    const d = m ? dayNumber(m[1]) : undefined;
    if (d !== undefined && !days.includes(d) && days.length < 4) days.push(d);
  }
  return { names, days };
}

/** Extracts the comparison features of one article. Works on whatever annotations are present. */
export function articleFeatures(doc: AnnotatedArticle): ArticleFeatures {
  const labels = new Map<string, string>();
  const raw: Record<FeatureGroup, SparseVector> = {
    entity: entityFeatures(doc, labels),
    term: termFeatures(doc),
    number: numberFeatures(doc),
    date: dateFeatures(doc),
    quote: quoteFeatures(doc),
  };
  const groups = {} as Record<FeatureGroup, SparseVector>;
  for (const g of FEATURE_GROUPS) groups[g] = finish(raw[g], MAX_PER_GROUP[g]);
  return {
    id: doc.article.id,
    source: doc.article.source,
    day: dayNumber(doc.article.published),
    groups,
    labels,
    lead: leadFeatures(doc),
  };
}
