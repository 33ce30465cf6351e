import { describe, expect, it } from 'vitest';
import { articleFromRow, queryParts, searchHitFromRow, summaryFromRow } from '../../src/store/rows.js';

const row = {
  id: 'a1',
  path: null,
  title: 'Bridge reopens',
  source: 'Valley Herald',
  url: null,
  byline: null,
  published: '2021-03-04',
  published_reason: null,
  text: 'The old bridge reopened on Tuesday.',
  annotations: '{}',
};

describe('store rows', () => {
  it('reads flags stored as integers or booleans alike', () => {
    for (const [yes, no] of [
      [1, 0],
      [true, false],
    ] as const) {
      const a = articleFromRow({ ...row, source_inferred: no, published_inferred: yes }, false).article;
      expect(a.publishedInferred).toBe(true);
      expect(a.sourceInferred).toBeUndefined();
      expect(a.title).toBe('Bridge reopens');
      expect('path' in a).toBe(false);
    }
  });

  it('maps summary and search rows', () => {
    const s = summaryFromRow(
      {
        id: 's1',
        title: 'T',
        article_count: 2,
        independent_sources: 1,
        first_published: null,
        last_published: '2021-03-04',
        view_count: null,
      },
      ['Valley Herald'],
      '2021-03-05T00:00:00.000Z',
    );
    expect(s).toEqual({
      id: 's1',
      title: 'T',
      articleCount: 2,
      independentSources: 1,
      outlets: ['Valley Herald'],
      firstPublished: undefined,
      lastPublished: '2021-03-04',
      updatedAt: '2021-03-05T00:00:00.000Z',
    });
    const h = searchHitFromRow({ id: 'a1', title: null, source: 'X', published: null, story_id: 's1', snippet: '[b]' });
    expect(h).toEqual({
      articleId: 'a1',
      title: undefined,
      source: 'X',
      published: undefined,
      storyId: 's1',
      snippet: '[b]',
    });
  });

  it('splits a query into quoted phrases and single words, dropping syntax', () => {
    expect(queryParts('"old bridge" re-opened!')).toEqual([
      { words: ['old', 'bridge'], quoted: true },
      { words: ['re'], quoted: false },
      { words: ['opened'], quoted: false },
    ]);
    expect(queryParts('"" * ')).toEqual([]);
  });
});
