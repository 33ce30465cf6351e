import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { IngestError } from './errors.js';

/**
 * File names that are not valid UTF-8 cannot be passed to `fs` as JavaScript strings (the bytes are
 * lost in decoding). Directory walks read such names as bytes, show them with `\xNN` escapes, and
 * remember the shown path's real bytes here so that readers open the right file.
 */
const rawPaths = new Map<string, Buffer>();

/** The path to hand to `fs`: the real bytes of an escaped non-UTF-8 name, else the path itself. */
export function fsPath(path: string): string | Buffer {
  return rawPaths.get(path) ?? path;
}

/**
 * A printable form of raw name bytes: the text itself when they are valid UTF-8 (`exact`), else the
 * valid runs with every other byte written `\xNN`.
 */
export function decodeName(raw: Uint8Array): { name: string; exact: boolean } {
  const dec = new TextDecoder('utf-8', { fatal: true });
  try {
    return { name: dec.decode(raw), exact: true };
  } catch {
    let out = '';
    let i = 0;
    while (i < raw.length) {
      let done = false;
      for (let len = Math.min(4, raw.length - i); len >= 1 && !done; len--) {
        try {
          out += dec.decode(raw.subarray(i, i + len));
          i += len;
          done = true;
        } catch {
          // Not a whole character: try a shorter run.
        }
      }
      if (!done) {
        out += `\\x${raw[i].toString(16).toUpperCase().padStart(2, '0')}`;
        i++;
      }
    }
    return { name: out, exact: false };
  }
}

/** Remembers the real bytes behind a shown path (see `fsPath`). */
export function rememberRawPath(shown: string, raw: Buffer): void {
  if (rawPaths.size < 100_000) rawPaths.set(shown, raw);
}

/** The type tests shared by `Stats` and `Dirent`. */
interface FileKind {
  isFIFO(): boolean;
  isSocket(): boolean;
  isDirectory(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}

/** What kind of special file this is, for messages. */
export function fileTypeName(info: FileKind): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isDirectory()) return 'a directory';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'a special file';
}

/** The message for anything that is not a regular file; kept in one place so all readers say the same. */
export function notRegularMessage(what: string): string {
  return `not a regular file (${what}); skipped`;
}

function describe(err: NodeJS.ErrnoException): IngestError {
  switch (err.code) {
    case 'ENOENT':
      return new IngestError('not-found', 'no such file or directory');
    case 'EACCES':
    case 'EPERM':
      return new IngestError('unreadable', 'permission denied (check the file permissions)');
    case 'EISDIR':
      return new IngestError('unreadable', 'is a directory');
    case 'ELOOP':
      return new IngestError('unreadable', 'too many levels of symbolic links');
    default:
      return new IngestError('unreadable', err.message);
  }
}

/**
 * Opens a path for reading only if it is a regular file once links are followed. The file is opened
 * non-blocking (so a FIFO or device can never hang the open) and the opened descriptor is checked
 * with fstat, so a file swapped for something else between a check and the open is still caught.
 * Throws `IngestError` ("not a regular file …") otherwise; the caller owns the returned handle.
 */
export async function openRegular(path: string): Promise<{ fh: FileHandle; info: Stats }> {
  const fh = await open(fsPath(path), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch(
    (err: NodeJS.ErrnoException) => {
      throw describe(err);
    },
  );
  let info: Stats;
  try {
    info = await fh.stat();
  } catch (err) {
    await fh.close().catch(() => undefined);
    throw describe(err as NodeJS.ErrnoException);
  }
  if (!info.isFile()) {
    await fh.close().catch(() => undefined);
    throw new IngestError('unreadable', notRegularMessage(fileTypeName(info)));
  }
  return { fh, info };
}
