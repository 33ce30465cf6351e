/** Limits on raw markup, applied before any DOM exists so hostile pages cost linear time. */

import { IngestError } from '../errors.js';

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
