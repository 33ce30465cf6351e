import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/model.js';
import type { Store } from '../../src/store/index.js';
import { exampleStore } from '../server/fixture.js';

/**
 * The demo corpus was written with three disagreements in it: how many were evacuated in Larkhollow (about 1,200
 * in the wire dispatch and its copies, nearly 2,000 in the Courier), how long the permit review takes (30 days vs
 * 45), and the council's vote in Port Emery (7-4 vs 8-3). Every one must be found, and nothing else.
 */
describe('disagreements in the demo corpus', () => {
  let store: Store;
  let stories: Story[];
  beforeAll(async () => {
    store = await exampleStore();
    const list = await store.listStories({ limit: 50 });
    stories = (await Promise.all(list.map((s) => store.getStory(s.id)))).filter((s): s is Story => !!s);
  }, 120_000);
  afterAll(() => store?.close());

  const figures = (s: Story) =>
    (s.conflicts ?? []).map((c) => [c.type, c.sides.map((x) => x.value.text).sort((a, b) => a.localeCompare(b))]);

  it('finds each planted disagreement, with each outlet’s exact words', () => {
    const all = stories.flatMap(figures);
    expect(all).toContainEqual(['count', ['about 1,200', 'Nearly 2,000']]);
    expect(all).toContainEqual(['duration', ['30 days', '45 days']]);
    expect(all).toContainEqual(['tally', ['7-4', '7-4', '8-3']]);
    for (const s of stories) {
      for (const c of s.conflicts ?? []) {
        for (const side of c.sides)
          expect(
            side.sentence.text.slice(side.value.start - side.sentence.start, side.value.end - side.sentence.start),
          ).toBe(side.value.text);
      }
    }
  });

  it('reports no other disagreement', () => {
    expect(stories.flatMap(figures)).toHaveLength(3);
  });

  it('counts the wire dispatch once: its copies are named as carriers, not as outlets that agree', () => {
    const fire = stories.find((s) => (s.conflicts ?? []).some((c) => c.type === 'count'));
    const evacuated = fire?.conflicts?.find((c) => c.type === 'count');
    const wire = evacuated?.sides.find((x) => x.value.text === 'about 1,200');
    expect(wire?.outlet).toBe('Meridian Press Agency');
    expect(wire?.alsoCarriedBy?.sort()).toEqual(['Riverside Daily Post', 'Valley Herald Online']);
    expect(fire?.coverage?.outlets).not.toContain('Valley Herald Online');
    expect(fire?.coverage?.byOutlet.find((o) => o.outlet === 'Valley Herald Online')?.carries).toBe(
      'Meridian Press Agency',
    );
  });
});
