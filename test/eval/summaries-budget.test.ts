import { describe, expect, it } from 'vitest';
import { leadBaseline, scoreJackknife, type JackknifeScores } from '../../src/eval/summaries.js';
import { makeArticle } from '../summarize/fixtures.js';

const fresh = (): JackknifeScores => ({ rouge2: new Map(), su4: new Map() });

describe('DUC evaluation at a word budget', () => {
  const models = new Map([
    ['A', ['the river flooded the town on monday.', 'rescue teams arrived later.']],
    ['B', ['the river flooded the town.', 'hundreds of residents fled their homes.']],
  ]);

  it('applies -l to the peer and to the references alike, as ROUGE-1.5.5 does', () => {
    // At 5 words each reference is "the river flooded the town": a peer with exactly those words
    // recalls every bigram, whatever the references say afterwards.
    const at5 = fresh();
    scoreJackknife('D1', ['The river flooded the town, officials said.'], models, at5, 5);
    expect([...at5.rouge2.values()]).toEqual([1, 1]);
    // Without the budget's truncation of the references, the same peer recalls only part of them.
    const at250 = fresh();
    scoreJackknife('D1', ['The river flooded the town, officials said.'], models, at250);
    for (const r of at250.rouge2.values()) expect(r).toBeLessThan(1);
    // Words beyond the budget in the peer are never counted.
    const cut = fresh();
    scoreJackknife('D1', ['Nothing relevant here.', 'The river flooded the town.'], models, cut, 3);
    expect([...cut.rouge2.values()]).toEqual([0, 0]);
  });

  it('keys evaluations by cluster and left-out reference (jackknifing)', () => {
    const s = fresh();
    scoreJackknife('D1', ['The river flooded the town.'], models, s, 100);
    expect([...s.rouge2.keys()].sort()).toEqual(['D1-A', 'D1-B']);
    expect(s.su4.size).toBe(2);
  });

  it('builds the lead baseline from the latest article up to the budget', () => {
    const docs = [
      makeArticle('old', 'An old report about the storm. It had many words in it.', { published: '2020-01-01' }),
      makeArticle('new', 'The storm hit the coast on Monday night. Thousands lost power. Schools closed.', {
        published: '2020-01-02',
      }),
    ];
    const lead = leadBaseline(docs, 9);
    expect(lead[0]).toMatch(/^The storm hit the coast/);
    expect(lead.length).toBe(2);
  });
});
