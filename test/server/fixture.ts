import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Engine } from '../../src/engine/engine.js';
import { makeArticle, parseTextFile } from '../../src/ingest/parse.js';
import type { Article } from '../../src/model.js';
import { openStore, type Store } from '../../src/store/index.js';

export const EXAMPLES = path.resolve('examples');

export function exampleArticles(): Article[] {
  return readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const { body, meta } = parseTextFile(readFileSync(path.join(EXAMPLES, f), 'utf8'), f);
      return makeArticle(body, meta);
    });
}

/** An in-memory store holding the example corpus. */
export async function exampleStore(): Promise<Store> {
  const store = await openStore(':memory:');
  await new Engine(store).ingest(exampleArticles());
  return store;
}
