import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NerModel, NerModelError } from './tagger.js';

export const MODEL_FILE = 'ner-conll2003.bin.gz';

/** The shipped model, found next to the sources (src/entities) or the build (dist/src/entities). */
export function defaultModelPath(): string {
  const env = process.env.STORYLINE_NER_MODEL;
  if (env) return env;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.resolve(here, '../../models/ner', MODEL_FILE),
    path.resolve(here, '../../../models/ner', MODEL_FILE),
  ];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}

export function loadModel(file: string): NerModel {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    throw new NerModelError(
      `Cannot read NER model "${file}": ${(err as Error).message}. Train one with \`npx tsx scripts/train-ner.ts\` or set STORYLINE_NER_MODEL.`,
    );
  }
  return NerModel.deserialize(buf);
}

let cached: NerModel | undefined;

/** The default model, loaded on first use and kept for the life of the process. */
export function defaultModel(): NerModel {
  cached ??= loadModel(defaultModelPath());
  return cached;
}
