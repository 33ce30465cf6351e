import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article } from '../model.js';
import { decodeBytes, type DecodedText } from './decode.js';
import { IngestError } from './errors.js';
import { makeArticle } from './parse.js';

/** What was read from an HTML page: the article text with paragraph breaks, and its metadata. */
export interface HtmlExtraction {
  /** Blocks (paragraphs, headings, list items, quotes, table rows) separated by a blank line. */
  text: string;
  title?: string;
  byline?: string;
  /** The outlet: og:site_name, JSON-LD publisher, else the domain. */
  outlet?: string;
  /** Canonical URL (link rel=canonical, og:url), else the page URL. */
  url?: string;
  /** Publication date as YYYY-MM-DD. */
  published?: string;
  /** Which encoding the bytes were read with (when extracted from bytes). */
  encoding?: string;
}

export interface HtmlOptions {
  /** Where the page came from: resolves relative canonical URLs and gives the outlet's domain. */
  pageUrl?: string;
  /** Charset from the HTTP Content-Type header. */
  headerCharset?: string;
  /** Largest number of elements parsed before the page is refused as too large. Default 50 000. */
  maxElements?: number;
  /** Deepest element nesting kept; tags nested deeper are dropped (their text is kept). Default 256. */
  maxDepth?: number;
}

/** Default bounds on a page's markup: real pages stay far below both. */
export const MAX_HTML_ELEMENTS = 50_000;
export const MAX_HTML_DEPTH = 256;

/** Elements that never nest (void) or whose end tag is optional and implied (so open tags overcount). */
const NOT_NESTING = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'html',
  'head',
  'body',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'rb',
  'rt',
  'rp',
  'rtc',
  'keygen',
  'command',
  'basefont',
  'bgsound',
  'frame',
  'image',
]);
/** Elements whose content is raw text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

export interface BoundedMarkup {
  html: string;
  /** Elements (start tags) in the markup. */
  elements: number;
  /** Deepest nesting of the markup as written (before flattening). */
  depth: number;
  /** Start tags dropped because they were nested deeper than the limit. */
  flattened: number;
  /** Sum of the kept depth of every element: what whole-subtree passes (Readability's) cost. */
  work: number;
}

/**
 * Readability's passes grow with elements × depth and with the number of block elements (a page of
 * 40,000 elements in short nested chains took 5–7 s; 190 chains 256 deep, 6 s), while real article
 * pages stay far below both bounds. Above either, the plain block walk over the cleaned page is used
 * instead, which is linear.
 */
export const MAX_READABILITY_WORK = 500_000;
export const MAX_READABILITY_ELEMENTS = 15_000;

/**
 * Bounds a page before it is parsed, in one linear pass over the raw markup (no DOM, no recursion):
 * more than `maxElements` start tags is refused (`IngestError` too-large); tags nested deeper than
 * `maxDepth` are dropped with their end tags, so the text inside them is kept but the tree handed to
 * the DOM parser and Readability (whose costs grow steeply with depth) stays shallow.
 */
