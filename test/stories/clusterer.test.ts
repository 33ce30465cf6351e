import { describe, expect, it } from 'vitest';
import {
  StoryClusterer,
  StoryClustererError,
  clusterArticles,
  decodePrepared,
  encodePrepared,
} from '../../src/stories/index.js';
import type { AnnotatedArticle } from '../../src/model.js';
import { QUAKE_A1, QUAKE_A2, QUAKE_B1, QUAKE_B2, art } from './fixtures.js';

/** Deterministic pseudo-random filler vocabulary, so unrelated articles share no salient word. */
function gibberish(seed: number, n: number): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  const vowels = 'aeiou';
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    let h = Math.imul(seed * 1000 + i + 1, 0x9e3779b1) >>> 0;
    let w = '';
    for (let j = 0; j < 4; j++) {
      h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) >>> 0;
      w += letters[h % 20] + vowels[(h >>> 8) % 5];
    }
    words.push(w);
  }
  return `${words.slice(0, n / 2).join(' ')}.\n${words.slice(n / 2).join(' ')}.`;
}

describe('StoryClusterer: online assignment', () => {
  it('puts reports of one event together and a similar event of the same kind apart', () => {
    const c = new StoryClusterer();
    const a1 = c.add(art('a1', QUAKE_A1, { published: '2009-09-30' }));
    const b1 = c.add(art('b1', QUAKE_B1, { published: '2009-04-06' }));
    const a2 = c.add(art('a2', QUAKE_A2, { published: '2009-10-01' }));
    const b2 = c.add(art('b2', QUAKE_B2, { published: '2009-04-07' }));
    expect(a1.isNew).toBe(true);
    expect(b1.isNew).toBe(true);
    expect(a2.isNew).toBe(false);
    expect(a2.storyId).toBe(a1.storyId);
    expect(b2.storyId).toBe(b1.storyId);
    expect(a1.storyId).not.toBe(b1.storyId);
    expect(a2.explanation.decision).toBe('joined');
    expect(a2.explanation.sharedEntities.map((e) => e.name.toLowerCase()).join(' ')).toMatch(/padang|sumatra|pakaya/);
    expect(a2.explanation.summary).toMatch(/Joins/);
  });

  it('separates the two earthquakes even without publication dates', () => {
    const out = clusterArticles([art('a1', QUAKE_A1), art('b1', QUAKE_B1), art('a2', QUAKE_A2), art('b2', QUAKE_B2)]);
    const groups = [...out.values()].map((g) => [...g].sort().join(','));
    expect(groups.sort()).toEqual(['a1,a2', 'b1,b2']);
  });

  it('keeps story ids stable and derived from the first article', () => {
    const c = new StoryClusterer();
    const first = c.add(art('a1', QUAKE_A1));
    expect(first.storyId).toBe('story-a1');
    const ids = () => c.stories().map((s) => s.id);
    const before = ids();
    c.add(art('a2', QUAKE_A2));
    c.add(art('b1', QUAKE_B1));
    expect(ids().slice(0, before.length)).toEqual(before);
    expect(c.storyOf('a2')).toBe('story-a1');
    expect(c.stories().find((s) => s.id === 'story-a1')?.articleIds).toEqual(['a1', 'a2']);
    // Same input, same ids.
    const again = clusterArticles([art('a1', QUAKE_A1), art('a2', QUAKE_A2), art('b1', QUAKE_B1)]);
    expect([...again.keys()].sort()).toEqual(['story-a1', 'story-b1']);
  });

  it('returns the existing assignment when an article is added twice', () => {
    const c = new StoryClusterer();
    const a = c.add(art('a1', QUAKE_A1));
    const again = c.add(art('a1', QUAKE_A1));
    expect(again.storyId).toBe(a.storyId);
    expect(again.explanation.decision).toBe('repeat');
    expect(c.stories()[0].articleIds).toEqual(['a1']);
  });
});

