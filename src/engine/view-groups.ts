/**
 * Stored members read back at once to rebuild views: stories are rebuilt and written in groups of up to
 * this many members (a larger story on its own), so the memory a rebuild needs is that of its largest
 * story, not of every story due at the same time.
 */
export const VIEW_MEMBER_BUDGET = 2000;

/** Consecutive groups of items whose sizes add up to at most `budget` (an item over it forms its own). */
export function groupsWithin<T>(items: T[], size: (x: T) => number, budget: number): T[][] {
  const out: T[][] = [];
  let group: T[] = [];
  let total = 0;
  for (const x of items) {
    const n = size(x);
    if (group.length > 0 && total + n > budget) {
      out.push(group);
      group = [];
      total = 0;
    }
    group.push(x);
    total += n;
  }
  if (group.length > 0) out.push(group);
  return out;
}
