import { describe, it } from 'vitest';
import { expectNormalised, type Example } from './family.js';

const EXAMPLES: Example[] = [
  ['Profit rose in the third quarter of 2015.', 'the third quarter of 2015', '2015-Q3', 'date'],
  ['Sales rose in the first half of 2015.', 'the first half of 2015', '2015-H1', 'date'],
  ["In fiscal 2019's first quarter it fell.", "fiscal 2019's first quarter", '2019-Q1', 'date'],
  ['It opened last summer.', 'last summer', '2017-SU', 'date'],
  ['Sales peaked in the summer of 2015.', 'the summer of 2015', '2015-SU', 'date'],
];

describe('Quarters, halves and seasons (periods rules)', () => {
  it.each(EXAMPLES)('%s', (...example) => expectNormalised(example));
});
