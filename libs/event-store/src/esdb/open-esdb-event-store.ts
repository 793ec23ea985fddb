import type { EventStore } from '../event-store.port';

/**
 * The EventStoreDB adapter, loaded only when it is asked for: its gRPC client takes every process
 * about 0.2 s to load, and the embedded default (the api, the CLIs, the tests) never needs it.
 */
export function openEsdbEventStore(connectionString: string): EventStore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EsdbEventStore } = require('./esdb-event-store') as typeof import('./esdb-event-store');
  return new EsdbEventStore(connectionString);
}
