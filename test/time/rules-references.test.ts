import { describe, it } from 'vitest';
import { expectNormalised, type Example } from './family.js';

const EXAMPLES: Example[] = [
  ['It is now clear.', 'now', 'PRESENT_REF', 'date'],
  ['She recently resigned.', 'recently', 'PAST_REF', 'date'],
  ['It may change in the future.', 'the future', 'FUTURE_REF', 'date'],
];

describe('Present, past and future references (references rules)', () => {
  it.each(EXAMPLES)('%s', (...example) => expectNormalised(example));
});
