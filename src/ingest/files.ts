import { readdir, stat, type FileHandle } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { Article } from '../model.js';
import { decodeBytes } from './decode.js';
import { IngestError, type IngestFailure } from './errors.js';
import { makeArticle, parseTextFile } from './parse.js';
import { bulkFormatOf, readBulkFile, type FieldMapping } from './bulk.js';
import { decodeFeedBytes, feedArticles, looksLikeFeed, readFeedChunks } from './feeds.js';
import type { Fetcher } from './fetch.js';
import { assertHtmlContentType, extractHtmlBytes, htmlArticle, looksLikeHtml } from './html.js';
import { looksLikeSgmlNews, sgmlArticles } from './sgml.js';
import { decodeName, fileTypeName, notRegularMessage, openRegular, rememberRawPath } from './open.js';

/** Largest file read by default: news articles are kilobytes; anything far bigger is a mistake. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface ReadOptions {
  maxBytes?: number;
}

export type ReadResult = { ok: true; article: Article } | { ok: false; failure: IngestFailure };

/** Reads one text file into an article, or a failure with the path and reason. Never throws. */
export async function readArticleFile(path: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    const { text } = decodeBytes(await readLimited(path, maxBytes));
    const { body, meta } = parseTextFile(text, path);
    return { ok: true, article: makeArticle(body, meta) };
  } catch (err) {
    if (err instanceof IngestError) return { ok: false, failure: { path, kind: err.kind, reason: err.message } };
    const e = err as NodeJS.ErrnoException;
    return { ok: false, failure: { path, kind: 'unreadable', reason: describeFsError(e) } };
  }
}

async function readBytes(fh: FileHandle, size: number): Promise<Uint8Array> {
  const buf = Buffer.alloc(size);
  let off = 0;
  while (off < size) {
    const { bytesRead } = await fh.read(buf, off, size - off, off);
    if (bytesRead === 0) break;
    off += bytesRead;
  }
  return buf.subarray(0, off);
}

function describeFsError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (check the file permissions)';
    case 'EISDIR':
      return 'is a directory';
    default:
      return err.message;
  }
}

/** File names skipped when walking directories: hidden files and the project's own databases. */
function skipName(name: string): boolean {
  return name.startsWith('.') || /\.(db|db-wal|db-shm|md)$/i.test(name) || name === 'README' || name === 'LICENSE';
}

type WalkItem = { path: string } | { failure: IngestFailure };

/**
 * Expands paths into files: directories are walked recursively in sorted order so that runs are
 * reproducible. Links to folders are followed, each folder at most once (by device and inode), so
 * link loops end. Missing paths and special files (FIFOs, sockets, devices) are reported as
 * failures, not thrown. Names that are not valid UTF-8 are read as bytes and shown escaped.
 */
export async function* walkPaths(paths: string[]): AsyncGenerator<WalkItem> {
  const visited = new Set<string>();
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      yield {
        failure: { path: p, kind: e.code === 'ENOENT' ? 'not-found' : 'unreadable', reason: describeFsError(e) },
      };
      continue;
    }
    if (info.isDirectory()) {
      visited.add(`${info.dev}:${info.ino}`);
      yield* walkDir(Buffer.from(p), p, visited);
    } else if (info.isFile()) yield { path: p };
    else yield { failure: { path: p, kind: 'unreadable', reason: notRegularMessage(fileTypeName(info)) } };
  }
}

