/**
 * The per-story stages, declared in one place as the per-article ones are in `src/pipeline.ts`: each names the
 * fields of the story it reads and assigns, and `runStages` runs them with one error policy and one timer.
 */
import type { AnnotatedArticle, Story, StoryEntity, StoryQuote, SummarySentence, TimelineEvent } from '../model.js';
import { buildTimeline, inferPublicationDates } from '../time/index.js';
import { briefStory } from '../summarize/index.js';
import { compareArticles, type Comparison } from '../compare/index.js';
import { resolveEntities } from '../entities/index.js';
import { linkQuotes } from '../quotes/link.js';
import { independentOutlets } from '../stories/outlets.js';
import { runStages, type Stage, type StageContext } from './run-stages.js';

/** What assembling a story needs besides its articles: the stages a caller may replace. */
export interface StoryParts {
  timeline: (docs: AnnotatedArticle[]) => TimelineEvent[];
  summary: (docs: AnnotatedArticle[], words: number) => SummarySentence[];
  compare?: (docs: AnnotatedArticle[]) => Comparison;
}

/** A story while its stages run: the inputs (`id`, `articles`) and the fields of `Story` assigned so far. */
export interface StoryDraft extends Partial<Omit<Story, 'id'>> {
  id: string;
  /** The story's articles, in publication order once assembly starts. */
  articles: AnnotatedArticle[];
}

/** Settings of one story's assembly. */
export interface StoryContext extends StageContext {
  parts: StoryParts;
  /** Length of the brief in words. */
  summaryWords: number;
  /** Distinct outlets once wire copies are collapsed, when the clusterer knows it. */
  independentSources?: number;
}

export type StoryStage = Stage<StoryDraft, StoryContext>;

/** The fields a story's stages start from. */
export const STORY_INPUTS: readonly (keyof StoryDraft)[] = ['id', 'articles'];

/**
 * The brief and the outlet comparison of a large story read its first article and its most recent ones:
 * their cost grows faster than the story, and a reader wants what is new.
 */
export const MAX_BRIEF_ARTICLES = 40;

/** The articles the brief and the comparison read: all of them, or the first and the most recent. */
export function briefArticles(docs: AnnotatedArticle[]): AnnotatedArticle[] {
  return docs.length > MAX_BRIEF_ARTICLES ? [docs[0], ...docs.slice(-(MAX_BRIEF_ARTICLES - 1))] : docs;
}

/**
 * Publication dates inferred from sibling articles, relative expressions re-resolved. The engine runs it
 * before `STORY_STAGES` (through `refineDates`), since it stores the articles whose dates changed.
 */
export const DATE_STAGE: Stage<StoryDraft, StageContext> = {
  name: 'dates',
  requires: ['articles'],
  assigns: ['articles'],
  run: (d) => ({ ...d, articles: inferPublicationDates(d.articles) }),
};

/**
 * The per-story stages, in order. Entities are resolved across articles first, since quotes link their
 * speakers to them; the timeline, the brief and the comparison come from the caller's `StoryParts`.
 */
export const STORY_STAGES: readonly StoryStage[] = [
  {
    name: 'header',
    requires: ['articles'],
    assigns: ['title', 'articleIds', 'independentSources'],
    run: (d, ctx) => ({
      ...d,
      title: storyTitle(d.articles),
      articleIds: d.articles.map((a) => a.article.id),
      independentSources: ctx.independentSources ?? independentSources(d.articles),
    }),
  },
  {
    name: 'entities',
    requires: ['articles'],
    assigns: ['entities'],
    run: (d) => ({ ...d, entities: resolveEntities(d.articles) }),
  },
  {
    name: 'quotes',
    requires: ['articles', 'entities'],
    assigns: ['quotes'],
    run: (d) => ({ ...d, quotes: storyQuotes(d.articles, d.entities ?? []) }),
  },
  {
    name: 'timeline',
    requires: ['articles'],
    assigns: ['timeline'],
    run: (d, ctx) => ({ ...d, timeline: ctx.parts.timeline(d.articles) }),
  },
  {
    name: 'summary',
    requires: ['articles'],
    assigns: ['summary'],
    run: (d, ctx) => ({ ...d, summary: ctx.parts.summary(briefArticles(d.articles), ctx.summaryWords) }),
  },
  {
    name: 'statements',
    requires: ['articles'],
    assigns: ['statements'],
    run: (d) => {
      const statements = linkQuotes(d.articles).filter((s) => s.articles > 1);
      return statements.length > 0 ? { ...d, statements } : d;
    },
  },
  {
    name: 'compare',
    requires: ['articles'],
    assigns: ['claims', 'coverage', 'conflicts', 'updates'],
    run: (d, ctx) => {
      const recent = briefArticles(d.articles);
      // Comparing outlets needs at least two of them.
      if (!ctx.parts.compare || new Set(recent.map((a) => a.article.source ?? a.article.id)).size <= 1) return d;
      const c = ctx.parts.compare(recent);
      const out: StoryDraft = { ...d, claims: c.claims, coverage: { ...c.coverage, byOutlet: c.byOutlet } };
      if (c.conflicts.length > 0) out.conflicts = c.conflicts;
      if (c.updates.length > 0) out.updates = c.updates;
      return out;
    },
  },
];

/** Publication dates inferred from sibling articles; relative expressions re-resolved. */
export function refineDates(docs: AnnotatedArticle[]): AnnotatedArticle[] {
  return runStages([DATE_STAGE], { id: '', articles: docs }, {}).articles;
}

/** The story-level stages a caller may replace: timeline, cited brief and outlet comparison. */
export function defaultStoryParts(): StoryParts {
  return {
    timeline: (docs) => buildTimeline(docs),
    summary: (docs, words) => briefStory(docs, { words }),
    compare: (docs) => compareArticles(docs),
  };
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

/** The story's quotes, each speaker linked to the story entity it names. */
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
