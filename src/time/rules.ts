/**
 * Entry point of the time rules. The rules live one family per file under `rules/`, in priority order in
 * `configuration.ts`; the scanner is in `scan.ts` and the shared resolution arithmetic in `resolve.ts`.
 */
export { RULES, RULE_ORDER } from './configuration.js';
export type { Candidate, Resolution, Resolved, ResolveCtx } from './resolve.js';
export type { CoredRule, TimeRule } from './rules/pattern.js';
export { findCandidates, selectCandidates } from './scan.js';
