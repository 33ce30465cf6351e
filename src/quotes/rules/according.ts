import { clause, cueRange, span, type RuleContext } from './context.js';
import { accordingSource } from './phrases.js';
import type { Cue, Range, RawAttribution } from './types.js';

/** Reported speech as the rules build it, before the pass that keeps it gives it an id. */
export type Unnumbered = Omit<RawAttribution, 'id'>;

/** Reported speech introduced by a cue: the statement is the content. */
export function indirect(ctx: RuleContext, content: Range, c: Cue, source?: Range, extent?: Range): Unnumbered {
  return {
    kind: 'indirect',
    content,
    statement: content,
    cue: cueRange(ctx, c),
    ...(source ? { source } : {}),
    ...(extent ? { sourceExtent: extent } : {}),
    at: source?.start ?? content.start,
  };
}

/**
 * Whether a range overlaps a direct quote already found, unless the quote is a small part of it: reported
 * speech is not read again inside a quotation.
 */
export function overlapsDirect(found: readonly RawAttribution[], r: Range): boolean {
  return found.some(
    (a) =>
      a.kind === 'direct' &&
      a.statement.start < r.end &&
      r.start < a.statement.end &&
      !(
        r.start <= a.statement.start &&
        a.statement.end <= r.end &&
        a.statement.end - a.statement.start < (r.end - r.start) / 2
      ),
  );
}

/** "According to X, …", "…, according to X." and "X, according to Y, is Z" in sentence s0..s1. */
export function according(
  ctx: RuleContext,
  c: Cue,
  s0: number,
  s1: number,
  found: readonly RawAttribution[],
): Unnumbered | undefined {
  const toks = ctx.tokens;
  const np = accordingSource(ctx, c);
  if (!np) return undefined;
  const source = span(ctx, np[0], np[1]);
  if (c.first === s0 || (c.first === s0 + 1 && /^(but|and)$/i.test(toks[s0].text))) {
    // According to X, CLAUSE.
    let k = np[1] + 1;
    while (k <= s1 && toks[k].text !== ',' && k - np[1] < 10) k++;
    const content = clause(ctx, k + 1, s1);
    return content ? indirect(ctx, content, c, source) : undefined;
  }
  const before = toks[c.first - 1]?.text === ',' ? c.first - 2 : c.first - 1;
  if (before - s0 < 1) return undefined;
  const content = clause(ctx, s0, before);
  if (!content || overlapsDirect(found, content)) return undefined;
  const after = np[1] + 1;
  if (toks[after]?.text === ',' && after + 2 <= s1 && toks[after].sentence === toks[s0].sentence) {
    // "X, according to Y, is Z": the statement surrounds the attribution.
    // Shown whole: a sentence with the attribution inside reads better than its first words.
    return indirect(ctx, clause(ctx, s0, s1) ?? content, c, source);
  }
  if (before === c.first - 2 || after > s1 || /^[.!?]$/.test(toks[after]?.text ?? ''))
    return indirect(ctx, content, c, source);
  return undefined;
}
