import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

describe('storyline serve', () => {
  it('is listed with its options', async () => {
    const r = await cli('serve', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--port/);
    expect(r.stdout).toMatch(/STORYLINE_TOKEN/);
  });

  it('rejects a bad port as a usage error', async () => {
    const r = await cli('serve', '--port', '99999');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/0 to 65535/);
  });
});
