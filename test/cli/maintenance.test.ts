import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.js';
import type { StorylineJson } from '../../src/format/json.js';
import { Engine } from '../../src/engine/engine.js';
import { readInputFile } from '../../src/ingest/files.js';
import { SqliteStore } from '../../src/store/sqlite.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

interface Listed {
  id: string;
  articleCount: number;
}

async function stories(db: string): Promise<Listed[]> {
  return JSON.parse((await cli('stories', '--db', db, '--json')).stdout) as Listed[];
}

describe('manual story maintenance', () => {
  it('merges and splits stories, and the decisions stick through later ingests and rechecks', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const db = join(dir, 'm.db');
    // The council-vote story (files 07–10) and the rest of the demo corpus.
    expect(
      (
        await cli(
          'ingest',
          'examples/07-harbor-ledger-transit-vote.txt',
          'examples/08-meridian-press-transit-vote.txt',
          'examples/01-meridian-press-larkhollow-fire.txt',
          '--db',
          db,
        )
      ).code,
    ).toBe(0);
    const before = await stories(db);
    expect(before).toHaveLength(2);
    const [a, b] = before;

    const merged = await cli('merge', a.id, b.id, '--db', db);
    expect(merged.code).toBe(0);
    const afterMerge = await stories(db);
    expect(afterMerge.map((s) => s.id)).toEqual([a.id]);
    expect(afterMerge[0].articleCount).toBe(3);
    const json = JSON.parse((await cli('story', a.id, '--db', db, '--json')).stdout) as StorylineJson;
    expect(json.stories[0].membership?.some((m) => m.decision === 'manual')).toBe(true);

    // More articles of either event arrive: the merged story stays one.
    await cli(
      'ingest',
      'examples/09-credit-line-inspector-general.txt',
      'examples/02-valley-herald-larkhollow-fire.txt',
      '--db',
      db,
    );
    await cli('recheck', '--db', db);
    const list = await stories(db);
    expect(list.find((s) => s.id === a.id)?.articleCount).toBeGreaterThanOrEqual(4);

    // Split the fire article off again; a recheck does not put it back.
    const fire = (JSON.parse((await cli('story', a.id, '--db', db, '--json')).stdout) as StorylineJson).articles.find(
      (x) => x.path?.includes('01-meridian'),
    );
    expect(fire).toBeDefined();
    const split = await cli('split', a.id, fire!.id, '--db', db);
    expect(split.code).toBe(0);
    await cli('recheck', '--db', db);
    const story = JSON.parse((await cli('story', a.id, '--db', db, '--json')).stdout) as StorylineJson;
    expect(story.stories[0].articleIds).not.toContain(fire!.id);
  });

  it('refresh completes story views that lag their articles', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const db = join(dir, 'r.db');
    // An engine that never rebuilds a story past one article, fed one file at a time and never refreshed.
    const store = new SqliteStore(db);
    const engine = new Engine(store, {
      assembly: { eagerUpTo: 1, growth: 100, maxAgeMs: Infinity, ageUpTo: Infinity },
    });
    for (const f of [
      '01-meridian-press-larkhollow-fire',
      '04-larkhollow-courier-evacuation',
      '05-tri-county-observer-larkhollow-review',
    ]) {
      for await (const r of readInputFile(join('examples', `${f}.txt`))) if (r.ok) await engine.ingest([r.article]);
    }
    await store.close();
    const listed = (await cli('stories', '--db', db)).stdout;
    expect(listed).toMatch(/3 art\/.*\(2 not in view yet\)/);
    const [{ id }] = await stories(db);
    expect((await cli('story', id, '--db', db)).stdout).toMatch(/2 newer article\(s\) are not in this view yet/);

    const refreshed = await cli('refresh', '--db', db);
    expect(refreshed.code).toBe(0);
    expect(refreshed.stdout).toContain(`rebuilt 1 story view(s): ${id}`);
    const json = JSON.parse((await cli('story', id, '--db', db, '--json')).stdout) as StorylineJson;
    expect(json.stories[0].articleIds).toHaveLength(3);
    expect(json.stories[0].pending).toBeUndefined();
    expect((await cli('stories', '--db', db)).stdout).not.toContain('not in view');
    expect((await cli('refresh', '--db', db)).stdout).toContain('every story view is complete');
  });

  it('refuses unknown stories with a usage error', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const db = join(dir, 'm.db');
    await cli('ingest', 'examples/07-harbor-ledger-transit-vote.txt', '--db', db);
    const r = await cli('merge', 'story-nope', 'story-other', '--db', db);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/storyline: .*story/i);
  });
});
