/** A quoted region: content between a pair of quote marks (offsets exclude the marks). */
export interface QuoteRegion {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark; equals `end` when the mark is missing (paragraph continuation). */
  close: number;
  start: number;
  end: number;
  /** True when the closing mark is missing because the quote continues in the next paragraph. */
  continuesNext: boolean;
  /** Index of the first region of a multi-paragraph quote, when this is a later paragraph. */
  chainOf?: number;
  /** Single-quote regions (headline style) are less certain. */
  single: boolean;
}

/** Longest quote we accept in one paragraph, and the most paragraphs one quote may run over. */
export const MAX_REGION_CHARS = 4000;
export const MAX_CHAIN_PARAGRAPHS = 8;

export { normalizeQuotes } from '../text/chars.js';

const OPENERS_BEFORE = /[\s([{\u2014\u2013\-/:]/;

/** Length of a double quote mark at `i`: 1, or 2 for the doubled apostrophe some outlets use (''), else 0. */
function markLen(text: string, i: number): number {
  const ch = text[i];
  if (ch === "'") return text[i + 1] === "'" && text[i + 2] !== "'" && text[i - 1] !== "'" ? 2 : 0;
  // Typewriter opening quotes (``…''), as wire copy of the 1990s and treebank-style text write them.
  if (ch === '`') return text[i + 1] === '`' && text[i - 1] !== '`' ? 2 : 0;
  return isDouble(ch) ? 1 : 0;
}

function isDouble(ch: string): boolean {
  return ch === '"' || ch === '\u201c' || ch === '\u201d' || ch === '\u201e' || ch === '\u00ab' || ch === '\u00bb';
}

/** Decides from context whether a double mark at `i` opens a quote. */
function opensAt(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '\u00ab' || ch === '\u201e' || ch === '`') return true;
  if (ch === '\u00bb') return false;
  const len = ch === "'" ? 2 : 1;
  const prev = i > 0 ? text[i - 1] : '\n';
  const next = i + len < text.length ? text[i + len] : '\n';
  const prevOpen = OPENERS_BEFORE.test(prev);
  const nextSpace = /\s/.test(next) || next === undefined;
  if (ch === '\u201c') return !(nextSpace && !prevOpen);
  if (ch === '\u201d') return prevOpen && !nextSpace && !/[.,;:!?)]/.test(next);
  // Straight mark: an opener follows whitespace or an opening bracket and precedes a non-space.
  if (prevOpen && !nextSpace) return true;
  if (!prevOpen && (nextSpace || /[.,;:!?)\]]/.test(next))) return false;
  return prevOpen;
}

/**
 * Finds double-quoted regions, robust to unbalanced marks: a quote open at the end of a paragraph is kept
 * only when the next paragraph opens a quote (the news convention for multi-paragraph quotes); otherwise it
 * is dropped. Marks of the other family inside a quote (straight inside curly or the reverse) are nested
 * quotes and do not close it. Regions are capped in length and in paragraphs so bad input cannot run away.
 */
export function findQuoteRegions(text: string): readonly QuoteRegion[] {
  // The finders of one article ask for its regions several times in a row: keep the last answer.
  if (text !== lastText) {
    lastRegions = scanQuoteRegions(text);
    lastText = text;
  }
  return lastRegions;
}

let lastText: string | undefined;
let lastRegions: readonly QuoteRegion[] = [];

