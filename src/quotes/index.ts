import type { AnnotatedArticle, Quote } from '../model.js';
import { annotateText, joinHyphenated } from '../text/annotate.js';
import { findAttributions, isPassiveCue, type RawAttribution } from './extract.js';
import { resolveSpeakers } from './speaker.js';

export { linkQuotes, type LinkedStatement, type LinkedExcerpt } from './link.js';
export { findAttributions, type RawAttribution, type Range } from './extract.js';
export { findQuoteRegions, normalizeQuotes, type QuoteRegion } from './marks.js';

/** Attributions and the quotes shown to users, from one pass (the evaluation reads both). */
export interface QuoteAnalysis {
  raw: RawAttribution[];
  quotes: Quote[];
  /** For each quote, the index of the attribution it came from. */
  origin: number[];
}

/** Finds attributions, names speakers and builds the user-facing quotes. */
export function analyzeQuotes(doc: AnnotatedArticle): QuoteAnalysis {
  const annotated = doc.tokens.length === 0 && doc.article.text.length > 0 ? annotateText(doc) : doc;
  // The attribution rules read words as a reader does: hyphenated names and compounds whole.
  const base = { ...annotated, tokens: joinHyphenated(annotated.tokens, annotated.article.text) };
  const raw = findAttributions(base);
  const speakers = resolveSpeakers(base, raw);
  const text = base.article.text;
  // Reported speech that contains quoted words is shown as those partial quotes instead.
  const hasPartial = new Set(raw.filter((a) => a.inherits !== undefined).map((a) => a.inherits!));
  // Reported speech after a passive cue with no one named ("Residents were ordered to leave", "is expected to
  // sign") tells users nothing about who said it; the evaluation still sees it in `raw`.
  const unsourced = (a: RawAttribution): boolean =>
    a.kind === 'indirect' && !a.source && !!a.cue && isPassiveCue(text.slice(a.cue.start, a.cue.end));
  const keep = raw
    .map((a, i) => ({ a, i }))
    .filter(({ a, i }) => !(a.kind === 'indirect' && hasPartial.has(i)) && !unsourced(a));
  keep.sort((x, y) => x.a.content.start - y.a.content.start);
  const newIndex = new Map<number, number>();
  keep.forEach(({ i }, k) => newIndex.set(i, k));
  const quotes: Quote[] = keep.map(({ a, i }) => {
    const sp = speakers[i];
    const q: Quote = {
      start: a.content.start,
      end: a.content.end,
      text: text.slice(a.content.start, a.content.end),
      kind: a.kind,
      speaker: sp,
    };
    if (a.cue) q.cue = { start: a.cue.start, end: a.cue.end, text: text.slice(a.cue.start, a.cue.end) };
    if (a.continues !== undefined && newIndex.has(a.continues)) q.continues = newIndex.get(a.continues);
    return q;
  });
  return { raw, quotes, origin: keep.map(({ i }) => i) };
}

/** Finds quotations and reported speech and attributes them to speakers. */
export function annotateQuotes(doc: AnnotatedArticle): AnnotatedArticle {
  try {
    return { ...doc, quotes: analyzeQuotes(doc).quotes };
  } catch {
    // A malformed article must not stop the pipeline: it simply has no quotes.
    return { ...doc, quotes: [] };
  }
}
