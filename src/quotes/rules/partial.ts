import type { QuoteRegion } from '../marks.js';
import { cueRange, displayContent, firstTokenAtOrAfter, idMaker, sentenceBounds, type Pass } from './context.js';
import { subjectOf } from './subject.js';
import type { Cue } from './types.js';

/**
 * Quoted words inside a sentence ("called the move “particularly disturbing”") that no quotation took: they
 * inherit the speaker of the reported speech around them, or take the cue before them in the sentence.
 */
export const partialQuotes: Pass = (ctx, attributions) => {
  // Quotations and quoted words found so far: everything but reported speech.
  const quoted = attributions.filter((a) => a.kind !== 'indirect');
  const out = [...attributions];
  const nextId = idMaker(attributions);
  const covered = (r: QuoteRegion): boolean =>
    quoted.some((a) => a.content.start >= r.start && a.content.start < r.end);
  const cuesBySentence = new Map<number, Cue[]>();
  for (const c of ctx.cues) {
    const s = ctx.tokens[c.tok].sentence;
    const l = cuesBySentence.get(s);
    if (l) l.push(c);
    else cuesBySentence.set(s, [c]);
  }
  const parents = attributions.filter((a) => a.kind === 'indirect');
  for (const r of ctx.regions) {
    if (covered(r)) continue;
    const content = displayContent(ctx, r);
    if (content.end <= content.start) continue;
    const parent = parents.find((a) => a.statement.start <= r.open && r.close <= a.statement.end + 1);
    // Scare quotes around one word are not quotations, except inside reported speech.
    if (!parent && !/\s/.test(ctx.text.slice(content.start, content.end)) && content.end - content.start < 25) continue;
    if (parent) {
      out.push({
        id: nextId(),
        kind: 'partial',
        content,
        statement: parent.statement,
        ...(parent.cue ? { cue: parent.cue } : {}),
        ...(parent.source ? { source: parent.source } : {}),
        inherits: parent.id,
        at: parent.at,
      });
      continue;
    }
    // Governing cue in the same sentence, before the quote.
    const ti = firstTokenAtOrAfter(ctx, r.open);
    const sent = ctx.tokens[ti]?.sentence;
    let best: Cue | undefined;
    for (const c of cuesBySentence.get(sent) ?? []) {
      if (ctx.tokens[c.tok].end <= r.open) best = c;
    }
    const subj = best && !best.according ? subjectOf(ctx, best, sentenceBounds(ctx, sent)[0])?.source : undefined;
    out.push({
      id: nextId(),
      kind: 'partial',
      content,
      statement: { start: r.open, end: r.close },
      ...(best ? { cue: cueRange(ctx, best) } : {}),
      ...(subj ? { source: subj } : {}),
      at: subj?.start ?? r.open,
    });
  }
  return out;
};
