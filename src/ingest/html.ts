/**
 * Article extraction from HTML pages. The work lives in `./html/`, one module per concern; this
 * module is the entry point importers use.
 */
export type { HtmlExtraction, HtmlOptions } from './html/types.js';
export {
  MAX_HTML_DEPTH,
  MAX_HTML_ELEMENTS,
  MAX_READABILITY_ELEMENTS,
  MAX_READABILITY_WORK,
  boundMarkup,
  type BoundedMarkup,
} from './html/markup.js';
export { decodeHtmlBytes, sniffMetaCharset } from './html/charset.js';
export { blocksToText, htmlFragmentToText } from './html/blocks.js';
export { stripSiteSuffix } from './html/metadata.js';
export { normalizeDate } from './html/dates.js';
export { assertHtmlContentType, extractHtml, extractHtmlBytes, htmlArticle, looksLikeHtml } from './html/extract.js';
