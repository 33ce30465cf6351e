/**
 * Shapes shared by the HTML extraction modules: what extraction yields and accepts, and the part of
 * linkedom's DOM they touch (typed narrowly so no module depends on linkedom's own types).
 */

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

/** Lightweight DOM types: linkedom's nodes, as far as extraction uses them. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}
export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(sel: string): DomElement | null;
  querySelectorAll(sel: string): ArrayLike<DomElement>;
  remove(): void;
}
export interface DomDocument {
  documentElement: DomElement;
  body: DomElement | null;
  querySelector(sel: string): DomElement | null;
  querySelectorAll(sel: string): ArrayLike<DomElement>;
}
