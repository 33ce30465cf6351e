/**
 * Starts a throw-away PostgreSQL cluster on loopback for the tests that need a real server, when the
 * PostgreSQL server binaries are installed (CI installs them). Tests read the URL with `inject('pgUrl')`
 * and skip when it is empty. `STORYLINE_TEST_PG` points the tests at an existing server instead.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
    pgControl: string;
  }
}

function findBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

let teardown: (() => void) | undefined;

export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.STORYLINE_TEST_PG) {
    project.provide('pgUrl', process.env.STORYLINE_TEST_PG);
    project.provide('pgControl', '');
    return () => undefined;
  }
  const bin = findBin();
  if (!bin) {
    project.provide('pgUrl', '');
    project.provide('pgControl', '');
    return () => undefined;
  }
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'storyline-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const run = (cmd: string, args: string[]): void => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const : [cmd, args] as const;
    const r = spawnSync(full[0], full[1] as string[], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const ctl = (action: string): void => run(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', action, ...(action === 'stop' ? ['-m', 'immediate'] : [])]);
  ctl('start');
  execFileSync(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', 'CREATE DATABASE storyline_test'], { stdio: 'pipe' });
  project.provide('pgUrl', `postgres://postgres@127.0.0.1:${port}/storyline_test`);
  // How a test restarts the server: a JSON description the fault tests use with the same runner.
  project.provide('pgControl', JSON.stringify({ bin, data, opts, log: join(dir, 'log'), asRoot }));
  teardown = () => {
    try {
      ctl('stop');
    } catch {
      // Already stopped.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return teardown;
}
