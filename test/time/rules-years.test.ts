import { describe, it } from 'vitest';
import { expectNormalised, type Example } from './family.js';

const EXAMPLES: Example[] = [
  ['It was founded in 2015.', '2015', '2015', 'date'],
  ['Revenue for fiscal 1989 rose.', 'fiscal 1989', '1989', 'date'],
  ['Prices rose in the 1990s.', 'the 1990s', '199', 'date'],
  ['It was built in the 19th century.', 'the 19th century', '18', 'date'],
  ['The law dates from nineteen ninety-six.', 'nineteen ninety-six', '1996', 'date'],
];

describe('Years, decades and centuries (years rules)', () => {
  it.each(EXAMPLES)('%s', (...example) => expectNormalised(example));
});
