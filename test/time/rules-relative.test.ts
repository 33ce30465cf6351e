import { describe, it } from 'vitest';
import { expectNormalised, type Example } from './family.js';

const EXAMPLES: Example[] = [
  ['Reports appeared last year.', 'last year', '2017', 'date'],
  ['Talks stalled last week.', 'last week', '2017-W52', 'date'],
  ['Profits rose earlier this year.', 'earlier this year', '2018', 'date'],
  ['It happened two years ago.', 'two years ago', '2016', 'date'],
  ['He was arrested on March 3, 2015, and released two days later.', 'two days later', '2015-03-05', 'date'],
  ['Police arrived on March 3, 2015, and the suspect had fled the day before.', 'the day before', '2015-03-02', 'date'],
  ['The company was founded in 2001 and listed the following year.', 'the following year', '2002', 'date'],
];

describe('Units counted from the anchor or from a date of the text (relative rules)', () => {
  it.each(EXAMPLES)('%s', (...example) => expectNormalised(example));
});
