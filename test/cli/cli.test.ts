import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function workspace(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}

const ARTICLE_A =
  'title: Plant fire forces evacuation\nsource: Valley Courier\ndate: 2024-03-05\n\nFire Chief Maria Lopez said the blaze at the Northfield chemical plant was contained on Tuesday. "We were lucky," Lopez said.';
const ARTICLE_B =
  'title: Council approves transit deal\nsource: City Ledger\ndate: 2024-04-10\n\nThe Ashford city council approved a transit contract with Greyline Buses on Monday, Mayor Tom Reyes said.';

describe('storyline CLI', () => {
  it('prints help for every command', async () => {
    for (const cmd of ['analyze', 'ingest', 'stories', 'story', 'search', 'eval']) {
      const r = await cli(cmd, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: storyline ' + cmd);
    }
  });

  it('reports usage errors with exit code 2 on stderr', async () => {
    const r = await cli('analyze');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument/);
    expect((await cli('no-such-command')).code).toBe(2);
  });

  it('ingests into a database, lists stories, shows one and searches', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'a.txt'), ARTICLE_A);
    writeFileSync(join(dir, 'b.txt'), ARTICLE_B);
    const db = join(dir, 'store.db');
    const ing = await cli('ingest', dir, '--db', db);
    expect(ing.code).toBe(0);
    expect(ing.stdout).toMatch(/2 file\(s\): 2 stored, 0 already present, 0 failed/);
    const again = await cli('ingest', dir, '--db', db);
    expect(again.stdout).toMatch(/0 stored, 2 already present/);
    const list = await cli('stories', '--db', db, '--json');
    const stories = JSON.parse(list.stdout) as Array<{ id: string; title: string }>;
    expect(stories.map((s) => s.title).sort()).toEqual([
      'Council approves transit deal',
      'Plant fire forces evacuation',
    ]);
    const fire = stories.find((s) => s.title.startsWith('Plant'))!;
    const md = await cli('story', fire.id, '--db', db, '--markdown');
    expect(md.stdout).toContain('# Plant fire forces evacuation');
    expect(md.stdout).toContain('Valley Courier');
    const hits = await cli('search', 'chemical', '--db', db, '--json');
    expect((JSON.parse(hits.stdout) as Array<{ storyId: string }>).map((h) => h.storyId)).toEqual([fire.id]);
    const missing = await cli('story', 'nope', '--db', db);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no story "nope"/);
  });

  it('shows a story with its brief at another length and what is new since a date', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'a.txt'), ARTICLE_A);
    writeFileSync(
      join(dir, 'c.txt'),
      'title: Northfield plant fire cause found\nsource: Hill Times\ndate: 2024-03-07\n\nInvestigators said a faulty heater started the fire at the Northfield chemical plant, Fire Chief Maria Lopez said on Thursday. The plant will stay closed for two weeks while repairs are made.',
    );
    const db = join(dir, 'store.db');
    expect((await cli('ingest', dir, '--db', db)).code).toBe(0);
    const [fire] = JSON.parse((await cli('stories', '--db', db, '--json')).stdout) as Array<{ id: string }>;
    const r = await cli('story', fire.id, '--db', db, '--since', '2024-03-06', '--words', '20');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/What's new since 2024-03-06\n.*faulty heater/);
    const json = JSON.parse((await cli('story', fire.id, '--db', db, '--json', '--since', '2024-03-06')).stdout) as {
      stories: Array<{ whatsNew?: { since: string; sentences: Array<{ text: string }> } }>;
    };
    expect(json.stories[0].whatsNew?.sentences[0].text).toMatch(/faulty heater/);
    const bad = await cli('story', fire.id, '--db', db, '--since', 'last week');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"last week" is not a date/);
  });

  it('uses STORYLINE_DB when --db is not given', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'a.txt'), ARTICLE_A);
    const db = join(dir, 'env.db');
    process.env.STORYLINE_DB = db;
    try {
      expect((await cli('ingest', join(dir, 'a.txt'))).code).toBe(0);
      expect(JSON.parse((await cli('stories', '--json')).stdout)).toHaveLength(1);
    } finally {
      delete process.env.STORYLINE_DB;
    }
  });

  it('stores the good files of a batch with bad ones, one line per bad file, exit code 1', async () => {
    const dir = workspace();
    const db = join(dir, 'store.db');
    const first = join(dir, 'first');
    mkdirSync(first);
    writeFileSync(join(first, 'a.txt'), ARTICLE_A);
    expect((await cli('ingest', first, '--db', db)).code).toBe(0);

    const batch = join(dir, 'batch');
    mkdirSync(batch);
    writeFileSync(join(batch, 'good.txt'), ARTICLE_B);
    writeFileSync(join(batch, 'empty.txt'), '');
    writeFileSync(join(batch, 'header-only.txt'), 'title: Nothing\n\n');
    writeFileSync(
      join(batch, 'binary.bin'),
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]),
    );
    writeFileSync(join(batch, 'bad-date.txt'), 'date: 2018-02-30\n\nText with an impossible date.');
    writeFileSync(join(batch, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'a '));
    symlinkSync(join(batch, 'does-not-exist.txt'), join(batch, 'dangling.txt'));
    const r = await cli('ingest', batch, join(dir, 'missing-path'), '--db', db);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(7);
    expect(r.stderr).toMatch(/empty\.txt: empty file/);
    expect(r.stderr).toMatch(/header-only\.txt: no text/);
    expect(r.stderr).toMatch(/binary\.bin: looks like a binary file/);
    expect(r.stderr).toMatch(/bad-date\.txt: invalid date "2018-02-30" in header \(no such day\)/);
    expect(r.stderr).toMatch(/huge\.txt: file is 50\.0 MB, over the 10 MB limit/);
    expect(r.stderr).toMatch(/dangling\.txt: no such file or directory/);
    expect(r.stderr).toMatch(/missing-path: no such file or directory/);
    expect(r.stdout).toMatch(/1 stored/);
    // Nothing stored earlier was lost.
    const stories = JSON.parse((await cli('stories', '--db', db, '--json')).stdout) as unknown[];
    expect(stories).toHaveLength(2);
  });

  it('ingests a directory of 10,000 files', async () => {
    const dir = workspace();
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < 10_000; i++) {
      writeFileSync(join(many, `${String(i).padStart(5, '0')}.txt`), `Report ${i}: item number ${i} was logged.`);
    }
    writeFileSync(join(many, 'zz-empty.txt'), '');
    const r = await cli('ingest', many, '--db', join(dir, 'many.db'), '--no-progress');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/10001 file\(s\): 10000 stored, 0 already present, 1 failed/);
  }, 240_000);

  it('reports an unusable database path as a fatal error without a stack trace', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'a.txt'), ARTICLE_A);
    const r = await cli('ingest', join(dir, 'a.txt'), '--db', join(dir, 'no', 'such', 'dir', 'x.db'));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^storyline: cannot open database/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
