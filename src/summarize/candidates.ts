/**
 * Candidate sentences for extractive summaries: spans of article sentences trimmed to their reportable
 * part, with the concepts and content words selection and citation compare.
 */
import type { AnnotatedArticle } from '../model.js';
import {
  bag,
  bigramConcepts,
  contentStems,
  datelineEnd,
  embedRanges,
  inRanges,
  isBoilerplate,
  stem,
  wordCount,
  type Bag,
} from './features.js';

/** A candidate sentence: a trimmed span of one article sentence. */
export interface Candidate {
  doc: number;
  articleId: string;
  date: string;
  sentence: number;
  /** Position of the sentence among the article's content sentences (0 = lead). */
  rank: number;
  start: number;
  end: number;
  text: string;
  words: number;
  concepts: string[];
  content: Bag;
  /**
   * Stem of a noun the sentence refers back to ("The vote came amid …" after "voted 7-4" earlier in its
   * article): the sentence reads only after a summary sentence that mentions it.
   */
  antecedent?: string;
  /** Asides dropped from `text`, as article offsets (`text` is the span without them). */
  omitted?: Array<{ start: number; end: number }>;
}

export interface CandidateOptions {
  /** Drop closing attributions (", officials said."). */
  compress?: boolean;
  /** Drop asides between commas: non-restrictive relative clauses and appositions after a name. */
  trimAsides?: boolean;
}

const TRAILING_ATTRIBUTION =
  /,\s*(?:according to [^,;"“”]{2,60}|(?:[A-Za-z.'’ ]{2,50}\s)?(?:said|says|reported|added)(?: [^,;"“”]{0,50})?)\.$/;

const CONNECTIVE =
  /^(?:but|and|also|however|meanwhile|still|yet|so|in addition|moreover|furthermore|nevertheless|indeed|instead|similarly|likewise|in fact|then|now|thus)\b,?\s+/i;

/** An opening pronoun has no referent once the sentence is taken out of its article. */
const PRONOUN_OPENING = /^(?:He|She|It|They|We|I|This|These|Those|His|Her|Its|Their|Our|Such|Both)\b/;

/** A definite or demonstrative noun phrase opening a sentence: "The vote", "That application". */
const DEFINITE_OPENING = /^(?:The|That|This|These|Those)\s+([a-z][a-z'’-]*)(?:\s+([a-z][a-z'’-]*))?/;

/**
 * Asides a sentence reads well without: ", who has led the department since 2021, " and ", which employs
 * about 340 people, " (non-restrictive relative clauses), and ", the authority's executive director, " after a
 * name (apposition). Not before "and"/"or", where the commas may be a list's.
 */
const ASIDE =
  /, (?:(?:who|which) [^,;:"“”()]{3,80}|(?<=[A-Z][\w'’.-]*, )(?:a|an|the) [^,;:"“”()]{3,60}), (?!and |or )/g;

/** The text without its asides, and the asides' article offsets. */
function withoutAsides(t: string, offset: number): { text: string; omitted: Array<{ start: number; end: number }> } {
  const omitted: Array<{ start: number; end: number }> = [];
  let text = '';
  let from = 0;
  for (const m of t.matchAll(ASIDE)) {
    const at = m.index ?? 0;
    // Keep the space after the closing comma: "Smith, who …, said" → "Smith said".
    text += t.slice(from, at);
    from = at + m[0].length - 1;
    omitted.push({ start: offset + at, end: offset + from });
  }
  return { text: text + t.slice(from), omitted };
}

/** Trims a sentence span to the reportable part: no dateline, no leading connective. */
function trimSpan(text: string, start: number, stop: number, compress: boolean): { start: number; end: number } {
  let s = start;
  let end = stop;
  const sentence = text.slice(start, end);
  s += datelineEnd(sentence);
  const m = text.slice(s, end).match(CONNECTIVE);
  if (m) s += m[0].length;
  while (s < end && /\s/.test(text[s])) s++;
  if (compress) {
    // A closing attribution (", officials said.") carries no content of its own.
    const tail = text.slice(s, end).match(TRAILING_ATTRIBUTION);
    if (tail && tail.index !== undefined && tail.index > 40) end = s + tail.index;
  }
  // Capitalise nothing: the text must stay an exact slice, so a lower-case start is left as is.
  return { start: s, end };
}

