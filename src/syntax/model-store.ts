import { readFileSync } from 'node:fs';
import { DependencyParser, ParserModelError } from './parser.js';
import { shippedModelPath } from '../learn/model-path.js';

export const PARSER_MODEL_FILE = 'parser.bin.gz';

/** The shipped parser (or the file named by STORYLINE_PARSER_MODEL). */
export function defaultParserPath(): string {
  return shippedModelPath(import.meta.url, 'syntax', PARSER_MODEL_FILE, 'STORYLINE_PARSER_MODEL');
}

const REBUILD = 'Train one with `npm run train:syntax` or set STORYLINE_PARSER_MODEL.';

export function loadParser(file: string): DependencyParser {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    throw new ParserModelError(`Cannot read parser model "${file}": ${(err as Error).message}. ${REBUILD}`);
  }
  try {
    return DependencyParser.deserialize(buf);
  } catch (err) {
    throw new ParserModelError(`Cannot load parser model "${file}": ${(err as Error).message}. ${REBUILD}`);
  }
}

let cached: DependencyParser | undefined;

/** The default parser, loaded on first use and kept for the life of the process. */
export function defaultParser(): DependencyParser {
  cached ??= loadParser(defaultParserPath());
  return cached;
}