export function boundMarkup(html: string, opts: { maxElements?: number; maxDepth?: number } = {}): BoundedMarkup {
  const maxElements = opts.maxElements ?? MAX_HTML_ELEMENTS;
  const maxDepth = opts.maxDepth ?? MAX_HTML_DEPTH;
  const len = html.length;
  const out: string[] = [];
  let last = 0;
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  let flattened = 0;
  let work = 0;
  let foreign = 0;
  let i = 0;
  while (i < len) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      if (html.startsWith('<!--', lt)) {
        const e = html.indexOf('-->', lt + 4);
        i = e < 0 ? len : e + 3;
      } else {
        const e = html.indexOf('>', lt + 2);
        i = e < 0 ? len : e + 1;
      }
      continue;
    }
    const closing = next === 47; /* / */
    let j = closing ? lt + 2 : lt + 1;
    const first = html.charCodeAt(j);
    if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) {
      i = lt + 1;
      continue;
    }
    const nameStart = j;
    while (j < len) {
      const c = html.charCodeAt(j);
      if (c === 32 || c === 9 || c === 10 || c === 12 || c === 13 || c === 47 || c === 62) break;
      j++;
    }
    const name = html.slice(nameStart, j).toLowerCase();
    // The end of the tag, skipping quoted attribute values.
    let quote = 0;
    while (j < len) {
      const c = html.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62) break;
      j++;
    }
    const end = Math.min(len, j + 1);
    i = end;
    if (!closing) {
      elements++;
      if (elements > maxElements) {
        throw new IngestError('too-large', `page has over ${maxElements} elements, over the limit; refused`);
      }
      if (RAW_TEXT.has(name)) {
        const re = new RegExp(`</${name}[\\s/>]`, 'gi');
        re.lastIndex = end;
        const m = re.exec(html);
        i = m ? m.index : len;
        continue;
      }
      // `<div/>` opens a div in HTML; only inside SVG and MathML does `/>` close the element.
      if (NOT_NESTING.has(name) || (foreign > 0 && html.charCodeAt(end - 2) === 47)) continue;
      if (name === 'svg' || name === 'math') foreign++;
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth > maxDepth) {
        out.push(html.slice(last, lt));
        last = end;
        flattened++;
      }
      work += Math.min(depth, maxDepth);
    } else if (!NOT_NESTING.has(name) && depth > 0) {
      if ((name === 'svg' || name === 'math') && foreign > 0) foreign--;
      if (depth > maxDepth) {
        out.push(html.slice(last, lt));
        last = end;
      }
      depth--;
    }
  }
  if (flattened === 0) return { html, elements, depth: deepest, flattened, work };
  out.push(html.slice(last));
  return { html: out.join(''), elements, depth: deepest, flattened, work };
}

/** Lightweight DOM types: linkedom's nodes, as far as this module uses them. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}
interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(sel: string): DomElement | null;
  querySelectorAll(sel: string): ArrayLike<DomElement>;
  remove(): void;
}
interface DomDocument {
  documentElement: DomElement;
  body: DomElement | null;
  querySelector(sel: string): DomElement | null;
  querySelectorAll(sel: string): ArrayLike<DomElement>;
}

const SINGLE_BYTE = /^(?:iso-?8859-?1|latin-?1|l1|us-ascii|ascii|windows-1252|cp1252|x-cp1252|iso_8859-1)$/i;

/**
 * Decodes HTML bytes. Order: BOM, then the HTTP header charset, then `<meta charset>` /
 * `http-equiv`, then content sniffing. A declared charset that the bytes contradict (invalid UTF-8
 * declared as UTF-8; valid multi-byte UTF-8 declared as Latin-1) is overridden by the sniffed one,
 * since mislabelled pages are common and the bytes do not lie.
 */
export function decodeHtmlBytes(bytes: Uint8Array, headerCharset?: string): DecodedText & { declared?: string } {
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (hasBom) return decodeBytes(bytes);
  const declared = normaliseCharset(headerCharset) ?? normaliseCharset(sniffMetaCharset(bytes));
  if (declared === 'utf-8') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', declared };
    } catch {
      return { ...decodeBytes(bytes), declared };
    }
  }
  if (declared && SINGLE_BYTE.test(declared)) {
    // A UTF-8 page mislabelled as Latin-1: valid multi-byte sequences almost never occur in real Latin-1 text.
    if (hasMultiByteUtf8(bytes)) return { ...decodeBytes(bytes), declared };
    return { ...decodeBytes(bytes), encoding: 'windows-1252', declared };
  }
  if (declared) {
    try {
      const text = new TextDecoder(declared).decode(bytes);
      return { text, encoding: 'utf-8', declared };
    } catch {
      // An unknown label: fall through to sniffing.
    }
  }
  return decodeBytes(bytes);
}

