import { describe, expect, it } from 'vitest';
import { withoutNested } from '../../src/engine/story.js';
import { Engine } from '../../src/engine/engine.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { ingestPaths } from '../../src/cli/ingest-files.js';

describe('story quotes', () => {
  it('drop a quote inside a longer quote of the same speaker, and keep it for another speaker', () => {
    const outer = { start: 10, end: 90, speaker: { name: 'Maria Okonkwo-Reyes' } };
    const inner = { start: 60, end: 85, speaker: { name: 'maria okonkwo-reyes' } };
    const other = { start: 20, end: 40, speaker: { name: 'Gregory Tannehill' } };
    const same = { start: 10, end: 90, speaker: null };
    expect(withoutNested([outer, inner, other])).toEqual([outer, other]);
    // Equal spans are not nested in each other.
    expect(withoutNested([outer, { ...outer }])).toHaveLength(2);
    expect(withoutNested([same, { start: 12, end: 30, speaker: null }])).toEqual([same]);
  });

  it('list each quoted passage of the bundled examples once per article', async () => {
    const store = new SqliteStore(':memory:');
    await ingestPaths(new Engine(store), ['examples']);
    let quotes = 0;
    for (const s of await store.listStories()) {
      const story = await store.getStory(s.id);
      for (const q of story?.quotes ?? []) {
        quotes++;
        const nested = story?.quotes.some(
          (o) =>
            o !== q &&
            o.articleId === q.articleId &&
            o.start <= q.start &&
            q.end <= o.end &&
            o.end - o.start > q.end - q.start &&
            o.speaker?.name === q.speaker?.name,
        );
        expect(nested, q.text).toBe(false);
      }
    }
    expect(quotes).toBeGreaterThan(20);
    await store.close();
  });
});
