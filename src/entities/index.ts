import type { AnnotatedArticle, StoryEntity } from '../model.js';

/**
 * Finds entity mentions and groups them into within-article entities.
 * First version: runs of capitalised proper-noun tokens inside a sentence.
 */
export function annotateEntities(doc: AnnotatedArticle): AnnotatedArticle {
  const mentions: AnnotatedArticle['mentions'] = [];
  const text = doc.article.text;
  let run: typeof doc.tokens = [];
  const flush = (): void => {
    if (run.length > 0) {
      const start = run[0].start;
      const end = run[run.length - 1].end;
      mentions.push({ start, end, text: text.slice(start, end), type: 'person' });
    }
    run = [];
  };
  for (const tok of doc.tokens) {
    if (tok.pos === 'PROPN' && /^\p{Lu}/u.test(tok.text) && (run.length === 0 || run[run.length - 1].sentence === tok.sentence)) run.push(tok);
    else flush();
  }
  flush();
  return { ...doc, mentions };
}

/** Resolves within-article entities across articles. First version: exact name match. */
export function resolveEntities(docs: AnnotatedArticle[]): StoryEntity[] {
  const byName = new Map<string, StoryEntity>();
  for (const d of docs) {
    for (const m of d.mentions) {
      let e = byName.get(m.text);
      if (!e) {
        e = { id: `e${byName.size + 1}`, name: m.text, type: m.type, aliases: [], roles: [], mentions: [] };
        byName.set(m.text, e);
      }
      e.mentions.push({ articleId: d.article.id, start: m.start, end: m.end, text: m.text });
    }
  }
  return [...byName.values()];
}
