import type { GraphiQLProps } from 'graphiql';

type Fetcher = GraphiQLProps['fetcher'];

/**
 * GraphiQL's fetcher for this API: one JSON POST per operation, with the headers the user typed
 * in the Headers tab (the bearer token). The API has no subscriptions, so nothing streams.
 */
export function graphqlFetcher(endpoint: string): Fetcher {
  return async (params, options) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...options?.headers },
      body: JSON.stringify(params),
    });
    return response.json();
  };
}