describe('StoryClusterer: candidate retrieval', () => {
  it('scores only stories that share a salient feature with the article', () => {
    const c = new StoryClusterer();
    for (let i = 0; i < 150; i++) c.add(art(`g${i}`, gibberish(i + 1, 40)));
    expect(c.stats().stories).toBe(150);
    c.add(art('a1', QUAKE_A1));
    // Nothing shares a word with the quake: no story is scored.
    expect(c.stats().lastScored).toBe(0);
    c.add(art('b1', QUAKE_B1));
    // Only the other quake story shares features ("earthquake", "magnitude", ...).
    expect(c.stats().lastScored).toBe(1);
    c.add(art('a2', QUAKE_A2));
    expect(c.stats().lastScored).toBeLessThanOrEqual(2);
    expect(c.storyOf('a2')).toBe(c.storyOf('a1'));
    // Total work stays far below articles × stories.
    expect(c.stats().scored).toBeLessThan(153 * 10);
  });

  it('bounds the stories scored per article by maxCandidates', () => {
    const c = new StoryClusterer({ maxCandidates: 3, threshold: 2 });
    for (let i = 0; i < 10; i++) c.add(art(`q${i}`, QUAKE_A1.replace('529', String(600 + i))));
    // threshold 2 is unreachable, so every copy that is not a near-duplicate starts a story.
    expect(c.stats().lastScored).toBeLessThanOrEqual(3);
  });
});

describe('StoryClusterer: time window', () => {
  it('does not offer stories inactive for longer than the window', () => {
    const c = new StoryClusterer({ windowDays: 365 });
    const a = c.add(art('a1', QUAKE_A1, { published: '2009-09-30' }));
    const b = c.add(art('a2', QUAKE_A2, { published: '2015-10-01' }));
    expect(b.storyId).not.toBe(a.storyId);
    expect(c.stats().activeStories).toBe(1);
  });

  it('decays the score with the gap between an article and a story', () => {
    const near = new StoryClusterer();
    near.add(art('a1', QUAKE_A1, { published: '2009-09-30' }));
    const close = near.add(art('a2', QUAKE_A2, { published: '2009-10-01' }));
    const far = new StoryClusterer();
    far.add(art('a1', QUAKE_A1, { published: '2009-09-30' }));
    const late = far.add(art('a2', QUAKE_A2, { published: '2010-06-01' }));
    expect(late.explanation.daysApart).toBe(244);
    expect(late.explanation.score).toBeLessThan(close.explanation.score);
  });
});

