import { describe, expect, it } from 'vitest';
import { findTimexes } from '../../src/time/index.js';

/** The expressions found in `text` as `text → value` pairs. */
function values(text: string, dct?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of findTimexes(text, dct)) out[t.text] = t.value;
  return out;
}

function one(text: string, dct?: string): { text: string; value: string; type: string } {
  const found = findTimexes(text, dct);
  expect(found.length, `expected one expression in ${JSON.stringify(text)}, got ${JSON.stringify(found)}`).toBe(1);
  return found[0];
}

// 2018-01-01 is a Monday.
const DCT = '2018-01-01';

describe('absolute dates at every precision', () => {
  it.each([
    ['It was founded in 2015.', '2015', 'date'],
    ['Sales fell in August 2015.', '2015-08', 'date'],
    ['The tweet is dated October 10, 2017.', '2017-10-10', 'date'],
    ['The deal closed on 10 October 2017.', '2017-10-10', 'date'],
    ['The filing, dated 2017-10-10, was public.', '2017-10-10', 'date'],
    ['It happened on 10/10/2017 at the office.', '2017-10-10', 'date'],
    ['Prices rose in the 1990s.', '199', 'date'],
    ['Sales peaked in the summer of 2015.', '2015-SU', 'date'],
    ['Profit rose in the third quarter of 2015.', '2015-Q3', 'date'],
    ['Revenue for fiscal 1989 rose.', '1989', 'date'],
    ['It was built in the 19th century.', '18', 'date'],
    ['Sales rose in the first half of 2015.', '2015-H1', 'date'],
    ['Revenue in FY2015 rose.', '2015', 'date'],
    ["In fiscal 2019's first quarter it fell.", '2019-Q1', 'date'],
    ['It peaked in mid-2016.', '2016', 'date'],
  ])('%s', (text, value, type) => {
    const t = one(text, DCT);
    expect(t.value).toBe(value);
    expect(t.type).toBe(type);
  });

  it('resolves a month-day without a year to the closest occurrence', () => {
    expect(one('The vote was held on Dec. 20.', DCT).value).toBe('2017-12-20');
    expect(one('The vote will be held on Jan. 20.', DCT).value).toBe('2018-01-20');
  });
});

describe('relative dates against the publication date (one rule at a time)', () => {
  it.each([
    ['Back in October, the magazine released a recording.', 'October', '2017-10'],
    ['The group said in October that it would act.', 'October', '2017-10'],
    ['He spoke last October.', 'last October', '2017-10'],
    ['The trial starts next October.', 'next October', '2018-10'],
    ['Reports appeared last year.', 'last year', '2017'],
    ['Sales rose this year.', 'this year', '2018'],
    ['Elections are due next year.', 'next year', '2019'],
    ['Talks continue this week.', 'this week', '2018-W01'],
    ['Talks stalled last week.', 'last week', '2017-W52'],
    ['Prices fell last month.', 'last month', '2017-12'],
    ['The company reported yesterday.', 'yesterday', '2017-12-31'],
    ['The company reported today.', 'today', '2018-01-01'],
    ['It will report tomorrow.', 'tomorrow', '2018-01-02'],
    ['It is now clear.', 'now', 'PRESENT_REF'],
    ['She recently resigned.', 'recently', 'PAST_REF'],
    ['The former mayor spoke.', 'former', 'PAST_REF'],
    ['It may change in the future.', 'the future', 'FUTURE_REF'],
    ['It happened two years ago.', 'two years ago', '2016'],
    ['It happened three days ago.', 'three days ago', '2017-12-29'],
    ['He left five months ago.', 'five months ago', '2017-08'],
    ['Profits rose earlier this year.', 'earlier this year', '2018'],
    ['He was there last night.', 'last night', '2017-12-31TNI'],
    ['They met this morning.', 'this morning', '2018-01-01TMO'],
    ['It opened last summer.', 'last summer', '2017-SU'],
    ['It closed on Christmas Day.', 'Christmas Day', '2017-12-25'],
  ])('%s', (text, expr, value) => {
    expect(values(text, DCT)[expr]).toBe(value);
  });

  it('records the anchor of a relative expression', () => {
    const t = one('Reports appeared last year.', DCT);
    expect(t).toMatchObject({ value: '2017' });
    expect(findTimexes('Reports appeared last year.', DCT)[0].anchor).toBe(DCT);
    expect(findTimexes('It was founded in 2015.', DCT)[0].anchor).toBeUndefined();
  });
});