function normaliseCharset(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const c = raw
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!c) return undefined;
  if (c === 'utf8' || c === 'utf-8' || c === 'unicode-1-1-utf-8') return 'utf-8';
  return c;
}

/** `<meta charset>` or `<meta http-equiv=Content-Type content="…; charset=…">` within the first 4 KB. */
export function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  return direct?.[1];
}

function hasMultiByteUtf8(bytes: Uint8Array): boolean {
  let multi = false;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] >= 0x80) {
      multi = true;
      break;
    }
  }
  if (!multi) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Class/id words of page furniture that is never article text. */
const JUNK_WORDS =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|share|sharing|share-?bar|social|related|recommended|more-stories|read-?more|newsletter|subscribe|subscription|signup|sign-up|cookies?|consent|gdpr|comments?|comment-list|disqus|advert|advertisement|ads?|ad-slot|promo|sponsored|sidebar|footer|site-footer|copyright|site-header|masthead|outbrain|taboola|popular|trending|most-read|tags|tag-list|author-bio|paywall|pullquote|pull-quote|caption|credit|byline|dateline|toolbar|skip-link|visually-hidden|sr-only|print-only|modal|overlay|banner|widget|donate)(?:$|[\s_-])/i;

const JUNK_TAGS =
  'script, style, noscript, template, iframe, nav, aside, footer, header, form, button, select, input, textarea, svg, canvas, figcaption, dialog, object, embed, video, audio, amp-ad, amp-analytics, amp-sidebar';

/** Removes page furniture before main-text detection: navigation, share bars, newsletter boxes, captions, comments. */
function stripJunk(doc: DomDocument): void {
  for (const el of Array.from(doc.querySelectorAll(JUNK_TAGS))) el.remove();
  for (const el of Array.from(doc.querySelectorAll('[class], [id], [role], [aria-hidden], [hidden]'))) {
    if (!el.parentNode) continue;
    const tag = el.tagName.toLowerCase();
    if (tag === 'html' || tag === 'body' || tag === 'article' || tag === 'main') continue;
    const role = (el.getAttribute('role') ?? '').toLowerCase();
    if (['navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog', 'search'].includes(role)) {
      el.remove();
      continue;
    }
    if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') {
      el.remove();
      continue;
    }
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (JUNK_WORDS.test(words)) el.remove();
  }
}

const BLOCK_TAGS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'DD',
  'DT',
  'DIV',
  'SECTION',
  'ARTICLE',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'FIGURE',
  'MAIN',
  'ADDRESS',
  'HR',
  'CAPTION',
]);

/**
 * Text of a DOM subtree as blocks separated by blank lines. Inline runs collapse whitespace; `<br>`
 * becomes a line break; table cells of a row are joined with " | ".
 */
export function blocksToText(root: DomNode): string {
  const blocks: string[] = [];
  let current = '';
  const flush = (): void => {
    const t = current.replace(/[ \t]*\n[ \t]*/g, '\n').replace(/^\s+|\s+$/g, '');
    if (t) blocks.push(t);
    current = '';
  };
  // An explicit stack, not recursion: no page, however deeply nested, can overflow the call stack.
  interface Frame {
    name: string;
    block: boolean;
    pre: boolean;
    kids: ArrayLike<DomNode>;
    next: number;
    /** Set on a table cell of a row: the row's text before it, its index and the row's cell count. */
    cell?: { before: string; index: number; of: number };
  }
  const stack: Frame[] = [];
  const enter = (node: DomNode, pre: boolean, cell?: Frame['cell']): void => {
    if (node.nodeType === 3) {
      const raw = node.textContent ?? '';
      current += pre ? raw : raw.replace(/[\s\u00a0]+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'BR') {
      current = current.replace(/ +$/, '') + '\n';
      return;
    }
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') return;
    const block = BLOCK_TAGS.has(name);
    if (block) flush();
    stack.push({ name, block, pre: pre || name === 'PRE', kids: node.childNodes, next: 0, cell });
  };
  const leave = (f: Frame): void => {
    if (f.name === 'TR') current = current.replace(/\s*\|\s*$/, '');
    if (f.block) flush();
    const c = f.cell;
    if (c && (c.before !== '' || current.trim() !== '')) {
      if (c.index < c.of - 1 && current.trim() !== '' && !/\|\s*$/.test(current))
        current = current.replace(/\s+$/, '') + ' | ';
    }
  };
  enter(root, false);
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    if (f.next >= f.kids.length) {
      stack.pop();
      leave(f);
      continue;
    }
    const i = f.next++;
    const k = f.kids[i];
    const kName = k.nodeName.toUpperCase();
    const isCell = f.name === 'TR' && (kName === 'TD' || kName === 'TH');
    enter(k, f.pre, isCell ? { before: current.trim(), index: i, of: f.kids.length } : undefined);
  }
  flush();
  return blocks
    .map((b) => b.replace(/ {2,}/g, ' ').replace(/ ?\| ?(\| ?)+/g, ' | '))
    .filter((b) => !/^\|?\s*$/.test(b))
    .join('\n\n');
}

