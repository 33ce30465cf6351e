import type { Pass } from './context.js';
import type { RawAttribution } from './types.js';

/** Later parts of a split or multi-paragraph quote share the first part's statement, as corpora mark it. */
export const splitStatements: Pass = (_ctx, attributions) => {
  const out = attributions.map((a) => ({ ...a }));
  const byId = new Map<string, RawAttribution>(out.map((a) => [a.id, a]));
  for (const a of out) {
    const first = a.continues !== undefined ? byId.get(a.continues) : undefined;
    if (first) a.statement = first.statement;
  }
  return out;
};
