/**
 * Sentence features shared by the summariser and the outlet comparison: normalised tokens, content
 * words, stemmed bigram concepts, and the filters that keep datelines, bylines, credits and embeds
 * out of summaries.
 */
import { rougeStem } from './porter.js';

/** Function words that carry no content on their own (used for concepts and similarity, not ROUGE). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
now of off on once only or other our ours ourselves out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves said says say
told according mr mrs ms one two also would could may might must shall us since yet still however among
upon within without across per via around many much another every including new year years`.split(/\s+/),
);

/** Lower-cased word tokens as ROUGE sees them (letters and digits; hyphens split). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

const stemCache = new Map<string, string>();
/** ROUGE-compatible stem, cached (the same stems ROUGE will compare). */
export function stem(w: string): string {
  let s = stemCache.get(w);
  if (s === undefined) {
    s = w.length > 3 ? rougeStem(w) : w;
    if (stemCache.size < 200_000) stemCache.set(w, s);
  }
  return s;
}

export const stems = (text: string): string[] => words(text).map(stem);

/** Stems of content words (stopwords and one-letter tokens removed). */
export function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w) && w.length > 1)
    .map(stem);
}

/** Stemmed bigrams with at least one content word: the concepts a summary should cover. */
export function bigramConcepts(text: string): string[] {
  const ws = words(text);
  const out: string[] = [];
  for (let i = 0; i + 1 < ws.length; i++) {
    if (STOPWORDS.has(ws[i]) && STOPWORDS.has(ws[i + 1])) continue;
    out.push(stem(ws[i]) + ' ' + stem(ws[i + 1]));
  }
  return out;
}

/** Number of whitespace-separated words, the unit of summary budgets. */
export const wordCount = (text: string): number => text.split(/\s+/).filter((w) => w.length > 0).length;

/** A bag of terms with its Euclidean norm, for repeated cosine computations. */
export interface Bag {
  counts: Map<string, number>;
  norm: number;
}

export function bag(terms: readonly string[]): Bag {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  let sq = 0;
  for (const x of counts.values()) sq += x * x;
  return { counts, norm: Math.sqrt(sq) };
}

export function bagCosine(a: Bag, b: Bag): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, x] of small.counts) dot += x * (large.counts.get(t) ?? 0);
  return dot / (a.norm * b.norm);
}

/** Cosine similarity of two bags of terms. */
export function cosine(a: readonly string[], b: readonly string[]): number {
  return bagCosine(bag(a), bag(b));
}

/**
 * Start offset (relative to the sentence) after a leading dateline such as
 * "PINE RIDGE, S.D. (AP) -- " or "MADRID, February 17 (Xinhua) -- ", or 0 when there is none.
 */
export function datelineEnd(sentence: string): number {
  // Datelines end in a dash within the first few words; checking that first keeps the regex cheap.
  const dash = sentence.slice(0, 90).search(/\s(--|—|–|_|-)\s/);
  if (dash < 0) return 0;
  const head = sentence.slice(0, dash);
  // "PINE RIDGE, S.D. (AP)", "BEIDAIHE (Hebei), March 5 (Xinhua)": a capitalised place, then only
  // capitalised words, numbers and parentheses (state, date, wire service).
  const bare = head.replace(/\([^)]*\)/g, ' ');
  if (!/^\s*[A-Z][A-Z.'’ -]*[A-Z.](\s*,\s*[A-Z0-9][A-Za-z0-9.]*(\s+[A-Z0-9][A-Za-z0-9.]*)*)*\s*,?\s*$/.test(bare)) {
    if (!/^[^,(]{1,40}[,(].*\((AP|Xinhua|Reuters|AFP|UPI)\)\s*$/.test(head)) return 0;
  }
  const m = sentence.slice(dash).match(/^\s(--|—|–|_|-)\s+/);
  return dash + (m ? m[0].length : 0);
}

/** Sentences that are not reportable content: bylines, credits, embeds, datelines alone, headlines. */
export function isBoilerplate(sentence: string): boolean {
  const s = sentence.trim();
  if (s.length === 0) return true;
  if (/^(by|from)\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}\s*(,.*)?$/i.test(s) && wordCount(s) <= 12) return true;
  if (/(pic\.twitter\.com|https?:\/\/|www\.|@\w{2,}|#\w{3,})/.test(s)) return true;
  if (
    /\b(contributed to this report|associated press writer|copyright|all rights reserved|click here|sign up|subscribe|follow us|newsletter|read more|photo:|image:|getty images|for purchase information|attention editors|reporting by|editing by)\b/i.test(
      s,
    )
  )
    return true;
  if (!/[a-z]/.test(s)) return true; // all-capitals headlines and slugs
  if (!/[.!?]["'”’)]*$/.test(s)) return true; // headlines, captions and fragments lack final punctuation
  return false;
}

/**
 * Character ranges of embedded posts (tweets and similar): the whole paragraph holding an embed
 * marker, since the post's own text ("Weinstein ... admits to groping her.") is not the article's.
 */
export function embedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    if (/pic\.twitter\.com|https?:\/\/t\.co\/|\(@\w+\)\s+\w+ \d{1,2}, \d{4}|instagram\.com\/p\//.test(line))
      out.push([start, end]);
    start = end + 1;
  }
  return out;
}

export const inRanges = (ranges: Array<[number, number]>, start: number, end: number): boolean =>
  ranges.some(([a, b]) => start < b && end > a);
