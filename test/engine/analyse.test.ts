import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { openStore } from '../../src/store/index.js';
import type { Article } from '../../src/model.js';
import { exampleArticles } from '../server/fixture.js';

describe('a batch with an article the clusterer cannot prepare', () => {
  it('reports that article and stores the others', async () => {
    const store = await openStore(':memory:');
    try {
      const good = exampleArticles().slice(0, 3);
      // A record from a careless import: a number where the title belongs.
      const bad = {
        ...good[0],
        id: 'bad-record',
        path: 'bad-record',
        text: `${good[0].text} (copy)`,
        title: 42,
      } as unknown as Article;
      const report = await new Engine(store).ingest([bad, ...good]);
      expect(report.failures.map((f) => f.path)).toContain('bad-record');
      expect(report.failures[0].reason).toMatch(/^analysis failed: /);
      expect(await store.countArticles()).toBe(3);
    } finally {
      await store.close();
    }
  });
});
