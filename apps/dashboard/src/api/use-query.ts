import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../session/session-context';
import { GraphQLRequestError, requestGraphQL } from './graphql-client';

export interface QueryState<T> {
  data?: T;
  error?: GraphQLRequestError;
  loading: boolean;
  reload(): void;
}

/**
 * Runs a read whenever its variables change. An answer that arrives after the variables moved on
 * is dropped, so a slow as-at read cannot overwrite a newer view.
 */
export function useQuery<T>(query: string, variables: Record<string, unknown>, skip = false): QueryState<T> {
  // The token is read when a request is sent, not when the view drew: a silent renewal swaps it
  // without redrawing, and does not re-send every read on the page.
  const session = useSession();
  const [state, setState] = useState<{ data?: T; error?: GraphQLRequestError; loading: boolean }>({ loading: !skip });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables);

  useEffect(() => {
    if (skip) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    requestGraphQL<T>(session.token, query, JSON.parse(key) as Record<string, unknown>).then(
      (data) => current && setState({ data, loading: false }),
      (error: GraphQLRequestError) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [session, query, key, generation, skip]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

/** Sends a change; the caller decides what to redraw. */
export function useMutation<T>(mutation: string): (variables: Record<string, unknown>) => Promise<T> {
  const session = useSession();
  return useCallback((variables) => requestGraphQL<T>(session.token, mutation, variables), [session, mutation]);
}
