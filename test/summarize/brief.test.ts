import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotatedArticle, Story } from '../../src/model.js';
import type { Store } from '../../src/store/index.js';
import { annotateArticle } from '../../src/pipeline.js';
import { makeArticle } from '../../src/ingest/parse.js';
import { briefSince, briefStory } from '../../src/summarize/index.js';
import { briefOf, normaliseSince } from '../../src/engine/brief.js';
import { findProvenance } from '../../src/compare/syndication.js';
import { exampleStore } from '../server/fixture.js';

const wordsIn = (s: Story['summary']): number => s.map((x) => x.text.split(/\s+/).length).reduce((a, b) => a + b, 0);

/** The demo corpus: three stories, one with a wire dispatch run by two other outlets. */
describe('the story brief on the demo corpus', () => {
  let store: Store;
  let stories: Array<{ story: Story; docs: AnnotatedArticle[] }>;
  beforeAll(async () => {
    store = await exampleStore();
    const list = await store.listStories({ limit: 50 });
    stories = [];
    for (const s of list) {
      const story = await store.getStory(s.id);
      if (!story) continue;
      stories.push({ story, docs: await store.getArticles(story.articleIds, { tokens: false }) });
    }
  }, 120_000);
  afterAll(() => store?.close());

  const byTitle = (re: RegExp) => {
    const found = stories.find((s) => re.test(s.story.title));
    if (!found) throw new Error(`no story ${re}`);
    return found;
  };

  it('opens each brief with what happened', () => {
    expect(byTitle(/Larkhollow/).story.summary[0].text).toMatch(/fire .* Corvane Polymers plant .* Larkhollow/);
    expect(byTitle(/Port Emery/).story.summary[0].text).toMatch(/Council on Tuesday voted 7-4/);
    expect(byTitle(/Brackenford/).story.summary[0].text).toMatch(/fire .* Ostrand Coatings plant in Brackenford/);
  });

  it('ends each brief on the latest report', () => {
    for (const { story, docs } of stories) {
      const latest = [...docs]
        .filter((d) => d.article.published)
        .sort((a, b) => (a.article.published as string).localeCompare(b.article.published as string))
        .at(-1);
      const last = story.summary.at(-1);
      expect(last?.sources[0].articleId, story.title).toBe(latest?.article.id);
    }
    expect(byTitle(/Larkhollow/).story.summary.at(-1)?.text).toMatch(/^Residents of east Larkhollow began returning/);
    expect(byTitle(/Port Emery/).story.summary.at(-1)?.text).toMatch(/inspector general has opened a formal inquiry/);
  });

  it('never opens a sentence on a pronoun or on a reference the brief has not introduced', () => {
    for (const { story } of stories) {
      story.summary.forEach((s, i) => {
        expect(s.text).not.toMatch(/^(He|She|It|They|We|I|His|Her|Its|Their|This|These|Those|That)\b/);
        const m = /^The ([a-z]+)/.exec(s.text);
        // "The vote came amid …" is only told once the vote has been.
        if (m?.[1] === 'vote') expect(story.summary.slice(0, i).some((p) => /\bvot/.test(p.text))).toBe(true);
      });
    }
    const emery = byTitle(/Port Emery/).story.summary;
    const amid = emery.findIndex((s) => s.text.startsWith('The vote came amid'));
    if (amid >= 0) expect(amid).toBeGreaterThan(0);
  });

  it('cites each independent outlet once and never the copies of a dispatch', () => {
    const { story, docs } = byTitle(/Larkhollow/);
    const provenance = findProvenance(
      [...docs].sort((a, b) => (a.article.published ?? '').localeCompare(b.article.published ?? '')),
    );
    const copies = new Set([...provenance.values()].filter((p) => p.copyOf).map((p) => p.articleId));
    expect(copies.size).toBe(2);
    for (const s of story.summary) {
      const origins = s.sources.map((r) => provenance.get(r.articleId)?.origin);
      expect(new Set(origins).size).toBe(origins.length);
      for (const r of s.sources) expect(copies.has(r.articleId)).toBe(false);
    }
    // The opening is reported by the wire and by the local paper in its own words.
    expect(story.summary[0].sources.length).toBeGreaterThanOrEqual(2);
  });

  it('cites exact passages', () => {
    for (const { story, docs } of stories) {
      const text = new Map(docs.map((d) => [d.article.id, d.article.text]));
      for (const s of story.summary) {
        const own = s.sources[0];
        const passage = text.get(own.articleId) ?? '';
        // The sentence is its passage without the asides it names.
        let kept = '';
        let from = own.start;
        for (const o of s.omitted ?? []) {
          expect(o.start).toBeGreaterThanOrEqual(from);
          expect(passage.slice(o.start, o.start + 2)).toBe(', ');
          kept += passage.slice(from, o.start);
          from = o.end;
        }
        expect(kept + passage.slice(from, own.end)).toBe(s.text);
      }
    }
  });

  it('keeps to about the default length and adapts to a requested one', () => {
    for (const { story } of stories) expect(wordsIn(story.summary)).toBeLessThanOrEqual(120);
    const { story, docs } = byTitle(/Larkhollow/);
    const short = briefOf(story, docs, { words: 50 }).summary;
    expect(wordsIn(short)).toBeLessThanOrEqual(50);
    expect(short[0].text).toBe(story.summary[0].text);
    const long = briefOf(story, docs, { words: 250 }).summary;
    expect(wordsIn(long)).toBeGreaterThan(wordsIn(story.summary));
  });

  it('tells what is new since a time, from the reports published since', () => {
    const { story, docs } = byTitle(/Larkhollow/);
    const since = briefOf(story, docs, { since: '2026-10-08' }).whatsNew;
    expect(since?.since).toBe('2026-10-08');
    expect(since?.sentences.length).toBeGreaterThan(0);
    expect(since?.sentences.length).toBeLessThanOrEqual(3);
    const fresh = new Set(docs.filter((d) => (d.article.published ?? '') >= '2026-10-08').map((d) => d.article.id));
    for (const s of since?.sentences ?? []) expect(fresh.has(s.sources[0].articleId)).toBe(true);
    expect(since?.sentences.map((s) => s.text).join(' ')).toMatch(
      /returning to their homes|evacuation order was lifted/,
    );
    expect(briefOf(story, docs, { since: '2027-01-01' }).whatsNew?.sentences).toEqual([]);
  });
});

