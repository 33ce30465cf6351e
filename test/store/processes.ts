import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Starts a process that takes the write lock of `file` (`BEGIN IMMEDIATE`) and holds it for `ms`;
 * resolves once it holds it, with a promise of its end.
 */
export async function holdWriteLock(file: string, ms: number): Promise<{ done: Promise<void> }> {
  const script = `
    const Database = require(${JSON.stringify(BETTER_SQLITE3)});
    const db = new Database(${JSON.stringify(file)});
    db.pragma('journal_mode = WAL'); // as another Storyline writer has it
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${ms});
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<void>((res, rej) => {
    child.on('exit', (code) => (code === 0 ? res() : rej(new Error(`lock holder exited with ${code}`))));
  });
  await new Promise<void>((res, rej) => {
    child.stdout.on('data', (b: Buffer) => {
      if (b.toString().includes('locked')) res();
    });
    child.on('exit', () => rej(new Error('lock holder ended before taking the lock')));
  });
  return { done };
}
