import type { AnnotatedArticle } from '../../model.js';
import { parseTokens } from '../../text/parse.js';
import type { RawAttribution } from '../extract.js';
import type { QuoteRegion } from '../marks.js';
import { defaultAttributionModel, type AttributionModel } from './model.js';

const OUTSIDE_QUOTE = /[^\s.,;:!?\u2014\u2013-]/;

/** The article's tokens with the dependency parse, parsing copies when the syntax stage did not run. */
function parsed(doc: AnnotatedArticle): AnnotatedArticle {
  if (doc.tokens.length === 0 || doc.tokens.every((t) => t.head !== undefined)) return doc;
  return { ...doc, tokens: parseTokens(doc.tokens.map((t) => ({ ...t }))) };
}

/**
 * Attributions found by the attribution model, in the form the rest of the quotes stage reads. A content
 * made only of one quotation (and punctuation) is direct; anything else is reported speech.
 */
export function modelAttributions(
  doc: AnnotatedArticle,
  regions: readonly QuoteRegion[],
  model: AttributionModel = defaultAttributionModel(),
  taken: ReadonlyArray<{ start: number; end: number }> = [],
): RawAttribution[] {
  const text = doc.article.text;
  const out: RawAttribution[] = [];
  const input = parsed(doc);
  for (const a of model.predict(input, regions, taken)) {
    const inside = regions.filter((q) => q.open >= a.content.start && q.close <= a.content.end);
    let direct = inside.length > 0;
    let pos = a.content.start;
    for (const q of inside) {
      if (OUTSIDE_QUOTE.test(text.slice(pos, q.open))) direct = false;
      pos = q.close;
    }
    if (OUTSIDE_QUOTE.test(text.slice(pos, a.content.end))) direct = false;
    let content = a.content;
    if (direct) {
      const first = inside[0];
      const last = inside[inside.length - 1];
      let end = last.end;
      while (end > first.start && /[\s,]/.test(text[end - 1])) end--;
      content = { start: first.start, end };
    }
    out.push({
      id: `m${out.length + 1}`,
      kind: direct ? 'direct' : 'indirect',
      content,
      statement: a.content,
      cue: a.cue,
      ...(a.source ? { source: a.source, sourceExtent: a.sourceExtent } : {}),
      at: a.source?.start ?? a.cue.start,
      predicate: input.tokens[a.cueHead].text,
    });
  }
  return out;
}
