import { useEffect, useState } from 'react';

export interface Route {
  /** e.g. "/actions" or "/actions/<id>". */
  path: string;
  params: URLSearchParams;
}

function currentRoute(): Route {
  const [path, query = ''] = window.location.hash.replace(/^#/, '').split('?');
  return { path: path || '/', params: new URLSearchParams(query) };
}

/**
 * Views live in the fragment (#/actions?area=6) so the server has one page to serve, and a
 * filtered list can be bookmarked or shared without the server knowing about it.
 */
export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    // Told twice per navigation (see navigate); the second time changes nothing.
    const onChange = () => setRoute((previous) => (sameRoute(previous, currentRoute()) ? previous : currentRoute()));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function href(path: string, params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return `#${path}${query ? `?${query}` : ''}`;
}

const sameRoute = (a: Route, b: Route) => a.path === b.path && a.params.toString() === b.params.toString();

/**
 * The browser announces a new fragment only after the event that set it, so a controlled
 * checkbox would spring back to its old state until then (and a click could seem not to take).
 * Announcing it at once lets the view follow within the same event.
 */
export function navigate(path: string, params: Record<string, string | undefined> = {}): void {
  window.location.hash = href(path, params);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
