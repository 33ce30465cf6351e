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

/** Feed items parsed at a time by `parseFeedChunks`. */
export const FEED_CHUNK_ITEMS = 200;

/**
 * Where the items (RSS, RDF) or entries (Atom) of an XML feed start and end, skipping CDATA sections and
 * comments (an item's HTML may well contain the text "</item>"). Undefined when the items cannot be
 * delimited this way (nested or unbalanced tags, a JSON feed).
 */
function itemSpans(text: string): Array<[number, number]> | undefined {
  const spans: Array<[number, number]> = [];
  const re = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<(\/?)(?:[\w-]+:)?(item|entry)(?=[\s>/])[^>]*>/gi;
  let open: number | undefined;
  let tag: string | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[2] === undefined) continue;
    const name = m[2].toLowerCase();
    if (tag === undefined) tag = name;
    if (name !== tag) continue;
    if (m[1] === '') {
      if (m[0].endsWith('/>')) {
        if (open !== undefined) return undefined;
        spans.push([m.index, m.index + m[0].length]);
      } else if (open !== undefined) return undefined;
      else open = m.index;
    } else {
      if (open === undefined) return undefined;
      spans.push([open, m.index + m[0].length]);
      open = undefined;
    }
  }
  return open === undefined ? spans : undefined;
}

/**
 * Parses a feed a chunk of items at a time, so that a feed of thousands of items never has all of them
 * parsed (several times the size of the text) at once: each chunk is the document's head, up to
 * `chunkItems` items and its tail, parsed as a feed of its own. The items come out in document order,
 * the same as `parseFeedText` gives for the whole. JSON feeds, and XML whose items cannot be delimited,
 * are parsed whole. Throws `IngestError` like `parseFeedText` when the first chunk is not a feed.
 */
export function* parseFeedChunks(text: string, chunkItems = FEED_CHUNK_ITEMS): Generator<ParsedFeed> {
  const body = text.replace(/^\ufeff/, '');
  const spans = body.trimStart().startsWith('<') ? itemSpans(body) : undefined;
  if (!spans || spans.length <= chunkItems) {
    yield parseFeedText(body);
    return;
  }
  const head = body.slice(0, spans[0][0]);
  const tail = body.slice(spans[spans.length - 1][1]);
  for (let i = 0; i < spans.length; i += chunkItems) {
    const last = spans[Math.min(spans.length, i + chunkItems) - 1];
    yield parseFeedText(head + body.slice(spans[i][0], last[1]) + tail);
  }
}

/**
 * `parseFeedChunks` with the first chunk parsed at once, so that a text that is not a feed throws here,
 * where the caller reports it; the other chunks are parsed as they are read (once).
 */
export function readFeedChunks(text: string, chunkItems = FEED_CHUNK_ITEMS): Iterable<ParsedFeed> {
  const it = parseFeedChunks(text, chunkItems);
  const first = it.next();
  return {
    *[Symbol.iterator]() {
      if (first.done) return;
      yield first.value;
      for (let r = it.next(); !r.done; r = it.next()) yield r.value;
    },
  };
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
 * `feed` may be a parsed feed or its chunks (`parseFeedChunks`), read one after the other.
 */
export async function* feedArticles(
  feed: ParsedFeed | Iterable<ParsedFeed>,
  source: string,
  opts: FeedIngestOptions = {},
): AsyncGenerator<FeedItemResult> {
  const seen = opts.seen ?? new Set<string>();
  const hashes = new Set<string>();
  const turns = new LoopTurns();
  let outlet: string | undefined;
  let first = true;
  // Item numbers run on across chunks.
  let i = -1;
  const chunks = ('items' in feed ? [feed] : feed)[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<ParsedFeed>;
    try {
      next = chunks.next();
    } catch (err) {
      // A later chunk that does not parse: the items before it stand, the rest are reported as one failure.
      const e = err instanceof IngestError ? err : new IngestError('unreadable', (err as Error).message);
      yield { ok: false, failure: { path: `${source} items from ${i + 2}`, kind: e.kind, reason: e.message } };
      return;
    }
    if (next.done) return;
    const chunk = next.value;
    if (first) outlet = chunk.title;
    first = false;
    for (const item of chunk.items) {
      i++;
      const r = await itemResult(item, i, source, outlet, seen, hashes, opts, turns);
      if (r === 'stop') return;
      if (r) yield r;
    }
  }
}

/** One item's article or failure; undefined for an item skipped as seen or repeated, 'stop' once aborted. */
async function itemResult(
  item: FeedItem,
  i: number,
  source: string,
  outlet: string | undefined,
  seen: Set<string>,
  hashes: Set<string>,
  opts: FeedIngestOptions,
  turns: LoopTurns,
): Promise<FeedItemResult | undefined | 'stop'> {
  // Feed items are converted from memory: let signals and timers in now and then.
  await turns.maybe();
  if (opts.signal?.aborted) return 'stop';
  const key = itemKey(item) ?? `${source}#${i + 1}`;
  if (seen.has(key)) return undefined;
  const where = `${source} item ${i + 1}${item.url ? ` (${item.url})` : item.title ? ` ("${item.title.slice(0, 60)}")` : ''}`;
  try {
    const article = await itemArticle(item, outlet, opts);
    seen.add(key);
    if (hashes.has(article.id)) return undefined;
    hashes.add(article.id);
    if (!article.path) article.path = item.url ?? `${source}#${i + 1}`;
    return { ok: true, article, key };
  } catch (err) {
    if (opts.signal?.aborted) return 'stop';
    const e = err instanceof IngestError ? err : new IngestError('unreadable', (err as Error).message);
    // Permanent failures are remembered so that the next poll does not refetch them.
    const permanent =
      !(err instanceof FetchError) ||
      (err.code === 'http' && (err.status ?? 0) < 500) ||
      err.code === 'robots' ||
      err.code === 'too-large' ||
      err.code === 'redirect-loop';
    if (permanent) seen.add(key);
    return { ok: false, failure: { path: where, kind: e.kind, reason: e.message }, key };
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
