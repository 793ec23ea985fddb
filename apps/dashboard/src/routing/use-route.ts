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
    const onChange = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function href(path: string, params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return `#${path}${query ? `?${query}` : ''}`;
}

export function navigate(path: string, params: Record<string, string | undefined> = {}): void {
  window.location.hash = href(path, params);
}
