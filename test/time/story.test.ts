import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnotatedArticle, Article } from '../../src/model.js';
import { annotateText } from '../../src/text/annotate.js';
import { annotateTime, buildTimeline, inferPublicationDates } from '../../src/time/index.js';

function annotate(id: string, text: string, published?: string): AnnotatedArticle {
  const article: Article = { id, text, published, publishedInferred: false };
  return annotateTime(annotateText(article));
}

const valueOf = (d: AnnotatedArticle, text: string): string | undefined =>
  d.timexes.find((t) => t.text === text)?.value;

describe('inferPublicationDates', () => {
  const dated = annotate(
    'a',
    'The mayor released a statement on Monday in response to the letter. The council voted in October.',
    '2018-01-01',
  );
  const undated = annotate(
    'b',
    'The governor said Monday in a statement that he wants a review. The letter, published Sunday in a magazine, ' +
      'asked for an inquiry. A recording surfaced on October 10, 2017.',
  );

  it('dates an undated sibling and re-resolves its relative expressions', () => {
    expect(valueOf(undated, 'Sunday')).toBe('XXXX-WXX-7');
    const [a, b] = inferPublicationDates([dated, undated]);
    expect(a).toBe(dated);
    expect(b.article.published).toBe('2018-01-01');
    expect(b.article.publishedInferred).toBe(true);
    expect(b.article.publishedReason).toMatch(/sibling article a/);
    expect(b.article.publishedReason).toMatch(/Monday/);
    expect(valueOf(b, 'Monday')).toBe('2018-01-01');
    expect(valueOf(b, 'Sunday')).toBe('2017-12-31');
    expect(valueOf(b, 'October 10, 2017')).toBe('2017-10-10');
  });

  it('moves past the sibling date when the weekday references require it', () => {
    const later = annotate('c', 'The governor said Tuesday that he wants a review; the letter was published Monday.');
    const [, c] = inferPublicationDates([dated, later]);
    expect(c.article.published).toBe('2018-01-02');
    expect(valueOf(c, 'Tuesday')).toBe('2018-01-02');
    expect(valueOf(c, 'Monday')).toBe('2018-01-01');
  });

  it('leaves an article undated when there is no dated sibling', () => {
    const [only] = inferPublicationDates([undated]);
    expect(only.article.published).toBeUndefined();
    expect(only.article.publishedInferred).toBe(false);
    expect(valueOf(only, 'Monday')).toBe('XXXX-WXX-1');
  });
});

describe('buildTimeline', () => {
  const a = annotate(
    'a',
    'Prosecutors dropped the fraud case against the banker in August 2015. ' +
      'The banker resigned from the board on March 3, 2016. Critics said the decision was wrong.',
    '2018-01-01',
  );
  const b = annotate(
    'b',
    'The banker resigned from the bank board on March 3, 2016, after the scandal. ' +
      'A football club also changed its coach on March 3, 2016. The case lasted two years.',
    '2018-01-02',
  );

  it('orders one event per date-bearing sentence chronologically', () => {
    const tl = buildTimeline([a]);
    expect(tl.map((e) => [e.date, e.precision])).toEqual([
      ['2015-08', 'month'],
      ['2016-03-03', 'day'],
    ]);
    const ev = tl[1];
    expect(ev.articleId).toBe('a');
    expect(a.article.text.slice(ev.start, ev.end)).toBe(ev.text);
    expect(ev.sentence).toMatch(/^The banker resigned/);
  });

  it('merges the same event reported by two articles and keeps different events apart', () => {
    const tl = buildTimeline([a, b]);
    const march = tl.filter((e) => e.date === '2016-03-03');
    expect(march).toHaveLength(2);
    const resignation = march.find((e) => /resigned/.test(e.sentence))!;
    expect(resignation.alsoIn).toHaveLength(1);
    expect(resignation.alsoIn![0].articleId).not.toBe(resignation.articleId);
    const club = march.find((e) => /football/.test(e.sentence))!;
    expect(club.alsoIn).toBeUndefined();
    // Durations and vague references are not events.
    expect(tl.every((e) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(e.date))).toBe(true);
    for (let i = 1; i < tl.length; i++) expect(tl[i - 1].date <= tl[i].date).toBe(true);
  });

  it('skips unresolved dates of undated articles', () => {
    const undated = annotate('u', 'The governor said Monday that he wants a review.');
    expect(buildTimeline([undated])).toEqual([]);
  });
});

const EXAMPLES = path.resolve(process.env.STORYLINE_EXAMPLES ?? '../shared/examples');

describe.skipIf(!existsSync(EXAMPLES))('the two example articles', () => {
  const docs = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      let text = readFileSync(path.join(EXAMPLES, f), 'utf8');
      let published: string | undefined;
      const m = /^\s*date (\d{4}-\d{2}-\d{2}) /.exec(text);
      if (m) {
        published = m[1];
        text = text.slice(m[0].length);
      }
      return annotate(f, text, published);
    });

  it('normalises the dated article', () => {
    const first = docs[0];
    expect(first.article.published).toBe('2018-01-01');
    const v = (t: string): string[] => first.timexes.filter((x) => x.text === t).map((x) => x.value);
    expect(v('October')[0]).toBe('2017-10');
    expect(v('Monday')).toEqual(['2018-01-01']);
    expect(v('August 2015')).toEqual(['2015-08']);
    expect(v('last year')).toEqual(['2017']);
    expect(v('2015')).toEqual(['2015']);
    expect(v('the day before')).toEqual(['XXXX-XX-XX']);
  });

  it('infers the date of the undated article and resolves its expressions', () => {
    const [, second] = inferPublicationDates(docs);
    expect(second.article.published).toBe('2018-01-01');
    expect(second.article.publishedInferred).toBe(true);
    const v = (t: string): string | undefined => second.timexes.find((x) => x.text === t)?.value;
    expect(v('45 days')).toBe('P45D');
    expect(v('October 10, 2017')).toBe('2017-10-10');
    expect(v('Sunday')).toBe('2017-12-31');
    expect(v('Monday')).toBe('2018-01-01');
    expect(v('last October')).toBe('2017-10');
    const tl = buildTimeline(inferPublicationDates(docs));
    for (const e of tl) {
      const d = docs.find((x) => x.article.id === e.articleId)!;
      expect(d.article.text.slice(e.start, e.end)).toBe(e.text);
    }
  });
});