/** Converts an HTML fragment (a feed item's content) to block text. */
export function htmlFragmentToText(html: string): string {
  // Plain-text teasers are common in feeds; no need to build a DOM for them.
  if (!/[<&]/.test(html)) return html.replace(/[ \t\r\n\u00a0]+/g, ' ').trim();
  const bounded = boundMarkup(html.includes('\0') ? html.replace(/\0/g, '') : html).html;
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${bounded}</body></html>`);
  const doc = document as unknown as DomDocument;
  for (const el of Array.from(
    doc.querySelectorAll('script, style, noscript, template, iframe, figcaption, form, button'),
  ))
    el.remove();
  return doc.body ? blocksToText(doc.body) : '';
}

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

/** Readability sometimes keeps the headline as the first block: it is metadata, not body. */
function dropLeadingTitle(text: string, title: string | undefined): string {
  if (!title) return text;
  const first = text.split('\n\n', 1)[0];
  if (norm(first) === norm(title)) return text.slice(first.length).replace(/^\s+/, '');
  return text;
}

/** Blocks that only repeat the byline or give a date are page furniture, not article text. */
function dropMetaBlocks(text: string, byline: string | undefined): string {
  const by = byline ? norm(byline) : undefined;
  return text
    .split('\n\n')
    .filter((b) => {
      const n = norm(b);
      if (by && (n === by || n === `by ${by}`)) return false;
      if (b.length < 40 && normalizeDate(b) && /^[\p{N}\s,./:-]*(?:[A-Za-z]{3,9}\.?)?[\p{N}\s,./:-]*$/u.test(b))
        return false;
      return true;
    })
    .join('\n\n');
}

function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function cleanByline(raw: string): string | undefined {
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

function extractMetadata(doc: DomDocument, pageUrl?: string): Omit<HtmlExtraction, 'text'> {
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

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * A date in any common web form (ISO 8601, RFC 822, "March 2, 2026", "2 March 2026") as YYYY-MM-DD.
 * ISO dates keep their written calendar day (the publisher's local date), whatever the offset.
 */
export function normalizeDate(raw: string): string | undefined {
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(s);
  if (compact) return valid(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const rfc = /(?:^|\s|,)(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})/.exec(s);
  if (rfc && MONTHS[rfc[2].toLowerCase()]) return valid(Number(rfc[3]), MONTHS[rfc[2].toLowerCase()], Number(rfc[1]));
  const us = /([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/.exec(s);
  if (us && MONTHS[us[1].toLowerCase()]) return valid(Number(us[3]), MONTHS[us[1].toLowerCase()], Number(us[2]));
  return undefined;
}

function valid(y: number, m: number, d: number): string | undefined {
  if (y < 1800 || y > 2200 || m < 1 || m > 12) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
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
