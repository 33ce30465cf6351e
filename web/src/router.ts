import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'list'; params: URLSearchParams }
  | { page: 'story'; id: string; params: URLSearchParams }
  | { page: 'article'; id: string; params: URLSearchParams }
  | { page: 'missing' };

export function parseRoute(loc: Location | URL): Route {
  const params = new URLSearchParams(loc.search);
  const path = loc.pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { page: 'list', params };
  const m = /^\/(story|article)\/([^/]+)$/.exec(path);
  if (m) return { page: m[1] as 'story' | 'article', id: decodeURIComponent(m[2]), params };
  return { page: 'missing' };
}

/** Set once the reader has moved within the app; a freshly loaded page leaves focus at the top (skip link first). */
let navigated = false;
export const hasNavigated = (): boolean => navigated;

export function navigate(href: string, replace = false): void {
  navigated = true;
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new Event('storyline:navigate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location));
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(location));
    const traverse = (): void => {
      navigated = true;
      update();
    };
    window.addEventListener('popstate', traverse);
    window.addEventListener('storyline:navigate', update);
    return () => {
      window.removeEventListener('popstate', traverse);
      window.removeEventListener('storyline:navigate', update);
    };
  }, []);
  return route;
}

/** Same-origin links navigate in place; modified clicks keep their usual meaning (new tab, …). */
export function linkClick(e: MouseEvent): void {
  const a = (e.target as Element | null)?.closest?.('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || a.target || a.hasAttribute('download') || url.pathname.startsWith('/api/'))
    return;
  // A link to a place on this page is the browser's to follow.
  if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
  e.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

/** Once a page's content is there, focus its heading so keyboard and screen-reader users start on it. */
export function useFocusHeading(ready: boolean): void {
  useEffect(() => {
    if (ready && navigated) document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
  }, [ready]);
}
