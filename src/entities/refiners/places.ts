/** Refiners that turn names the tagger took for people into places, from how the text writes them. */

import { isPossessive, lowerNoDot, sameSentence, word } from './tokens.js';
import type { Refiner } from './types.js';

const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'inside', 'across', 'throughout']);
const PLACE_NOUNS = new Set([
  'neighborhood',
  'neighbourhood',
  'county',
  'district',
  'area',
  'region',
  'province',
  'borough',
  'suburb',
]);

/**
 * A lone word the tagger took for a person but written as a place ("in Chelsea", "the Chelsea
 * neighborhood") is a place. Whole names ("Jill Stein") are left alone.
 */
export const placeCues: Refiner = (drafts, ctx) => {
  const t = ctx.tokens;
  for (const d of drafts) {
    if (d.type !== 'person' || d.end - d.start !== 1) continue;
    const before = d.start > 0 && sameSentence(ctx, d.start - 1, d.start) ? t[d.start - 1].text.toLowerCase() : '';
    const after = d.end < t.length && sameSentence(ctx, d.start, d.end) ? t[d.end].text.toLowerCase() : '';
    if (isPossessive(after)) continue;
    if (PLACE_PREPOSITIONS.has(before) || PLACE_NOUNS.has(after)) d.type = 'place';
  }
  return drafts;
};

/**
 * Last words that make a name a thoroughfare: "Mill Street", "Foundry Road". "Lane" and "Drive" are left
 * out: Lane is a common surname.
 */
const THOROUGHFARES = new Set([
  'street',
  'st',
  'road',
  'rd',
  'avenue',
  'ave',
  'boulevard',
  'blvd',
  'highway',
  'parkway',
  'turnpike',
  'expressway',
]);

/**
 * A name of two or more words ending in a thoroughfare word is a street, a place, whatever the tagger
 * made of it ("Along Mill Street" is not a person). Organisations are left alone ("Wall Street Journal"
 * does not end in one, and "Street" alone is no name).
 */
export const thoroughfares: Refiner = (drafts, ctx) => {
  for (const d of drafts) {
    // A title or role before the name ("Judge Ann Street") says it is a person.
    if (d.type !== 'person' || d.end - d.start < 2 || d.roles.length > 0) continue;
    if (THOROUGHFARES.has(lowerNoDot(word(ctx, d.end - 1)))) d.type = 'place';
  }
  return drafts;
};
