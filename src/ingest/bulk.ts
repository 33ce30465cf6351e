import type { FileHandle } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse';
import type { Article } from '../model.js';
import { IngestError, type IngestFailure } from './errors.js';
import { htmlFragmentToText, normalizeDate } from './html.js';
import { openRegular } from './open.js';
import { makeArticle } from './parse.js';
import { LoopTurns } from './turn.js';

export type BulkFormat = 'jsonl' | 'json' | 'csv';

/** Which record fields hold the article text and metadata. Each may be a dotted path ("meta.date"). */
export interface FieldMapping {
  /** Default: the first of text, body, content. */
  textField?: string;
  /** Default: title, headline. */
  titleField?: string;
  /** Default: date, published, published_at, pubDate, datePublished, date_published. */
  dateField?: string;
  /** Default: source, outlet, publisher, site. */
  sourceField?: string;
  /** Default: url, link. */
  urlField?: string;
  /** The text field holds HTML: convert it with the block extractor. */
  html?: boolean;
}

export interface BulkOptions extends FieldMapping {
  /** Largest single record, in characters; bigger records are skipped as failures. Default 10 MiB. */
  maxRecordChars?: number;
  signal?: AbortSignal;
}

export type BulkRecordResult = { ok: true; article: Article } | { ok: false; failure: IngestFailure };

const DEFAULTS = {
  text: ['text', 'body', 'content'],
  title: ['title', 'headline'],
  date: ['date', 'published', 'published_at', 'pubDate', 'datePublished', 'date_published'],
  source: ['source', 'outlet', 'publisher', 'site'],
  url: ['url', 'link'],
};

/** The bulk format of a file name, if it is one. */
export function bulkFormatOf(path: string): BulkFormat | undefined {
  const p = path.toLowerCase();
  if (p.endsWith('.jsonl') || p.endsWith('.ndjson')) return 'jsonl';
  if (p.endsWith('.csv')) return 'csv';
  if (p.endsWith('.json')) return 'json';
  return undefined;
}

function lookup(rec: Record<string, unknown>, path: string): unknown {
  if (path in rec) return rec[path];
  let cur: unknown = rec;
  for (const part of path.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { name?: unknown }).name === 'string')
    return scalar((v as { name: string }).name);
  return undefined;
}

function pick(
  rec: Record<string, unknown>,
  given: string | undefined,
  defaults: string[],
): { field?: string; value?: string } {
  for (const f of given ? [given] : defaults) {
    const v = scalar(lookup(rec, f));
    if (v !== undefined) return { field: f, value: v };
  }
  return {};
}

/** Maps one record to an article. Throws `IngestError` with a reason naming the field. */
export function recordToArticle(rec: unknown, mapping: FieldMapping, where: string): Article {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec))
    throw new IngestError(
      'unreadable',
      `record is not an object (got ${Array.isArray(rec) ? 'an array' : rec === null ? 'null' : typeof rec})`,
    );
  const r = rec as Record<string, unknown>;
  const text = pick(r, mapping.textField, DEFAULTS.text);
  if (!text.value) {
    const wanted = mapping.textField ? `"${mapping.textField}"` : DEFAULTS.text.map((f) => `"${f}"`).join('/');
    const fields = Object.keys(r).slice(0, 12).join(', ');
    throw new IngestError(
      'empty',
      `no text in field ${wanted} (fields present: ${fields || 'none'}; choose one with --text-field)`,
    );
  }
  const body = mapping.html ? htmlFragmentToText(text.value) : text.value.replace(/\r\n?/g, '\n').trim();
  const date = pick(r, mapping.dateField, DEFAULTS.date);
  let published: string | undefined;
  if (date.value) {
    published = normalizeDate(date.value);
    if (!published)
      throw new IngestError(
        'bad-header',
        `unrecognised date "${date.value.slice(0, 40)}" in field "${date.field}" (expected e.g. YYYY-MM-DD)`,
      );
  }
  return makeArticle(body, {
    title: pick(r, mapping.titleField, DEFAULTS.title).value,
    source: pick(r, mapping.sourceField, DEFAULTS.source).value,
    url: pick(r, mapping.urlField, DEFAULTS.url).value,
    published,
    path: where,
  });
}

function failure(where: string, err: unknown): BulkRecordResult {
  const e = err instanceof IngestError ? err : new IngestError('unreadable', (err as Error).message);
  return { ok: false, failure: { path: where, kind: e.kind, reason: e.message } };
}

/**
 * Reads a bulk file record by record in constant memory. Bad records are failures `file:LINE`. Only
 * regular files are opened (a FIFO or device is one failure, "not a regular file"), and the file is
 * read through the descriptor that was checked.
 */
