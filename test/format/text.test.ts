import { describe, expect, it } from 'vitest';
import { renderStory } from '../../src/format/text.js';
import type { AnnotatedArticle, Story, ValueSide } from '../../src/model.js';

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

  it('leads with the figures outlets disagree on, each side in its own words, then the figures that changed', () => {
    const a = 'Crews said about 300 homes were without water on Monday.';
    const b = 'At least 450 homes lost water, the utility said.';
    const c = 'By Wednesday the utility put the count at 520 homes.';
    // Offsets as an article holds them: the sentence starts inside the text, the figure inside the sentence.
    const side = (
      articleId: string,
      outlet: string,
      published: string,
      sentence: string,
      figure: string,
    ): ValueSide => ({
      outlet,
      articleId,
      published,
      sentence: { start: 100, end: 100 + sentence.length, text: sentence },
      value: {
        type: 'count',
        value: 0,
        low: null,
        high: null,
        hedge: 'exact',
        unit: '',
        measured: 'homes without water',
        concept: 'home',
        articleId,
        start: 100 + sentence.indexOf(figure),
        end: 100 + sentence.indexOf(figure) + figure.length,
        text: figure,
      },
    });
    const story = {
      id: 's2',
      title: 'Water main breaks',
      articleIds: ['a1', 'a2', 'a3'],
      independentSources: 3,
      entities: [],
      quotes: [],
      timeline: [],
      summary: [{ text: 'A water main broke.', sources: [] }],
      claims: [
        {
          id: 'c1',
          text: 'A water main broke.',
          kind: 'shared',
          outlets: ['Harbor Daily', 'Eastside Wire'],
          sources: [
            { articleId: 'a1', start: 0, end: 19, text: 'A water main broke.' },
            { articleId: 'a2', start: 0, end: 19, text: 'A water main broke.' },
          ],
          entities: [],
          numbers: [],
          dates: [],
          conflicts: [],
        },
      ],
      conflicts: [
        {
          id: 'v1',
          kind: 'conflict',
          type: 'count',
          measured: 'homes without water',
          sides: [
            { ...side('a1', 'Harbor Daily', '2026-03-02', a, 'about 300'), alsoCarriedBy: ['Coast Times'] },
            side('a2', 'Eastside Wire', '2026-03-02', b, 'At least 450'),
          ],
        },
      ],
      updates: [
        {
          id: 'v2',
          kind: 'update',
          type: 'count',
          measured: 'homes without water',
          sides: [
            side('a2', 'Eastside Wire', '2026-03-02', b, 'At least 450'),
            side('a3', 'Valley Ledger', '2026-03-04', c, '520'),
          ],
        },
      ],
    } as unknown as Story;
    const out = renderStory(story, new Map<string, AnnotatedArticle>(), 'text');
    const lines = out.split('\n');
    const at = (s: string): number => lines.findIndex((l) => l.includes(s));

    const first = '    Harbor Daily (2026-03-02): "Crews said [about 300] homes were without water on Monday." [1]';
    const second = '    Eastside Wire (2026-03-02): "[At least 450] homes lost water, the utility said." [2]';
    expect(lines).toContain(`${first} (also carried by Coast Times)`);
    expect(lines).toContain(second);
    expect(at('-- Where outlets disagree')).toBeGreaterThan(at('-- Brief'));
    expect(at('homes without water (count):')).toBe(at('-- Where outlets disagree') + 1);
    expect(at(first)).toBe(at('-- Where outlets disagree') + 2);
    expect(at(second)).toBe(at(first) + 1);
    // Before the claim-by-claim comparison, where a reader meets it first.
    expect(at('-- Where outlets disagree')).toBeLessThan(at('-- What the outlets report'));

    const changed = at('-- How the figures changed');
    expect(changed).toBeGreaterThan(at(second));
    expect(lines[changed + 2]).toBe(
      '    Eastside Wire (2026-03-02): "[At least 450] homes lost water, the utility said." [2]',
    );
    expect(lines[changed + 3]).toBe(
      '    → Valley Ledger (2026-03-04): "By Wednesday the utility put the count at [520] homes." [3]',
    );

    const md = renderStory(story, new Map<string, AnnotatedArticle>(), 'markdown');
    expect(md).toContain('## Where outlets disagree');
    expect(md).toContain(
      '- Harbor Daily (2026-03-02): "Crews said **about 300** homes were without water on Monday." [1]',
    );
  });

  it('shows no disagreement block when there are none', () => {
    const story = {
      id: 's3',
      title: 'Quiet',
      articleIds: ['a'],
      independentSources: 1,
      entities: [],
      quotes: [],
      timeline: [],
      summary: [],
      conflicts: [],
    } as unknown as Story;
    const out = renderStory(story, new Map<string, AnnotatedArticle>(), 'text');
    expect(out).not.toContain('Where outlets disagree');
    expect(out).not.toContain('How the figures changed');
  });
});
