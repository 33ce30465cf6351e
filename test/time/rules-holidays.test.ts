import { describe, it } from 'vitest';
import { expectNormalised, type Example } from './family.js';

const EXAMPLES: Example[] = [
  ['It closed on Christmas Day.', 'Christmas Day', '2017-12-25', 'date'],
  ['Stores were closed on Thanksgiving.', 'Thanksgiving', '2017-11-23', 'date'],
  ['The strike began on Labor Day 1998.', 'Labor Day 1998', '1998-09-07', 'date'],
];

describe('Holidays (holidays rules)', () => {
  it.each(EXAMPLES)('%s', (...example) => expectNormalised(example));
});