export async function* readBulkFile(
  path: string,
  format: BulkFormat,
  opts: BulkOptions = {},
): AsyncGenerator<BulkRecordResult> {
  let fh: FileHandle;
  try {
    ({ fh } = await openRegular(path));
  } catch (err) {
    yield failure(path, err);
    return;
  }
  try {
    if (format === 'jsonl') yield* readJsonl(path, fh, opts);
    else if (format === 'json') yield* readJsonArray(path, fh, opts);
    else yield* readCsv(path, fh, opts);
  } finally {
    // The streams close the handle when they end; this covers early exits.
    await fh.close().catch(() => undefined);
  }
}

/**
 * One JSONL record per line, split as the text streams in. A line longer than the record limit is
 * never held whole: once it passes the limit its text is dropped and only its length is counted, so
 * memory stays under the limit plus one chunk whatever the file holds.
 */
async function* readJsonl(path: string, fh: FileHandle, opts: BulkOptions): AsyncGenerator<BulkRecordResult> {
  const max = opts.maxRecordChars ?? 10 * 1024 * 1024;
  const stream = fh.createReadStream({ encoding: 'utf8', highWaterMark: 256 * 1024, autoClose: false });
  let parts: string[] = [];
  let partLen = 0;
  /** Characters of the current line once it is over the limit (its text is no longer kept). */
  let over = 0;
  let n = 0;
  const turns = new LoopTurns();
  const append = (s: string): void => {
    if (s.length === 0) return;
    if (over > 0) over += s.length;
    else if (partLen + s.length > max) {
      over = partLen + s.length;
      parts = [];
      partLen = 0;
    } else {
      parts.push(s);
      partLen += s.length;
    }
  };
  const take = (): BulkRecordResult | undefined => {
    n++;
    const where = `${path}:${n}`;
    if (over > 0) {
      const chars = over;
      over = 0;
      return failure(
        where,
        new IngestError(
          'too-large',
          `record on line ${n} is ${chars} characters, over the ${max}-character record limit; skipped`,
        ),
      );
    }
    let line = parts.length === 1 ? parts[0] : parts.join('');
    parts = [];
    partLen = 0;
    if (n === 1) line = line.replace(/^\ufeff/, '');
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') return undefined;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (err) {
      return failure(where, new IngestError('unreadable', `invalid JSON: ${(err as Error).message}`));
    }
    try {
      return { ok: true, article: recordToArticle(rec, opts, where) };
    } catch (err) {
      return failure(where, err);
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (opts.signal?.aborted) return;
      let start = 0;
      for (;;) {
        const nl = chunk.indexOf('\n', start);
        if (nl < 0) {
          append(chunk.slice(start));
          break;
        }
        append(chunk.slice(start, nl));
        start = nl + 1;
        const r = take();
        if (r) yield r;
        await turns.maybe();
        if (opts.signal?.aborted) return;
      }
    }
    if (partLen > 0 || over > 0) {
      const r = take();
      if (r) yield r;
    }
  } catch (err) {
    yield failure(path, new IngestError('unreadable', `could not read: ${(err as Error).message}`));
  } finally {
    stream.destroy();
  }
}

/** A top-level element of a JSON array, as text, with the line it starts on. */
export interface JsonElement {
  text?: string;
  line: number;
  index: number;
  /** Set when the element was too large to keep. */
  oversize?: number;
}

/**
 * Splits a JSON array into its top-level elements as text arrives, holding one element at a time.
 * Strings and nesting are tracked so that commas and brackets inside values do not split.
 */
export class JsonArraySplitter {
  private state: 'start' | 'between' | 'elem' | 'end' = 'start';
  private depth = 0;
  private inString = false;
  private escape = false;
  private buf: string[] = [];
  private bufLen = 0;
  private line = 1;
  private elemLine = 1;
  private index = 0;
  private oversize = 0;

  constructor(private readonly maxChars = 10 * 1024 * 1024) {}