function scanQuoteRegions(text: string): QuoteRegion[] {
  const out: QuoteRegion[] = [];
  const n = text.length;
  let openAt = -1;
  let openStraight = false;
  let nested = 0;
  let chainFirst = -1;
  let chainLen = 0;
  let lastBreak = 0;
  let openLen = 1;
  const endParagraph = (i: number): void => {
    // i is the offset of the newline.
    if (openAt < 0) {
      // Blank lines between the paragraphs of one quote do not end it; text outside quotes does.
      if (text.slice(lastBreak, i).trim() !== '') {
        chainFirst = -1;
        chainLen = 0;
      }
      lastBreak = i + 1;
      return;
    }
    lastBreak = i + 1;
    let k = i;
    while (k < n && /\s/.test(text[k])) k++;
    const nextOpens = k < n && markLen(text, k) > 0 && opensAt(text, k);
    let e = i;
    while (e > openAt + openLen && /\s/.test(text[e - 1])) e--;
    if (nextOpens && chainLen + 1 < MAX_CHAIN_PARAGRAPHS && e - openAt <= MAX_REGION_CHARS) {
      const idx = out.length;
      out.push({
        open: openAt,
        close: e,
        start: openAt + openLen,
        end: e,
        continuesNext: true,
        single: false,
        ...(chainFirst >= 0 ? { chainOf: chainFirst } : {}),
      });
      if (chainFirst < 0) chainFirst = idx;
      chainLen++;
      openAt = -1;
      return;
    }
    if (chainFirst >= 0 && e - openAt <= MAX_REGION_CHARS) {
      // The last paragraph of a chain lost its closing mark: end the quote at the paragraph.
      out.push({
        open: openAt,
        close: e,
        start: openAt + openLen,
        end: e,
        continuesNext: false,
        single: false,
        chainOf: chainFirst,
      });
    }
    openAt = -1;
    chainFirst = -1;
    chainLen = 0;
  };
  // Jump between the only characters that matter: quote marks and line breaks.
  const interesting = /["\n\u201c\u201d\u201e\u00ab\u00bb]|''|``/g;
  for (let m = interesting.exec(text); m; m = interesting.exec(text)) {
    const i = m.index;
    const ch = text[i];
    if (ch === '\n') {
      endParagraph(i);
      nested = 0;
      continue;
    }
    const len = markLen(text, i);
    if (len === 0) continue;
    const straight = ch === '"' || ch === "'" || ch === '`';
    const opens = opensAt(text, i);
    if (openAt < 0) {
      if (opens) {
        openAt = i;
        openLen = len;
        openStraight = straight;
        nested = 0;
      } else if (chainFirst >= 0) {
        chainFirst = -1;
        chainLen = 0;
      }
      continue;
    }
    if (straight !== openStraight) {
      // The other family inside an open quote: a nested quotation, unless it closes with nothing nested
      // (mixed marks such as “…" are common in copy-edited text).
      if (opens || nested > 0) {
        nested += opens ? 1 : -1;
        continue;
      }
    }
    if (!straight && opens) {
      nested++;
      continue;
    }
    if (!straight && nested > 0) {
      nested--;
      continue;
    }
    if (straight && opens && i > openAt + openLen && /\s/.test(text[i - 1]) && !/[.,;:!?]/.test(text[i - 2] ?? '')) {
      // Looks like a new opening while one is open: the earlier mark was unbalanced, restart here.
      openAt = i;
      openLen = len;
      nested = 0;
      continue;
    }
    let s = openAt + openLen;
    let e = i;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s && e - s <= MAX_REGION_CHARS) {
      out.push({
        open: openAt,
        close: i + len,
        start: s,
        end: e,
        continuesNext: false,
        single: false,
        ...(chainFirst >= 0 ? { chainOf: chainFirst } : {}),
      });
    }
    openAt = -1;
    chainFirst = -1;
    chainLen = 0;
  }
  endParagraph(n);
  return addSingleQuoted(text, out);
}

/** Single-quoted phrases outside double quotes, with strict rules so apostrophes are never taken for quotes. */
function addSingleQuoted(text: string, regions: QuoteRegion[]): QuoteRegion[] {
  const re =
    /(^|[\s(\u2014:])[\u2018'](\p{L}[^\u2018\u2019'\n]{0,200}?[\p{L}\p{N}.!?,])[\u2019'](?=$|[\s.,;:!?)\u2014])/gmu;
  const extra: QuoteRegion[] = [];
  for (const m of text.matchAll(re)) {
    const open = (m.index ?? 0) + m[1].length;
    const start = open + 1;
    const end = start + m[2].length;
    if (!m[2].includes(' ')) continue;
    if (regions.some((r) => open < r.close && end > r.open)) continue;
    extra.push({ open, close: end + 1, start, end, continuesNext: false, single: true });
  }
  if (extra.length === 0) return regions;
  const all = [...regions, ...extra];
  // Keep chain indexes valid after sorting.
  const order = all.map((r, i) => ({ r, i })).sort((a, b) => a.r.open - b.r.open);
  const newIndex = new Map<number, number>();
  order.forEach((o, k) => newIndex.set(o.i, k));
  return order.map(({ r }) => (r.chainOf !== undefined ? { ...r, chainOf: newIndex.get(r.chainOf) } : r));
}
