import type { Signature } from './dedup.js';
import { StoryClustererError } from './errors.js';
import { explain, unscored } from './explain.js';
import { FEATURE_GROUPS, type ArticleFeatures } from './features.js';
import { leadConflict } from './lead.js';
import { packVectors } from './packed.js';
import type { StoryState } from './records.js';
import type { ClusterState } from './state.js';
import type { AddDecision, Assignment, PreparedArticle } from './types.js';
import { unitVectors, type Vectors } from './vectors.js';
import { timeFactor } from './weights.js';

/** The answer for an article that was already added: where it is, unchanged. */
export function repeatOf(state: ClusterState, id: string): Assignment | undefined {
  const existing = state.articleStory.get(id);
  if (existing === undefined) return undefined;
  return {
    storyId: existing,
    isNew: false,
    score: 1,
    explanation: unscored(state.options.threshold, 'repeat', 1, `Article ${id} was already added to ${existing}.`),
  };
}

/**
 * Places a prepared article: a copy of an indexed original joins the original's story; otherwise the
 * candidate stories are scored and the article joins the best one above the threshold or starts a story,
 * filed under the closest topic. With `decided`, the scoring is skipped and the decision applied.
 */
export function assignPrepared(state: ClusterState, prepared: PreparedArticle, decided?: AddDecision): Assignment {
  const o = state.options;
  const { features } = prepared;
  const id = features.id;
  const repeat = repeatOf(state, id);
  if (repeat) return repeat;
  state.lastScored = 0;
  const day = features.day;
  if (day !== undefined && (state.clockDay === undefined || day > state.clockDay)) {
    state.clockDay = day;
    state.retire();
  }

  // Copies of an indexed original go to the original's story and add nothing to its profile.
  // The body only: syndicated copies often carry a new headline.
  const sig = state.dedupIndex ? prepared.signature : undefined;
  if (sig && state.dedupIndex) {
    const match = state.dedupIndex.query(sig);
    const storyId = match ? state.articleStory.get(match.id) : undefined;
    const story = storyId !== undefined ? state.stories.get(storyId) : undefined;
    if (match && story) {
      state.n++;
      state.duplicates++;
      state.attach(story, { id, source: features.source, day, duplicateOf: match.id });
      const explanation = unscored(
        o.threshold,
        'duplicate',
        match.jaccard,
        `Copy of ${match.id} (estimated Jaccard ${match.jaccard.toFixed(2)}, ` +
          `containment ${match.containment.toFixed(2)}), so it joins that article's story ${story.id}.`,
      );
      explanation.duplicate = { articleId: match.id, ...match };
      return { storyId: story.id, isNew: false, score: match.jaccard, duplicateOf: match.id, explanation };
    }
  }

  if (decided) checkDecision(state, id, decided);
  state.n++;
  for (const g of FEATURE_GROUPS) state.weights.countFeatures(features.groups[g].keys());
  state.weights.refresh(state.n);
  const vec = unitVectors(features);
  if (decided) return applyDecision(state, id, features, vec, sig, decided);

  const cands = state.postings.candidates(vec, day, state.n);
  state.lastScored = cands.length;
  state.scoredTotal += cands.length;
  let best: { s: StoryState; score: number } | undefined;
  let second: { s: StoryState; score: number } | undefined;
  /** The closest story before lead conflicts: the same kind of event even when it happened elsewhere. */
  let kin: { s: StoryState; score: number } | undefined;
  for (const s of cands) {
    const time = timeFactor(o, day, s.firstDay, s.lastDay);
    const raw = state.weights.compare(vec, s.centroid, time).score;
    const score = raw + leadConflict(o, features.lead.names, features.lead.days, s.lead).penalty;
    if (!kin || raw > kin.score) kin = { s, score: raw };
    if (!best || score > best.score) {
      second = best;
      best = { s, score };
    } else if (!second || score > second.score) second = { s, score };
  }
  const joins = best !== undefined && best.score >= o.threshold;
  const explanation = explain(state, features, vec, best?.s, cands.length, joins ? second : best, joins);
  // Topics of the candidate stories, scored on their own centroids.
  const topicScores = new Map<string, number>();
  for (const s of cands) {
    const t = state.topicOf(s);
    if (topicScores.has(t)) continue;
    const ts = state.topics.state(t);
    const time = timeFactor(o, day, ts.firstDay, ts.lastDay);
    topicScores.set(t, state.weights.compare(vec, ts.centroid, time, undefined, o.topicWeights, false).score);
  }
  let bestTopic: string | undefined;
  for (const [t, sc] of topicScores)
    if (sc >= o.topicThreshold && (bestTopic === undefined || sc > (topicScores.get(bestTopic) as number)))
      bestTopic = t;
  if (!joins && kin && kin.score >= o.threshold) bestTopic = state.topicOf(kin.s);
  const story = joins && best ? best.s : state.createStory(id, bestTopic);
  // An article close to two topics shows they are one.
  const links = [...topicScores].filter(([, sc]) => sc >= o.topicLinkThreshold).map(([t]) => t);
  place(state, story, id, features, vec, sig, links);
  const decision: AddDecision = { storyId: story.id, isNew: !joins };
  if (!joins && bestTopic !== undefined) decision.topic = bestTopic;
  if (links.length > 0) decision.links = links;
  return { storyId: story.id, isNew: !joins, score: best?.score ?? 0, explanation, decision };
}

/** The state changes of placing a scored article in `story`. */
function place(
  state: ClusterState,
  story: StoryState,
  id: string,
  features: ArticleFeatures,
  vec: Vectors,
  sig: Signature | undefined,
  links: string[],
): void {
  const day = features.day;
  if (state.dedupIndex && sig) {
    state.dedupIndex.add(id, sig);
    if (day !== undefined) state.dedupHeap.push(day, id);
  }
  state.attach(story, { id, source: features.source, day, vec: packVectors(vec, state.keys), lead: features.lead });
  state.topics.add(story.topic, vec, day);
  for (const t of links) state.topics.join(story.topic, t);
}

/** Refuses, before anything changes, a decision that does not fit this clusterer's state. */
function checkDecision(state: ClusterState, id: string, d: AddDecision): void {
  if (d.isNew) {
    const next = state.newStoryId(id);
    if (next !== d.storyId)
      throw new StoryClustererError(
        `replaying ${id}: the new story would be ${next}, the decision says ${d.storyId}; the states differ`,
      );
  } else if (!state.stories.has(d.storyId)) {
    throw new StoryClustererError(`replaying ${id}: story ${d.storyId} is unknown here; the states differ`);
  }
}

function applyDecision(
  state: ClusterState,
  id: string,
  features: ArticleFeatures,
  vec: Vectors,
  sig: Signature | undefined,
  d: AddDecision,
): Assignment {
  const story = d.isNew ? state.createStory(id, d.topic) : state.getStory(d.storyId);
  place(state, story, id, features, vec, sig, d.links ?? []);
  return {
    storyId: story.id,
    isNew: d.isNew,
    score: 0,
    decision: d,
    explanation: unscored(
      state.options.threshold,
      d.isNew ? 'new' : 'joined',
      0,
      `Placed in ${story.id} as decided when the article was first added.`,
    ),
  };
}
