import type { AnnotatedArticle, Quote, Speaker } from '../model.js';
import { annotateText, joinHyphenated } from '../text/annotate.js';
import { findAttributions, type RawAttribution } from './extract.js';
import { resolveSpeakers } from './speaker.js';
import { findQuoteRegions } from './marks.js';
import { modelAttributions } from './learned/attributions.js';
import { furnitureRanges } from './furniture.js';
import { speakerType } from './speaker-type.js';
import { CUE_FORMS } from './lexicon.js';

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

/** Which attribution finders run: the structural rules, the learned models, or both (the default). */
export type AttributionMode = 'rules' | 'model' | 'both';

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/**
 * A predicate the model found is shown to users when it reports speech or writing in running text; a
 * predicate of evidence ("show", "find") only when a document is its source ("records show").
 */
function isSpeechCue(form: string, speaker: Speaker | null): boolean {
  const info = CUE_FORMS.get(form.toLowerCase());
  if (!info || info.directOnly || info.needsParticle) return false;
  return info.speech || info.belief === true || speaker?.type === 'document';
}

/** Finds attributions, names speakers and builds the user-facing quotes. */
export function analyzeQuotes(doc: AnnotatedArticle, mode: AttributionMode = 'both'): QuoteAnalysis {
  const annotated = doc.tokens.length === 0 && doc.article.text.length > 0 ? annotateText(doc) : doc;
  // The attribution rules read words as a reader does: hyphenated names and compounds whole.
  const base = { ...annotated, tokens: joinHyphenated(annotated.tokens, annotated.article.text) };
  const regions = findQuoteRegions(annotated.article.text);
  let raw = mode === 'model' ? [] : findAttributions(base);
  if (mode !== 'rules') {
    // What the rules attributed is not scored again: a predicate inside it would be dropped below anyway.
    const taken = raw.flatMap((r) => (r.cue ? [r.statement, r.cue] : [r.statement]));
    const learned = modelAttributions(annotated, regions, undefined, taken);
    const fresh = learned.filter(
      (l) => !raw.some((r) => (r.cue && l.cue && overlaps(r.cue, l.cue)) || overlaps(r.statement, l.statement)),
    );
    // Appended, not merged in order: speakers are resolved in this order, and a link points to an earlier one.
    raw = [...raw, ...fresh];
  }
  // A source that cannot speak (a number, a dateline, a word inside the quotation) names no speaker.
  const speakers = resolveSpeakers(base, raw).map((sp, i) => {
    if (!sp) return null;
    const cue = raw[i].cue;
    const type = speakerType(base, sp, regions, cue ? annotated.article.text.slice(cue.start, cue.end) : undefined);
    return type ? { ...sp, type } : null;
  });
  const text = base.article.text;
  const furniture = furnitureRanges(text);
  // Reported speech that contains quoted words is shown as those partial quotes instead.
  const hasPartial = new Set(raw.flatMap((a) => (a.inherits !== undefined ? [a.inherits] : [])));
  // Reported speech with no one who said it ("Residents were ordered to leave", "is expected to sign")
  // tells users nothing; the evaluation still sees it in `raw`.
  const keep = raw
    .map((a, i) => ({ a, i }))
    .filter(
      ({ a, i }) =>
        !(a.kind === 'indirect' && (hasPartial.has(a.id) || !speakers[i])) &&
        (a.predicate === undefined || isSpeechCue(a.predicate, speakers[i])) &&
        !furniture.some((f) => overlaps(f, a.statement)),
    );
  keep.sort((x, y) => x.a.content.start - y.a.content.start);
  const newIndex = new Map<string, number>();
  keep.forEach(({ a }, k) => newIndex.set(a.id, k));
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
