import { useSyncExternalStore } from 'react';

// A small History API router: the app lives under /admin/ and the server answers every /admin/* path with
// index.html, so a screen's address can be bookmarked and reloaded.
export const base = '/admin';

export interface Location {
  path: string;
  query: URLSearchParams;
}

/** "/admin/plans?x=1" → { path: "/plans", query }. Anything outside /admin is the overview. */
export function parseLocation(pathname: string, search: string): Location {
  let path = pathname.startsWith(base) ? pathname.slice(base.length) : '/';
  if (path === '' || path === '/index.html') path = '/';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return { path, query: new URLSearchParams(search) };
}

export function href(path: string): string {
  return base + (path.startsWith('/') ? path : '/' + path);
}

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const url = href(path);
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

function snapshot() {
  return window.location.pathname + window.location.search;
}

export function useLocation(): Location {
  const current = useSyncExternalStore(subscribe, snapshot);
  const q = current.indexOf('?');
  return parseLocation(q < 0 ? current : current.slice(0, q), q < 0 ? '' : current.slice(q));
}
