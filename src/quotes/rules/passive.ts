import type { Pass } from './context.js';

/**
 * A passive cue: a form of "be" and a participle ("was reported", "have been told", "is widely expected"). Not
 * "was quoted" (its subject is the speaker) nor states of mind ("is convinced", "were outraged").
 */
const PASSIVE_CUE =
  /\b(?:is|are|was|were|be|been|being|’s|'s)(?:\s+\w+ly)?\s+(?!(?:quoted|concerned|convinced|worried|outraged|shocked|surprised|excited|determined|scared|startled|mystified|impressed|disappointed|pleased|opposed|divided|torn|prepared|inclined)\b)\w+(?:ed|en|wn|ld|id|ght|nt)$/i;
/** Words after a passive cue that start a time or place, not reported words ("was reported at 6:40 a.m."). */
const PASSIVE_NOT_SPEECH = new Set(['at', 'on', 'about', 'against', 'into', 'upon', 'out', 'over', 'during']);

/** True for a passive cue ("were ordered", "is widely expected"). */
export function isPassiveCue(cue: string): boolean {
  return PASSIVE_CUE.test(cue);
}

/**
 * Passive cues ("was reported", "were ordered", "is expected"): the subject before the cue is what is
 * reported or who is addressed, not the source, so it is not kept as one. A passive cue followed by a time
 * or a place ("was reported at 6:40 a.m.", "was posted on the site") reports an event, not words.
 */
export const passives: Pass = (ctx, attributions) => {
  const dropped = new Set<string>();
  const out = attributions.flatMap((a) => {
    if (!a.cue || !PASSIVE_CUE.test(ctx.text.slice(a.cue.start, a.cue.end))) return [a];
    const next = /^\s*([\p{L}\d]+)/u.exec(ctx.text.slice(a.cue.end, a.cue.end + 24))?.[1].toLowerCase();
    if (a.kind !== 'direct' && next && (/^\d/.test(next) || PASSIVE_NOT_SPEECH.has(next))) {
      dropped.add(a.id);
      return [];
    }
    if (a.source && a.source.end <= a.cue.start) {
      const { source: _source, sourceExtent: _extent, ...rest } = a;
      return [rest];
    }
    return [a];
  });
  if (dropped.size === 0) return out;
  // Links to what was dropped go with it.
  return out.map((a) => {
    if (
      !(a.continues !== undefined && dropped.has(a.continues)) &&
      !(a.inherits !== undefined && dropped.has(a.inherits))
    )
      return a;
    const b = { ...a };
    if (b.continues !== undefined && dropped.has(b.continues)) delete b.continues;
    if (b.inherits !== undefined && dropped.has(b.inherits)) delete b.inherits;
    return b;
  });
};
