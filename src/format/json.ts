import type { AnnotatedArticle, Story, TimexType } from '../model.js';
import { tokenize } from '../text/annotate.js';
import { parseTokens } from '../text/parse.js';

/** Version tag of the JSON exchange format. */
export const FORMAT = 'storyline/1';

export interface JsonArticle {
  id: string;
  path?: string;
  title?: string;
  source?: string;
  sourceInferred?: boolean;
  url?: string;
  byline?: string;
  published?: string;
  publishedInferred: boolean;
  publishedReason?: string;
  text: string;
  timexes: Array<{ start: number; end: number; text: string; type: TimexType; value: string }>;
  /** With `syntax`: the sentences. */
  sentences?: Array<{ start: number; end: number; text: string }>;
  /** With `syntax`: every syntactic word with its tags, lemma and dependency. */
  tokens?: JsonToken[];
}

/** A syntactic word; `head` indexes the article's `tokens` (-1 for a sentence root). */
export interface JsonToken {
  start: number;
  end: number;
  text: string;
  sentence: number;
  upos: string;
  xpos: string;
  lemma: string;
  head: number;
  deprel: string;
}

export interface JsonOptions {
  /** Include sentences and the parsed tokens of each article. */
  syntax?: boolean;
}

/** The `storyline/1` document: articles with their time expressions, and the stories they form. */
export interface StorylineJson {
  format: typeof FORMAT;
  articles: JsonArticle[];
  stories: Story[];
}

export function toJsonArticle(doc: AnnotatedArticle, opts: JsonOptions = {}): JsonArticle {
  const a = doc.article;
  const out: JsonArticle = { id: a.id, publishedInferred: a.publishedInferred, text: a.text, timexes: [] };
  if (a.path !== undefined) out.path = a.path;
  if (a.title !== undefined) out.title = a.title;
  if (a.source !== undefined) out.source = a.source;
  if (a.sourceInferred) out.sourceInferred = true;
  if (a.url !== undefined) out.url = a.url;
  if (a.byline !== undefined) out.byline = a.byline;
  if (a.published !== undefined) out.published = a.published;
  if (a.publishedReason !== undefined) out.publishedReason = a.publishedReason;
  out.timexes = doc.timexes.map((t) => ({ start: t.start, end: t.end, text: t.text, type: t.type, value: t.value }));
  if (opts.syntax) {
    out.sentences = doc.sentences.map((s) => ({ start: s.start, end: s.end, text: s.text }));
    // Stored articles come back without tokens or unparsed; the caller's tokens are never changed.
    const base = doc.tokens.length > 0 ? doc.tokens : tokenize(doc.article.text, doc.sentences);
    const tokens = base.some((t) => t.head === undefined) ? parseTokens(base.map((t) => ({ ...t }))) : base;
    out.tokens = tokens.map((t) => ({
      start: t.start,
      end: t.end,
      text: t.text,
      sentence: t.sentence,
      upos: t.upos ?? 'X',
      xpos: t.xpos ?? 'XX',
      lemma: t.lemma ?? t.text,
      head: t.head ?? -1,
      deprel: t.deprel ?? 'dep',
    }));
  }
  return out;
}

export function toStorylineJson(docs: AnnotatedArticle[], stories: Story[], opts: JsonOptions = {}): StorylineJson {
  return { format: FORMAT, articles: docs.map((d) => toJsonArticle(d, opts)), stories };
}
