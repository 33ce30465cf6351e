import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnnotatedArticle } from '../../src/model.js';
import { annotateText } from '../../src/text/annotate.js';
import { annotateEntities } from '../../src/entities/index.js';

export const DATA_DIR = process.env.STORYLINE_DATA ?? path.resolve('../shared/data');
export const EXAMPLES = path.resolve(process.env.STORYLINE_EXAMPLES ?? '../shared/examples');
export const HAVE_EXAMPLES = existsSync(EXAMPLES);

/** Runs the text and entity stages over a text. */
export function entitiesOf(text: string, id = 'test'): AnnotatedArticle {
  return annotateEntities(annotateText({ id, text, publishedInferred: false }));
}

/** An example article with its leading date header removed. */
export function example(file: string): string {
  return readFileSync(path.join(EXAMPLES, file), 'utf8').replace(/^\s*date \d{4}-\d{2}-\d{2} /, '');
}

/** The entity (by name) of an annotated article, or undefined. */
export function entityNamed(doc: AnnotatedArticle, name: string): AnnotatedArticle['entities'][number] | undefined {
  return doc.entities.find((e) => e.name === name);
}

/** Every mention's text is exactly the text it points at, and entity links are consistent. */
export function checkInvariants(doc: AnnotatedArticle): void {
  const text = doc.article.text;
  doc.mentions.forEach((m, i) => {
    if (m.text !== text.slice(m.start, m.end)) throw new Error(`mention ${i} text mismatch: ${JSON.stringify(m)}`);
    if (m.start < 0 || m.end > text.length || m.start >= m.end) throw new Error(`mention ${i} out of range`);
    if (m.entity === undefined || !doc.entities[m.entity]?.mentions.includes(i))
      throw new Error(`mention ${i} not linked to its entity`);
  });
  doc.entities.forEach((e, ei) => {
    for (const m of e.mentions)
      if (doc.mentions[m]?.entity !== ei) throw new Error(`entity ${ei} lists mention ${m} of another entity`);
  });
}
