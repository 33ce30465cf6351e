import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BundleError, readBundle, writeBundle } from '../../src/learn/bundle.js';

describe('model bundles', () => {
  it('round-trip metadata and typed arrays, deterministically', () => {
    const arrays = { w: Float32Array.of(1.5, -2), k: Uint32Array.of(7, 9, 11), c: Uint8Array.of(3) };
    const buf = writeBundle({ name: 'x' }, arrays);
    expect(writeBundle({ name: 'x' }, arrays).equals(buf)).toBe(true);
    const back = readBundle<{ name: string }>(buf);
    expect(back.meta.name).toBe('x');
    expect([...back.arrays.w]).toEqual([1.5, -2]);
    expect([...back.arrays.k]).toEqual([7, 9, 11]);
    expect(back.arrays.k).toBeInstanceOf(Uint32Array);
  });

  it('refuses truncated and foreign files with a BundleError', () => {
    const raw = gunzipSync(writeBundle({}, { k: new Uint32Array(100) }));
    expect(() => readBundle(gzipSync(raw.subarray(0, raw.length - 8)))).toThrow(BundleError);
    expect(() => readBundle(gzipSync(Buffer.from('not a model')))).toThrow(BundleError);
    expect(() => readBundle(Buffer.from('plain text'))).toThrow(BundleError);
  });
});