describe('briefStory and briefSince', () => {
  it('leaves asides out and says where they were', () => {
    const d = annotateArticle(
      makeArticle(
        'Chief Ana Ruiz, who has led the department since 2021, said the fire at the Kell mill was out by noon on Monday. ' +
          'Ruiz, the first woman to lead it, spoke to reporters, officials and residents outside the mill.',
        { published: '2026-03-02', source: 'Daily' },
      ),
    );
    const [s] = briefStory([d]);
    expect(s.text).toBe('Chief Ana Ruiz said the fire at the Kell mill was out by noon on Monday.');
    expect(s.omitted).toHaveLength(1);
    const o = s.omitted![0];
    expect(d.article.text.slice(o.start, o.end)).toBe(', who has led the department since 2021,');
    expect(briefStory([d], { trimAsides: false })[0].text).toMatch(/who has led the department/);
  });

  const doc = (published: string, source: string, text: string): AnnotatedArticle =>
    annotateArticle(makeArticle(text, { published, source }));

  it('gives one sentence for one article', () => {
    const d = doc(
      '2026-03-02',
      'Daily',
      'A bridge over the Tamsin River collapsed on Monday, cutting the only road into the village of Orrel. ' +
        'Engineers said the supports had been weakened by a week of flooding. ' +
        'The county said a temporary crossing would take at least a month to build.',
    );
    const brief = briefStory([d]);
    expect(brief).toHaveLength(1);
    expect(brief[0].text).toMatch(/^A bridge over the Tamsin River collapsed/);
  });

  it('returns nothing for no articles, a zero budget, or nothing new', () => {
    expect(briefStory([])).toEqual([]);
    const d = doc(
      '2026-03-02',
      'Daily',
      'A bridge over the Tamsin River collapsed on Monday, cutting the only road into the village.',
    );
    expect(briefStory([d], { words: 0 })).toEqual([]);
    expect(briefSince([d], '2026-03-03')).toEqual([]);
  });

  it('refuses a since that is not a date', () => {
    expect(() => normaliseSince('yesterday')).toThrow(/not a date/);
    expect(() => normaliseSince('2026-02-30')).toThrow(/not a date/);
    expect(normaliseSince('2026-10-08')).toBe('2026-10-08');
    expect(normaliseSince('2026-10-08 14:30')).toBe('2026-10-08T14:30');
  });
});
