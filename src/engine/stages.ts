import type { AnnotatedArticle, SummarySentence, TimelineEvent } from '../model.js';
import type { StoryParts } from './story.js';

/** Assigns articles to stories one at a time and remembers the assignment. */
export interface StoryAssigner {
  add(doc: AnnotatedArticle): { storyId: string };
  members(storyId: string): string[];
  /** Article ids in the story that are copies of another article (wire copies). */
  copies(storyId: string): Set<string>;
  snapshot(): string;
}

interface NaiveState {
  stories: Array<{ id: string; names: string[]; members: string[] }>;
}

/** First version: an article joins the story sharing most entity names with it. */
class NaiveAssigner implements StoryAssigner {
  constructor(private readonly state: NaiveState = { stories: [] }) {}
  add(doc: AnnotatedArticle): { storyId: string } {
    const names = new Set(doc.mentions.map((m) => m.text.split(/\s+/).pop() ?? m.text));
    let best: NaiveState['stories'][number] | undefined;
    let bestShared = 0;
    for (const s of this.state.stories) {
      const shared = s.names.filter((n) => names.has(n)).length;
      if (shared > bestShared) {
        best = s;
        bestShared = shared;
      }
    }
    if (!best || bestShared < 3) {
      best = { id: `s-${doc.article.id.slice(0, 12)}`, names: [], members: [] };
      this.state.stories.push(best);
    }
    best.members.push(doc.article.id);
    best.names = [...new Set([...best.names, ...names])];
    return { storyId: best.id };
  }
  members(storyId: string): string[] {
    return this.state.stories.find((s) => s.id === storyId)?.members ?? [];
  }
  copies(): Set<string> {
    return new Set();
  }
  snapshot(): string {
    return JSON.stringify(this.state);
  }
}

export function newStoryAssigner(): StoryAssigner {
  return new NaiveAssigner();
}

export function restoreStoryAssigner(snapshot: string): StoryAssigner {
  return new NaiveAssigner(JSON.parse(snapshot) as NaiveState);
}

/** Publication dates inferred from siblings; relative expressions re-resolved. */
export function refineDates(docs: AnnotatedArticle[]): AnnotatedArticle[] {
  return docs;
}

export function defaultStoryParts(): StoryParts {
  return {
    timeline: (docs) => {
      const events: TimelineEvent[] = [];
      for (const d of docs) {
        for (const t of d.timexes) {
          if (t.type !== 'date' || !/^\d{4}(-\d{2}){0,2}$/.test(t.value)) continue;
          const s = d.sentences.find((x) => x.start <= t.start && t.end <= x.end);
          const precision = t.value.length === 10 ? 'day' : t.value.length === 7 ? 'month' : 'year';
          events.push({ date: t.value, precision, articleId: d.article.id, start: t.start, end: t.end, text: t.text, sentence: s?.text ?? '' });
        }
      }
      return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    },
    summary: (docs, words) => {
      const out: SummarySentence[] = [];
      let used = 0;
      for (const d of docs) {
        const s = d.sentences[0];
        if (!s) continue;
        const n = s.text.split(/\s+/).length;
        if (used + n > words && out.length > 0) break;
        out.push({ text: s.text, sources: [{ articleId: d.article.id, start: s.start, end: s.end }] });
        used += n;
      }
      return out;
    },
  };
}
