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
  const mutate = useMutation<unknown>(mutation);
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
