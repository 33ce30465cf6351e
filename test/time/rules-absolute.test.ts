import { describe, it } from 'vitest';
import { expectNormalised, type Example } from './family.js';

const EXAMPLES: Example[] = [
  ['The tweet is dated October 10, 2017.', 'October 10, 2017', '2017-10-10', 'date'],
  ['The deal closed on 10 October 2017.', '10 October 2017', '2017-10-10', 'date'],
  ['The filing, dated 2017-10-10, was public.', '2017-10-10', '2017-10-10', 'date'],
  ['It happened on 10/10/2017 at the office.', '10/10/2017', '2017-10-10', 'date'],
  ['The vote was held on Dec. 20.', 'Dec. 20', '2017-12-20', 'date'],
];

describe('Calendar dates written in full and numeric dates (absolute rules)', () => {
  it.each(EXAMPLES)('%s', (...example) => expectNormalised(example));
});
