import type { Pass } from './context.js';

/**
 * A bare quote paragraph followed directly by an attributed quote paragraph: one speaker, one statement
 * (`"A."` ¶ `"B," Viguerie notes.`).
 */
export const bareParagraphs: Pass = (ctx, attributions) => {
  const out = attributions.map((a) => ({ ...a }));
  // Backwards, so a run of bare paragraphs takes the attribution of the one that ends it.
  for (let i = out.length - 2; i >= 0; i--) {
    const a = out[i];
    const b = out[i + 1];
    if (a.source || a.cue || a.continues !== undefined || b.continues !== undefined || !b.source) continue;
    const gap = ctx.text.slice(a.statement.end, b.statement.start);
    if (gap.trim() !== '' || !gap.includes('\n')) continue;
    b.statement = { start: a.statement.start, end: b.statement.end };
    a.statement = b.statement;
    a.source = b.source;
    if (b.cue) a.cue = b.cue;
    if (b.sourceExtent) a.sourceExtent = b.sourceExtent;
    a.at = b.at;
  }
  return out;
};
