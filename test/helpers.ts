import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { run, Output } from '../src/cli/main.js';

/** A fresh temporary directory, removed by the returned cleanup function. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The shared example articles, when the shared folder is beside the project. */
export const EXAMPLES_DIR = resolve(process.env.STORYLINE_EXAMPLES ?? '../shared/examples');
export const HAVE_EXAMPLES = existsSync(EXAMPLES_DIR);

/** Runs the CLI in-process and captures what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = new Output();
  let stdout = '';
  let stderr = '';
  io.out = (s) => {
    stdout += s.endsWith('\n') ? s : `${s}\n`;
  };
  io.err = (s) => {
    stderr += s.endsWith('\n') ? s : `${s}\n`;
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
