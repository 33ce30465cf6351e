/** Page metadata (title, byline, outlet, canonical URL, date) from meta tags, JSON-LD and markup. */

import type { DomDocument, DomElement, HtmlExtraction } from './types.js';
import { normalizeDate } from './dates.js';

/** Text folded for comparison: a title, byline or site name repeated in another case or punctuation still matches. */
export function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A byline without its leading "By"; anything long enough to be a paragraph is not one. */
export function cleanByline(raw: string): string | undefined {
  const t = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^by\s+/i, '');
  return t && t.length < 120 ? t : undefined;
}

interface JsonLdNode {
  [key: string]: unknown;
}

/** All JSON-LD objects of the page, with `@graph` and arrays flattened. Broken blocks are skipped. */
function jsonLdNodes(doc: DomDocument): JsonLdNode[] {
  const out: JsonLdNode[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as JsonLdNode;
      out.push(o);
      if (o['@graph']) visit(o['@graph']);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse((s.textContent ?? '').trim()));
    } catch {
      // Invalid JSON-LD is common; other metadata sources remain.
    }
  }
  return out;
}

const ARTICLE_TYPES =
  /^(?:NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|LiveBlogPosting|Report|WebPage|SocialMediaPosting)$/;

function types(n: JsonLdNode): string[] {
  const t = n['@type'];
  return Array.isArray(t) ? t.map(String) : t ? [String(t)] : [];
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object' && 'name' in v) return str((v as { name: unknown }).name);
  return undefined;
}

export function extractMetadata(doc: DomDocument, pageUrl?: string): Omit<HtmlExtraction, 'text'> {
  const metas = metaMap(doc);
  // Selectors are written as meta[name="x"] / meta[property="x"]; matched case-insensitively (old pages shout).
  const metaContent = (selector: string): string | undefined => {
    const m = /\[(\w+)="([^"]+)"\]/.exec(selector);
    return m ? metas.get(`${m[1]}:${m[2].toLowerCase()}`) : undefined;
  };
  const ld = jsonLdNodes(doc);
  const ldArticle =
    ld.find((n) => types(n).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage') && (n.headline || n.datePublished)) ??
    ld.find((n) => types(n).some((t) => ARTICLE_TYPES.test(t)));
  const ldOrg = ld.find((n) => types(n).some((t) => /^(?:NewsMediaOrganization|Organization)$/.test(t)));

  const siteName = metaContent('meta[property="og:site_name"]') ?? str(ldArticle?.publisher) ?? str(ldOrg?.name);

  const canonicalRaw =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ||
    metaContent('meta[property="og:url"]') ||
    str(ldArticle?.url) ||
    ldId(ldArticle?.mainEntityOfPage) ||
    pageUrl;
  let url: string | undefined;
  if (canonicalRaw) {
    try {
      url = new URL(canonicalRaw, pageUrl).href;
    } catch {
      url = pageUrl;
    }
  }

  let outlet = siteName;
  if (!outlet) {
    const host = hostOf(url) ?? hostOf(pageUrl);
    if (host) outlet = host;
  }

  const h1 = textOf(doc.querySelector('article h1') ?? doc.querySelector('h1'));
  const titleTag = textOf(doc.querySelector('title'));
  const title =
    clean(metaContent('meta[property="og:title"]')) ??
    clean(str(ldArticle?.headline)) ??
    (titleTag ? stripSiteSuffix(titleTag, siteName) : undefined) ??
    h1;

  const byline =
    metaContent('meta[name="author"]') ??
    str(ldArticle?.author) ??
    cleanByline(textOf(doc.querySelector('[rel="author"], .byline, .author, [itemprop="author"]')) ?? '');

  const dateCandidates = [
    metaContent('meta[property="article:published_time"]'),
    metaContent('meta[name="date"]'),
    metaContent('meta[name="pubdate"]'),
    metaContent('meta[name="dc.date"]'),
    metaContent('meta[name="dc.date.issued"]'),
    metaContent('meta[name="parsely-pub-date"]'),
    metaContent('meta[itemprop="datePublished"]'),
    str(ldArticle?.datePublished),
    ...ld.map((n) => str(n.datePublished)),
    headerTime(doc),
  ];
  let published: string | undefined;
  for (const c of dateCandidates) {
    published = c ? normalizeDate(c) : undefined;
    if (published) break;
  }
  const out: Omit<HtmlExtraction, 'text'> = {};
  if (title) out.title = title;
  if (byline) out.byline = byline;
  if (outlet) out.outlet = outlet;
  if (url) out.url = url;
  if (published) out.published = published;
  return out;
}

/** Meta tags keyed `name:x`, `property:x`, `itemprop:x` (attribute names and keys lower-cased); first wins. */
function metaMap(doc: DomDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const attrs = new Map<string, string>();
    for (const a of Array.from(
      (el as unknown as { attributes: ArrayLike<{ name: string; value: string }> }).attributes ?? [],
    )) {
      attrs.set(a.name.toLowerCase(), a.value);
    }
    const content = attrs.get('content')?.trim();
    if (!content) continue;
    for (const k of ['name', 'property', 'itemprop']) {
      const v = attrs.get(k)?.trim().toLowerCase();
      if (v && !out.has(`${k}:${v}`)) out.set(`${k}:${v}`, content);
    }
  }
  return out;
}

/** `<time datetime>` in the article header (or the first one in the article): the page's own date. */
function headerTime(doc: DomDocument): string | undefined {
  const el =
    doc.querySelector('article header time[datetime]') ??
    doc.querySelector('header time[datetime]') ??
    doc.querySelector('article time[datetime]') ??
    doc.querySelector('main time[datetime]') ??
    doc.querySelector('time[pubdate]') ??
    doc.querySelector('time[datetime]');
  return el?.getAttribute('datetime') ?? undefined;
}

function textOf(el: DomElement | null): string | undefined {
  const t = el?.textContent?.replace(/\s+/g, ' ').trim();
  return t || undefined;
}

function clean(s: string | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t || undefined;
}

/** A JSON-LD reference: a URL string or an object with `@id`/`url`. */
function ldId(v: unknown): string | undefined {
  if (typeof v === 'string') return /^https?:/i.test(v) ? v : undefined;
  if (v && typeof v === 'object')
    return ldId((v as Record<string, unknown>)['@id']) ?? ldId((v as Record<string, unknown>).url);
  return undefined;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const h = new URL(url).hostname.replace(/^www\./, '');
    return h || undefined;
  } catch {
    return undefined;
  }
}

/** "Council backs bridge | The Riverside Courier" → "Council backs bridge". */
export function stripSiteSuffix(title: string, siteName?: string): string {
  const parts = title.split(/\s+[|\-–—:·•»]\s+/);
  if (parts.length === 1) return title.trim();
  const site = siteName ? norm(siteName) : undefined;
  const kept = parts.filter((p) => !site || norm(p) !== site);
  if (kept.length === 0) return title.trim();
  if (site && kept.length < parts.length) return kept.join(' - ').trim();
  // No site name to compare: the site is the last (or first) segment; keep the longest.
  return kept.reduce((a, b) => (b.length > a.length ? b : a)).trim();
}
