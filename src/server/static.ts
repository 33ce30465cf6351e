import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/** The built web app: `web/dist` in the package root (found by walking up from this module). */
export function defaultWebRoot(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'package.json'))) {
      const web = path.join(dir, 'web', 'dist');
      return existsSync(path.join(web, 'index.html')) ? web : undefined;
    }
    dir = path.dirname(dir);
  }
  return undefined;
}

export interface StaticFile {
  body: Uint8Array;
  type: string;
  /** Hashed build assets never change under the same name; everything else is revalidated. */
  cacheControl: string;
  etag: string;
}

/**
 * The web app's own pages (see `web/src/router.ts`): the story list, a story and an article. Only these
 * get `index.html`, so a probe for `/.git/config` or `/admin` is a 404 rather than a page that looks found.
 */
export function isAppRoute(urlPath: string): boolean {
  const p = urlPath.replace(/\/+$/, '') || '/';
  return p === '/' || /^\/(story|article)\/[^/]+$/.test(p);
}

/**
 * Resolves a URL path to a file under `root`: an app route gets `index.html`, anything else must name a
 * file of the build. Hidden files and anything escaping the root are refused.
 */
export async function loadStatic(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (rel.includes('\0')) return undefined;
  let file: string;
  if (isAppRoute(urlPath)) {
    file = path.join(root, 'index.html');
  } else {
    const normal = path.posix.normalize('/' + rel);
    if (normal.split('/').some((part) => part.startsWith('.'))) return undefined;
    file = path.resolve(root, '.' + normal);
    if (!file.startsWith(root + path.sep)) return undefined;
  }
  let info;
  try {
    info = await stat(file);
  } catch {
    return undefined;
  }
  if (!info.isFile()) return undefined;
  const body = new Uint8Array(await readFile(file));
  const ext = path.extname(file).toLowerCase();
  const hashed = path.relative(root, file).startsWith('assets' + path.sep);
  return {
    body,
    type: TYPES[ext] ?? 'application/octet-stream',
    cacheControl: hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag: `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
  };
}
