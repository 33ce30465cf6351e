import { expect } from 'vitest';
import { findTimexes } from '../../src/time/index.js';

/** Publication date of the family examples (a Monday). */
export const DCT = '2018-01-01';

/** A family example: the sentence, the expression in it, and its value and type against {@link DCT}. */
export type Example = [sentence: string, expression: string, value: string, type: string];

/** Checks that `expression` is found in `sentence` and normalised to `value` of `type`. */
export function expectNormalised([sentence, expression, value, type]: Example): void {
  const found = findTimexes(sentence, DCT).find((t) => t.text === expression);
  expect(found, `${JSON.stringify(expression)} in ${JSON.stringify(sentence)}`).toBeDefined();
  expect([found?.value, found?.type]).toEqual([value, type]);
}
