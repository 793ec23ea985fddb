import { useState } from 'react';
import { GraphQLRequestError } from '../api/graphql-client';
import { useMutation } from '../api/use-query';

export interface Change {
  send(variables: Record<string, unknown>): Promise<boolean>;
  sending: boolean;
  error?: GraphQLRequestError;
}

/**
 * Sends one change to an action, then redraws it. A refusal is shown where the change was made;
 * after a CONFLICT the page is redrawn too, so the next attempt carries the current revision.
 */
export function useChange(mutation: string, onDone: () => void): Change {
  return useChangeWith(useMutation<unknown>(mutation), onDone);
}

/** The same, for a change sent some other way than a GraphQL mutation (an evidence upload). */
export function useChangeWith(mutate: (variables: Record<string, unknown>) => Promise<unknown>, onDone: () => void): Change {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<GraphQLRequestError>();

  async function send(variables: Record<string, unknown>): Promise<boolean> {
    setSending(true);
    setError(undefined);
    try {
      await mutate(variables);
      onDone();
      return true;
    } catch (e) {
      const failure = e instanceof GraphQLRequestError ? e : new GraphQLRequestError(String(e), 'CLIENT');
      setError(failure);
      if (failure.code === 'CONFLICT') onDone();
      return false;
    } finally {
      setSending(false);
    }
  }
  return { send, sending, error };
}
