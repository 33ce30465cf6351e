import { describe, expect, it } from 'vitest';
import { compareArticles, readFigures } from '../../src/compare/index.js';
import { hedgeInterval, intervalsOverlap, wordNumber } from '../../src/compare/figures.js';
import { datelineCredit } from '../../src/compare/syndication.js';
import { extractValues } from '../../src/compare/values.js';
import { annotateArticle } from '../../src/pipeline.js';

const fig = (text: string) =>
  readFigures(text).map((f) => ({
    text: text.slice(f.start, f.end),
    type: f.type,
    value: f.value,
    unit: f.unit,
    hedge: f.hedge,
    low: f.low,
    high: f.high,
    against: f.against,
  }));

describe('figures as written', () => {
  it('reads hedges into intervals', () => {
    expect(fig('about 1,200 residents')[0]).toMatchObject({
      text: 'about 1,200',
      value: 1200,
      hedge: 'about',
      low: 1080,
      high: 1320,
    });
    expect(fig('nearly 2,000 people')[0]).toMatchObject({ hedge: 'nearly', high: 2000 });
    expect(fig('at least 57 dead')[0]).toMatchObject({ hedge: 'at least', low: 57, high: null });
    expect(fig('more than 250 were hurt')[0]).toMatchObject({ hedge: 'more than', low: 250, high: null });
    expect(fig('up to $5,000 in fines')[0]).toMatchObject({ type: 'money', hedge: 'up to', low: 0, high: 5000 });
    expect(fig('between 10 to 15 missing')[0]).toMatchObject({ hedge: 'range', low: 10, high: 15 });
    expect(fig('dozens of homes')[0]).toMatchObject({ low: 24, high: 99 });
  });

  it('reads numbers written in words, money with its currency, tallies, percentages, ages, durations and distances', () => {
    expect(wordNumber('five thousand')).toBe(5000);
    expect(wordNumber('twenty-five')).toBe(25);
    expect(wordNumber('two dozen')).toBe(24);
    expect(fig('five thousand people')[0]).toMatchObject({ value: 5000, type: 'count' });
    expect(fig('a $48 million contract')[0]).toMatchObject({
      type: 'money',
      unit: 'USD',
      value: 48e6,
      text: '$48 million',
    });
    expect(fig('2.5 million yuan')[0]).toMatchObject({ type: 'money', unit: 'CNY', value: 2.5e6 });
    expect(fig('the council voted 7-4 on Tuesday')[0]).toMatchObject({ type: 'tally', value: 7, against: 4 });
    expect(fig('the House passed it 226 to 47')[0]).toMatchObject({ type: 'tally', value: 226, against: 47 });
    expect(fig('unemployment rose to 3.5%')[0]).toMatchObject({ type: 'percent', value: 3.5, unit: '%' });
    expect(fig('12 percent of voters')[0]).toMatchObject({ type: 'percent', value: 12 });
    expect(fig('a 54-year-old man')[0]).toMatchObject({ type: 'age', value: 54 });
    expect(fig('within 30 days')[0]).toMatchObject({ type: 'duration', value: 30, unit: 'day' });
    expect(fig('for six weeks')[0]).toMatchObject({ type: 'duration', value: 42 });
    expect(fig('about 40 miles away')[0]).toMatchObject({ type: 'distance', unit: 'km' });
  });

  it('leaves years, times of day, days of the month, ordinals and numbers of things alone', () => {
    expect(fig('the flood of 1998')).toEqual([]);
    expect(fig('at 6:40 a.m. on Oct. 12')).toEqual([]);
    expect(fig('Route 9 and No. 5')).toEqual([]);
    expect(fig('10 years ago')).toEqual([]);
    expect(fig('one of the workers')).toEqual([]);
  });

  it('reads a share or a scaled amount as precise as its last written digit', () => {
    expect(fig('44 percent')[0]).toMatchObject({ low: 43.5, high: 44.5 });
    expect(fig('$2.5 million')[0]).toMatchObject({ low: 2_450_000, high: 2_550_000 });
    expect(fig('$14,000')[0]).toMatchObject({ low: 14000, high: 14000 });
    expect(fig('57 people')[0]).toMatchObject({ low: 57, high: 57 });
  });

  it('compares intervals with open ends', () => {
    expect(intervalsOverlap(hedgeInterval(57, 'at least'), hedgeInterval(47, 'exact'))).toBe(false);
    expect(intervalsOverlap(hedgeInterval(5400, 'about'), hedgeInterval(5400, 'exact'))).toBe(true);
    expect(intervalsOverlap(hedgeInterval(250, 'more than'), hedgeInterval(213, 'exact'))).toBe(false);
  });
});

