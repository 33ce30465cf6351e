/**
 * The rules of a batch, written once for every SQL store: which articles are new, how stories and their
 * members are written, when a membership version moves on, when a view may be written, what is logged.
 * The statements are the dialect's (`dialect.ts`); the transaction around them is the store's.
 */
import type { Article, Membership } from '../model.js';
import { outletOf } from './codec.js';
import { type BatchDialect, type Rules, step } from './dialect.js';
import { type Batch, type BatchResult, StoreError } from './types.js';

/** Writes a batch through `d`, inside a transaction the caller has opened (and rolls back if this throws). */
export function* batchRules(d: BatchDialect, batch: Batch, now = new Date().toISOString()): Rules<BatchResult> {
  const result: BatchResult = { inserted: [], existing: [], lastSeq: 0, versions: {}, staleViews: [] };

  const fresh = yield* step(d.insertArticles(batch.articles, now));
  for (const [i, doc] of batch.articles.entries()) {
    if (fresh[i]) {
      result.inserted.push(doc.article.id);
      continue;
    }
    result.existing.push(doc.article.id);
    // Re-analysis (inferred dates, better annotations) refreshes the stored annotations.
    yield* step(d.updateArticle(doc));
  }

  const inBatch = new Map(batch.articles.map((doc) => [doc.article.id, doc.article]));
  const vacated = new Set<string>();
  for (const story of batch.stories) {
    const { dates, outlets } = yield* datesAndOutlets(d, story.articleIds, inBatch);
    // Only new members are written; a story that loses its last article to another is removed below.
    const have = new Set(yield* step(d.memberIds(story.id)));
    const added = story.articleIds.filter((id) => !have.has(id));
    const write = {
      story,
      outlets: [...outlets].sort(),
      firstPublished: dates[0] ?? null,
      lastPublished: dates[dates.length - 1] ?? null,
      bump: added.length > 0,
    };
    yield* step(d.upsertStory(write, now));
    const why = new Map((story.membership ?? []).map((m) => [m.articleId, m]));
    for (const left of yield* step(d.addMembers(story.id, added, why))) vacated.add(left);
    // A manual decision replaces the recorded reason of members already there; other rebuilds keep it.
    const manual = story.articleIds
      .filter((id) => have.has(id) && why.get(id)?.decision === 'manual')
      .map((id) => why.get(id) as Membership);
    if (manual.length > 0) yield* step(d.setMemberships(manual));
  }

  for (const { storyId, added, independentSources } of batch.members ?? []) {
    const before = yield* step(d.storyColumns(storyId));
    if (!before) throw new StoreError(`story ${storyId} does not exist: its new members cannot be recorded`);
    const ids = added.map((m) => m.articleId);
    const why = new Map(added.map((m) => [m.articleId, m]));
    for (const left of yield* step(d.addMembers(storyId, ids, why))) vacated.add(left);
    const { dates, outlets } = yield* datesAndOutlets(d, ids, inBatch);
    const all = [...new Set([...before.outlets, ...outlets])].sort();
    yield* step(d.growStory({ storyId, independentSources, outlets: all, addedDates: dates, before }, now));
  }

  // A story that lost members has a view that no longer matches them.
  if (vacated.size > 0) yield* step(d.vacate([...vacated]));

  for (const { story, version } of batch.views ?? []) {
    if (!(yield* step(d.writeViewIfVersion(story, version, now)))) result.staleViews.push(story.id);
  }

  const touched = [...batch.stories.map((s) => s.id), ...(batch.members ?? []).map((m) => m.storyId)];
  if (touched.length > 0) {
    const versions = yield* step(d.versions(touched));
    for (const id of touched) {
      const v = versions.get(id);
      if (v !== undefined) result.versions[id] = v;
    }
  }

  const state = Object.entries(batch.state ?? {});
  if (state.length > 0) yield* step(d.putState(state));
  if (batch.compactLog) yield* step(d.compactLog(batch.compactLog.afterSeq, batch.compactLog.throughSeq));
  if (batch.log && batch.log.length > 0) yield* step(d.appendLog(batch.log));
  if (batch.completeJobs && batch.completeJobs.length > 0) yield* step(d.completeJobs(batch.completeJobs));
  result.lastSeq = yield* step(d.lastSeq());
  // Delivered to listeners only if the transaction commits.
  yield* step(d.signalChange());
  return result;
}

/** Publication dates (sorted) and outlets of these articles: from the batch when they are in it, else stored. */
function* datesAndOutlets(
  d: BatchDialect,
  ids: string[],
  inBatch: Map<string, Article>,
): Rules<{ dates: string[]; outlets: Set<string> }> {
  const missing = ids.filter((id) => !inBatch.has(id));
  const stored = missing.length > 0 ? yield* step(d.articleFacts(missing)) : new Map<never, never>();
  const dates: string[] = [];
  const outlets = new Set<string>();
  for (const id of ids) {
    const a = inBatch.get(id);
    const published = a ? a.published : stored.get(id)?.published;
    const source = a ? outletOf(a) : stored.get(id)?.source;
    if (published) dates.push(published);
    if (source) outlets.add(source);
  }
  dates.sort();
  return { dates, outlets };
}
