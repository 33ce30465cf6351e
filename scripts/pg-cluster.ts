/**
 * A throw-away PostgreSQL cluster on loopback, for tests and benchmarks that need a real server. It uses
 * the server binaries of Debian's `postgresql` package; as root it runs them as the `postgres` user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgCluster {
  url: string;
  /** Restarts the server (fast shutdown), as a fault test or a benchmark may need. */
  restart: () => void;
  stop: () => void;
  /** What a separate process needs to restart it (JSON). */
  control: string;
  /** Processor seconds the server has used so far (all its processes, ended ones included; Linux only). */
  cpuSeconds: () => number;
  /** The server's live processes: the postmaster first, then the processes it started (Linux only). */
  pids: () => number[];
}

export interface PgControl {
  bin: string;
  data: string;
  opts: string;
  log: string;
  asRoot: boolean;
}

/** Where the PostgreSQL server binaries are, if installed. */
export function findPgBin(): string | undefined {
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
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no free port'))));
    });
  });
}

/** Runs a server binary, as the postgres user when we are root (initdb refuses root). */
export function pgRun(ctl: Pick<PgControl, 'asRoot'>, cmd: string, args: string[]): void {
  const [file, argv] = ctl.asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(file, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
}

export function pgCtl(ctl: PgControl, action: 'start' | 'stop' | 'restart'): void {
  const mode = action === 'stop' ? ['-m', 'immediate'] : action === 'restart' ? ['-m', 'fast'] : [];
  pgRun(ctl, join(ctl.bin, 'pg_ctl'), ['-D', ctl.data, '-o', ctl.opts, '-l', ctl.log, '-w', ...mode, action]);
}

/** Creates and starts a cluster with one database, `storyline`. */
export async function startPgCluster(opts: { maxConnections?: number } = {}): Promise<PgCluster> {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found (install Debian package postgresql)');
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'storyline-pg-'));
  chmodSync(dir, 0o777);
  const ctl: PgControl = { bin, data: join(dir, 'data'), opts: '', log: join(dir, 'log'), asRoot };
  pgRun(ctl, join(bin, 'initdb'), ['-D', ctl.data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  ctl.opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=${opts.maxConnections ?? 200}`;
  pgCtl(ctl, 'start');
  execFileSync(
    join(bin, 'psql'),
    ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', 'CREATE DATABASE storyline'],
    { stdio: 'pipe' },
  );
  return {
    url: `postgres://postgres@127.0.0.1:${port}/storyline`,
    restart: () => pgCtl(ctl, 'restart'),
    stop: () => {
      try {
        pgCtl(ctl, 'stop');
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
    control: JSON.stringify(ctl),
    cpuSeconds: () => serverCpuSeconds(ctl.data),
    pids: () => serverPids(ctl.data),
  };
}

/** Linux's USER_HZ: the unit of the times in /proc/<pid>/stat. */
export const CLOCK_TICKS = 100;

/** utime, stime, cutime, cstime and ppid of a process from /proc, or undefined once it is gone. */
export function procTimes(pid: number): { own: number; children: number; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces; the fields after it are fixed.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { own: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]), ppid: Number(f[1]) };
  } catch {
    return undefined;
  }
}

/** The postmaster's pid, then those of the live processes it started. */
export function serverPids(data: string): number[] {
  const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const pids = [postmaster];
  for (const entry of readdirSync('/proc'))
    if (/^\d+$/.test(entry) && procTimes(Number(entry))?.ppid === postmaster) pids.push(Number(entry));
  return pids;
}

/**
 * The postmaster's own time and that of its reaped children, plus the live backends' own time: every
 * processor second the server has spent, which a benchmark needs to see where two cores go.
 */
export function serverCpuSeconds(data: string): number {
  const [postmaster, ...children] = serverPids(data);
  const root = procTimes(postmaster);
  if (!root) return 0;
  let ticks = root.own + root.children;
  for (const pid of children) ticks += procTimes(pid)?.own ?? 0;
  return ticks / CLOCK_TICKS;
}
