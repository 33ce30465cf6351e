import { createHash } from 'node:crypto';
import type { Article } from '../model.js';
import { IngestError } from './errors.js';

/** Metadata given alongside a text, before it becomes an article. */
export interface ArticleMetadata {
  title?: string;
  source?: string;
  url?: string;
  published?: string;
  path?: string;
  byline?: string;
}

const HEADER_LINE = /^(title|source|url|date|author|byline|outlet|published):[ \t]*(.*)$/i;
const LEADING_DATE = /^[ \t]*date:?[ \t]+(\S+)[ \t]*/i;

/**
 * Checks a header date and returns it as `YYYY-MM-DD`. Accepts ISO dates with an optional time part.
 * An impossible date ("2018-02-30") is an error rather than silently shifted.
 */
export function parseHeaderDate(raw: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(raw.trim());
  if (!m) throw new IngestError('bad-header', `invalid date "${raw.trim()}" in header (expected YYYY-MM-DD)`);
  const [, y, mo, d] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new IngestError('bad-header', `invalid date "${raw.trim()}" in header (no such day)`);
  }
  if (year < 1800 || year > 2200) {
    throw new IngestError('bad-header', `implausible year in header date "${raw.trim()}" (expected 1800–2200)`);
  }
  return `${y}-${mo}-${d}`;
}

/**
 * Splits a file's text into metadata and body. Two forms are recognised:
 * a first line starting `date YYYY-MM-DD` (or `date:`) followed by the text on the same line, and a block
 * of `key: value` header lines (title, source, url, date) ended by a blank line. Anything else is all body.
 */
export function parseTextFile(raw: string, path?: string): { body: string; meta: ArticleMetadata } {
  const meta: ArticleMetadata = { path };
  let text = raw.replace(/\r\n?/g, '\n');
  const lead = LEADING_DATE.exec(text);
  if (lead && /^\d/.test(lead[1])) {
    meta.published = parseHeaderDate(lead[1]);
    text = text.slice(lead[0].length);
  } else {
    const lines = text.split('\n');
    let i = 0;
    const header: Array<[string, string]> = [];
    while (i < lines.length && HEADER_LINE.test(lines[i])) {
      const m = HEADER_LINE.exec(lines[i]);
      if (m) header.push([m[1].toLowerCase(), m[2].trim()]);
      i++;
    }
    if (header.length > 0 && i < lines.length && lines[i].trim() === '') {
      for (const [key, value] of header) {
        if (value === '') continue;
        if (key === 'title') meta.title = value;
        else if (key === 'source' || key === 'outlet') meta.source = value;
        else if (key === 'url') meta.url = value;
        else if (key === 'date' || key === 'published') meta.published = parseHeaderDate(value);
      }
      text = lines.slice(i + 1).join('\n');
    }
  }
  const body = text.replace(/^\s+/, '').replace(/\s+$/, '');
  return { body, meta };
}

/**
 * Finds the outlet in a credit line such as "CNN's Elizabeth Joseph contributed to this report".
 * Only the last lines are searched: credit lines close an article.
 */
export function inferOutletFromCredit(body: string): string | undefined {
  const tail = body.slice(-600);
  const re =
    /(?:^|\n|[.!?][ \t]+)((?:The[ \t]+)?(?:[A-Z][\w&.-]*)(?:[ \t]+[A-Z][\w&.-]*){0,4})['’]s[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){1,3}(?:and[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){1,3})?contributed/g;
  let found: string | undefined;
  for (const m of tail.matchAll(re)) found = m[1];
  return found;
}

/** Content hash of the body: the identity of an article (same text = same article). */
export function contentHash(body: string): string {
  const normalised = body.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalised).digest('hex');
}

/** True when a text has something a reader can see: a letter, digit, punctuation mark or symbol. */
export function hasVisibleText(text: string): boolean {
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(text);
}

/**
 * A link as it may be stored and shown: an absolute http(s) URL with a host and no spaces or control
 * characters. Anything else (`javascript:`, `data:`, `http://`, relative paths) could not be followed
 * safely from the web app.
 */
export function isSafeLink(raw: string): boolean {
  if (raw.length > 2048 || /[\s\p{Cc}]/u.test(raw)) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

/**
 * Builds an article from a body and its metadata. Every ingest path ends here, so this is where stored
 * input is checked: a text with nothing visible is refused, and a link that is not a safe http(s) URL is
 * left out while the article is kept.
 */
export function makeArticle(body: string, meta: ArticleMetadata): Article {
  if (body.trim() === '') throw new IngestError('empty', 'no text (the file is empty or has only a header)');
  if (!hasVisibleText(body)) {
    throw new IngestError('empty', 'no visible text (only spaces, control or formatting characters)');
  }
  const article: Article = { id: contentHash(body).slice(0, 16), text: body, publishedInferred: false };
  if (meta.title && hasVisibleText(meta.title)) article.title = meta.title;
  const url = meta.url?.trim();
  if (url && isSafeLink(url)) article.url = url;
  if (meta.byline) article.byline = meta.byline;
  if (meta.path) article.path = meta.path;
  if (meta.published) article.published = meta.published;
  if (meta.source) {
    article.source = meta.source;
  } else {
    const credited = inferOutletFromCredit(body);
    if (credited) {
      article.source = credited;
      article.sourceInferred = true;
    }
  }
  return article;
}

export { normalizeQuotes } from '../text/chars.js';
