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

export function navigate(href: string, replace = false): void {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new Event('storyline:navigate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location));
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(location));
    window.addEventListener('popstate', update);
    window.addEventListener('storyline:navigate', update);
    return () => {
      window.removeEventListener('popstate', update);
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
  e.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

/** Once a page's content is there, focus its heading so keyboard and screen-reader users start on it. */
export function useFocusHeading(ready: boolean): void {
  useEffect(() => {
    if (ready) document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
  }, [ready]);
}
