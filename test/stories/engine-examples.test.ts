import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model.js';
import { Engine } from '../../src/engine/engine.js';
import { readArticleFile } from '../../src/ingest/files.js';
import { SqliteStore } from '../../src/store/sqlite.js';

const dir = path.resolve('examples');

// Ground truth from examples/README.md: A = files 01–06, B = 07–10, C = 11–13 (a second fire elsewhere whose
// articles mention A as background).
const EVENTS: Record<string, string> = {
  '01': 'A',
  '02': 'A',
  '03': 'A',
  '04': 'A',
  '05': 'A',
  '06': 'A',
  '07': 'B',
  '08': 'B',
  '09': 'B',
  '10': 'B',
  '11': 'C',
  '12': 'C',
  '13': 'C',
};

async function readExamples(): Promise<Map<string, Article>> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  const out = new Map<string, Article>();
  for (const f of files) {
    const r = await readArticleFile(path.join(dir, f));
    if (!r.ok) throw new Error(`${f}: ${r.failure.reason}`);
    out.set(f.slice(0, 2), r.article);
  }
  return out;
}

describe('demo corpus through the engine', () => {
  it('finds the three events, with the wire copies collapsed', async () => {
    const byFile = await readExamples();
    expect(byFile.size).toBe(13);
    const fileOf = new Map([...byFile].map(([f, a]) => [a.id, f]));
    const store = new SqliteStore(':memory:');
    const engine = new Engine(store);
    const report = await engine.ingest([...byFile.values()]);
    expect(report.failures).toEqual([]);
    expect(report.stored).toHaveLength(13);

    const summaries = await store.listStories({ limit: 100 });
    expect(summaries).toHaveLength(3);
    const groups: string[][] = [];
    let storyA;
    for (const s of summaries) {
      const story = await store.getStory(s.id);
      expect(story).toBeDefined();
      groups.push(story!.articleIds.map((id) => fileOf.get(id) ?? id).sort());
      if (story!.articleIds.includes(byFile.get('01')!.id)) storyA = story!;
    }
    const expected = ['A', 'B', 'C'].map((e) =>
      Object.keys(EVENTS)
        .filter((f) => EVENTS[f] === e)
        .sort(),
    );
    expect(groups.sort((a, b) => a[0].localeCompare(b[0]))).toEqual(expected);

    if (!storyA) throw new Error('no story holds article 01');
    const decisions = new Map((storyA.membership ?? []).map((m) => [fileOf.get(m.articleId), m]));
    for (const copy of ['02', '03']) {
      expect(decisions.get(copy)?.decision).toBe('duplicate');
      expect(decisions.get(copy)?.duplicateOf).toBe(byFile.get('01')!.id);
    }
    // Six articles from five outlets; the two wire copies count once, with their original.
    expect(storyA.independentSources).toBe(3);
    await store.close();
  });
});
