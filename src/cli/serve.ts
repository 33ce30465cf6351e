import { InvalidArgumentError, Option, type Command } from 'commander';
import { startServer, defaultWebRoot } from '../server/index.js';
import { defaultDatabase, openStore } from '../store/index.js';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError(`expected a whole number from 0 to 65535, got "${value}"`);
  return n;
}

function bytes(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a positive number of bytes, got "${value}"`);
  return n;
}

/** `storyline serve`: the HTTP API and the web app over a store. */
export function registerServe(program: Command, io: Io): void {
  program
    .command('serve')
    .description(
      'serve the HTTP API and the web app (POST /api/articles needs a bearer token when STORYLINE_TOKEN is set)',
    )
    .addOption(new Option('--db <file>', 'database file or postgres:// URL (env STORYLINE_DB; default ./storyline.db)'))
    .option('--port <n>', 'port to listen on', port, 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--max-body <bytes>', 'largest accepted request body', bytes, 5 * 1024 * 1024)
    .option(
      '--allowed-host <name...>',
      'host name the server is reached by, besides localhost (env STORYLINE_ALLOWED_HOSTS, comma-separated)',
    )
    .action(async (opts: { db?: string; port: number; host: string; maxBody: number; allowedHost?: string[] }) => {
      const store = await openStore(opts.db ?? defaultDatabase());
      const token = process.env.STORYLINE_TOKEN?.trim() || undefined;
      const allowedHosts = [...(opts.allowedHost ?? []), ...(process.env.STORYLINE_ALLOWED_HOSTS ?? '').split(',')]
        .map((h) => h.trim())
        .filter((h) => h !== '');
      const webRoot = defaultWebRoot();
      let server;
      try {
        server = await startServer({
          store,
          port: opts.port,
          host: opts.host,
          token,
          allowedHosts,
          maxBodyBytes: opts.maxBody,
          webRoot,
        });
      } catch (err) {
        await store.close();
        throw new Error(`cannot listen on ${opts.host}:${opts.port}: ${(err as Error).message}`, { cause: err });
      }
      io.out(`storyline serving ${server.url}  (API: ${server.url}/api/openapi.json)`);
      if (!webRoot) io.err('the web app is not built (run: npm run build:web); serving the API only');
      if (!token)
        io.err('STORYLINE_TOKEN is not set: programs on this machine may POST articles (pages of other sites may not)');
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await store.close();
    });
}