/*
 * Stories are re-summarised whenever an article joins them, so the same sentences are analysed again
 * and again; their concepts and content bags depend on the text alone and are memoised (read-only).
 */
const MEMO_LIMIT = 100_000;
const conceptMemo = new Map<string, string[]>();
const bagMemo = new Map<string, Bag>();

function conceptsOf(text: string): string[] {
  let v = conceptMemo.get(text);
  if (v === undefined) {
    v = [...new Set(bigramConcepts(text))];
    if (conceptMemo.size >= MEMO_LIMIT) conceptMemo.clear();
    conceptMemo.set(text, v);
  }
  return v;
}

/** Content stems of a text as a bag (memoised). */
export function contentBag(text: string): Bag {
  let v = bagMemo.get(text);
  if (v === undefined) {
    v = bag(contentStems(text));
    if (bagMemo.size >= MEMO_LIMIT) bagMemo.clear();
    bagMemo.set(text, v);
  }
  return v;
}

/**
 * The noun a definite opening refers back to: one of its first two words after the determiner that an
 * earlier sentence of the same article already used. A demonstrative ("That application") always refers
 * back; "The" only when its noun was mentioned before, so "The blaze was reported …" in a lead stands alone.
 */
function antecedentOf(t: string, earlier: ReadonlySet<string>): string | undefined {
  const m = DEFINITE_OPENING.exec(t);
  if (!m) return undefined;
  const nouns = [m[1], m[2]].filter((w): w is string => !!w).map((w) => stem(w.replace(/['’]s$/, '')));
  const seen = nouns.find((n) => earlier.has(n));
  if (seen) return seen;
  return m[0].startsWith('The ') ? undefined : nouns[0];
}

/** Candidate sentences of the articles, in article order then position. */
export function candidates(docs: readonly AnnotatedArticle[], opts: CandidateOptions = {}): Candidate[] {
  const compress = opts.compress ?? false;
  const out: Candidate[] = [];
  docs.forEach((doc, d) => {
    const text = doc.article.text;
    const title = doc.article.title?.trim();
    let rank = 0;
    const embeds = embedRanges(text);
    // Content stems of the sentences before the current one (added one sentence late).
    const earlier = new Set<string>();
    let previous: string | undefined;
    for (const s of doc.sentences) {
      if (previous !== undefined) for (const w of contentBag(previous).counts.keys()) earlier.add(w);
      previous = s.text;
      if (title && s.text.trim() === title) continue;
      if (isBoilerplate(s.text) || inRanges(embeds, s.start, s.end)) continue;
      const span = trimSpan(text, s.start, s.end, compress);
      let t = text.slice(span.start, span.end);
      let omitted: Candidate['omitted'];
      if (opts.trimAsides) {
        const short = withoutAsides(t, span.start);
        if (short.omitted.length > 0) [t, omitted] = [short.text, short.omitted];
      }
      const n = wordCount(t);
      const r = rank++;
      if (n < 8 || n > 60) continue;
      if (/\?["'”’]?$/.test(t)) continue;
      // Sentences that are mostly a direct quote read poorly out of context.
      if (/^["“'‘`]/.test(t)) continue;
      if (!/^[A-Z0-9"“]/.test(t)) continue;
      if (PRONOUN_OPENING.test(t)) continue;
      const c: Candidate = {
        doc: d,
        articleId: doc.article.id,
        // Undated articles go after dated ones.
        date: doc.article.published ?? '9999',
        sentence: s.index,
        rank: r,
        start: span.start,
        end: span.end,
        text: t,
        words: n,
        concepts: conceptsOf(t),
        content: contentBag(t),
      };
      if (omitted) c.omitted = omitted;
      const antecedent = antecedentOf(t, earlier);
      if (antecedent) c.antecedent = antecedent;
      out.push(c);
    }
  });
  return out;
}
