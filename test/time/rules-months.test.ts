import { describe, it } from 'vitest';
import { expectNormalised, type Example } from './family.js';

const EXAMPLES: Example[] = [
  ['Sales fell in August 2015.', 'August 2015', '2015-08', 'date'],
  ['He spoke last October.', 'last October', '2017-10', 'date'],
  ['The trial starts next October.', 'next October', '2018-10', 'date'],
  ['Prices peaked in June last year.', 'June last year', '2017-06', 'date'],
];

describe('Months of an explicit year or placed by the anchor (months rules)', () => {
  it.each(EXAMPLES)('%s', (...example) => expectNormalised(example));
});
