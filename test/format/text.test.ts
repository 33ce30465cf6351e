import { describe, expect, it } from 'vitest';
import { renderStory } from '../../src/format/text.js';
import type { AnnotatedArticle, Story } from '../../src/model.js';

describe('story as text', () => {
  it('shows reported speech as reported (cue, then content), and only quotations in quotation marks', () => {
    const story = {
      id: 's1',
      articleIds: ['a'],
      entities: [],
      quotes: [
        {
          articleId: 'a',
          start: 0,
          end: 10,
          text: 'the bridge would reopen',
          kind: 'indirect',
          cue: 'said',
          speaker: { name: 'Ana Ruiz', type: 'person' },
        },
        {
          articleId: 'a',
          start: 20,
          end: 30,
          text: 'We are ready',
          kind: 'direct',
          cue: 'said',
          speaker: { name: 'Ana Ruiz', type: 'person' },
        },
      ],
      timeline: [],
      summary: [],
    } as unknown as Story;
    const out = renderStory(story, new Map<string, AnnotatedArticle>(), 'text');
    expect(out).toContain('said the bridge would reopen');
    expect(out).not.toContain('“the bridge would reopen');
    expect(out).toContain('“We are ready” (said)');
  });
});
