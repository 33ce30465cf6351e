/**
 * The NER refiners: rules applied after the tagger to fix what it systematically gets wrong. Each
 * family lives in `./refiners/`; the order they run in is fixed here, in one place.
 */
import { appositiveRoles, partyAffiliations, titlesAndRoles } from './refiners/roles.js';
import {
  dropMonthsAndDays,
  dropNonNames,
  dropSentenceInitialCommonWords,
  trimPossessivesAndArticles,
} from './refiners/non-names.js';
import {
  apostropheNames,
  organisationOf,
  organisationSuffixes,
  outletSelfReference,
} from './refiners/organisations.js';
import { placeCues, thoroughfares } from './refiners/places.js';
import { sortDrafts } from './refiners/tokens.js';
import type { Draft, RefineContext, Refiner } from './refiners/types.js';

export type { Draft, RefineContext, Refiner } from './refiners/types.js';
export {
  apostropheNames,
  appositiveRoles,
  dropMonthsAndDays,
  dropNonNames,
  dropSentenceInitialCommonWords,
  organisationOf,
  organisationSuffixes,
  outletSelfReference,
  partyAffiliations,
  placeCues,
  thoroughfares,
  titlesAndRoles,
  trimPossessivesAndArticles,
};

/** The refiners in the order they run. */
export const REFINERS: readonly Refiner[] = [
  dropNonNames,
  trimPossessivesAndArticles,
  apostropheNames,
  dropMonthsAndDays,
  dropSentenceInitialCommonWords,
  partyAffiliations,
  titlesAndRoles,
  organisationSuffixes,
  organisationOf,
  placeCues,
  thoroughfares,
  outletSelfReference,
  appositiveRoles,
];

/** Runs the refiners in order, re-sorting after each so every refiner sees drafts by position. */
export function refine(drafts: Draft[], ctx: RefineContext): Draft[] {
  let out = sortDrafts(drafts);
  for (const r of REFINERS) out = sortDrafts(r(out, ctx));
  return out;
}
