import { describe, it } from 'vitest';
import { expectNormalised, type Example } from './family.js';

const EXAMPLES: Example[] = [
  ['The group meets every Monday.', 'every Monday', 'XXXX-WXX-1', 'set'],
  ['The report is published annually.', 'annually', 'P1Y', 'set'],
  ['Fees are paid twice a year.', 'twice a year', 'P1Y', 'set'],
];

describe('Sets (sets rules)', () => {
  it.each(EXAMPLES)('%s', (...example) => expectNormalised(example));
});
