import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * The container for trained model files: a JSON header (metadata and the list of arrays) followed by
 * the raw typed arrays, gzipped as a whole. Arrays are stored little-endian, as Node's typed arrays are
 * on every platform it supports.
 */

type ArrayKind = 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'f32';
export type BundleArray = Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array;

const MAGIC = 'SLB1';
const BYTES: Record<ArrayKind, number> = { u8: 1, i16: 2, u16: 2, i32: 4, u32: 4, f32: 4 };

function kindOf(a: BundleArray): ArrayKind {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Int16Array) return 'i16';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Uint32Array) return 'u32';
  return 'f32';
}

function make(kind: ArrayKind, buf: ArrayBuffer, offset: number, length: number): BundleArray {
  switch (kind) {
    case 'u8':
      return new Uint8Array(buf, offset, length);
    case 'i16':
      return new Int16Array(buf, offset, length);
    case 'u16':
      return new Uint16Array(buf, offset, length);
    case 'i32':
      return new Int32Array(buf, offset, length);
    case 'u32':
      return new Uint32Array(buf, offset, length);
    case 'f32':
      return new Float32Array(buf, offset, length);
  }
}

export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

export interface Bundle<M> {
  meta: M;
  arrays: Record<string, BundleArray>;
}

/** Serialises metadata and named arrays into one gzipped buffer (deterministic for the same input). */
export function writeBundle<M>(meta: M, arrays: Record<string, BundleArray>): Buffer {
  const names = Object.keys(arrays).sort();
  const entries = names.map((name) => ({ name, kind: kindOf(arrays[name]), length: arrays[name].length }));
  const header = Buffer.from(JSON.stringify({ meta, arrays: entries }), 'utf8');
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1')];
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  parts.push(len, header);
  let size = 8 + header.length;
  for (const name of names) {
    const pad = (8 - (size % 8)) % 8;
    if (pad) parts.push(Buffer.alloc(pad));
    size += pad;
    const a = arrays[name];
    const b = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    parts.push(b);
    size += b.length;
  }
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

/** Reads a buffer written by `writeBundle`; the arrays are views into one fresh, aligned buffer. */
export function readBundle<M>(gz: Uint8Array): Bundle<M> {
  let raw: Buffer;
  try {
    raw = gunzipSync(gz);
  } catch (err) {
    throw new BundleError(`model file is not gzip data: ${(err as Error).message}`);
  }
  if (raw.length < 8 || raw.toString('latin1', 0, 4) !== MAGIC) throw new BundleError('not a Storyline model file');
  const headerLength = raw.readUInt32LE(4);
  const header = JSON.parse(raw.toString('utf8', 8, 8 + headerLength)) as {
    meta: M;
    arrays: Array<{ name: string; kind: ArrayKind; length: number }>;
  };
  // Copy into an ArrayBuffer of our own so every array is aligned to its element size.
  const buf = new ArrayBuffer(raw.length);
  new Uint8Array(buf).set(raw);
  const arrays: Record<string, BundleArray> = {};
  let offset = 8 + headerLength;
  for (const e of header.arrays) {
    offset += (8 - (offset % 8)) % 8;
    if (offset + e.length * BYTES[e.kind] > raw.length)
      throw new BundleError(`model file is truncated (array ${e.name})`);
    const a = make(e.kind, buf, offset, e.length);
    arrays[e.name] = a;
    offset += a.byteLength;
  }
  return { meta: header.meta, arrays };
}
