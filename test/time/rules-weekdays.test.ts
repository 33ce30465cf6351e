import { describe, it } from 'vitest';
import { expectNormalised, type Example } from './family.js';

const EXAMPLES: Example[] = [
  ['He said next Monday would be decisive.', 'next Monday', '2018-01-08', 'date'],
  ['They will meet last Friday.', 'last Friday', '2017-12-29', 'date'],
  ['The group meets on Mondays.', 'Mondays', 'XXXX-WXX-1', 'set'],
];

describe('Weekdays (weekdays rules)', () => {
  it.each(EXAMPLES)('%s', (...example) => expectNormalised(example));
});
