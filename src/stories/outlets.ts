/** What counting outlets needs of an article: its outlet, and the article it copies when it is a wire copy. */
export interface OutletArticle {
  id: string;
  source?: string;
  duplicateOf?: string;
}

/**
 * Distinct outlets among articles, the number shown as a story's independent sources. A copy counts as its
 * original's outlet (following chains of copies within the given articles): syndication is not independent
 * confirmation. Outlet names compare case-insensitively; an article without an outlet counts on its own.
 */
export function independentOutlets(articles: readonly OutletArticle[]): number {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const outlets = new Set<string>();
  for (const a of articles) {
    let root = a;
    for (let i = 0; i < 100 && root.duplicateOf !== undefined; i++) {
      const next = byId.get(root.duplicateOf);
      if (!next) break;
      root = next;
    }
    outlets.add(root.source ? `o:${root.source.toLowerCase()}` : `a:${root.id}`);
  }
  return outlets.size;
}