describe('StoryClusterer: maintenance', () => {
  it('keeps a manual split through recheck', () => {
    const c = new StoryClusterer({ mergeThreshold: 0.05 });
    c.add(art('a1', QUAKE_A1));
    c.add(art('a2', QUAKE_A2));
    c.add(
      art(
        'a3',
        QUAKE_A1.replace('Wednesday', 'Wednesday evening').replace('Indonesian officials', 'officials in Jakarta'),
      ),
    );
    const sid = c.storyOf('a1') as string;
    expect(c.articlesOf(sid)).toHaveLength(3);
    const moved = c.split(sid, ['a2']);
    expect(moved).toBe('story-a2');
    expect(c.storyOf('a2')).toBe('story-a2');
    expect(c.getConstraints()).toContainEqual({ kind: 'apart', a: ['a2'], b: ['a1', 'a3'] });
    // A merge threshold this low would merge the two parts again; the recorded split prevents it.
    const res = c.recheck();
    expect(res.merged.find((m) => [m.kept, m.removed].includes('story-a2'))).toBeUndefined();
    expect(c.storyOf('a2')).not.toBe(c.storyOf('a1'));
  });

  it('keeps a manual merge through recheck, and a later merge overrides an earlier split', () => {
    const c = new StoryClusterer({ splitThreshold: 0.99, minSplitSize: 1 });
    c.add(art('a1', QUAKE_A1));
    c.add(art('a2', QUAKE_A2));
    c.add(art('b1', QUAKE_B1));
    c.add(art('b2', QUAKE_B2));
    const a = c.storyOf('a1') as string;
    const b = c.storyOf('b1') as string;
    expect(a).not.toBe(b);
    const kept = c.merge(a, b);
    expect(kept).toBe(a);
    expect(c.resolve(b)).toBe(a);
    expect(c.articlesOf(b).sort()).toEqual(['a1', 'a2', 'b1', 'b2']);
    // splitThreshold 0.99 would cut every story into single articles; the manual merge holds.
    const res = c.recheck();
    expect(res.split).toEqual([]);
    expect(c.articlesOf(a)).toHaveLength(4);
    // Split, then merge again: the newest decision wins and the "apart" record is dropped.
    const part = c.split(a, ['b1', 'b2']);
    expect(c.getConstraints().some((k) => k.kind === 'apart')).toBe(true);
    c.merge(a, part);
    expect(c.getConstraints().some((k) => k.kind === 'apart')).toBe(false);
    expect(c.articlesOf(a)).toHaveLength(4);
  });

  it('merges stories that turned out to be one', () => {
    const c = new StoryClusterer({ threshold: 0.95, mergeThreshold: 0.15 });
    c.add(art('a1', QUAKE_A1));
    c.add(art('a2', QUAKE_A2));
    expect(c.storyOf('a1')).not.toBe(c.storyOf('a2'));
    const res = c.recheck();
    expect(res.merged).toEqual([{ kept: 'story-a1', removed: 'story-a2', score: expect.any(Number) }]);
    expect(c.storyOf('a2')).toBe('story-a1');
    // The retired id still resolves.
    expect(c.articlesOf('story-a2')).toEqual(['a1', 'a2']);
  });

  it('splits a story that drifted', () => {
    // A join threshold below any score forces everything into one story.
    const c = new StoryClusterer({ threshold: -1, splitThreshold: 0.15 });
    for (const [id, t] of [
      ['a1', QUAKE_A1],
      ['a2', QUAKE_A2],
      ['b1', QUAKE_B1],
      ['b2', QUAKE_B2],
    ] as const)
      c.add(art(id, t));
    expect(c.stories()).toHaveLength(1);
    const res = c.recheck();
    expect(res.split).toHaveLength(1);
    expect(c.storyOf('a1')).toBe('story-a1');
    expect(c.storyOf('a2')).toBe('story-a1');
    expect(c.storyOf('b1')).toBe(c.storyOf('b2'));
    expect(c.storyOf('b1')).not.toBe('story-a1');
  });

  it('rejects bad manual operations with typed errors', () => {
    const c = new StoryClusterer();
    c.add(art('a1', QUAKE_A1));
    expect(() => c.split('story-a1', ['a1'])).toThrow(StoryClustererError);
    expect(() => c.split('story-a1', [])).toThrow(StoryClustererError);
    expect(() => c.split('story-a1', ['zzz'])).toThrow(/not in story/);
    expect(() => c.merge('story-a1', 'nope')).toThrow(/unknown story/);
  });
});

