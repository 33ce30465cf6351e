import { afterEach, describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { cli, workspaces } from '../helpers.js';
import { EXAMPLES } from '../server/fixture.js';

const ws = workspaces();
afterEach(() => ws.cleanup());

describe('storyline ingest --threads', () => {
  it('stores the same stories with two threads as with one', async () => {
    const dir = ws.make();
    cpSync(EXAMPLES, join(dir, 'in'), { recursive: true });
    const one = await cli('ingest', join(dir, 'in'), '--db', join(dir, 'one.db'), '--batch', '4');
    const two = await cli('ingest', join(dir, 'in'), '--db', join(dir, 'two.db'), '--batch', '4', '--threads', '2');
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stdout).toMatch(/stored, 0 already present, 0 failed/);
    // Everything but the times of writing.
    const list = async (db: string): Promise<unknown> =>
      (
        JSON.parse((await cli('stories', '--db', join(dir, db), '--json')).stdout) as Array<Record<string, unknown>>
      ).map(({ updatedAt: _u, viewUpdatedAt: _v, ...rest }) => rest);
    expect(await list('two.db')).toEqual(await list('one.db'));
    const again = await cli('ingest', join(dir, 'in'), '--db', join(dir, 'two.db'), '--threads', 'auto');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/ 0 stored, \d+ already present/);
  });

  it('analyze takes --threads too', async () => {
    const one = await cli('analyze', EXAMPLES, '--json');
    const two = await cli('analyze', EXAMPLES, '--json', '--threads', '2');
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('refuses bad values and --enqueue with exit code 2', async () => {
    const dir = ws.make();
    for (const bad of ['-1', 'two', '1.5']) {
      const r = await cli('ingest', EXAMPLES, '--db', join(dir, 'x.db'), `--threads=${bad}`);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--threads <n>.*invalid.*whole number of threads/);
    }
    const q = await cli('ingest', EXAMPLES, '--db', join(dir, 'x.db'), '--threads', '2', '--enqueue');
    expect(q.code).toBe(2);
    expect(q.stderr).toMatch(/--threads does not go with --enqueue/);
  });
});