/** `escaped`: the folder's own shown path has escaped bytes, so every path under it needs its raw bytes. */
async function* walkDir(raw: Buffer, dir: string, visited: Set<string>, escaped = false): AsyncGenerator<WalkItem> {
  let entries;
  try {
    entries = await readdir(raw, { withFileTypes: true, encoding: 'buffer' });
  } catch (err) {
    yield { failure: { path: dir, kind: 'unreadable', reason: describeFsError(err as NodeJS.ErrnoException) } };
    return;
  }
  const named = entries.map((entry) => ({ entry, ...decodeName(entry.name) }));
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const slash = raw.length > 0 && raw[raw.length - 1] === sep.charCodeAt(0) ? Buffer.alloc(0) : Buffer.from(sep);
  for (const { entry, name, exact } of named) {
    if (skipName(name)) continue;
    const path = join(dir, name);
    const childRaw = Buffer.concat([raw, slash, entry.name]);
    const needsRaw = escaped || !exact;
    if (needsRaw) rememberRawPath(path, childRaw);
    let kind: { isFile(): boolean; isDirectory(): boolean; dev?: number; ino?: number } = entry;
    if (entry.isSymbolicLink() || entry.isDirectory()) {
      try {
        kind = await stat(childRaw);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        const reason = e.code === 'ENOENT' ? 'no such file or directory (a broken symbolic link)' : describeFsError(e);
        yield { failure: { path, kind: e.code === 'ENOENT' ? 'not-found' : 'unreadable', reason } };
        continue;
      }
    }
    if (kind.isDirectory()) {
      const id = `${kind.dev}:${kind.ino}`;
      if (visited.has(id)) continue; // already walked: a link loop or a second link to the same folder
      visited.add(id);
      yield* walkDir(childRaw, path, visited, needsRaw);
    } else if (kind.isFile()) yield { path };
    else
      yield {
        failure: { path, kind: 'unreadable', reason: notRegularMessage(fileTypeName(kind as typeof entry)) },
      };
  }
}

/** How a file is read: plain text with an optional header, an HTML page, a feed, or a bulk file of records. */
export type InputKind = 'text' | 'html' | 'feed' | 'jsonl' | 'json' | 'csv';

/** Decides a file's kind by extension, and by its first bytes where the extension does not decide. */
export async function detectInputKind(path: string): Promise<InputKind> {
  const lower = path.toLowerCase();
  const bulk = bulkFormatOf(lower);
  if (bulk === 'jsonl' || bulk === 'csv') return bulk;
  let head = '';
  try {
    const { fh } = await openRegular(path);
    try {
      const buf = Buffer.alloc(4096);
      const { bytesRead } = await fh.read(buf, 0, 4096, 0);
      head = buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await fh.close();
    }
  } catch {
    // Unreadable files are reported by the reader.
  }
  if (looksLikeFeed(head)) return 'feed';
  if (bulk === 'json') return 'json';
  if (/\.(?:rss|atom|xml)$/.test(lower)) return 'feed';
  if (/\.x?html?$/.test(lower) || looksLikeHtml(head)) return 'html';
  return 'text';
}

export interface InputOptions extends ReadOptions, FieldMapping {
  /** Fetches the pages of link-only feed items; without it those items fail. */
  fetcher?: Fetcher;
  signal?: AbortSignal;
}

/**
 * Reads any input file into articles: one for a text or HTML file, one per item for feeds and per
 * record for bulk files (streamed, so bulk files may be far bigger than memory). Never throws.
 */
