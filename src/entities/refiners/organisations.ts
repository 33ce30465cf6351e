/** Refiners that build or retype organisation names: suffixes, "of" phrases, apostrophe names, the outlet itself. */

import { normalizeWord } from '../features.js';
import { isCap, lowerNoDot, sameSentence, sortDrafts, word } from './tokens.js';
import type { Refiner } from './types.js';

/** Words that end an organisation name ("New York Magazine", "Acme Inc."). */
export const ORG_SUFFIXES = new Set([
  'magazine',
  'times',
  'post',
  'journal',
  'news',
  'tribune',
  'herald',
  'gazette',
  'inc',
  'corp',
  'co',
  'ltd',
  'llc',
  'plc',
  'company',
  'corporation',
  'group',
  'department',
  'office',
  'university',
  'college',
  'party',
  'unit',
  'agency',
  'commission',
  'committee',
  'council',
  'association',
  'foundation',
  'institute',
  'bank',
  'board',
  'bureau',
  'court',
  'ministry',
  'union',
  'league',
  'club',
  'network',
  'service',
  'services',
]);

/** Particles that complete a name built around an apostrophe ("Time's Up"). */
const APOSTROPHE_NAME_TAILS = new Set([
  'up',
  'down',
  'out',
  'in',
  'on',
  'off',
  'over',
  'back',
  'away',
  'now',
  'here',
  'there',
]);

/**
 * A name built around an apostrophe and a particle ("Time's Up") is an organisation, where a possessive
 * is followed by a lowercase word or another name.
 */
export const apostropheNames: Refiner = (drafts, ctx) => {
  const out = drafts.slice();
  const t = ctx.tokens;
  for (let i = 0; i + 2 < t.length; i++) {
    if (!isCap(t[i].text) || !/^'s$/i.test(normalizeWord(t[i + 1].text)) || !isCap(t[i + 2].text)) continue;
    if (!sameSentence(ctx, i, i + 2) || t[i + 1].start !== t[i].end) continue;
    if (!APOSTROPHE_NAME_TAILS.has(word(ctx, i + 2).toLowerCase())) continue;
    // Reaches back over a capitalised run so "Time's Up" and "Children's Day Out" both work.
    let s = i;
    while (
      s > 0 &&
      isCap(t[s - 1].text) &&
      sameSentence(ctx, s - 1, i) &&
      !ctx.isCommonWord(word(ctx, s - 1).toLowerCase())
    )
      s--;
    const e = i + 3;
    for (let k = out.length - 1; k >= 0; k--) if (out[k].start < e && out[k].end > s) out.splice(k, 1);
    out.push({ start: s, end: e, type: 'organization', roles: [] });
  }
  return sortDrafts(out);
};

/** "New York" + "Magazine", or a name followed by "Inc.": one organisation. */
export const organisationSuffixes: Refiner = (drafts, ctx) => {
  const out = sortDrafts(drafts.slice());
  const t = ctx.tokens;
  for (let k = 0; k < out.length; k++) {
    const d = out[k];
    if (d.type === 'person') continue;
    let e = d.end;
    while (
      e < t.length &&
      sameSentence(ctx, d.start, e) &&
      isCap(t[e].text) &&
      ORG_SUFFIXES.has(lowerNoDot(word(ctx, e)))
    ) {
      const next = out[k + 1];
      if (next && next.start === e) {
        e = next.end;
        out.splice(k + 1, 1);
      } else e++;
    }
    if (e !== d.end) {
      d.end = e;
      d.type = 'organization';
    } else if (d.end - d.start >= 2 && isCap(t[d.end - 1].text) && ORG_SUFFIXES.has(lowerNoDot(word(ctx, d.end - 1)))) {
      // "Manhattan District Attorney's Office" tagged as a place: the head word decides.
      d.type = 'organization';
    }
  }
  return out;
};

/**
 * "Commission" + "on" + "Presidential Debates", "University" + "of" + "Michigan": an organisation head word
 * followed by of/on/for and a name is one organisation.
 */
export const organisationOf: Refiner = (drafts, ctx) => {
  const out = sortDrafts(drafts.slice());
  const t = ctx.tokens;
  for (let k = 0; k < out.length; k++) {
    const d = out[k];
    if (d.type === 'person' || !ORG_SUFFIXES.has(lowerNoDot(word(ctx, d.end - 1))) || !isCap(t[d.end - 1].text))
      continue;
    let j = d.end;
    if (j >= t.length || !/^(of|on|for)$/.test(t[j].text) || !sameSentence(ctx, d.start, j)) continue;
    j++;
    const next = out[k + 1];
    if (!next || next.start !== j || next.type === 'person' || !sameSentence(ctx, d.start, next.start)) continue;
    d.end = next.end;
    d.type = 'organization';
    out.splice(k + 1, 1);
  }
  return out;
};

/** Last words of outlet names that are also what the outlet calls itself ("the Observer has learned"). */
const MEDIA_NOUNS = new Set([
  'observer',
  'herald',
  'courier',
  'post',
  'times',
  'journal',
  'tribune',
  'gazette',
  'chronicle',
  'examiner',
  'inquirer',
  'guardian',
  'telegraph',
  'globe',
  'register',
  'record',
  'monitor',
  'dispatch',
  'sentinel',
  'bulletin',
]);

/**
 * The outlet naming itself by the last word of its name ("The Observer has learned…" in the Tri-County
 * Observer) is an organisation, whatever the tagger guessed.
 */
export const outletSelfReference: Refiner = (drafts, ctx) => {
  const words = ctx.outlet?.trim().split(/\s+/) ?? [];
  const last = words[words.length - 1]?.toLowerCase();
  if (!last || !MEDIA_NOUNS.has(last)) return drafts;
  for (const d of drafts) {
    if (d.end - d.start === 1 && lowerNoDot(word(ctx, d.start)) === last) d.type = 'organization';
  }
  return drafts;
};
