/**
 * Request checks that keep other web sites out: a Host allow-list (DNS rebinding), a same-origin rule for
 * every write (cross-site request forgery) and a cap on URL length.
 */
import type { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './validate.js';

/** Longest accepted request target (path and query), in bytes. */
export const MAX_URL_LENGTH = 8 * 1024;

/** Node's limit on the request line plus headers; longer requests never reach the app. */
export const MAX_HEADER_BYTES = 16 * 1024;

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** True for addresses only this machine can reach: `localhost`, 127.0.0.0/8 and `::1`. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The name part of a Host header value (`example.org:8080` → `example.org`, `[::1]:80` → `[::1]`). */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d*$/, '');
}

/** Listen addresses that stand for "every interface" name no host a browser could use. */
const WILDCARDS = new Set(['', '0.0.0.0', '::', '[::]']);

/**
 * The Host names a request may carry: loopback names, the configured names, and the address the server
 * listens on when it is a specific one.
 */
export function allowedHostNames(allowedHosts: readonly string[] = [], listenHost?: string): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  for (const h of allowedHosts) {
    const name = h.includes(':') && !h.startsWith('[') ? `[${h}]` : h;
    if (name.trim() !== '') names.add(hostName(name));
  }
  if (listenHost !== undefined && !WILDCARDS.has(listenHost.trim())) {
    names.add(hostName(listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost}]` : listenHost));
  }
  return names;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses requests for a Host outside `allowed`, overlong URLs and cross-site writes.
 *
 * Written here rather than taken from `hono/csrf`: that middleware only checks form-like content types
 * (`application/json` passes unchecked) and treats a request with neither `Origin` nor `Sec-Fetch-Site`
 * as forged, which would lock out command-line clients. Browsers send at least one of the two on every
 * cross-origin write, so checking both headers whenever present covers every content type.
 */
export function requestGuard(allowed: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (url.pathname.length + url.search.length > MAX_URL_LENGTH) {
      throw new ApiError(414, 'uri_too_long', `the request URL is longer than ${MAX_URL_LENGTH} bytes`);
    }
    const host = c.req.header('host') ?? url.host;
    const name = hostName(host);
    if (!allowed.has(name)) {
      throw new ApiError(
        403,
        'unknown_host',
        `this server does not answer for host "${name.slice(0, 100)}"; ` +
          'add it with --allowed-host (or STORYLINE_ALLOWED_HOSTS) if it is this server',
      );
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      if (site !== undefined && site !== 'same-origin' && site !== 'none') {
        throw new ApiError(403, 'cross_site', `writes from other sites are refused (Sec-Fetch-Site: ${site})`);
      }
      const origin = c.req.header('origin');
      if (origin !== undefined && !sameOrigin(origin, host)) {
        throw new ApiError(
          403,
          'cross_site',
          `writes from other origins are refused (Origin ${origin.slice(0, 200)} is not this server)`,
        );
      }
    }
    await next();
  };
}

/** The Origin names this very server (any scheme a proxy may put in front of it). */
function sameOrigin(origin: string, host: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // `null` and other opaque origins
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const port = /:(\d+)$/.exec(host.trim())?.[1] ?? '';
  const defaultPort = parsed.protocol === 'https:' ? '443' : '80';
  const ownPort = port === '' || port === defaultPort ? '' : port;
  return parsed.hostname.toLowerCase() === hostName(host) && parsed.port === ownPort;
}

/**
 * Answers requests Node refuses before the app sees them. Node's own answer closes the socket with the
 * rest of the request unread, which clients see as a connection reset; reading and discarding the rest
 * lets them receive the status. An overflow still inside the request line is answered 414, one in the
 * header fields 431.
 */
export function answerClientErrors(server: EventEmitter): void {
  server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    const busy = (socket as { _httpMessage?: unknown })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || busy) {
      socket.destroy();
      return;
    }
    let status = '400 Bad Request';
    let code = 'bad_request';
    let message = 'the request is not valid HTTP';
    if (err.code === 'HPE_HEADER_OVERFLOW') {
      const raw = err.rawPacket?.toString('latin1') ?? '';
      const lineEnd = raw.indexOf('\r\n');
      if (lineEnd === -1 || lineEnd > MAX_URL_LENGTH) {
        [status, code, message] = [
          '414 URI Too Long',
          'uri_too_long',
          `the request URL is longer than ${MAX_URL_LENGTH} bytes`,
        ];
      } else {
        [status, code, message] = [
          '431 Request Header Fields Too Large',
          'headers_too_large',
          `the request headers are larger than ${MAX_HEADER_BYTES} bytes`,
        ];
      }
    } else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      [status, code, message] = ['408 Request Timeout', 'request_timeout', 'the request took too long to arrive'];
    }
    const body = JSON.stringify({ error: { code, message } });
    socket.on('data', () => undefined);
    socket.end(
      `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    // A client that never stops sending is cut off.
    setTimeout(() => socket.destroy(), 5000).unref();
  });
}

/** Refused at start: a server other machines can reach must not take writes from anyone. */
export class UnsafeListenError extends Error {
  constructor(host: string) {
    super(
      `listening on ${host} makes the server reachable from other machines, so writes need a token: ` +
        'set STORYLINE_TOKEN (or the token option), or listen on 127.0.0.1',
    );
    this.name = 'UnsafeListenError';
  }
}