describe('StoryClusterer: snapshot and restore', () => {
  it('round-trips through JSON and continues identically', () => {
    const c = new StoryClusterer();
    c.add(art('a1', QUAKE_A1, { published: '2009-09-30', source: 'AP' }));
    c.add(art('b1', QUAKE_B1, { published: '2009-04-06', source: 'Reuters' }));
    c.add(art('b1copy', QUAKE_B1, { published: '2009-04-06', source: 'Daily Herald' }));
    c.split('story-b1', ['b1copy']);
    const json = JSON.stringify(c.snapshot());
    const r = StoryClusterer.restore(JSON.parse(json));
    expect(r.stories()).toEqual(c.stories());
    expect(r.getConstraints()).toEqual(c.getConstraints());
    expect(JSON.stringify(r.snapshot())).toBe(json);
    const next = [art('a2', QUAKE_A2, { published: '2009-10-01' }), art('b2', QUAKE_B2, { published: '2009-04-07' })];
    for (const d of next) {
      const x = c.add(d);
      const y = r.add(d);
      expect(y.storyId).toBe(x.storyId);
      expect(y.score).toBeCloseTo(x.score, 12);
    }
    expect(r.stories()).toEqual(c.stories());
    // Near-duplicate detection survives the round trip.
    expect(r.add(art('a1copy', QUAKE_A1, { published: '2009-10-01' })).duplicateOf).toBe('a1');
  });

  it('restores mid-way through an IDF epoch and scores exactly as the original', () => {
    // Past 100 articles the IDF weights refresh every 2 % of the stream; snapshots fall between refreshes.
    const doc = (i: number): AnnotatedArticle =>
      art(`g${i}`, `${gibberish(Math.floor(i / 3), 40)}\n${gibberish(10_000 + i, 20)}`, {
        published: `2020-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      });
    const c = new StoryClusterer();
    for (let i = 0; i < 230; i++) c.add(doc(i));
    for (const at of [230, 231, 233]) {
      while (c.stats().articles < at) c.add(doc(c.stats().articles));
      const r = StoryClusterer.restore(JSON.parse(JSON.stringify(c.snapshot())) as ReturnType<typeof c.snapshot>);
      for (let i = 300; i < 310; i++) {
        const x = c.add(doc(i + at * 100));
        const y = r.add(doc(i + at * 100));
        expect(y.storyId).toBe(x.storyId);
        expect(y.score).toBeCloseTo(x.score, 12);
      }
      expect(r.stories()).toEqual(c.stories());
    }
  });

  it('repeats recorded decisions without scoring and reaches the same state', () => {
    const doc = (i: number): AnnotatedArticle =>
      art(`r${i}`, `${gibberish(Math.floor(i / 4), 40)}\n${gibberish(20_000 + i, 20)}`, {
        published: `2021-03-${String(1 + (i % 28)).padStart(2, '0')}`,
      });
    const docs = [
      art('a1', QUAKE_A1, { published: '2009-09-30' }),
      art('b1', QUAKE_B1, { published: '2009-10-01' }),
      art('a2', QUAKE_A2, { published: '2009-10-01' }),
      art('b2', QUAKE_B2, { published: '2009-10-02' }),
      ...Array.from({ length: 150 }, (_, i) => doc(i)),
    ];
    const scored = new StoryClusterer();
    const replayed = new StoryClusterer();
    let joined = 0;
    for (const d of docs) {
      const a = scored.add(d);
      if (a.decision && !a.decision.isNew) joined++;
      const b = replayed.add(d, a.decision);
      expect(b.storyId).toBe(a.storyId);
      expect(b.explanation.candidates).toBe(0);
    }
    expect(joined).toBeGreaterThan(50);
    expect(replayed.stories()).toEqual(scored.stories());
    expect(replayed.topics()).toEqual(scored.topics());
    const { stats: _s, ...a } = scored.snapshot();
    const { stats: _r, ...b } = replayed.snapshot();
    expect(b).toEqual(a);
    // And the two go on identically when the next article is scored by both.
    const next = art('a3', QUAKE_A2.replace('Padang', 'Padang city'), { published: '2009-10-03' });
    expect(replayed.add(next).storyId).toBe(scored.add(next).storyId);
  });

  it('replays from logged preparations (JSON, no article text) to the same state, copies included', () => {
    const doc = (i: number): AnnotatedArticle =>
      art(`p${i}`, `${gibberish(Math.floor(i / 3), 40)}\n${gibberish(30_000 + i, 20)}`, {
        published: `2021-04-${String(1 + (i % 28)).padStart(2, '0')}`,
        source: `Outlet ${i % 5}`,
      });
    const docs = [
      art('a1', QUAKE_A1, { published: '2009-09-30' }),
      art('b1', QUAKE_B1, { published: '2009-10-01' }),
      art('a1-copy', QUAKE_A1, { published: '2009-10-01', source: 'Other Wire' }),
      art('a2', QUAKE_A2, { published: '2009-10-01' }),
      ...Array.from({ length: 90 }, (_, i) => doc(i)),
    ];
    const scored = new StoryClusterer();
    const replayed = new StoryClusterer();
    let duplicates = 0;
    for (const d of docs) {
      const prepared = scored.prepare(d);
      const a = scored.addPrepared(prepared);
      if (a.duplicateOf) duplicates++;
      const logged = decodePrepared(JSON.parse(JSON.stringify(encodePrepared(prepared))));
      expect(logged).toEqual(prepared);
      expect(replayed.addPrepared(logged, a.decision).storyId).toBe(a.storyId);
    }
    expect(duplicates).toBeGreaterThan(0);
    const { stats: _s, ...a } = scored.snapshot();
    const { stats: _r, ...b } = replayed.snapshot();
    expect(b).toEqual(a);
    // Preparing and adding is the same as adding the article.
    const direct = new StoryClusterer();
    for (const d of docs) direct.add(d);
    expect(direct.stories()).toEqual(scored.stories());
  });

  it('refuses a malformed logged preparation with a typed error', () => {
    const good = encodePrepared(new StoryClusterer().prepare(art('a1', QUAKE_A1)));
    for (const bad of [
      null,
      7,
      {},
      { ...good, id: '' },
      { ...good, groups: { term: [['t:x', 'heavy']] } },
      { ...good, lead: {} },
    ])
      expect(() => decodePrepared(bad)).toThrow(StoryClustererError);
    expect(() => decodePrepared({ ...good, signature: { hashes: 'AAA', size: 3 } })).toThrow(/signature/);
  });

  it('refuses a decision that does not fit its state', () => {
    const c = new StoryClusterer();
    expect(() => c.add(art('a1', QUAKE_A1), { storyId: 'story-zz', isNew: false })).toThrow(/unknown here/);
    expect(() => c.add(art('b1', QUAKE_B1), { storyId: 'story-other', isNew: true })).toThrow(/states differ/);
    // Nothing changed: the articles can still be added.
    expect(c.stats().articles).toBe(0);
    expect(c.add(art('a1', QUAKE_A1)).isNew).toBe(true);
  });

  it('refuses something that is not a snapshot', () => {
    expect(() => StoryClusterer.restore({} as never)).toThrow(StoryClustererError);
  });
});

describe('StoryClusterer: bad input', () => {
  it('handles articles without names, one-word and empty articles', () => {
    const c = new StoryClusterer();
    const plain = c.add(art('p1', 'the weather was mild and the rain stopped before noon in most places.'));
    expect(plain.isNew).toBe(true);
    const one = c.add(art('w1', 'Hello'));
    const two = c.add(art('w2', 'Goodbye'));
    expect(one.storyId).not.toBe(two.storyId);
    const empty = c.add(art('e1', ''));
    expect(empty.isNew).toBe(true);
    const bare: AnnotatedArticle = {
      article: { id: 'bare', text: 'Earthquake near Padang', publishedInferred: false },
      sentences: [],
      tokens: [],
      mentions: [],
      entities: [],
      quotes: [],
      timexes: [],
    };
    expect(() => c.add(bare)).not.toThrow();
    expect(() => c.add({ article: { id: 'odd', text: 'x' } } as unknown as AnnotatedArticle)).not.toThrow();
    expect(() => c.add(null as unknown as AnnotatedArticle)).toThrow(StoryClustererError);
    expect(() => c.add({ article: { id: '' } } as unknown as AnnotatedArticle)).toThrow(/non-empty string id/);
  });

  it('turns 1,000 copies of one article into one story of duplicates', () => {
    const c = new StoryClusterer();
    const doc = art('c0', QUAKE_A1, { source: 'AP' });
    const first = c.add(doc);
    for (let i = 1; i < 1000; i++) {
      const a = c.add({ ...doc, article: { ...doc.article, id: `c${i}`, source: `Outlet ${i % 7}` } });
      expect(a.storyId).toBe(first.storyId);
      expect(a.duplicateOf).toBe('c0');
    }
    expect(c.stories()).toHaveLength(1);
    expect(c.stats().duplicates).toBe(999);
    expect(c.independentSources(first.storyId)).toBe(1);
  });

  it('does not grow a catch-all story from unrelated articles', () => {
    const c = new StoryClusterer();
    for (let i = 0; i < 120; i++) c.add(art(`g${i}`, `${gibberish(i + 1000, 30)} Officials said on Monday.`));
    const largest = Math.max(...c.stories().map((s) => s.articleIds.length));
    expect(largest).toBeLessThanOrEqual(2);
  });

  it('rejects invalid options with a typed error', () => {
    expect(() => new StoryClusterer({ threshold: Number.NaN })).toThrow(StoryClustererError);
    expect(() => new StoryClusterer({ windowDays: 0 })).toThrow(/windowDays/);
  });
});
