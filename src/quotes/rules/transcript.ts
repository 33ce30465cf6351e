import { idMaker, inQuote, labelAttribution, newlineBetween, type Pass } from './context.js';

/** Capitalised labels before a colon that are not speakers in a transcript. */
const TRANSCRIPT_NOT_SPEAKERS =
  /^(UPDATE|UPDATED|CORRECTION|PREVIOUSLY|WATCH|BREAKING|EXCLUSIVE|VIDEO|LIVE|EDITOR|NOTE|ADVERTISEMENT|RELATED|READ|PHOTO|PHOTOS|SOURCE|SOURCES|WASHINGTON|AP|CNN|NEW YORK|UPI)$/;

/**
 * Interview transcripts: paragraphs opening with a speaker label in capitals ("TAPPER: …", "Q: …"). Only
 * when the article has at least two such labels, so a lone "UPDATE:" or "BREAKING:" is not a speaker.
 */
export const transcript: Pass = (ctx, attributions) => {
  const toks = ctx.tokens;
  const found: Array<[number, number]> = [];
  for (let i = 0; i < toks.length; i++) {
    if (i > 0 && !newlineBetween(ctx, toks[i - 1].end, toks[i].start)) continue;
    let j = i;
    while (j < toks.length && j - i < 3 && /^\p{Lu}[\p{Lu}.’'-]*$/u.test(toks[j].text) && !inQuote(ctx, j)) j++;
    if (j === i || toks[j]?.text !== ':' || newlineBetween(ctx, toks[i].start, toks[j].start)) continue;
    const label = ctx.text.slice(toks[i].start, toks[j - 1].end);
    if (TRANSCRIPT_NOT_SPEAKERS.test(label)) continue;
    found.push([i, j]);
  }
  if (found.length < 2) return [...attributions];
  const out = [...attributions];
  const nextId = idMaker(attributions);
  for (const [i, colon] of found) {
    const a = labelAttribution(ctx, i, colon, 1, out, nextId);
    if (a) out.push(a);
  }
  return out;
};
