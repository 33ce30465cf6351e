/** Token tests shared by the refiners, so each family reads words the same way. */

import { normalizeWord } from '../features.js';
import type { Draft, RefineContext } from './types.js';

/** Articles that open a phrase ("the Observer") without being part of a name. */
export const DETERMINERS = new Set(['the', 'a', 'an']);

export function word(ctx: RefineContext, i: number): string {
  return normalizeWord(ctx.tokens[i].text);
}

export function lowerNoDot(w: string): string {
  const l = w.toLowerCase();
  return l.length > 1 && l.endsWith('.') ? l.slice(0, -1) : l;
}

export function isPossessive(w: string): boolean {
  const n = normalizeWord(w);
  return n === "'s" || n === "'" || n === "'S";
}

export function isCap(w: string): boolean {
  return /^\p{Lu}/u.test(w);
}

export function sameSentence(ctx: RefineContext, a: number, b: number): boolean {
  return ctx.tokens[a].sentence === ctx.tokens[b].sentence;
}

export function sortDrafts(drafts: Draft[]): Draft[] {
  return drafts.sort((a, b) => a.start - b.start || b.end - a.end);
}
