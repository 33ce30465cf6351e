import { bareParagraphs } from './bare-paragraphs.js';
import type { Pass } from './context.js';
import { datelines } from './dateline.js';
import { headline } from './headline.js';
import { partialQuotes } from './partial.js';
import { passives } from './passive.js';
import { quotations } from './quotations.js';
import { reportedSpeech } from './reported.js';
import { splitStatements } from './split-statements.js';
import { transcript } from './transcript.js';

/**
 * The attribution rules, in the order they run. Order matters: quotations take their cues first, so reported
 * speech does not read them again; titles and transcripts skip what quotations cover; partial quotes inherit
 * from the reported speech around them; the last two passes only correct what was found.
 */
export const PASSES: ReadonlyArray<readonly [name: string, pass: Pass]> = [
  ['quotations', quotations],
  ['bareParagraphs', bareParagraphs],
  ['splitStatements', splitStatements],
  ['headline', headline],
  ['transcript', transcript],
  ['reportedSpeech', reportedSpeech],
  ['partialQuotes', partialQuotes],
  ['passives', passives],
  ['datelines', datelines],
];
