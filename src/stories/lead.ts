import type { LeadFeatures } from './features.js';
import type { StoryClustererOptions } from './options.js';

/**
 * Lead names and days of a story's articles, with counts. The lead (dateline and first sentence) says where
 * and when the reported event happened, which tells two similar events apart better than the body does.
 */
export interface LeadProfile {
  names: Map<string, number>;
  days: Map<number, number>;
}

const MAX_STORY_LEAD = 60;

export function emptyLead(): LeadProfile {
  return { names: new Map(), days: new Map() };
}

/** "Corvane" names the same thing as "Corvane Polymers"; "Port Emery" as "Port Emery Regional Transit". */
function sameName(a: string, b: string): boolean {
  return a === b || (a.length < b.length ? b.startsWith(`${a} `) : a.startsWith(`${b} `));
}

export function addLead(p: LeadProfile, lead: LeadFeatures): void {
  for (const n of lead.names) p.names.set(n, (p.names.get(n) ?? 0) + 1);
  for (const d of lead.days) p.days.set(d, (p.days.get(d) ?? 0) + 1);
  // Keeps the most frequent entries so a long-running story's profile stays bounded.
  for (const m of [p.names, p.days] as Array<Map<string | number, number>>) {
    if (m.size <= MAX_STORY_LEAD * 1.5) continue;
    const kept = [...m.entries()]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .slice(0, MAX_STORY_LEAD);
    m.clear();
    for (const [k, c] of kept) m.set(k, c);
  }
}

/** Conflict penalty when two leads report on different places or on days far apart; the reasons. */
export function leadConflict(
  o: StoryClustererOptions,
  names: Iterable<string>,
  days: Iterable<number>,
  other: LeadProfile,
): { penalty: number; reasons: string[] } {
  let penalty = 0;
  const reasons: string[] = [];
  const mine = [...names];
  if (mine.length > 0 && other.names.size > 0) {
    const theirs = [...other.names.keys()];
    if (!mine.some((a) => theirs.some((b) => sameName(a, b)))) {
      penalty += o.leadPlaceConflict;
      reasons.push(`the lead names ${mine.slice(0, 3).join(', ')}, the story's leads ${theirs.slice(0, 3).join(', ')}`);
    }
  }
  const myDays = [...days];
  if (myDays.length > 0 && other.days.size > 0) {
    let gap = Infinity;
    for (const a of myDays) for (const b of other.days.keys()) gap = Math.min(gap, Math.abs(a - b));
    if (gap > o.leadDayTolerance) {
      penalty += o.leadDayConflict;
      reasons.push(`the lead reports on a day ${gap} days from the story's`);
    }
  }
  return { penalty, reasons };
}

/** Lead features from a snapshot; snapshots written before leads were kept have none. */
export function readLead(x: unknown): LeadFeatures | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const l = x as { names?: unknown; days?: unknown };
  const names = Array.isArray(l.names) ? l.names.filter((n): n is string => typeof n === 'string') : [];
  const days = Array.isArray(l.days)
    ? l.days.filter((d): d is number => typeof d === 'number' && Number.isFinite(d))
    : [];
  return { names, days };
}
