/** Refiners that find roles and attributes next to person names and keep them out of the name itself. */

import { ORG_SUFFIXES } from './organisations.js';
import { HONORIFICS, OFFICE_WORDS, PERSON_NOUNS, ROLE_NOUNS, ROLE_TITLES, TITLE_MODIFIERS } from './role-words.js';
import { DETERMINERS, isCap, lowerNoDot, sameSentence, word } from './tokens.js';
import type { Refiner } from './types.js';

/** "(D-N.Y.)" or "(Vt.)" after a name: a party and state attribute of that person, not a place. */
export const partyAffiliations: Refiner = (drafts, ctx) => {
  let out = drafts;
  const re =
    /\(\s*(?:(?:[RDIL]|Rep|Dem|Ind)\s?[-\u2013]\s?([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)|([A-Z][a-z]{0,4}\.(?:\s?[A-Z][a-z]{0,3}\.)?))\s*\)/g;
  for (const m of ctx.text.matchAll(re)) {
    const s = m.index;
    const e = s + m[0].length;
    const before = out.filter(
      (d) => ctx.tokens[d.end - 1].end <= s && /^\s*$/.test(ctx.text.slice(ctx.tokens[d.end - 1].end, s)),
    );
    const person = before.find((d) => d.type === 'person');
    // A bare state abbreviation is an attribute only right after a person's name.
    if (m[2] !== undefined && !person) continue;
    out = out.filter((d) => !(ctx.tokens[d.start].start >= s && ctx.tokens[d.end - 1].end <= e));
    if (person) person.roles.push(m[0].slice(1, -1).trim());
  }
  return out;
};

/**
 * Titles stay out of person names but are kept as roles: "Gov. Andrew Cuomo" → "Andrew Cuomo" with role
 * "Gov."; "Manhattan District Attorney Cyrus Vance" → role "Manhattan District Attorney"; "model Ambra
 * Battilana Gutierrez" → role "model". Title words the tagger took for an organisation are dropped.
 */
export const titlesAndRoles: Refiner = (drafts, ctx) => {
  const t = ctx.tokens;
  let out = drafts.slice();
  const isTitleWord = (i: number): boolean => {
    const l = lowerNoDot(word(ctx, i));
    return (
      (isCap(t[i].text) && (ROLE_TITLES.has(l) || OFFICE_WORDS.has(l))) ||
      TITLE_MODIFIERS.has(l) ||
      /^(former|then)-/i.test(t[i].text)
    );
  };
  for (const d of out.slice()) {
    // "model Ambra Battilana Gutierrez": a person noun before a multi-word capitalised name.
    const p0 = d.start - 1;
    if (
      d.type !== 'person' &&
      d.end - d.start >= 2 &&
      p0 >= 0 &&
      PERSON_NOUNS.has(word(ctx, p0)) &&
      sameSentence(ctx, p0, d.start)
    ) {
      let plain = true;
      for (let i = d.start; i < d.end; i++)
        if (!isCap(t[i].text) || ORG_SUFFIXES.has(lowerNoDot(word(ctx, i)))) plain = false;
      if (plain) d.type = 'person';
    }
    if (d.type !== 'person') continue;
    // Title words inside the name span.
    let s = d.start;
    let titleEnd = -1;
    for (let i = d.start; i < d.end - 1; i++) {
      const l = lowerNoDot(word(ctx, i));
      if (HONORIFICS.has(l) || ROLE_TITLES.has(l)) titleEnd = i + 1;
      else if (!OFFICE_WORDS.has(l)) break;
    }
    if (titleEnd > 0) s = titleEnd;
    // Title words before the name span.
    let r = d.start;
    while (r > 0 && sameSentence(ctx, r - 1, d.start) && isTitleWord(r - 1)) r--;
    let roleStart = Math.min(r, s);
    const roleEnd = s;
    const hasTitle = (a: number, b: number): boolean => {
      for (let i = a; i < b; i++) if (ROLE_TITLES.has(lowerNoDot(word(ctx, i)))) return true;
      return false;
    };
    if (roleStart < roleEnd && hasTitle(roleStart, roleEnd)) {
      // "Manhattan" or "New York" right before the title belongs to it.
      const place = out.find(
        (o) => o !== d && o.end === roleStart && (o.type === 'place' || o.type === 'organization'),
      );
      if (place && sameSentence(ctx, place.start, roleStart)) roleStart = place.start;
      else if (
        roleStart > 0 &&
        sameSentence(ctx, roleStart - 1, roleStart) &&
        /^\p{Lu}{2,6}$/u.test(t[roleStart - 1].text)
      ) {
        // "NYPD Commissioner James O'Neill", "FBI Director James Comey": the acronym is the organisation.
        const k = roleStart - 1;
        if (!out.some((o) => o.start <= k && o.end > k) && !ctx.isCommonWord(t[k].text.toLowerCase())) {
          out.push({ start: k, end: k + 1, type: 'organization', roles: [] });
          roleStart = k;
        }
      }
      while (roleStart < roleEnd && HONORIFICS.has(lowerNoDot(word(ctx, roleStart)))) roleStart++;
      const onlyHonorific = roleStart >= roleEnd;
      if (!onlyHonorific) {
        const role = ctx.text.slice(t[roleStart].start, t[roleEnd - 1].end);
        d.roles.unshift(role);
      }
      out = out.filter((o) => o === d || o.type === 'place' || !(o.start >= Math.min(r, d.start) && o.end <= s));
      d.start = s;
    } else if (s > d.start) {
      d.start = s;
    } else {
      // A lowercase role noun right before the name ("model Ambra Battilana Gutierrez").
      const p = d.start - 1;
      if (p >= 0 && sameSentence(ctx, p, d.start) && ROLE_NOUNS.has(word(ctx, p)) && !isCap(t[p].text))
        d.roles.unshift(word(ctx, p));
    }
  }
  // "Senior Fellow": a person made only of title words is not a name.
  return out.filter((d) => {
    if (d.end <= d.start) return false;
    if (d.type !== 'person') return true;
    for (let i = d.start; i < d.end; i++) {
      const l = lowerNoDot(word(ctx, i));
      if (!ROLE_TITLES.has(l) && !OFFICE_WORDS.has(l) && !ROLE_NOUNS.has(l) && l !== 'fellow') return true;
    }
    return false;
  });
};

/** "Danny Frost, a spokesman for …" → role "spokesman" for the person. */
export const appositiveRoles: Refiner = (drafts, ctx) => {
  const t = ctx.tokens;
  for (const d of drafts) {
    if (d.type !== 'person') continue;
    let i = d.end;
    if (i + 2 >= t.length || t[i].text !== ',' || !sameSentence(ctx, d.start, i + 2)) continue;
    i++;
    const det = t[i].text.toLowerCase();
    if (!DETERMINERS.has(det)) continue;
    i++;
    const first = i;
    let head = -1;
    while (i < t.length && i - first < 5 && sameSentence(ctx, d.start, i)) {
      const pos = t[i].upos;
      if (pos === 'NOUN' || (pos === 'PROPN' && !isCap(t[i].text))) head = i;
      else if (pos !== 'ADJ' && !(pos === 'PROPN' && head < 0)) break;
      i++;
    }
    if (head < 0) continue;
    const headWord = word(ctx, head).toLowerCase();
    const next = i < t.length && sameSentence(ctx, d.start, i) ? t[i].text : '';
    if (!ROLE_NOUNS.has(headWord) && next && !/^(for|of|at|with|who|and)$/i.test(next)) continue;
    // "In Chelsea, the mayor said": with "the" the appositive must be closed or go on with a complement.
    if (det === 'the' && next && !/^(,|for|of|at|with|who|\.|;|--|\u2014)$/i.test(next)) continue;
    d.roles.push(ctx.text.slice(t[first].start, t[head].end));
  }
  return drafts;
};
