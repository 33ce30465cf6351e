import { describe, it } from 'vitest';
import { expectNormalised, type Example } from './family.js';

const EXAMPLES: Example[] = [
  ['The company reported yesterday.', 'yesterday', '2017-12-31', 'date'],
  ['It will report tomorrow.', 'tomorrow', '2018-01-02', 'date'],
  ['He was there last night.', 'last night', '2017-12-31TNI', 'time'],
  ['They met this morning.', 'this morning', '2018-01-01TMO', 'time'],
];

describe('Days and parts of days named relative to the anchor (days rules)', () => {
  it.each(EXAMPLES)('%s', (...example) => expectNormalised(example));
});
