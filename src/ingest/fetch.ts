import robotsParserModule from 'robots-parser';
import { IngestError, type IngestErrorKind } from './errors.js';

/** Why a fetch failed, in more detail than the ingest error kind. */
export type FetchErrorCode =
  | 'bad-url'
  | 'timeout'
  | 'http'
  | 'robots'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'too-large'
  | 'network'
  | 'aborted';

/** A failed HTTP fetch: the URL, the reason, and for HTTP errors the status. */
export class FetchError extends IngestError {
  readonly code: FetchErrorCode;
  readonly url: string;
  readonly status?: number;
  constructor(code: FetchErrorCode, url: string, message: string, status?: number) {
    super(kindOf(code, status), message);
    this.name = 'FetchError';
    this.code = code;
    this.url = url;
    this.status = status;
  }
}

function kindOf(code: FetchErrorCode, status?: number): IngestErrorKind {
  if (code === 'too-large') return 'too-large';
  if (code === 'http' && (status === 404 || status === 410)) return 'not-found';
  return 'unreadable';
}

/** Time source and sleeper; injectable so that rate limits and backoff can be tested without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (ms <= 0 || signal?.aborted) return resolve();
      const t = setTimeout(done, ms);
      function done(): void {
        clearTimeout(t);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};

export const DEFAULT_USER_AGENT = 'Storyline/0.1 (+https://github.com/storyline/storyline)';
/** The product token matched against robots.txt groups. */
export const ROBOTS_AGENT = 'Storyline';

export interface FetcherOptions {
  userAgent?: string;
  /** Whole-request timeout (headers and body), ms. Default 15 000. */
  timeoutMs?: number;
  /** Largest body accepted after decompression, bytes. Default 10 MiB. */
  maxBytes?: number;
  /** Redirects followed per request. Default 5. */
  maxRedirects?: number;
  /** Minimum spacing of requests to one host, ms (raised by a robots.txt Crawl-delay). Default 1 000. */
  perHostDelayMs?: number;
  /** Obey robots.txt. Default true. */
  robots?: boolean;
  clock?: Clock;
}

export interface FetchRequest {
  /** Validators from an earlier response, for a conditional GET. */
  etag?: string;
  lastModified?: string;
  signal?: AbortSignal;
  accept?: string;
}

export interface FetchedResource {
  /** The URL after redirects. */
  url: string;
  status: number;
  /** 304: the resource did not change since the validators were issued; `body` is empty. */
  notModified: boolean;
  body: Uint8Array;
  contentType?: string;
  /** Charset from the Content-Type header. */
  charset?: string;
  etag?: string;
  lastModified?: string;
}

// The package's typings declare an ES default export for a CommonJS function.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Robots;

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

/**
 * A polite HTTP client: robots.txt (cached per origin), a per-host request spacing, a timeout,
 * a redirect limit with loop detection, and a body limit enforced while streaming, so that a
 * compressed bomb is cut off at the limit instead of being inflated in memory.
 */
export class Fetcher {
  readonly userAgent: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly perHostDelayMs: number;
  readonly obeyRobots: boolean;
  readonly clock: Clock;
  private readonly nextSlot = new Map<string, number>();
  private readonly robots = new Map<string, { value: Promise<Robots | 'allow-all' | 'deny-all'>; until: number }>();

  constructor(opts: FetcherOptions = {}) {
    this.userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.maxBytes = opts.maxBytes ?? 10 * 1024 * 1024;
    this.maxRedirects = opts.maxRedirects ?? 5;
    this.perHostDelayMs = opts.perHostDelayMs ?? 1_000;
    this.obeyRobots = opts.robots ?? true;
    this.clock = opts.clock ?? systemClock;
  }

