import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/decode.js';

const text = 'Café “quoted” — naïve text.';

describe('decodeBytes', () => {
  it('decodes UTF-8 with and without BOM', () => {
    const utf8 = Buffer.from(text, 'utf8');
    expect(decodeBytes(utf8)).toEqual({ text, encoding: 'utf-8' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])).text).toBe(text);
  });

  it('decodes UTF-16 LE and BE with BOMs, and LE without', () => {
    const le = Buffer.from(text, 'utf16le');
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le])).text).toBe(text);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text).toBe(text);
    expect(decodeBytes(le)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('falls back to Windows-1252 for Latin-1 bytes', () => {
    const latin1 = Buffer.from('Caf\xe9 na\xefve \x93quoted\x94', 'latin1');
    const r = decodeBytes(latin1);
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe('Café naïve “quoted”');
  });

  it('refuses binary data', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0, 0, 7,
    ]);
    expect(() => decodeBytes(png)).toThrow(/binary/);
    const controls = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 1 : 65)));
    expect(() => decodeBytes(controls)).toThrow(/binary/);
  });
});
