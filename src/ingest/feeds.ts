import { parseFeed } from 'feedsmith';
import type { Article } from '../model.js';
import { IngestError, type IngestFailure } from './errors.js';
import { FetchError, type Fetcher } from './fetch.js';
import {
  assertHtmlContentType,
  decodeHtmlBytes,
  extractHtmlBytes,
  htmlArticle,
  htmlFragmentToText,
  normalizeDate,
} from './html.js';
import { makeArticle } from './parse.js';
import { LoopTurns } from './turn.js';

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

/** One feed entry, reduced to what an article needs. */
export interface FeedItem {
  guid?: string;
  url?: string;
  title?: string;
  /** YYYY-MM-DD. */
  published?: string;
  author?: string;
  /** Full content as HTML (content:encoded, Atom content, content_html). */
  html?: string;
  /** Full content as plain text (Atom text content, content_text). */
  text?: string;
  /** Description or summary: a teaser, used only when there is nothing better. */
  summary?: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  link?: string;
  items: FeedItem[];
}

/** Does this text look like an RSS, Atom, RDF or JSON Feed document? Decided by content, not file name. */
export function looksLikeFeed(head: string): boolean {
  const h = head
    .replace(/^\ufeff/, '')
    .trimStart()
    .slice(0, 4096);
  if (h.startsWith('{')) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(h);
  const body = h
    .replace(/^<\?xml[^>]*\?>\s*/, '')
    .replace(/^(?:<!--[\s\S]*?-->\s*|<\?[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*)*/i, '');
  return /^<(?:rss|feed|rdf:RDF|RDF)[\s>]/i.test(body);
}

/** Decodes feed bytes: BOM, HTTP charset, the XML declaration's encoding, then sniffing. */
export function decodeFeedBytes(bytes: Uint8Array, headerCharset?: string): string {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  const declared = headerCharset ?? /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  return decodeHtmlBytes(bytes, declared).text;
}

/** Parses a feed document. Throws `IngestError` when it is not a feed or is too broken to read. */
export function parseFeedText(text: string): ParsedFeed {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(text.replace(/^\ufeff/, ''));
  } catch (err) {
    const msg = (err as Error).message;
    throw new IngestError(
      'unreadable',
      /unrecognized/i.test(msg) ? 'not a feed (no RSS, Atom, RDF or JSON Feed root found)' : `malformed feed: ${msg}`,
    );
  }
  const { format, feed } = parsed as { format: FeedFormat; feed: Record<string, unknown> };
  const out: ParsedFeed = { format, items: [] };
  if (format === 'atom') {
    out.title = textValue(feed.title);
    out.link = atomLink(feed.links);
    for (const e of asArray(feed.entries)) {
      const entry = e as Record<string, unknown>;
      const content = entry.content as { value?: string; type?: string } | undefined;
      const item: FeedItem = {
        guid: str(entry.id),
        url: atomLink(entry.links),
        title: textValue(entry.title),
        published: date(str(entry.published) ?? str(entry.updated)),
        author: str((asArray(entry.authors)[0] as { name?: string } | undefined)?.name),
        summary: textValue(entry.summary),
      };
      if (content?.value) {
        if (!content.type || content.type === 'text') item.text = content.value;
        else item.html = content.value;
      }
      out.items.push(item);
    }
  } else if (format === 'json') {
    out.title = str(feed.title);
    out.link = str(feed.home_page_url);
    for (const e of asArray(feed.items)) {
      const it = e as Record<string, unknown>;
      out.items.push({
        guid: str(it.id),
        url: str(it.url) ?? str(it.external_url),
        title: str(it.title),
        published: date(str(it.date_published) ?? str(it.date_modified)),
        author: str((asArray(it.authors)[0] as { name?: string } | undefined)?.name),
        html: str(it.content_html),
        text: str(it.content_text),
        summary: str(it.summary),
      });
    }
  } else {
    out.title = str(feed.title);
    out.link = str(feed.link);
    for (const e of asArray(feed.items)) {
      const it = e as Record<string, unknown>;
      const guid = it.guid as { value?: string } | string | undefined;
      const dc = it.dc as { creators?: string[]; dates?: string[]; creator?: string; date?: string } | undefined;
      const content = it.content as { encoded?: string } | undefined;
      out.items.push({
        guid:
          typeof guid === 'string'
            ? guid
            : (str(guid?.value) ?? str((it.rdf as { about?: string } | undefined)?.about)),
        url: str(it.link),
        title: str(it.title),
        published: date(str(it.pubDate) ?? str(dc?.dates?.[0]) ?? str(dc?.date)),
        author: str(it.author) ?? str(dc?.creators?.[0]) ?? str(dc?.creator),
        html: str(content?.encoded),
        summary: str(it.description),
      });
    }
  }
  return out;
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function textValue(v: unknown): string | undefined {
  if (typeof v === 'string') return str(v);
  if (v && typeof v === 'object' && 'value' in v) return str((v as { value: unknown }).value);
  return undefined;
}

function atomLink(links: unknown): string | undefined {
  const all = asArray(links) as Array<{ href?: string; rel?: string }>;
  return str((all.find((l) => !l.rel || l.rel === 'alternate') ?? all[0])?.href);
}

function date(raw: string | undefined): string | undefined {
  return raw ? normalizeDate(raw) : undefined;
}

export type FeedItemResult =
  { ok: true; article: Article; key: string } | { ok: false; failure: IngestFailure; key?: string };

export interface FeedIngestOptions {
  /** Fetches pages of items that only link to their article. Without it such items fail. */
  fetcher?: Fetcher;
  /** Item keys (GUID or URL) already handled, e.g. in an earlier poll; updated as items are read. */
  seen?: Set<string>;
  signal?: AbortSignal;
  /** Plain-text teasers shorter than this are not taken as the article when the page cannot be fetched. */
  minSummaryChars?: number;
}

/** The identity of an item across polls: its GUID, else its link. */
export function itemKey(item: FeedItem): string | undefined {
  return item.guid ?? item.url;
}

/**
 * Turns feed items into articles: items with full content directly (HTML through the block
 * extractor), link-only items by fetching and extracting the page. Items are de-duplicated by
 * GUID/URL (across polls through `seen`) and by content hash. Each failure names the item.
 */
export async function* feedArticles(
  feed: ParsedFeed,
  source: string,
  opts: FeedIngestOptions = {},
): AsyncGenerator<FeedItemResult> {
  const seen = opts.seen ?? new Set<string>();
  const hashes = new Set<string>();
  const outlet = feed.title;
  const turns = new LoopTurns();
  for (let i = 0; i < feed.items.length; i++) {
    // Feed items are converted from memory: let signals and timers in now and then.
    await turns.maybe();
    if (opts.signal?.aborted) return;
    const item = feed.items[i];
    const key = itemKey(item) ?? `${source}#${i + 1}`;
    if (seen.has(key)) continue;
    const where = `${source} item ${i + 1}${item.url ? ` (${item.url})` : item.title ? ` ("${item.title.slice(0, 60)}")` : ''}`;
    try {
      const article = await itemArticle(item, outlet, opts);
      seen.add(key);
      if (hashes.has(article.id)) continue;
      hashes.add(article.id);
      if (!article.path) article.path = item.url ?? `${source}#${i + 1}`;
      yield { ok: true, article, key };
    } catch (err) {
      if (opts.signal?.aborted) return;
      const e = err instanceof IngestError ? err : new IngestError('unreadable', (err as Error).message);
      // Permanent failures are remembered so that the next poll does not refetch them.
      const permanent =
        !(err instanceof FetchError) ||
        (err.code === 'http' && (err.status ?? 0) < 500) ||
        err.code === 'robots' ||
        err.code === 'too-large' ||
        err.code === 'redirect-loop';
      if (permanent) seen.add(key);
      yield { ok: false, failure: { path: where, kind: e.kind, reason: e.message }, key };
    }
  }
}

async function itemArticle(item: FeedItem, outlet: string | undefined, opts: FeedIngestOptions): Promise<Article> {
  const meta = { title: item.title, source: outlet, url: item.url, published: item.published };
  if (item.html) {
    const text = htmlFragmentToText(item.html);
    if (text.trim()) return makeArticle(text, meta);
  }
  if (item.text?.trim()) return makeArticle(item.text.trim(), meta);
  if (item.url && opts.fetcher) {
    const res = await opts.fetcher.get(item.url, { signal: opts.signal });
    assertHtmlContentType(res.contentType, res.url);
    const x = extractHtmlBytes(res.body, { pageUrl: res.url, headerCharset: res.charset });
    const article = htmlArticle(x, item.url);
    if (!article.title && item.title) article.title = item.title;
    if (!article.published && item.published) article.published = item.published;
    if (!x.url) article.url = item.url;
    return article;
  }
  const summary = item.summary ? htmlFragmentToText(item.summary) : '';
  if (summary.length >= (opts.minSummaryChars ?? 1)) return makeArticle(summary, meta);
  throw new IngestError(
    'empty',
    item.url ? 'item has only a link and fetching is off' : 'item has no content and no link',
  );
}
