import type { AnnotatedArticle } from '../../model.js';
import { textContext, type RuleContext } from './context.js';
import { findCues } from './cues.js';
import { PASSES } from './passes.js';
import type { Cue, RawAttribution } from './types.js';

export { PASSES } from './passes.js';
export { isPassiveCue } from './passive.js';
export type { Pass, RuleContext } from './context.js';
export type { Range, RawAttribution } from './types.js';

/** The context every pass reads: the article's words, quotations and cues. */
export function ruleContext(doc: AnnotatedArticle): RuleContext {
  const base = textContext(doc);
  const cues = findCues(base);
  return { ...base, cues, cueAtTok: new Map(cues.map((c): [number, Cue] => [c.tok, c])), spent: new Set() };
}

/** Finds attributions in an annotated article (tokens and sentences must be present). */
export function findAttributions(doc: AnnotatedArticle): RawAttribution[] {
  if (doc.tokens.length === 0) return [];
  const ctx = ruleContext(doc);
  let out: RawAttribution[] = [];
  for (const [, pass] of PASSES) out = pass(ctx, out);
  return out;
}
