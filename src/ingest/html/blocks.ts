/** DOM to plain text, block by block, so paragraph breaks survive extraction. */

import { parseHTML } from 'linkedom';
import { boundMarkup } from './markup.js';
import type { DomDocument, DomNode } from './types.js';

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