  /** GETs a URL, following redirects. Throws `FetchError` with an actionable message. */
  async get(rawUrl: string, req: FetchRequest = {}): Promise<FetchedResource> {
    let url = parseUrl(rawUrl);
    const seen = new Set<string>([url.href]);
    for (let hop = 0; ; hop++) {
      if (this.obeyRobots && !(await this.allowed(url, req.signal))) {
        throw new FetchError(
          'robots',
          url.href,
          `robots.txt of ${url.host} disallows ${url.pathname} for ${ROBOTS_AGENT}`,
        );
      }
      await this.waitTurn(url, req.signal);
      const { res, signal, done } = await this.request(url, req, hop === 0);
      try {
        if (res.status >= 300 && res.status < 400 && res.status !== 304) {
          const location = res.headers.get('location');
          await res.body?.cancel().catch(() => undefined);
          if (!location)
            throw new FetchError(
              'http',
              url.href,
              `HTTP ${res.status} redirect without a Location header from ${url.href}`,
              res.status,
            );
          const next = parseUrl(location, url);
          if (seen.has(next.href))
            throw new FetchError(
              'redirect-loop',
              rawUrl,
              `redirect loop: ${next.href} was already visited (from ${rawUrl})`,
            );
          if (hop + 1 > this.maxRedirects)
            throw new FetchError(
              'too-many-redirects',
              rawUrl,
              `more than ${this.maxRedirects} redirects (from ${rawUrl})`,
            );
          seen.add(next.href);
          url = next;
          continue;
        }
        const contentType = res.headers.get('content-type') ?? undefined;
        const out: FetchedResource = {
          url: url.href,
          status: res.status,
          notModified: res.status === 304,
          body: new Uint8Array(0),
          contentType,
          charset: contentType ? /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] : undefined,
          etag: res.headers.get('etag') ?? undefined,
          lastModified: res.headers.get('last-modified') ?? undefined,
        };
        if (res.status === 304) {
          await res.body?.cancel().catch(() => undefined);
          return out;
        }
        if (res.status < 200 || res.status >= 300) {
          await res.body?.cancel().catch(() => undefined);
          throw new FetchError(
            'http',
            url.href,
            `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''} from ${url.href}`,
            res.status,
          );
        }
        out.body = await this.readBody(res, url.href, signal);
        return out;
      } finally {
        done();
      }
    }
  }

  /** One request with a timeout that also covers reading the body; `done` clears the timer. */
  private async request(
    url: URL,
    req: FetchRequest,
    conditional: boolean,
  ): Promise<{ res: Response; signal: AbortSignal; done: () => void }> {
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: req.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (conditional && req.etag) headers['if-none-match'] = req.etag;
    if (conditional && req.lastModified) headers['if-modified-since'] = req.lastModified;
    const ctl = new AbortController();
    const timer = setTimeout(
      () =>
        ctl.abort(
          new FetchError('timeout', url.href, `no complete response from ${url.href} within ${this.timeoutMs} ms`),
        ),
      this.timeoutMs,
    );
    const onAbort = (): void => ctl.abort(new FetchError('aborted', url.href, `fetch of ${url.href} was cancelled`));
    if (req.signal?.aborted) onAbort();
    req.signal?.addEventListener('abort', onAbort, { once: true });
    const done = (): void => {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    };
    try {
      const res = await fetch(url, { headers, redirect: 'manual', signal: ctl.signal });
      return { res, signal: ctl.signal, done };
    } catch (err) {
      done();
      throw toFetchError(err, ctl.signal, url.href);
    }
  }

  private async readBody(res: Response, url: string, signal: AbortSignal): Promise<Uint8Array> {
    try {
      const declared = Number(res.headers.get('content-length') ?? NaN);
      const encoded = (res.headers.get('content-encoding') ?? 'identity') !== 'identity';
      if (!encoded && Number.isFinite(declared) && declared > this.maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new FetchError(
          'too-large',
          url,
          `response of ${declared} bytes from ${url} is over the ${this.maxBytes}-byte limit`,
        );
      }
      if (!res.body) return new Uint8Array(0);
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > this.maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw new FetchError(
            'too-large',
            url,
            `response from ${url} exceeds the ${this.maxBytes}-byte limit (after decompression); stopped reading`,
          );
        }
        chunks.push(value);
      }
      const out = new Uint8Array(total);
      let off = 0;
      for (const c of chunks) {
        out.set(c, off);
        off += c.byteLength;
      }
      return out;
    } catch (err) {
      if (err instanceof FetchError) throw err;
      throw toFetchError(err, signal, url);
    }
  }

  /** Waits until this host may be asked again; slots are reserved in call order. */
  private async waitTurn(url: URL, signal?: AbortSignal): Promise<void> {
    const host = url.host;
    const delay = Math.max(this.perHostDelayMs, (await this.crawlDelay(url)) * 1000);
    const now = this.clock.now();
    const at = Math.max(now, this.nextSlot.get(host) ?? 0);
    this.nextSlot.set(host, at + delay);
    if (at > now) await this.clock.sleep(at - now, signal);
    if (signal?.aborted) throw new FetchError('aborted', url.href, `fetch of ${url.href} was cancelled`);
  }

  private async crawlDelay(url: URL): Promise<number> {
    if (!this.obeyRobots) return 0;
    const r = await this.robotsFor(url);
    if (typeof r === 'string') return 0;
    return Math.min(r.getCrawlDelay(ROBOTS_AGENT) ?? 0, 60);
  }

  /** Is this URL allowed by its site's robots.txt for the Storyline agent? */
  async allowed(url: URL | string, signal?: AbortSignal): Promise<boolean> {
    const u = typeof url === 'string' ? parseUrl(url) : url;
    const r = await this.robotsFor(u, signal);
    if (r === 'allow-all') return true;
    if (r === 'deny-all') return false;
    return r.isAllowed(u.href, ROBOTS_AGENT) !== false;
  }

  /**
   * robots.txt per origin (RFC 9309): 4xx means no rules; a server error or an unreachable host means
   * "disallow everything" until the next run, since the site may be in trouble.
   */
  private robotsFor(url: URL, signal?: AbortSignal): Promise<Robots | 'allow-all' | 'deny-all'> {
    const origin = url.origin;
    const now = this.clock.now();
    const cached = this.robots.get(origin);
    if (cached && cached.until > now) return cached.value;
    const value = this.loadRobots(origin, signal).then(
      (r) => {
        // Rules are kept a day; a "deny all" caused by an unreachable or failing site is retried sooner.
        const entry = this.robots.get(origin);
        if (entry && entry.value === value && r === 'deny-all') entry.until = this.clock.now() + 15 * 60_000;
        return r;
      },
      (err: unknown) => {
        this.robots.delete(origin);
        throw err;
      },
    );
    this.robots.set(origin, { value, until: now + 24 * 3600_000 });
    return value;
  }

  private async loadRobots(origin: string, signal?: AbortSignal): Promise<Robots | 'allow-all' | 'deny-all'> {
    const robotsUrl = `${origin}/robots.txt`;
    const inner = new Fetcher({
      userAgent: this.userAgent,
      timeoutMs: this.timeoutMs,
      maxBytes: 512 * 1024,
      maxRedirects: this.maxRedirects,
      perHostDelayMs: 0,
      robots: false,
      clock: this.clock,
    });
    try {
      const res = await inner.get(robotsUrl, { signal, accept: 'text/plain,*/*;q=0.5' });
      return robotsParser(robotsUrl, Buffer.from(res.body).toString('utf8')) as Robots;
    } catch (err) {
      if (
        err instanceof FetchError &&
        err.code === 'http' &&
        err.status !== undefined &&
        err.status >= 400 &&
        err.status < 500
      )
        return 'allow-all';
      if (
        err instanceof FetchError &&
        (err.code === 'too-large' || err.code === 'too-many-redirects' || err.code === 'redirect-loop')
      )
        return 'allow-all';
      return 'deny-all';
    }
  }
}

function parseUrl(raw: string, base?: URL): URL {
  let u: URL;
  try {
    u = new URL(raw, base);
  } catch {
    throw new FetchError('bad-url', raw, `not a valid URL: "${raw}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new FetchError('bad-url', raw, `only http and https URLs can be fetched, not "${u.protocol}"`);
  u.hash = '';
  return u;
}

function toFetchError(err: unknown, signal: AbortSignal | undefined, url: string): FetchError {
  if (signal?.aborted && signal.reason instanceof FetchError) return signal.reason;
  if (err instanceof FetchError) return err;
  const e = err as Error & { cause?: { code?: string; message?: string } };
  const code = e.cause?.code;
  const detail =
    code === 'ECONNREFUSED'
      ? 'connection refused'
      : code === 'ENOTFOUND'
        ? 'host not found'
        : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET'
          ? 'connection reset by the server'
          : code === 'Z_DATA_ERROR' || /incorrect header check|invalid/i.test(e.cause?.message ?? '')
            ? 'corrupt compressed body'
            : (e.cause?.message ?? e.message);
  return new FetchError('network', url, `could not fetch ${url}: ${detail}`);
}
