import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Store } from '../store/types.js';
import { createApp, type AppOptions } from './app.js';
import { answerClientErrors, isLoopbackHost, MAX_HEADER_BYTES, UnsafeListenError } from './security.js';
import { defaultWebRoot } from './static.js';

export { createApp, CONTENT_SECURITY_POLICY, DEFAULT_MAX_BODY } from './app.js';
export type {
  AppOptions,
  ArticlePage,
  ArticleResponse,
  IngestResponse,
  JobStatus,
  JobView,
  StoryResponse,
  StorylineApp,
} from './app.js';
export type { StoryUpdate } from './events.js';
export { defaultWebRoot } from './static.js';
export { UnsafeListenError } from './security.js';

export interface ServeOptions extends Partial<Omit<AppOptions, 'store'>> {
  store: Store;
  port?: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the HTTP server; resolves once it is listening. Port 0 picks a free port. Listening beyond
 * loopback without a token is refused (UnsafeListenError): anyone on the network could write otherwise.
 */
export function startServer(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  if (!opts.token && !isLoopbackHost(host)) return Promise.reject(new UnsafeListenError(host));
  // An explicit `webRoot: undefined` means API only.
  const { app } = createApp({
    ...opts,
    listenHost: host,
    webRoot: 'webRoot' in opts ? opts.webRoot : defaultWebRoot(),
  });
  return new Promise((resolve, reject) => {
    const listen = {
      fetch: app.fetch,
      port: opts.port ?? 8080,
      hostname: host,
      serverOptions: { maxHeaderSize: MAX_HEADER_BYTES },
    };
    const server = serve(listen, (info: AddressInfo) => {
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            // Open event streams would keep the server up forever.
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
    answerClientErrors(server);
    server.once('error', reject);
  });
}
