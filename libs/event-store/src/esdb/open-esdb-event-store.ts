import type { EventStore } from '../event-store.port';

/**
 * The EventStoreDB / KurrentDB adapter, loaded only when it is asked for: its gRPC client takes
 * every process about 0.2 s to load, and the embedded default (the api, the CLIs, the tests)
 * never needs it. `streamPrefixes` are the store's own streams (the app's `STREAM_NAME_PREFIXES`):
 * the only ones it reads or writes on a server that may hold others.
 */
export function openEsdbEventStore(connectionString: string, streamPrefixes: readonly string[]): EventStore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EsdbEventStore } = require('./esdb-event-store') as typeof import('./esdb-event-store');
  return EsdbEventStore.connect(connectionString, { streamPrefixes });
}
