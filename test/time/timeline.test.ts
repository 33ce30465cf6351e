import { describe, expect, it } from 'vitest';
import type { AnnotatedArticle, TimelineEvent } from '../../src/model.js';
import { annotateArticle } from '../../src/pipeline.js';
import { buildTimeline } from '../../src/time/index.js';

function doc(id: string, text: string, published?: string): AnnotatedArticle {
  return annotateArticle({ id, text, published, publishedInferred: false });
}

/** The entry whose time expression reads `text`. */
function entry(tl: TimelineEvent[], text: string): TimelineEvent {
  const e = tl.find((x) => x.text === text);
  if (!e) throw new Error(`no entry for "${text}" in ${JSON.stringify(tl.map((x) => x.text))}`);
  return e;
}

describe('timeline: direction of relative dates', () => {
  it('reads "by" with a past perfect as the past weekday, not the next one', () => {
    // Published on a Wednesday: "By Tuesday evening ... had signed in" is the day before.
    const tl = buildTimeline([
      doc(
        'a',
        'By Tuesday evening, 312 people had signed in at the shelter in the Larkhollow High School gymnasium, ' +
          'according to volunteers.',
        '2026-10-07',
      ),
    ]);
    const e = entry(tl, 'Tuesday evening');
    expect(e.date).toBe('2026-10-06');
    expect(e.background).toBeUndefined();
  });

  it('reads an infinitive or "will" after the publication date as the next weekday', () => {
    const tl = buildTimeline([
      doc(
        'a',
        "The plant's roughly 150 employees have been told to report for work on Monday. " +
          'The plant will remain closed on Wednesday, a spokeswoman said.',
        '2026-10-27',
      ),
    ]);
    expect(entry(tl, 'Monday').date).toBe('2026-11-02');
    expect(entry(tl, 'Monday').future).toBe(true);
    expect(entry(tl, 'Wednesday').date).toBe('2026-10-28');
  });

  it('reads the simple present of a scheduled event as ahead', () => {
    const tl = buildTimeline([doc('a', 'The doping trial resumes Monday in Berlin.', '1998-08-12')]);
    expect(entry(tl, 'Monday').date).toBe('1998-08-17');
  });

  it('keeps past weekdays of reported events in the past', () => {
    const tl = buildTimeline([
      doc('a', 'The City Council voted 7-4 on Tuesday night to award the contract, officials said.', '2026-10-14'),
    ]);
    const e = entry(tl, 'Tuesday night');
    expect(e.date).toBe('2026-10-13');
    expect(e.predicate).toBe('vote');
    expect(e.event?.text).toMatch(/voted 7-4 on Tuesday night/);
  });
});

describe('timeline: background', () => {
  const a = doc(
    'a',
    'Chief Okonkwo-Reyes, who has led the Larkhollow Fire Department since 2021, said crews had helped on Tuesday. ' +
      'Corvane Polymers has operated in Larkhollow since 1987. ' +
      'The plant was cited last year for storing flammable liquids too close to a loading dock. ' +
      'Ostrand Coatings, a family-owned company founded in Brackenford in 1962, employs about 150 people. ' +
      "Last year's inspection found no violations.",
    '2026-10-07',
  );
  const tl = buildTimeline([a]);

  it('marks states since a date, history and dates of other things as background', () => {
    for (const text of ['2021', '1987', 'last year', '1962', 'Last year'])
      expect(entry(tl, text).background, text).toBe(true);
    expect(entry(tl, 'Tuesday').background).toBeUndefined();
    expect(entry(tl, 'Tuesday').date).toBe('2026-10-06');
  });

  it('keeps the clause of the dated predicate, inside the sentence', () => {
    const since = entry(tl, '2021');
    expect(since.event?.text).toMatch(/has led the Larkhollow Fire Department since 2021/);
    expect(since.event?.text).not.toMatch(/crews/);
    expect(a.article.text.slice(since.event!.start, since.event!.end)).toBe(since.event!.text);
  });

  it('does not date the main event of a sentence by a year in its relative clause', () => {
    const tl2 = buildTimeline([
      doc(
        'b',
        'Under the deal, Calloway will take over the daily operation of 140 buses on 22 routes from Port Emery ' +
          'Regional Transit, the city agency that has run the service itself since 2004.',
        '2026-10-14',
      ),
    ]);
    expect(tl2.filter((e) => !e.background)).toEqual([]);
    const y = entry(tl2, '2004');
    expect(y.background).toBe(true);
    expect(y.event?.text).not.toMatch(/take over/);
  });
});

describe('timeline: copies', () => {
  const wire =
    'A fire tore through a warehouse at the Corvane Polymers plant on Tuesday, officials said. ' +
    'The blaze was reported at 6:40 a.m. in a storage building where the company keeps drums of resin.';
  const first = doc('first', wire, '2026-10-06');
  // The same wire story printed a day later: its "6:40 a.m." would resolve to its own date.
  const reprint = doc('reprint', `LARKHOLLOW (Meridian Press) — ${wire}`, '2026-10-07');

  it('merges copies into one entry with every source, dated by the earliest-published copy', () => {
    const tl = buildTimeline([reprint, first]);
    const reported = tl.filter((e) => /reported at 6:40/.test(e.sentence));
    expect(reported).toHaveLength(1);
    expect(reported[0].date).toBe('2026-10-06');
    expect(reported[0].articleId).toBe('first');
    expect(reported[0].alsoIn?.map((s) => s.articleId)).toEqual(['reprint']);
    const r = reported[0].alsoIn![0];
    expect(reprint.article.text.slice(r.start, r.end)).toBe('6:40 a.m.');
    expect(tl.filter((e) => /tore through/.test(e.sentence))).toHaveLength(1);
  });

  it('gives the same timeline for articles read back without their parse', () => {
    const bare = (d: AnnotatedArticle): AnnotatedArticle => ({ ...d, tokens: [] });
    expect(buildTimeline([bare(first), bare(reprint)])).toEqual(buildTimeline([first, reprint]));
  });
});
