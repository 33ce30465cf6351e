import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a shipped model file is: the path in the environment variable when set, else `models/<folder>/<file>`
 * at the package root, found from the calling module both as source (`src/<dir>/x.ts`) and as build
 * (`dist/src/<dir>/x.js`), one folder deeper too. `from` is the caller's `import.meta.url`.
 */
export function shippedModelPath(from: string, folder: string, file: string, envVariable: string): string {
  const env = process.env[envVariable];
  if (env) return env;
  const here = path.dirname(fileURLToPath(from));
  // The caller sits one or two folders below src/ (src/syntax, src/quotes/learned), in sources or build.
  const candidates = ['../..', '../../..', '../../../..'].map((up) => path.resolve(here, up, 'models', folder, file));
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}
