import { IngestError } from './errors.js';

/** How the bytes of a file were turned into text. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Decodes file bytes to text. A BOM decides when present; UTF-16 without a BOM is recognised by its
 * zero bytes; valid UTF-8 is taken as UTF-8; anything else is read as Windows-1252 (a superset of
 * Latin-1 for printable text), which is what legacy news feeds and saved pages mostly are.
 * Binary data (over 1% NUL bytes, or over 5% control characters, in a non-UTF-16 file) is refused;
 * isolated NUL bytes in otherwise textual data are dropped.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return checked(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8');
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return checked(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return checked(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  }
  const utf16 = guessUtf16(bytes);
  if (utf16) return checked(new TextDecoder(utf16).decode(bytes), utf16);
  // A stray NUL (a corrupt byte in a saved page) does not make a text binary; many of them do.
  const nuls = nulShare(bytes);
  if (nuls > MAX_NUL_SHARE) {
    throw new IngestError(
      'binary',
      `looks like a binary file (${Math.max(1, Math.round(100 * nuls))}% NUL bytes), not text`,
    );
  }
  try {
    return checked(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
  } catch (err) {
    if (err instanceof IngestError) throw err;
    return checked(decodeWindows1252(bytes), 'windows-1252');
  }
}

/** Share of NUL bytes above which a (non-UTF-16) file is taken as binary. */
const MAX_NUL_SHARE = 0.01;

/** Share of NUL bytes in the first 64 KiB (where binary formats show themselves). */
function nulShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 65536);
  if (n === 0) return 0;
  let nul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
  return nul / n;
}

/** UTF-16 text of Latin script has a zero byte in every other position. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Rejects decoded text that is mostly control characters: a binary file that happened to decode. */
function checked(text: string, encoding: TextEncoding): DecodedText {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.05) {
    throw new IngestError(
      'binary',
      `looks like a binary file (${Math.round((100 * control) / sample.length)}% control characters), not text`,
    );
  }
  // Any NULs left are isolated corrupt bytes: drop them rather than carry them into the text.
  return { text: text.includes('\0') ? text.replace(/\0/g, '') : text, encoding };
}

/** Code points of bytes 0x80–0x9F in Windows-1252 (0 where the byte is undefined and kept as is). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Decoded by hand: Node's decoder treats this label as plain Latin-1 and loses curly quotes and dashes. */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    const codes = new Array<number>(chunk.length);
    for (let j = 0; j < chunk.length; j++) {
      const b = chunk[j];
      codes[j] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}
