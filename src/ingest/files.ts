import { readdir, stat, open } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Article } from '../model.js';
import { decodeBytes } from './decode.js';
import { IngestError, type IngestFailure } from './errors.js';
import { makeArticle, parseTextFile } from './parse.js';

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
    const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
      throw new IngestError(err.code === 'ENOENT' ? 'not-found' : 'unreadable', describeFsError(err));
    });
    if (!info.isFile()) throw new IngestError('unreadable', 'not a regular file');
    if (info.size > maxBytes) {
      throw new IngestError(
        'too-large',
        `file is ${(info.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit (raise it with --max-bytes)`,
      );
    }
    const bytes = await readBytes(path, info.size);
    if (bytes.length === 0) throw new IngestError('empty', 'empty file');
    const { text } = decodeBytes(bytes);
    const { body, meta } = parseTextFile(text, path);
    return { ok: true, article: makeArticle(body, meta) };
  } catch (err) {
    if (err instanceof IngestError) return { ok: false, failure: { path, kind: err.kind, reason: err.message } };
    const e = err as NodeJS.ErrnoException;
    return { ok: false, failure: { path, kind: 'unreadable', reason: describeFsError(e) } };
  }
}

async function readBytes(path: string, size: number): Promise<Uint8Array> {
  const fh = await open(path, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new IngestError('unreadable', describeFsError(err));
  });
  try {
    const buf = Buffer.alloc(size);
    let off = 0;
    while (off < size) {
      const { bytesRead } = await fh.read(buf, off, size - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return buf.subarray(0, off);
  } finally {
    await fh.close();
  }
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

/**
 * Expands paths into files: directories are walked recursively in sorted order so that runs are
 * reproducible. Missing paths are reported as failures, not thrown.
 */
export async function* walkPaths(paths: string[]): AsyncGenerator<{ path: string } | { failure: IngestFailure }> {
  for (const p of paths) {
    const full = resolve(p);
    let info;
    try {
      info = await stat(full);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      yield { failure: { path: p, kind: e.code === 'ENOENT' ? 'not-found' : 'unreadable', reason: describeFsError(e) } };
      continue;
    }
    if (info.isDirectory()) yield* walkDir(p);
    else yield { path: p };
  }
}

async function* walkDir(dir: string): AsyncGenerator<{ path: string } | { failure: IngestFailure }> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield { failure: { path: dir, kind: 'unreadable', reason: describeFsError(err as NodeJS.ErrnoException) } };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (skipName(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkDir(path);
    else if (entry.isFile() || entry.isSymbolicLink()) yield { path };
  }
}
