import { describe, expect, it } from 'vitest';
import {
  compareArticles,
  comparisonSections,
  extractClaims,
  extractDates,
  extractNumbers,
  renderComparisonMarkdown,
  type Comparison,
} from '../../src/compare/index.js';
import { annotateArticle } from '../../src/pipeline.js';
import { haveExamples, loadExamples, makeArticle } from '../summarize/fixtures.js';

function checkOffsets(c: Comparison, texts: Map<string, string>): void {
  for (const claim of c.claims) {
    expect(claim.sources.length).toBeGreaterThan(0);
    for (const s of claim.sources) expect(texts.get(s.articleId)?.slice(s.start, s.end)).toBe(s.text);
  }
}

const find = (c: Comparison, re: RegExp) => c.claims.filter((x) => x.sources.some((s) => re.test(s.text)));

describe.skipIf(!haveExamples)('compareArticles on the example articles', () => {
  const docs = loadExamples();
  const [first, second] = docs;
  const c = compareArticles(docs);
  const texts = new Map(docs.map((d) => [d.article.id, d.article.text]));

  it('keeps exact offsets for every report of every claim', () => {
    checkOffsets(c, texts);
    expect(c.outlets).toEqual([first.article.id, second.article.id]);
  });

  it('finds the Time’s Up letter calling for an investigation of Vance as shared', () => {
    const shared = c.claims.filter((x) => x.kind === 'shared');
    const letter = shared.find(
      (x) =>
        x.sources.some((s) => /Time.s Up/.test(s.text)) ||
        x.sources.some((s) => /open letter/.test(s.text) && /investigation/.test(s.text)),
    );
    expect(letter).toBeDefined();
    expect(letter?.outlets.sort()).toEqual([first.article.id, second.article.id].sort());
    expect(letter?.sources.every((s) => /investigation/.test(s.text))).toBe(true);
  });

  it('finds the $10,000 Boies donation unique to the first article', () => {
    const d = find(c, /\$10,000 donation from David Boies/);
    expect(d).toHaveLength(1);
    expect(d[0].kind).toBe('unique');
    expect(d[0].outlets).toEqual([first.article.id]);
    expect(d[0].values).toContainEqual(
      expect.objectContaining({ type: 'money', value: 10000, unit: 'USD', text: '$10,000' }),
    );
    const adds = c.byOutlet.find((o) => o.outlet === first.article.id)?.adds ?? [];
    expect(adds).toContain(d[0].id);
  });

  it('finds the 45-day review and the New York Magazine publication unique to the second', () => {
    for (const re of [/within 45 days/, /published Sunday in New York Magazine/]) {
      const d = find(c, re);
      expect(d).toHaveLength(1);
      expect(d[0].kind).toBe('unique');
      expect(d[0].outlets).toEqual([second.article.id]);
    }
    expect(find(c, /within 45 days/)[0].values).toEqual([
      expect.objectContaining({ type: 'duration', value: 45, unit: 'day' }),
    ]);
  });

  it('builds a coverage matrix consistent with the claims', () => {
    expect(c.coverage.outlets).toEqual(c.outlets);
    expect(c.coverage.claims).toEqual(c.claims.map((x) => x.id));
    c.claims.forEach((claim, k) => {
      const covering = c.outlets.filter((_, o) => c.coverage.matrix[o][k]);
      expect(covering.sort()).toEqual([...claim.outlets].sort());
    });
  });

  it('skips embedded posts and credit lines', () => {
    expect(find(c, /pic\.twitter|admits to groping her|contributed to this report/)).toHaveLength(0);
  });

  it('renders sections with shared claims and per-outlet additions', () => {
    const sections = comparisonSections(c);
    expect(sections.map((s) => s.title)).toContain('Reported by several outlets');
    expect(sections.some((s) => s.title === `Only in ${second.article.id}`)).toBe(true);
    const md = renderComparisonMarkdown(c);
    expect(md).toMatch(/## Reported by several outlets/);
    expect(md).toMatch(/New York Magazine/);
  });
});

describe('conflicts', () => {
  const a = makeArticle(
    'a1',
    'The district attorney said his office would finish its review of the case within 45 days.\n\n' +
      'The storm killed 12 people in the coastal town, officials said.',
    { source: 'Outlet A' },
  );
  const b = makeArticle(
    'b1',
    'The district attorney said his office would complete its review of the case within 30 days.\n\n' +
      'The storm killed 12 people in the coastal town, according to police.',
    { source: 'Outlet B' },
  );

  it('labels the same claim with different numbers as a conflict', () => {
    const c = compareArticles([a, b]);
    const review = find(c, /review of the case/);
    expect(review).toHaveLength(1);
    expect(review[0].kind).toBe('conflict');
    expect(review[0].conflicts[0].slot).toBe('review (finish)');
    expect(review[0].conflicts[0].values.map((v) => v.value).sort()).toEqual(['30 days', '45 days']);
    expect(c.conflicts).toHaveLength(1);
    expect(c.conflicts[0].type).toBe('duration');
    const storm = find(c, /storm killed/);
    expect(storm).toHaveLength(1);
    expect(storm[0].kind).toBe('shared');
    expect(storm[0].outlets).toEqual(['Outlet A', 'Outlet B']);
  });

  it('groups articles by source and falls back to the id', () => {
    const a2 = makeArticle('a2', 'The storm killed 12 people in the coastal town, local reports said.', {
      source: 'Outlet A',
    });
    const c = compareArticles([
      a,
      b,
      a2,
      makeArticle('x', 'A completely different story about football results today.'),
    ]);
    expect(c.outlets).toEqual(['Outlet A', 'Outlet B', 'x']);
    const storm = find(c, /storm killed/);
    expect(storm[0].outlets).toEqual(['Outlet A', 'Outlet B']);
    expect(c.byOutlet.find((o) => o.outlet === 'Outlet A')?.articleIds).toEqual(['a1', 'a2']);
  });

  it('does not align unrelated claims', () => {
    const c = compareArticles([
      makeArticle('p', 'The senator introduced a bill to cut taxes for small businesses.', { source: 'P' }),
      makeArticle('q', 'Heavy rain flooded several roads in the northern suburbs overnight.', { source: 'Q' }),
    ]);
    expect(c.claims.every((x) => x.kind === 'unique')).toBe(true);
    expect(compareArticles([]).claims).toEqual([]);
  });
});

describe('claim facts', () => {
  it('extracts numbers with units, skipping years and days of the month', () => {
    expect(extractNumbers('within 45 days').map((n) => [n.value, n.unit])).toEqual([[45, 'day']]);
    expect(extractNumbers('a $10,000 donation').map((n) => [n.value, n.unit])).toEqual([[10000, 'money']]);
    expect(extractNumbers('in 2015 and on October 10, 2017')).toEqual([]);
    expect(extractNumbers('$2.5 million').map((n) => n.value)).toEqual([2500000]);
    expect(extractNumbers('38 percent of children').map((n) => n.unit)).toEqual(['%']);
  });

  it('extracts dates', () => {
    expect(extractDates('published Sunday in New York Magazine')).toEqual(['sunday']);
    expect(extractDates('in August 2015')).toEqual(['august 2015']);
  });

  it('splits a quotation from its attribution and a leading subordinate clause from the main one', () => {
    const d = makeArticle(
      'z',
      '“We are concerned about the unit,” according to the letter, published Sunday in New York Magazine.\n\n' +
        'While the office is set to complete its own review within 45 days, the governor said he wants a separate probe.',
    );
    const claims = extractClaims(d, 'z');
    expect(claims.map((x) => x.text)).toEqual([
      '“We are concerned about the unit,”',
      'according to the letter, published Sunday in New York Magazine.',
      'While the office is set to complete its own review within 45 days',
      'the governor said he wants a separate probe.',
    ]);
    expect(claims[0].quote).toBe('We are concerned about the unit,');
  });
});

describe('date conflicts', () => {
  const dated = (id: string, text: string, source: string) =>
    annotateArticle({ id, text, source, published: '2024-01-10', publishedInferred: false });

  it('flags the same event given different dates by two outlets', () => {
    const c = compareArticles([
      dated('d1', 'The new factory near the river port will open in March 2024, the company said.', 'A'),
      dated(
        'd2',
        'Executives expect the new factory by the river port to open in June 2024, according to a filing.',
        'B',
      ),
    ]);
    expect(c.conflicts).toHaveLength(1);
    expect(c.conflicts[0].type).toBe('date');
    expect(c.conflicts[0].sides.map((s) => s.value.date)).toEqual(['2024-03', '2024-06']);
    expect(find(c, /new factory/)[0].kind).toBe('conflict');
  });

  it('does not compare the days statements were made on', () => {
    const c = compareArticles([
      dated('w1', 'The minister announced the new tax on imported cars on Monday in parliament.', 'A'),
      dated('w2', 'On Tuesday the finance minister announced a new tax on imported cars, speaking to parliament.', 'B'),
    ]);
    expect(c.conflicts).toEqual([]);
    expect(find(c, /new tax/)[0].kind).toBe('shared');
  });

  it('counts a near-identical report as a copy, not a second outlet', () => {
    const c = compareArticles([
      dated('w1', 'The minister announced the new tax on imported cars on Monday in parliament.', 'A'),
      dated('w2', 'The minister announced the new tax on imported cars on Monday in parliament.', 'B'),
    ]);
    expect(c.outlets).toEqual(['A']);
    expect(find(c, /new tax/)[0].alsoCarriedBy).toEqual(['B']);
    expect(c.byOutlet.find((o) => o.outlet === 'B')?.carries).toBe('A');
  });
});
