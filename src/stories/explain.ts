import type { ArticleFeatures, FeatureGroup } from './features.js';
import { leadConflict } from './lead.js';
import type { StoryState } from './records.js';
import type { ClusterState } from './state.js';
import type { Explanation, SharedFeature } from './types.js';
import type { Vectors } from './vectors.js';
import { timeFactor } from './weights.js';

/** The explanation of a placement made without scoring candidates (a copy, a repeat, a replayed decision). */
export function unscored(
  threshold: number,
  decision: Explanation['decision'],
  score: number,
  summary: string,
): Explanation {
  return {
    decision,
    score,
    threshold,
    similarities: { entity: 0, term: 0, number: 0, date: 0, quote: 0 },
    sharedEntities: [],
    sharedTerms: [],
    sharedDates: [],
    sharedNumbers: [],
    sharedQuoteShingles: 0,
    candidates: 0,
    summary,
  };
}

/**
 * Why an article joined `story` or started a new one: the story is scored again with each shared feature's
 * contribution kept, so the explanation names what the score is made of. `other` is the runner-up.
 */
export function explain(
  state: ClusterState,
  f: ArticleFeatures,
  vec: Vectors,
  story: StoryState | undefined,
  candidates: number,
  other: { s: StoryState; score: number } | undefined,
  joins: boolean,
): Explanation {
  const sims = { entity: 0, term: 0, number: 0, date: 0, quote: 0 };
  const threshold = state.options.threshold;
  if (!story) {
    return {
      decision: 'new',
      score: 0,
      threshold,
      similarities: sims,
      sharedEntities: [],
      sharedTerms: [],
      sharedDates: [],
      sharedNumbers: [],
      sharedQuoteShingles: 0,
      candidates,
      summary: 'No active story shares a salient name, term or quotation with this article, so it starts a new story.',
    };
  }
  const detail = new Map<FeatureGroup, Array<[string, number]>>();
  const time = timeFactor(state.options, f.day, story.firstDay, story.lastDay);
  const cmp = state.weights.compare(vec, story.centroid, time, detail);
  const s = cmp.sims;
  const conflict = leadConflict(state.options, f.lead.names, f.lead.days, story.lead);
  const score = cmp.score + conflict.penalty;
  const top = (g: FeatureGroup, n: number): SharedFeature[] =>
    (detail.get(g) ?? [])
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, n)
      .map(([k, w]) => ({ name: f.labels.get(k) ?? k.slice(2), weight: Math.round(w * 1000) / 1000 }));
  const sharedEntities = top('entity', 8);
  const sharedTerms = top('term', 8);
  const sharedDates = top('date', 6).map((x) => x.name);
  const sharedNumbers = top('number', 6).map((x) => x.name);
  const sharedQuoteShingles = detail.get('quote')?.length ?? 0;
  const parts: string[] = [];
  if (sharedEntities.length)
    parts.push(
      `names ${sharedEntities
        .slice(0, 4)
        .map((e) => e.name)
        .join(', ')}`,
    );
  if (sharedTerms.length)
    parts.push(
      `terms ${sharedTerms
        .slice(0, 4)
        .map((e) => e.name)
        .join(', ')}`,
    );
  if (sharedDates.length) parts.push(`dates ${sharedDates.slice(0, 3).join(', ')}`);
  if (sharedNumbers.length) parts.push(`numbers ${sharedNumbers.slice(0, 3).join(', ')}`);
  if (sharedQuoteShingles) parts.push(`${sharedQuoteShingles} quoted word sequences`);
  const shared = parts.length ? `shares ${parts.join('; ')}` : 'shares little';
  const when =
    (time.gap !== undefined ? ` and is ${time.gap} days from it` : '') +
    (conflict.reasons.length ? `, but ${conflict.reasons.join(' and ')}` : '');
  const summary = joins
    ? `Joins ${story.id}: ${shared}${when} (score ${score.toFixed(3)} ≥ ${threshold}).`
    : `Starts a new story: the closest, ${story.id}, ${shared}${when} (score ${score.toFixed(3)} < ${threshold}).`;
  return {
    decision: joins ? 'joined' : 'new',
    score,
    threshold,
    similarities: s,
    sharedEntities,
    sharedTerms,
    sharedDates,
    sharedNumbers,
    sharedQuoteShingles,
    daysApart: time.gap,
    candidates,
    runnerUp:
      other && other.s !== story
        ? { storyId: other.s.id, score: other.score }
        : joins
          ? undefined
          : { storyId: story.id, score },
    summary,
  };
}
