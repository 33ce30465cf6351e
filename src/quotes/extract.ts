// The attribution rules live in `rules/`, one file per pass; this module keeps the old import path.
export { findAttributions, isPassiveCue, type Range, type RawAttribution } from './rules/index.js';
