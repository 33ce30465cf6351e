/**
 * Syndication: a wire dispatch and the copies other outlets run of it are one report, not several outlets
 * agreeing. Copies are found by the sentences they share with an earlier article; an article whose dateline
 * credits another outlet ("LARKHOLLOW (Meridian Press) —") reports for that outlet.
 */
import type { AnnotatedArticle } from '../model.js';

/** Who reported an article: the outlet that wrote it, and whether it is a copy of another article in the set. */
export interface Provenance {
  articleId: string;
  /** The outlet the article appeared in. */
  outlet: string;
  /** The outlet that wrote it: the original's outlet for a copy, the credited wire service, else `outlet`. */
  origin: string;
  /** The article this one copies, when the original is in the set. */
  copyOf?: string;
}

/** Outlet of an article: its source, or its id when the source is unknown. */
export const outletOf = (doc: AnnotatedArticle): string => doc.article.source ?? doc.article.id;

/** Share of an article's sentences found in an earlier article for it to be a copy of that article. */
const COPY_SHARE = 0.6;

/** A sentence reduced to its words, so a copy re-punctuated or re-spaced by another outlet still matches. */
function sentenceKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Provenance of every article; `docs` should be in publication order (originals first). A copy is an article most
 * of whose sentences (of five words or more) appear in one earlier article: wire copies are run whole or
 * trimmed, with a new headline and dateline, and this finds them from sentences the articles already have.
 */
export function findProvenance(docs: readonly AnnotatedArticle[]): Map<string, Provenance> {
  const out = new Map<string, Provenance>();
  const outlets = [...new Set(docs.map(outletOf))];
  // Sentence key → the first article that has it.
  const firstWith = new Map<string, string>();
  for (const d of docs) {
    const outlet = outletOf(d);
    const keys = [...new Set(d.sentences.map((x) => sentenceKey(x.text)).filter((k) => k.split(' ').length >= 5))];
    const hits = new Map<string, number>();
    for (const k of keys) {
      const id = firstWith.get(k);
      if (id !== undefined) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    let copyOf: string | undefined;
    let most = 0;
    for (const [id, n] of hits) if (n > most) [copyOf, most] = [id, n];
    const original =
      copyOf !== undefined && keys.length > 0 && most / keys.length >= COPY_SHARE ? out.get(copyOf) : undefined;
    if (original && original.origin !== outlet) {
      out.set(d.article.id, { articleId: d.article.id, outlet, origin: original.origin, copyOf: original.articleId });
      continue;
    }
    const credit = datelineCredit(d.article.text);
    // A credited wire service is named as the set names it elsewhere ("Meridian Press" → "Meridian Press Agency").
    const origin =
      credit && !sameOutlet(credit, outlet) ? (outlets.find((o) => sameOutlet(o, credit)) ?? credit) : outlet;
    out.set(d.article.id, { articleId: d.article.id, outlet, origin });
    for (const k of keys) if (!firstWith.has(k)) firstWith.set(k, d.article.id);
  }
  return out;
}

/** "Meridian Press" credits "Meridian Press Agency": one outlet named shorter in a dateline. */
function sameOutlet(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.startsWith(y) || y.startsWith(x);
}

/** The agency a dateline credits: "LARKHOLLOW (Meridian Press) —", "BEIJING, Oct. 3 (Xinhua) --". */
export function datelineCredit(text: string): string | undefined {
  const m =
    /^\s*[A-Z][A-Z .,'’-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\(([A-Z][\w .&-]{1,40})\)\s*(?:[—–_]|--?)/.exec(
      text.slice(0, 200),
    );
  return m?.[1].trim();
}
