import { describe, it } from 'vitest';
import { expectNormalised, type Example } from './family.js';

const EXAMPLES: Example[] = [
  ['The office will finish within 45 days.', '45 days', 'P45D', 'duration'],
  ['He served two years in prison.', 'two years', 'P2Y', 'duration'],
  ['The dispute has lasted decades.', 'decades', 'PXDE', 'duration'],
  ['The talks took 5 1/2 hours.', '5 1/2 hours', 'PT5H30M', 'duration'],
];

describe('Durations (durations rules)', () => {
  it.each(EXAMPLES)('%s', (...example) => expectNormalised(example));
});
