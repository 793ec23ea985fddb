import { AsyncRetryOptions, CommandHandler, Event, EventStore } from '@event-driven-io/emmett';
import { CommandMetadata, DomainEvent, schemaVersionOf } from '@send/domain';
import { Decider } from '@send/event-store';
import { Fold, PeerStore } from './peer-store';

/** Our event as Emmett stores it: type, data, and the metadata our own store records. */
type StoredEvent = Event<string, Record<string, unknown>, Record<string, unknown>>;

export interface EmmettStoreParts {
  name: string;
  durability: string;
  store: EventStore;
  /** Which errors CommandHandler retries, and how; none by default, as in Emmett. */
  retry?: AsyncRetryOptions;
  /** Events after a global position, in order; Emmett's readMessagesBatch on the store's database. */
  readBatch(after: bigint, batchSize: number): Promise<{ count: number; last: bigint }>;
  close(): Promise<void>;
}

/**
 * Any Emmett event store under the peer workload, through Emmett's own CommandHandler: it
 * aggregates the stream, runs the handler on the state and appends with the stream version it
 * read (STREAM_DOES_NOT_EXIST for a new stream), retrying only what `parts.retry` allows.
 */
export function emmettPeerStore(parts: EmmettStoreParts): PeerStore {
  const { store } = parts;
  let retried = 0;
  const retry: AsyncRetryOptions | undefined = parts.retry && {
    ...parts.retry,
    shouldRetryError: (error) => {
      const again = parts.retry?.shouldRetryError?.(error) === true;
      if (again) retried++;
      return again;
    },
  };
  return {
    name: parts.name,
    durability: parts.durability,
    retried: () => retried,
    async handle<C, E extends DomainEvent, S, X>(streamId: string, decider: Decider<C, E, S, CommandMetadata, X>, command: C, metadata: CommandMetadata, context: X) {
      // Emmett hands evolve its recorded event (type, data and its metadata); ours reads type and data.
      const handle = CommandHandler<S, StoredEvent>({ initialState: decider.initialState, evolve: (state, event) => decider.evolve(state, event as unknown as E), retry });
      let decided: E[] = [];
      const result = await handle(store, streamId, (state) => {
        decided = decider.decide(command, state, metadata, context);
        return decided.map((event) => ({ type: event.type, data: event.data as Record<string, unknown>, metadata: eventMetadata(event, metadata) }));
      });
      const position = 'lastEventGlobalPosition' in result ? BigInt(result.lastEventGlobalPosition as bigint) : undefined;
      // Emmett's stream versions count events (1 after the first); ours are revisions from 0.
      return { events: decided, state: result.newState, revision: BigInt(result.nextExpectedStreamVersion as bigint) - 1n, position };
    },
    async fold<E extends DomainEvent, S>(streamId: string, decider: Fold<E, S>) {
      const { state } = await store.aggregateStream(streamId, { initialState: decider.initialState, evolve: (s: S, event: StoredEvent) => decider.evolve(s, event as unknown as E) });
      return state;
    },
    async readAll(batchSize) {
      let after = 0n;
      let events = 0;
      for (;;) {
        const { count, last } = await parts.readBatch(after, batchSize);
        if (count === 0) return events;
        events += count;
        after = last;
      }
    },
    close: () => parts.close(),
  };
}

/** The metadata handleCommand writes on our events, so both stores carry the same bytes. */
function eventMetadata(event: DomainEvent, metadata: CommandMetadata): Record<string, unknown> {
  return {
    schemaVersion: schemaVersionOf(event),
    occurredAt: metadata.now,
    commandId: metadata.commandId,
    correlationId: metadata.correlationId ?? metadata.commandId,
    causationId: metadata.causationId ?? metadata.commandId,
    actor: metadata.actor ?? null,
  };
}
