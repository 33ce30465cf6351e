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

  it('drops the profiles of stories and topics idle beyond the window, and keeps the others', () => {
    const c = new StoryClusterer({ windowDays: 30 });
    c.add(doc('old', ORIGINAL, '2020-01-01'));
    c.add(doc('mid', 'Voters in the valley chose a new mayor on Sunday after a long campaign.', '2020-01-20'));
    const sizes = (): number[] =>
      c.snapshot().topics.map((t) => Object.values(t.centroid).reduce((n, g) => n + g.length, 0));
    expect(sizes().every((n) => n > 0)).toBe(true);
    // 45 days after the first article and 26 after the second: only the first is out of the window.
    c.add(doc('new', 'The orchestra announced a winter season of twelve concerts in the old theatre.', '2020-02-15'));
    const topics = c.snapshot().topics;
    const empty = topics.filter((t) => Object.values(t.centroid).every((g) => g.length === 0));
    expect(empty).toHaveLength(1);
    expect(c.stats().activeStories).toBe(2);
    // Restored, it retires the same topics at the same time.
    const r = StoryClusterer.restore(JSON.parse(JSON.stringify(c.snapshot())));
    const late = doc('later', 'Farmers brought the harvest in early this year after a dry summer.', '2020-03-10');
    c.add(late);
    r.add(late);
    expect(JSON.stringify(r.snapshot().topics)).toBe(JSON.stringify(c.snapshot().topics));
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
