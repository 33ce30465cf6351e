/** The extraction front: bounds, parses and reads a page, with Readability first and a plain block walk behind it. */

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article } from '../../model.js';
import { IngestError } from '../errors.js';
import { makeArticle } from '../parse.js';
import { blocksToText } from './blocks.js';
import { decodeHtmlBytes } from './charset.js';
import { dropLeadingTitle, dropMetaBlocks, stripJunk } from './furniture.js';
import { MAX_HTML_ELEMENTS, MAX_READABILITY_ELEMENTS, MAX_READABILITY_WORK, boundMarkup } from './markup.js';
import { cleanByline, extractMetadata } from './metadata.js';
import type { DomDocument, DomNode, HtmlExtraction, HtmlOptions } from './types.js';

/** Extracts the main text and metadata of an HTML page given as text. Throws `IngestError` on pages without article text. */
export function extractHtml(raw: string, opts: HtmlOptions = {}): HtmlExtraction {
  const maxElements = opts.maxElements ?? MAX_HTML_ELEMENTS;
  // Bounded before parsing: deep nesting costs the parser and Readability far more than its size suggests.
  const bounded = boundMarkup(raw.includes('\0') ? raw.replace(/\0/g, '') : raw, {
    maxElements,
    maxDepth: opts.maxDepth,
  });
  const html = bounded.html;
  const { document } = parseHTML(html);
  const doc = document as unknown as DomDocument;
  if (!doc.documentElement) throw new IngestError('unreadable', 'not an HTML document (no root element)');
  const elementCount = doc.querySelectorAll('*').length;
  if (elementCount > maxElements) {
    throw new IngestError('too-large', `page has ${elementCount} elements, over the ${maxElements} limit`);
  }
  const meta = extractMetadata(doc, opts.pageUrl);
  stripJunk(doc);

  let text = '';
  let byline = meta.byline;
  try {
    // Too much nesting for Readability to finish in good time: the block walk below reads the page.
    if (bounded.work > MAX_READABILITY_WORK || bounded.elements > MAX_READABILITY_ELEMENTS) throw new Error('skipped');
    const reader = new Readability<DomNode>(document as never, {
      charThreshold: 200,
      keepClasses: false,
      maxElemsToParse: maxElements,
      serializer: (node: unknown) => node as DomNode,
    });
    const parsed = reader.parse();
    if (parsed?.content) text = blocksToText(parsed.content);
    if (!byline && parsed?.byline) byline = cleanByline(parsed.byline);
  } catch {
    // Readability gave up (odd markup): the block walk over the cleaned body below still yields text.
  }
  const fallback = (): string => {
    const { document: again } = parseHTML(html);
    const d = again as unknown as DomDocument;
    stripJunk(d);
    const root = d.querySelector('article') ?? d.querySelector('main') ?? d.body;
    return root ? blocksToText(root) : '';
  };
  if (text.length < 200) {
    const alt = fallback();
    if (alt.length > text.length) text = alt;
  }
  text = dropLeadingTitle(text, meta.title);
  text = dropMetaBlocks(text, byline);
  if (text.trim() === '') throw new IngestError('empty', 'no article text found in the page');
  return { ...meta, byline, text };
}

/** Extracts a page from its bytes (decoding by BOM, header charset, meta charset, then content). */
export function extractHtmlBytes(bytes: Uint8Array, opts: HtmlOptions = {}): HtmlExtraction {
  if (bytes.length === 0) throw new IngestError('empty', 'empty page');
  const decoded = decodeHtmlBytes(bytes, opts.headerCharset);
  return { ...extractHtml(decoded.text, opts), encoding: decoded.encoding };
}

/** An article from an extracted page; `path` is where it was read from (file or URL). */
export function htmlArticle(x: HtmlExtraction, path?: string): Article {
  return makeArticle(x.text, {
    title: x.title,
    source: x.outlet,
    url: x.url,
    published: x.published,
    byline: x.byline,
    path,
  });
}

/** Does this text look like an HTML document (rather than a feed or plain text)? */
export function looksLikeHtml(head: string): boolean {
  const h = head
    .replace(/^\ufeff/, '')
    .trimStart()
    .slice(0, 2048)
    .toLowerCase();
  return (
    h.startsWith('<!doctype html') ||
    h.startsWith('<html') ||
    /^(?:<!--[\s\S]*?-->\s*)*<(?:html|head|body)[\s>]/.test(h) ||
    (h.startsWith('<') && /<(?:body|p|div)[\s>]/.test(h) && !/^<\?xml|^<(?:rss|feed|rdf:rdf)[\s>]/.test(h))
  );
}

/** Refuses responses that are clearly not web pages (PDFs, images, archives) before parsing them. */
export function assertHtmlContentType(contentType: string | undefined, url: string): void {
  if (!contentType) return;
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (!type || /html|xml|text\/|octet-stream/.test(type)) return;
  throw new IngestError('unreadable', `${url} is not a web page (Content-Type ${type})`);
}
