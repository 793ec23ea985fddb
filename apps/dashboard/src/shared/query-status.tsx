import type { ReactNode } from 'react';
import type { QueryState } from '../api/use-query';
import { ErrorMessage } from './error-message';

/** Loading and error states drawn the same way on every view; children only see data. */
export function QueryStatus<T>({ state, children }: { state: QueryState<T>; children: (data: T) => ReactNode }) {
  if (state.error) return <ErrorMessage error={state.error} title="This view could not be loaded" />;
  if (!state.data) return <p className="loading" role="status">Loading…</p>;
  return (
    <div className={state.loading ? 'refreshing' : undefined} aria-busy={state.loading}>
      {children(state.data)}
    </div>
  );
}
