import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnnotatedArticle, Article } from '../../src/model.js';
import { annotateText } from '../../src/text/annotate.js';

export const examplesDir = path.resolve(
  process.env.STORYLINE_EXAMPLES ??
    (process.env.STORYLINE_DATA ? path.join(process.env.STORYLINE_DATA, '..', 'examples') : '../shared/examples'),
);
export const haveExamples = existsSync(examplesDir) && readdirSync(examplesDir).some((f) => f.endsWith('.txt'));

/** Reads the example articles; a leading " date YYYY-MM-DD " header becomes the publication date. */
export function loadExamples(): AnnotatedArticle[] {
  return readdirSync(examplesDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f, i) => {
      let text = readFileSync(path.join(examplesDir, f), 'utf8');
      let published: string | undefined;
      const m = text.match(/^\s*date (\d{4}-\d{2}-\d{2}) /);
      if (m) {
        published = m[1];
        text = text.slice(m[0].length);
      }
      const article: Article = { id: `ex${i}`, text, published, publishedInferred: false };
      return annotateText(article);
    });
}

export function makeArticle(id: string, text: string, extra: Partial<Article> = {}): AnnotatedArticle {
  return annotateText({ id, text, publishedInferred: false, ...extra });
}
