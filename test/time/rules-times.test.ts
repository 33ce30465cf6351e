import { describe, it } from 'vitest';
import { expectNormalised, type Example } from './family.js';

const EXAMPLES: Example[] = [
  ['Polls close at 8 p.m. on November 8, 2016.', '8 p.m.', '2016-11-08T20:00', 'time'],
  ['The meeting starts at 2:30 p.m.', '2:30 p.m.', '2018-01-01T14:30', 'time'],
  ['The curfew begins at midnight.', 'midnight', '2018-01-01T24:00', 'time'],
];

describe('Clock times (times rules)', () => {
  it.each(EXAMPLES)('%s', (...example) => expectNormalised(example));
});
