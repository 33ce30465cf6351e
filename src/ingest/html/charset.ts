/** Choosing how to decode a page's bytes: declared charsets are trusted only as far as the bytes agree. */

import { decodeBytes, type DecodedText } from '../decode.js';

const SINGLE_BYTE = /^(?:iso-?8859-?1|latin-?1|l1|us-ascii|ascii|windows-1252|cp1252|x-cp1252|iso_8859-1)$/i;

/**
 * Decodes HTML bytes. Order: BOM, then the HTTP header charset, then `<meta charset>` /
 * `http-equiv`, then content sniffing. A declared charset that the bytes contradict (invalid UTF-8
 * declared as UTF-8; valid multi-byte UTF-8 declared as Latin-1) is overridden by the sniffed one,
 * since mislabelled pages are common and the bytes do not lie.
 */
export function decodeHtmlBytes(bytes: Uint8Array, headerCharset?: string): DecodedText & { declared?: string } {
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (hasBom) return decodeBytes(bytes);
  const declared = normaliseCharset(headerCharset) ?? normaliseCharset(sniffMetaCharset(bytes));
  if (declared === 'utf-8') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', declared };
    } catch {
      return { ...decodeBytes(bytes), declared };
    }
  }
  if (declared && SINGLE_BYTE.test(declared)) {
    // A UTF-8 page mislabelled as Latin-1: valid multi-byte sequences almost never occur in real Latin-1 text.
    if (hasMultiByteUtf8(bytes)) return { ...decodeBytes(bytes), declared };
    return { ...decodeBytes(bytes), encoding: 'windows-1252', declared };
  }
  if (declared) {
    try {
      const text = new TextDecoder(declared).decode(bytes);
      return { text, encoding: 'utf-8', declared };
    } catch {
      // An unknown label: fall through to sniffing.
    }
  }
  return decodeBytes(bytes);
}

function normaliseCharset(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const c = raw
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!c) return undefined;
  if (c === 'utf8' || c === 'utf-8' || c === 'unicode-1-1-utf-8') return 'utf-8';
  return c;
}

/** `<meta charset>` or `<meta http-equiv=Content-Type content="…; charset=…">` within the first 4 KB. */
export function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  return direct?.[1];
}

function hasMultiByteUtf8(bytes: Uint8Array): boolean {
  let multi = false;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] >= 0x80) {
      multi = true;
      break;
    }
  }
  if (!multi) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
