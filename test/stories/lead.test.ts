import { describe, expect, it } from 'vitest';
import { annotateArticle } from '../../src/pipeline.js';
import { articleFeatures, StoryClusterer } from '../../src/stories/index.js';

const art = (id: string, text: string, published?: string, source = 'Example Wire') =>
  annotateArticle({ id, text, published, publishedInferred: false, source });

describe('lead features', () => {
  it('takes the dateline place, leaves out the outlet and resolves the lead day', () => {
    const d = art(
      'a',
      'BRACKENFORD (Example Wire) — A fire broke out on Monday at the Ostrand Coatings plant, officials said.\n\nOn Oct. 6, a fire at a plant in Larkhollow forced an evacuation.',
      '2026-10-27',
    );
    const lead = articleFeatures(d).lead;
    expect(lead.names).toContain('brackenford');
    expect(lead.names.some((n) => n.includes('example'))).toBe(false);
    expect(lead.names).not.toContain('larkhollow');
    expect(lead.days.length).toBeGreaterThan(0);
  });

  it('keeps leads through snapshot and restore', () => {
    const c = new StoryClusterer();
    c.add(
      art(
        'x1',
        'LARKHOLLOW — A fire at the Corvane Polymers plant on Tuesday forced an evacuation of residents.',
        '2026-10-06',
      ),
    );
    const r = StoryClusterer.restore(JSON.parse(JSON.stringify(c.snapshot())));
    const next = art(
      'x2',
      'LARKHOLLOW — Residents returned on Thursday after the Corvane Polymers plant fire and evacuation.',
      '2026-10-08',
    );
    const a = c.add(next);
    const b = r.add(next);
    expect(b.storyId).toBe(a.storyId);
    expect(b.score).toBeCloseTo(a.score, 10);
  });
});