export async function* readInputFile(path: string, opts: InputOptions = {}): AsyncGenerator<ReadResult> {
  const bulk = bulkFormatOf(path);
  // Bulk files may be far bigger than memory: decide on the first bytes and stream them.
  const bulkKind = bulk === 'json' ? await detectInputKind(path) : bulk;
  if (bulkKind === 'jsonl' || bulkKind === 'json' || bulkKind === 'csv') {
    // readBulkFile opens only regular files and reports anything else as one failure.
    yield* readBulkFile(path, bulkKind, opts);
    return;
  }
  // Everything else is read once (up to the size limit) and recognised by its content.
  let bytes: Uint8Array;
  try {
    bytes = await readLimited(path, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  } catch (err) {
    yield failOf(path, err);
    return;
  }
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8');
  if (looksLikeSgmlNews(head)) {
    // TREC/DUC-style SGML: read as such, whether or not its text is in <P> paragraphs.
    try {
      for (const r of sgmlArticles(decodeBytes(bytes).text, path)) {
        yield r.ok ? r : { ok: false, failure: { path: r.where, kind: r.error.kind, reason: r.error.message } };
      }
    } catch (err) {
      yield failOf(path, err);
    }
    return;
  }
  const lower = path.toLowerCase();
  const kind: InputKind =
    looksLikeFeed(head) || /\.(?:rss|atom|xml)$/.test(lower)
      ? 'feed'
      : /\.x?html?$/.test(lower) || looksLikeHtml(head)
        ? 'html'
        : 'text';
  if (kind === 'text') {
    try {
      const { text } = decodeBytes(bytes);
      const { body, meta } = parseTextFile(text, path);
      yield { ok: true, article: makeArticle(body, meta) };
    } catch (err) {
      yield failOf(path, err);
    }
    return;
  }
  if (kind === 'html') {
    try {
      yield { ok: true, article: htmlArticle(extractHtmlBytes(bytes), path) };
    } catch (err) {
      yield failOf(path, err);
    }
    return;
  }
  let feed;
  try {
    // Items are parsed a chunk at a time; the file's bytes are not needed once decoded.
    feed = readFeedChunks(decodeFeedBytes(bytes));
    bytes = new Uint8Array(0);
  } catch (err) {
    yield failOf(path, err);
    return;
  }
  for await (const r of feedArticles(feed, path, { fetcher: opts.fetcher, signal: opts.signal })) {
    yield r.ok ? { ok: true, article: r.article } : { ok: false, failure: r.failure };
  }
}

/** The bytes of a regular, non-empty file no larger than `maxBytes`; an IngestError otherwise. */
async function readLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  // Opened first and checked on the open descriptor: a FIFO or device is refused, never read.
  const { fh, info } = await openRegular(path);
  try {
    if (info.size > maxBytes) {
      throw new IngestError(
        'too-large',
        `file is ${(info.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit (raise it with --max-bytes)`,
      );
    }
    const bytes = await readBytes(fh, info.size);
    if (bytes.length === 0) throw new IngestError('empty', 'empty file');
    return bytes;
  } finally {
    await fh.close();
  }
}

function failOf(path: string, err: unknown): ReadResult {
  if (err instanceof IngestError) return { ok: false, failure: { path, kind: err.kind, reason: err.message } };
  return { ok: false, failure: { path, kind: 'unreadable', reason: (err as Error).message } };
}

/** Is this command-line input a web address rather than a path? */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/**
 * Fetches a URL and reads it as a feed (one article per item, link-only items fetched too) or as an
 * HTML page, decided by the Content-Type and then by content. Never throws.
 */
export async function* readUrl(
  url: string,
  fetcher: Fetcher,
  opts: { signal?: AbortSignal } = {},
): AsyncGenerator<ReadResult> {
  let res;
  try {
    res = await fetcher.get(url, { signal: opts.signal });
  } catch (err) {
    yield failOf(url, err);
    return;
  }
  const head = Buffer.from(res.body.subarray(0, 4096)).toString('utf8');
  const type = (res.contentType ?? '').toLowerCase();
  const feedType = /(?:rss|atom|feed\+json|rdf)/.test(type) || (/xml/.test(type) && !/xhtml/.test(type));
  if (feedType || looksLikeFeed(head)) {
    let feed;
    try {
      feed = readFeedChunks(decodeFeedBytes(res.body, res.charset));
    } catch (err) {
      yield failOf(url, err);
      return;
    }
    for await (const r of feedArticles(feed, url, { fetcher, signal: opts.signal })) {
      yield r.ok ? { ok: true, article: r.article } : { ok: false, failure: r.failure };
    }
    return;
  }
  try {
    assertHtmlContentType(res.contentType, res.url);
    yield {
      ok: true,
      article: htmlArticle(extractHtmlBytes(res.body, { pageUrl: res.url, headerCharset: res.charset }), url),
    };
  } catch (err) {
    yield failOf(url, err);
  }
}
