import { useState } from 'react';
import { GraphQLRequestError } from '../api/graphql-client';
import { useMutation } from '../api/use-query';

export type Outcome<T> = { data: T; error?: undefined } | { data?: undefined; error: GraphQLRequestError };

export interface Change<T = unknown> {
  /** The API's answer when the change was made, or why it was refused (for the form to show). */
  send(variables: Record<string, unknown>): Promise<Outcome<T>>;
  sending: boolean;
}

/**
 * Sends one change to an action, then redraws it. A refusal goes back to the form that sent it;
 * after a CONFLICT the page is redrawn too, so the next attempt carries the current revision.
 */
export function useChange<T = unknown>(mutation: string, onDone: () => void): Change<T> {
  return useChangeWith(useMutation<T>(mutation), onDone);
}

/** The same, for a change sent some other way than a GraphQL mutation (an evidence upload). */
export function useChangeWith<T>(mutate: (variables: Record<string, unknown>) => Promise<T>, onDone: () => void): Change<T> {
  const [sending, setSending] = useState(false);

  async function send(variables: Record<string, unknown>): Promise<Outcome<T>> {
    setSending(true);
    try {
      const data = await mutate(variables);
      onDone();
      return { data };
    } catch (e) {
      const failure = e instanceof GraphQLRequestError ? e : new GraphQLRequestError(String(e), 'CLIENT');
      if (failure.code === 'CONFLICT') onDone();
      return { error: failure };
    } finally {
      setSending(false);
    }
  }
  return { send, sending };
}
