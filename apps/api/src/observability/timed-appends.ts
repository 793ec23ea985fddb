import { EventStore, EventStoreUnavailableError, WrongExpectedRevisionError } from '@send/event-store';
import { Histogram } from 'prom-client';

const outcomeOf = (error: unknown) =>
  error instanceof WrongExpectedRevisionError ? 'conflict' : error instanceof EventStoreUnavailableError ? 'unavailable' : 'error';

/**
 * Times every append of this store into `histogram`. The store itself is changed (not wrapped in
 * another object), so everyone already holding it is timed too.
 */
export function timeAppends<T extends EventStore>(store: T, histogram: Histogram<'outcome'>): T {
  const append = store.appendToStream.bind(store);
  store.appendToStream = async (...args) => {
    const stop = histogram.startTimer();
    try {
      const result = await append(...args);
      stop({ outcome: 'ok' });
      return result;
    } catch (error) {
      stop({ outcome: outcomeOf(error) });
      throw error;
    }
  };
  return store;
}