const doc = (id: string, text: string, source: string, published = '2024-05-02') =>
  annotateArticle({ id, text, source, published, publishedInferred: false });

describe('values on the parse', () => {
  it('reads what a count measures through different words', () => {
    const a = extractValues(doc('a', 'The fire forced about 1,200 residents from their homes on Tuesday.', 'A'));
    const b = extractValues(doc('b', 'Nearly 2,000 people were ordered out of their homes.', 'B'));
    const c = extractValues(doc('c', 'The storm killed 12 people and injured 40 others.', 'C'));
    expect(a[0]).toMatchObject({ concept: 'evacuated', counted: 'resident' });
    expect(b[0]).toMatchObject({ concept: 'evacuated' });
    expect(c.map((v) => v.concept)).toEqual(['dead', 'injured']);
  });

  it('keeps offsets into the article text', () => {
    const d = doc('a', 'Officials said more than 250 people were killed in the quake.', 'A');
    for (const v of extractValues(d)) expect(d.article.text.slice(v.start, v.end)).toBe(v.text);
  });
});

describe('conflicts and updates across outlets', () => {
  it('finds a toll that disagrees on the same day, and agrees when the words differ but the figure does not', () => {
    const c = compareArticles([
      doc('a', 'The earthquake killed at least 57 people in the mountain villages, the health ministry said.', 'A'),
      doc('b', 'Rescue workers said the quake left 47 people dead across the mountain villages of the province.', 'B'),
      doc(
        'c',
        'In the province, fifty-seven people died when the earthquake hit remote villages, officials said.',
        'C',
      ),
    ]);
    expect(c.conflicts).toHaveLength(1);
    expect(c.conflicts[0].sides.map((s) => s.value.text).sort()).toEqual(['47', 'at least 57', 'fifty-seven'].sort());
    const agree = c.pairs.find((p) => p.a.articleId === 'a' && p.b.articleId === 'c');
    expect(agree?.relation).toBe('agree');
  });

  it('shows a toll that rose in a later report as an update, not a conflict', () => {
    const c = compareArticles([
      doc(
        'a',
        'The earthquake killed 12 people in the mountain villages, the health ministry said.',
        'A',
        '2024-05-02',
      ),
      doc(
        'b',
        'Rescue workers said on Thursday that the death toll from the earthquake in the mountain villages had risen to 31.',
        'B',
        '2024-05-04',
      ),
    ]);
    expect(c.conflicts).toEqual([]);
    expect(c.updates).toHaveLength(1);
    expect(c.updates[0].sides.map((s) => s.value.text)).toEqual(['12', '31']);
  });

  it('does not compare different measured things (a crowd with a venue’s capacity; killed with injured)', () => {
    const c = compareArticles([
      doc('a', 'About 20,000 fans attended the final at the national stadium on Sunday.', 'A'),
      doc('b', 'The national stadium, which holds 45,000 people, hosted the final on Sunday.', 'B'),
      doc('c', 'The crush at the stadium injured 14 fans and killed two, police said.', 'C'),
      doc('d', 'Police said 30 fans were hurt in the crush at the stadium.', 'D'),
    ]);
    expect(c.conflicts.filter((x) => x.type === 'count' && x.sides.some((s) => s.value.text === '45,000'))).toEqual([]);
    expect(c.conflicts.filter((x) => x.sides.some((s) => s.value.text === 'two'))).toEqual([]);
  });
});

describe('syndication', () => {
  it('reads the agency a dateline credits', () => {
    expect(datelineCredit('LARKHOLLOW (Meridian Press) — A fire tore through')).toBe('Meridian Press');
    expect(datelineCredit('BEIJING, Oct. 3 (Xinhua) -- China said')).toBe('Xinhua');
    expect(datelineCredit('A fire (the second) tore through')).toBeUndefined();
  });
});
