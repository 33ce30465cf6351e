import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DependencyParser, ParserModelError } from './parser.js';

export const PARSER_MODEL_FILE = 'parser.bin.gz';

/** The shipped model, found next to the sources (src/syntax) or the build (dist/src/syntax). */
export function defaultParserPath(): string {
  const env = process.env.STORYLINE_PARSER_MODEL;
  if (env) return env;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.resolve(here, '../../models/syntax', PARSER_MODEL_FILE),
    path.resolve(here, '../../../models/syntax', PARSER_MODEL_FILE),
  ];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
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