  /** Feeds a chunk; returns the elements completed by it. Throws `IngestError` when the input is not an array. */
  push(chunk: string): JsonElement[] {
    const out: JsonElement[] = [];
    let segStart = this.state === 'elem' ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) this.line++;
      if (this.state === 'elem') {
        if (this.inString) {
          if (this.escape) this.escape = false;
          else if (c === 92) this.escape = true;
          else if (c === 34) this.inString = false;
          continue;
        }
        if (c === 34) this.inString = true;
        else if (c === 123 || c === 91) this.depth++;
        else if (c === 125 || c === 93) {
          if (this.depth === 0) {
            out.push(this.finish(chunk.slice(segStart, i)));
            this.state = 'end';
          } else this.depth--;
        } else if (c === 44 && this.depth === 0) {
          out.push(this.finish(chunk.slice(segStart, i)));
          this.state = 'between';
        }
        continue;
      }
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) continue;
      if (this.state === 'start') {
        if (c !== 91)
          throw new IngestError(
            'unreadable',
            `not a JSON array: expected "[" at line ${this.line}, found "${chunk[i]}" (use .jsonl for one object per line)`,
          );
        this.state = 'between';
      } else if (this.state === 'between') {
        if (c === 44) continue;
        if (c === 93) {
          this.state = 'end';
          continue;
        }
        this.state = 'elem';
        this.depth = 0;
        this.elemLine = this.line;
        segStart = i;
        i--; // re-read this character as part of the element
      }
    }
    if (this.state === 'elem' && segStart >= 0) this.append(chunk.slice(segStart));
    return out;
  }

  /** Call at the end of input: throws when an element or the array was left open. */
  end(): void {
    if (this.state === 'start') throw new IngestError('empty', 'empty file (expected a JSON array)');
    if (this.state === 'elem' || this.state === 'between') {
      throw new IngestError(
        'unreadable',
        `unexpected end of file: the JSON array (or the element starting at line ${this.elemLine}) is not closed`,
      );
    }
  }

  private append(s: string): void {
    if (this.oversize) {
      this.oversize += s.length;
      return;
    }
    this.buf.push(s);
    this.bufLen += s.length;
    if (this.bufLen > this.maxChars) {
      this.oversize = this.bufLen;
      this.buf = [];
      this.bufLen = 0;
    }
  }

  private finish(tail: string): JsonElement {
    this.append(tail);
    const el: JsonElement = { line: this.elemLine, index: this.index++ };
    if (this.oversize) el.oversize = this.oversize;
    else el.text = this.buf.join('');
    this.buf = [];
    this.bufLen = 0;
    this.oversize = 0;
    this.inString = false;
    this.escape = false;
    return el;
  }
}

async function* readJsonArray(path: string, fh: FileHandle, opts: BulkOptions): AsyncGenerator<BulkRecordResult> {
  const max = opts.maxRecordChars ?? 10 * 1024 * 1024;
  const splitter = new JsonArraySplitter(max);
  const turns = new LoopTurns();
  const stream = fh.createReadStream({ encoding: 'utf8', highWaterMark: 256 * 1024, autoClose: false });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (opts.signal?.aborted) return;
      let elements: JsonElement[];
      try {
        elements = splitter.push(chunk);
      } catch (err) {
        yield failure(path, err);
        return;
      }
      for (const el of elements) {
        yield elementResult(path, el, opts, max);
        await turns.maybe();
        if (opts.signal?.aborted) return;
      }
    }
    try {
      splitter.end();
    } catch (err) {
      yield failure(path, err);
    }
  } finally {
    stream.destroy();
  }
}

function elementResult(path: string, el: JsonElement, opts: BulkOptions, max: number): BulkRecordResult {
  const where = `${path}:${el.line}`;
  if (el.oversize !== undefined || el.text === undefined) {
    return failure(where, new IngestError('too-large', `element ${el.index + 1} has over ${max} characters; skipped`));
  }
  let rec: unknown;
  try {
    rec = JSON.parse(el.text);
  } catch (err) {
    return failure(
      where,
      new IngestError('unreadable', `invalid JSON in element ${el.index + 1}: ${(err as Error).message}`),
    );
  }
  try {
    return { ok: true, article: recordToArticle(rec, opts, where) };
  } catch (err) {
    return failure(where, err);
  }
}

async function* readCsv(path: string, fh: FileHandle, opts: BulkOptions): AsyncGenerator<BulkRecordResult> {
  const skipped: BulkRecordResult[] = [];
  const turns = new LoopTurns();
  const source = fh.createReadStream({ autoClose: false });
  const parser = source.pipe(
    parseCsv({
      columns: (header: string[]) => header.map((h) => h.trim()),
      bom: true,
      info: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: opts.maxRecordChars ?? 10 * 1024 * 1024,
      on_skip: (err) => {
        const line = (err as { lines?: number } | undefined)?.lines;
        skipped.push(
          failure(
            line ? `${path}:${line}` : path,
            new IngestError('unreadable', `bad CSV record: ${err?.message ?? 'unparseable'}`),
          ),
        );
        return undefined;
      },
    }),
  );
  try {
    for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      while (skipped.length) yield skipped.shift()!;
      await turns.maybe();
      if (opts.signal?.aborted) return;
      const where = `${path}:${row.info.lines}`;
      try {
        yield { ok: true, article: recordToArticle(row.record, opts, where) };
      } catch (err) {
        yield failure(where, err);
      }
    }
  } catch (err) {
    yield failure(path, new IngestError('unreadable', `CSV could not be read: ${(err as Error).message}`));
  } finally {
    source.destroy();
  }
  while (skipped.length) yield skipped.shift()!;
}
