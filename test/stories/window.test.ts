import { describe, expect, it } from 'vitest';
import type { AnnotatedArticle } from '../../src/model.js';
import { StoryClusterer } from '../../src/stories/index.js';

const doc = (id: string, text: string, published: string): AnnotatedArticle => ({
  article: { id, text, published, publishedInferred: false },
  sentences: [],
  tokens: [],
  mentions: [],
  entities: [],
  quotes: [],
  timexes: [],
});

const ORIGINAL =
  'The harbour authority closed the northern pier on Friday after inspectors found cracks in three of its ' +
  'concrete pillars, and ferries were sent to the southern terminal until repairs are finished next spring.';

describe('time window', () => {
  it('matches copies only against originals inside the window', () => {
    const c = new StoryClusterer({ windowDays: 30 });
    c.add(doc('old', ORIGINAL, '2020-01-01'));
    const recent = c.add(doc('copy-soon', ORIGINAL, '2020-01-05'));
    expect(recent.explanation.decision).toBe('duplicate');
    c.add(
      doc(
        'other',
        'Voters in the valley chose a new mayor on Sunday after a long and bitter campaign season.',
        '2020-06-01',
      ),
    );
    const late = c.add(doc('copy-late', ORIGINAL, '2020-06-02'));
    expect(late.explanation.decision).not.toBe('duplicate');
    expect(late.storyId).not.toBe(c.storyOf('old'));
  });

  it('gives the same result after snapshot and restore', () => {
    const a = new StoryClusterer({ windowDays: 30 });
    a.add(doc('old', ORIGINAL, '2020-01-01'));
    a.add(
      doc(
        'other',
        'Voters in the valley chose a new mayor on Sunday after a long and bitter campaign season.',
        '2020-06-01',
      ),
    );
    const b = StoryClusterer.restore(JSON.parse(JSON.stringify(a.snapshot())));
    const x = a.add(doc('copy', ORIGINAL, '2020-06-02'));
    const y = b.add(doc('copy', ORIGINAL, '2020-06-02'));
    expect(y.storyId).toBe(x.storyId);
    expect(y.explanation.decision).toBe(x.explanation.decision);
  });
});
