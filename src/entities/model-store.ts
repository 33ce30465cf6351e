import { readFileSync } from 'node:fs';
import { NerModel, NerModelError } from './tagger.js';
import { shippedModelPath } from '../learn/model-path.js';

export const MODEL_FILE = 'ner-conll2003.bin.gz';

/** The shipped NER model (or the file named by STORYLINE_NER_MODEL). */
export function defaultModelPath(): string {
  return shippedModelPath(import.meta.url, 'ner', MODEL_FILE, 'STORYLINE_NER_MODEL');
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