describe('news tense rules for weekdays', () => {
  it('past reporting takes the most recent such day on or before the publication date', () => {
    expect(values('Cuomo said Monday in a statement.', DCT)['Monday']).toBe('2018-01-01');
    expect(values('The letter was published Sunday in a magazine.', DCT)['Sunday']).toBe('2017-12-31');
    expect(values('The company announced on Friday that it had agreed.', DCT)['Friday']).toBe('2017-12-29');
  });
  it('future tense takes the next such day', () => {
    expect(values('The board will meet Wednesday.', DCT)['Wednesday']).toBe('2018-01-03');
    expect(values('The court is expected to rule Friday.', DCT)['Friday']).toBe('2018-01-05');
    // A modal reaching "until" a day looks ahead even inside a past-tense report.
    expect(values('She said the search could take until Thursday.', DCT)['Thursday']).toBe('2018-01-04');
    expect(values('Officials said the closure may last until Friday.', DCT)['Friday']).toBe('2018-01-05');
    // Without a modal, "until" in a past report stays in the past.
    expect(values('The road stayed closed until Friday.', DCT)['Friday']).toBe('2017-12-29');
  });
  it('explicit last/next/this override tense', () => {
    expect(values('He said next Monday would be decisive.', DCT)['next Monday']).toBe('2018-01-08');
    expect(values('They met last Monday.', DCT)['last Monday']).toBe('2017-12-25');
    expect(values('They will meet last Friday.', DCT)['last Friday']).toBe('2017-12-29');
  });
  it('forward-looking cues ("effective", "as soon as", "by") point ahead even in past-tense reporting', () => {
    expect(values('The board said the change is effective Feb. 1.', '2017-10-26')['Feb. 1']).toBe('2018-02-01');
    expect(values('The group could leave as soon as Tuesday, officials said.', '2018-01-03')['Tuesday']).toBe(
      '2018-01-09',
    );
    expect(values('Officials said the report was due by Friday.', DCT)['Friday']).toBe('2018-01-05');
  });
  it('"since" points back', () => {
    expect(values('Police have been searching for him since the Oct. 23 shooting.', '2018-05-06')['Oct. 23']).toBe(
      '2017-10-23',
    );
  });
  it('a past participle in a noun phrase does not make "next to" a future cue', () => {
    expect(values('Dozens were wounded in the blast next to the embassy on Friday.', '2018-01-06')['Friday']).toBe(
      '2018-01-05',
    );
  });
  it('a possessive weekday is a past event', () => {
    expect(values("Investors welcomed Thursday's ruling.", '2018-01-06')['Thursday']).toBe('2018-01-04');
  });
  it('a weekday in a plural is a set', () => {
    expect(one('The market is closed on Sundays.', DCT)).toMatchObject({ type: 'set', value: 'XXXX-WXX-7' });
  });
});

describe('anchoring to another date of the sentence', () => {
  it('resolves "the day before" against a day-precision date in the sentence', () => {
    expect(
      values('The deal was signed on March 3, 2015, a day after talks ended the day before.', DCT)['the day before'],
    ).toBe('2015-03-02');
    expect(
      values('Police arrived on March 3, 2015, and the suspect had fled the day before.', DCT)['the day before'],
    ).toBe('2015-03-02');
  });
  it('stays underspecified when the anchor has only year precision', () => {
    const v = values('It was part of a 2015 sting operation. Police said she reported it the day before.', DCT);
    expect(v['the day before']).toBe('XXXX-XX-XX');
  });
  it('"two days later" counts from the sentence\'s date, and stays underspecified without one', () => {
    expect(values('He was arrested on March 3, 2015, and released two days later.', DCT)['two days later']).toBe(
      '2015-03-05',
    );
    expect(values('Three days later, the index fell.', DCT)['Three days later']).toBe('XXXX-XX-XX');
  });
  it('"the following year" after a year', () => {
    expect(values('The company was founded in 2001 and listed the following year.', DCT)['the following year']).toBe(
      '2002',
    );
  });
  it('a time takes the day of a date in its sentence', () => {
    expect(values('Polls close at 8 p.m. on November 8, 2016.', DCT)['8 p.m.']).toBe('2016-11-08T20:00');
    expect(values('The meeting starts at 2:30 p.m.', DCT)['2:30 p.m.']).toBe('2018-01-01T14:30');
  });
});

describe('durations and sets', () => {
  it.each([
    ['The office will finish within 45 days.', 'P45D'],
    ['He served two years in prison.', 'P2Y'],
    ['The dispute has lasted decades.', 'PXDE'],
    ['The talks took 5 1/2 hours.', 'PT5H30M'],
    ['It signed a two-year contract.', 'P2Y'],
    ['Results improved over the past three months.', 'P3M'],
    ['The loan runs for several weeks.', 'PXW'],
  ])('%s', (text, value) => {
    const found = findTimexes(text, DCT).filter((t) => t.type === 'duration');
    expect(found.map((t) => t.value)).toContain(value);
  });
  it.each([
    ['The group meets every Monday.', 'XXXX-WXX-1'],
    ['The report is published annually.', 'P1Y'],
    ['The paper appears daily.', 'P1D'],
    ['Fees are paid twice a year.', 'P1Y'],
  ])('%s', (text, value) => {
    const t = findTimexes(text, DCT).find((x) => x.type === 'set');
    expect(t?.value).toBe(value);
  });
});

describe('undated articles keep relative expressions underspecified', () => {
  it.each([
    ['Back in October, the magazine released a recording.', 'October', 'XXXX-10'],
    ['Cuomo said Monday in a statement.', 'Monday', 'XXXX-WXX-1'],
    ['Reports appeared last year.', 'last year', 'XXXX'],
    ['The company reported yesterday.', 'yesterday', 'XXXX-XX-XX'],
    ['The vote was held on Dec. 20.', 'Dec. 20', 'XXXX-12-20'],
    ['Talks continue this week.', 'this week', 'XXXX-WXX'],
  ])('%s', (text, expr, value) => {
    expect(values(text)[expr]).toBe(value);
  });
  it('still resolves absolute dates', () => {
    expect(values('It happened in August 2015.')['August 2015']).toBe('2015-08');
  });
});

describe('annotation conventions', () => {
  it('marks "former" as a past reference by default and not under the TimeML convention', () => {
    expect(findTimexes('The former mayor spoke recently.', DCT).map((t) => t.text)).toEqual(['former', 'recently']);
    expect(
      findTimexes('The former mayor spoke recently.', DCT, undefined, { convention: 'timeml' }).map((t) => t.text),
    ).toEqual(['recently']);
  });
});
