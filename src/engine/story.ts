import type { AnnotatedArticle, Story, StoryEntity, StoryQuote, SummarySentence, TimelineEvent } from '../model.js';
import { resolveEntities } from '../entities/index.js';
import type { Comparison } from '../compare/index.js';
import { linkQuotes } from '../quotes/link.js';
import { independentOutlets } from '../stories/outlets.js';
import { DEFAULT_BRIEF_WORDS } from '../summarize/brief.js';

/** What assembling a story needs besides its articles. */
export interface StoryParts {
  timeline: (docs: AnnotatedArticle[]) => TimelineEvent[];
  summary: (docs: AnnotatedArticle[], words: number) => SummarySentence[];
  compare?: (docs: AnnotatedArticle[]) => Comparison;
}

/**
 * The brief and the outlet comparison of a large story read its first article and its most recent ones:
 * their cost grows faster than the story, and a reader wants what is new.
 */
export const MAX_BRIEF_ARTICLES = 40;

export interface AssembleOptions {
  summaryWords?: number;
  /** Distinct outlets once wire copies are collapsed, when the clusterer knows it. */
  independentSources?: number;
}

/** Articles in publication order (undated last), then by id for determinism. */
export function byPublication(a: AnnotatedArticle, b: AnnotatedArticle): number {
  const da = a.article.published ?? '9999';
  const db = b.article.published ?? '9999';
  return da < db ? -1 : da > db ? 1 : a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0;
}

/**
 * Builds the story view from its annotated articles: entities resolved across articles, quotes with
 * their speakers linked to those entities, the timeline and the cited brief.
 */
export function assembleStory(
  id: string,
  input: AnnotatedArticle[],
  parts: StoryParts,
  opts: AssembleOptions = {},
): Story {
  const docs = [...input].sort(byPublication);
  const entities = resolveEntities(docs);
  const quotes = storyQuotes(docs, entities);
  const recent = docs.length > MAX_BRIEF_ARTICLES ? [docs[0], ...docs.slice(-(MAX_BRIEF_ARTICLES - 1))] : docs;
  const story: Story = {
    id,
    title: storyTitle(docs),
    articleIds: docs.map((d) => d.article.id),
    independentSources: opts.independentSources ?? independentSources(docs),
    entities,
    quotes,
    timeline: parts.timeline(docs),
    summary: parts.summary(recent, opts.summaryWords ?? DEFAULT_BRIEF_WORDS),
  };
  const statements = linkQuotes(docs).filter((s) => s.articles > 1);
  if (statements.length > 0) story.statements = statements;
  // Comparing outlets needs at least two of them.
  if (parts.compare && new Set(recent.map((d) => d.article.source ?? d.article.id)).size > 1) {
    const c = parts.compare(recent);
    story.claims = c.claims;
    story.coverage = { ...c.coverage, byOutlet: c.byOutlet };
    if (c.conflicts.length > 0) story.conflicts = c.conflicts;
    if (c.updates.length > 0) story.updates = c.updates;
  }
  return story;
}

/**
 * Distinct outlets; an article without an outlet counts on its own. Articles carry no copy links, so wire
 * copies cannot be collapsed here: this is the fallback for when the clusterer's count is not at hand.
 */
export function independentSources(docs: AnnotatedArticle[]): number {
  return independentOutlets(docs.map((d) => ({ id: d.article.id, source: d.article.source })));
}

/** The earliest article's headline, else its first sentence cut to a readable length. */
export function storyTitle(docs: AnnotatedArticle[]): string {
  const titled = docs.find((d) => d.article.title);
  if (titled?.article.title) return titled.article.title;
  const first = docs[0];
  if (!first) return '(empty story)';
  const sentence = first.sentences[0]?.text ?? first.article.text.slice(0, 200);
  const words = sentence.split(/\s+/);
  return words.length > 16 ? `${words.slice(0, 16).join(' ')}…` : sentence;
}

function storyQuotes(docs: AnnotatedArticle[], entities: StoryEntity[]): StoryQuote[] {
  // Index entity mentions by article so a speaker span can be matched to its entity.
  const byArticle = new Map<string, Array<{ start: number; end: number; entity: StoryEntity }>>();
  const byName = new Map<string, StoryEntity>();
  for (const e of entities) {
    for (const m of e.mentions) {
      const list = byArticle.get(m.articleId) ?? [];
      list.push({ start: m.start, end: m.end, entity: e });
      byArticle.set(m.articleId, list);
    }
    for (const n of [e.name, ...e.aliases]) if (!byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), e);
  }
  const out: StoryQuote[] = [];
  for (const d of docs) {
    const mentions = byArticle.get(d.article.id) ?? [];
    for (const q of withoutNested(d.quotes)) {
      let speaker: StoryQuote['speaker'] = null;
      if (q.speaker) {
        const span = q.speaker.span;
        let entity: StoryEntity | undefined;
        if (q.speaker.entity !== undefined) {
          const local = d.entities[q.speaker.entity];
          const firstMention = local ? d.mentions[local.mentions[0]] : undefined;
          if (firstMention)
            entity = mentions.find((m) => m.start === firstMention.start && m.end === firstMention.end)?.entity;
        }
        if (!entity && span) entity = mentions.find((m) => m.start < span.end && span.start < m.end)?.entity;
        entity ??= byName.get(q.speaker.name.toLowerCase());
        speaker = entity ? { name: entity.name, entityId: entity.id } : { name: q.speaker.name };
        if (q.speaker.type) speaker.type = q.speaker.type;
      }
      const item: StoryQuote = {
        articleId: d.article.id,
        start: q.start,
        end: q.end,
        text: q.text,
        kind: q.kind,
        speaker,
      };
      if (q.cue) item.cue = q.cue.text;
      out.push(item);
    }
  }
  return out;
}

/**
 * Quotes not inside a longer quote of the same speaker: "she said could take until Thursday" is a
 * partial quote within the reported statement that carries it, and listing both repeats the words.
 */
export function withoutNested<Q extends { start: number; end: number; speaker?: { name: string } | null }>(
  quotes: readonly Q[],
): Q[] {
  const speakerOf = (q: Q): string => q.speaker?.name.toLowerCase() ?? '';
  return quotes.filter(
    (q) =>
      !quotes.some(
        (o) =>
          o !== q &&
          o.start <= q.start &&
          q.end <= o.end &&
          o.end - o.start > q.end - q.start &&
          speakerOf(o) === speakerOf(q),
      ),
  );
}
