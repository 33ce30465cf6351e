/** Refiners that drop or trim what the tagger marked but is no name: URLs, dates, sentence-initial words, possessives. */

import { MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS, WEEKDAY_ABBREVIATIONS } from '../../text/words.js';
import { DETERMINERS, isPossessive, lowerNoDot, word } from './tokens.js';
import type { Refiner } from './types.js';

const MONTHS_DAYS = new Set([...MONTHS, ...MONTH_ABBREVIATIONS, ...WEEKDAYS, ...WEEKDAY_ABBREVIATIONS]);

/** Drops mentions without a letter, and pieces of URLs, handles and hashtags. */
export const dropNonNames: Refiner = (drafts, ctx) => {
  const urls: Array<[number, number]> = [];
  for (const m of ctx.text.matchAll(
    /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co|ly|gov|edu|io)\/\S*/gi,
  ))
    urls.push([m.index, m.index + m[0].length]);
  return drafts.filter((d) => {
    const s = ctx.tokens[d.start].start;
    const e = ctx.tokens[d.end - 1].end;
    if (urls.some(([a, b]) => s < b && e > a)) return false;
    const text = ctx.text.slice(s, e);
    if (!/\p{L}/u.test(text)) return false;
    // "I'm", "We've": a pronoun and a verb, never a name.
    if (/^(i|you|we|they|he|she|it)['\u2019](m|re|ve|ll|d|s)$/i.test(text)) return false;
    for (let i = d.start; i < d.end; i++) {
      const w = ctx.tokens[i].text;
      // Handles, hashtags, paths and run-on junk (no real name word is 40 characters long).
      if (/^[@#]|\//.test(w) || w.length > 40) return false;
    }
    return true;
  });
};

/** Months and weekdays are dates, never names. */
export const dropMonthsAndDays: Refiner = (drafts, ctx) =>
  drafts.filter((d) => {
    for (let i = d.start; i < d.end; i++) if (!MONTHS_DAYS.has(lowerNoDot(word(ctx, i)))) return true;
    return false;
  });

/** A capitalised common word alone at the start of a sentence ("Back in October") is not a name. */
export const dropSentenceInitialCommonWords: Refiner = (drafts, ctx) =>
  drafts.filter((d) => {
    if (d.end - d.start !== 1) return true;
    const i = d.start;
    const initial =
      i === 0 ||
      ctx.tokens[i - 1].sentence !== ctx.tokens[i].sentence ||
      /^["'(\u201c\u2018]$/.test(ctx.tokens[i - 1].text);
    return !(initial && ctx.isCommonWord(word(ctx, i).toLowerCase()));
  });

/** Keeps possessive endings and leading articles out of the name ("Cuomo's" → "Cuomo"). */
export const trimPossessivesAndArticles: Refiner = (drafts, ctx) => {
  for (const d of drafts) {
    while (d.end > d.start && isPossessive(ctx.tokens[d.end - 1].text)) d.end--;
    while (d.end > d.start && d.end - d.start > 1 && DETERMINERS.has(word(ctx, d.start).toLowerCase())) d.start++;
    while (
      d.end > d.start &&
      /^[\p{P}\p{S}]+$/u.test(ctx.tokens[d.end - 1].text) &&
      !/\.$/.test(ctx.tokens[d.end - 1].text)
    )
      d.end--;
    while (d.end > d.start && /^[\p{P}\p{S}]+$/u.test(ctx.tokens[d.start].text)) d.start++;
  }
  return drafts.filter((d) => d.end > d.start);
};
