/**
 * Syndication: a wire dispatch and the copies other outlets run of it are one report, not several outlets
 * agreeing. Copies are found by near-duplicate text (MinHash, as the clusterer finds them), earliest first; an
 * article whose dateline credits another outlet ("LARKHOLLOW (Meridian Press) —") reports for that outlet.
 */
import type { AnnotatedArticle } from '../model.js';
import { NearDuplicateIndex } from '../stories/dedup.js';

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

/** Provenance of every article, in the order given; `docs` should be in publication order (originals first). */
export function findProvenance(docs: readonly AnnotatedArticle[]): Map<string, Provenance> {
  const index = new NearDuplicateIndex();
  const out = new Map<string, Provenance>();
  const outlets = [...new Set(docs.map(outletOf))];
  for (const d of docs) {
    const outlet = outletOf(d);
    const sig = index.signature(d.article.text);
    const match = sig ? index.query(sig) : undefined;
    const original = match ? out.get(match.id) : undefined;
    if (original && original.origin !== outlet) {
      out.set(d.article.id, { articleId: d.article.id, outlet, origin: original.origin, copyOf: original.articleId });
      continue;
    }
    const credit = datelineCredit(d.article.text);
    // A credited wire service is named as the set names it elsewhere ("Meridian Press" → "Meridian Press Agency").
    const origin =
      credit && !sameOutlet(credit, outlet) ? (outlets.find((o) => sameOutlet(o, credit)) ?? credit) : outlet;
    out.set(d.article.id, { articleId: d.article.id, outlet, origin });
    if (sig) index.add(d.article.id, sig);
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
