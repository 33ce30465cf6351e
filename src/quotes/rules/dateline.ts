import type { Pass } from './context.js';

/** A dateline at the start of a paragraph: a place in capitals, an optional agency, a dash. */
const DATELINE = /^\p{Lu}[\p{Lu}.'’ -]+\p{Lu}(?:, \p{Lu}[\p{L}.]+)?(?: \([^)\n]{1,40}\))? ?(?:\u2014|\u2013|--?) +/u;

/** A dateline ("PORT EMERY —", "LARKHOLLOW (Meridian Press) —") is not part of the reported words. */
export const datelines: Pass = (ctx, attributions) =>
  attributions.map((a) => {
    const m = DATELINE.exec(ctx.text.slice(a.content.start, a.content.start + 80));
    if (!m || a.content.start + m[0].length >= a.content.end) return a;
    const statement =
      a.statement.start === a.content.start ? { ...a.statement, start: a.statement.start + m[0].length } : a.statement;
    return { ...a, statement, content: { ...a.content, start: a.content.start + m[0].length } };
  });
