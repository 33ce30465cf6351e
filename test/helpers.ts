import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/**
 * Temporary directories for one test file: `make()` gives a fresh one, `cleanup()` (for `afterEach`) removes them
 * all. Permissions are restored first, so a test that made a directory read-only still leaves nothing behind.
 */
export function workspaces(): { make: () => string; cleanup: () => void } {
  const made: Array<{ dir: string; cleanup: () => void }> = [];
  return {
    make: () => {
      const t = tempDir();
      made.push(t);
      return t.dir;
    },
    cleanup: () => {
      for (const t of made.splice(0)) {
        try {
          chmodSync(t.dir, 0o755);
        } catch {
          // already gone
        }
        t.cleanup();
      }
    },
  };
}

/** The SHA-256 of a file's bytes, to show a file was left untouched. */
export const sha256File = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Root ignores file permissions, so tests of unreadable files cannot run as root. */
export const IS_ROOT = process.getuid?.() === 0;
