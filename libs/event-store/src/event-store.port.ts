/**
 * The one port every event store adapter implements. Revisions are per stream and start at 0
 * (the first event of a stream has revision 0); positions are global, strictly increasing in
 * commit order, and opaque to callers except for ordering: a checkpoint is the position of the
 * last event a reader has handled.
 */
export type StreamRevision = bigint;
export type GlobalPosition = bigint;

/** What the writer believes the stream's current revision is. */
export type ExpectedRevision = StreamRevision | 'no_stream' | 'stream_exists' | 'any';

export interface EventMetadata {
  /** Version of the event's data schema; upcasters lift old versions on read. */
  schemaVersion: number;
  /** When the change happened in the domain (the command's clock), ISO instant. */
  occurredAt: string;
  commandId?: string;
  correlationId?: string;
  causationId?: string;
  actor?: { userId: string; displayName?: string; role?: string } | null;
  [key: string]: unknown;
}

export interface NewEvent {
  /**
   * Unique in practice (handleCommand derives it from the command id), but not a guard: not every
   * adapter refuses a second event with an id it holds (EventStoreDB writes it when the append is
   * made at the stream's current revision). A retried command is recorded once because
   * `handleCommand` finds its command id in the stream first and appends nothing.
   */
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface RecordedEvent extends NewEvent {
  streamId: string;
  revision: StreamRevision;
  position: GlobalPosition;
  /** When the store committed it, ISO instant. */
  recordedAt: string;
  /**
   * SHA-256 (hex) over the event's content and `previousHash` (see chain/event-hash.ts). Optional
   * only so that stores and events from before the chain existed still type-check; both adapters
   * always set it.
   */
  hash?: string;
  /** The hash of the stream's previous event, or 64 zeros for revision 0. */
  previousHash?: string;
  /** The global chain after this event, where the store keeps it (SQLite); EventStoreDB's is recomputed by verify. */
  globalHash?: string;
}

export interface AppendResult {
  nextExpectedRevision: StreamRevision;
  /** Position of the last event appended. */
  position: GlobalPosition;
}

export interface ReadStreamOptions {
  /** Only the events after this revision: what a caller holding the stream's state up to it still needs. */
  after?: StreamRevision;
}

export interface ReadAllOptions {
  /**
   * Exclusive: events strictly after this position. Omit to start at the beginning. Positions are
   * not consecutive on every store (EventStoreDB's are byte offsets), so pass one the store gave
   * out (an event's, a checkpoint), never one computed from it such as `position - 1n`.
   */
  after?: GlobalPosition;
  maxCount?: number;
  /**
   * Include each event's hash chain (hash, previousHash, globalHash). Projections never read it,
   * so an adapter may leave it out unless asked; verification asks.
   */
  withHashes?: boolean;
}

/** The newest end of the store, as the store keeps it: nothing is read back or hashed to answer. */
export interface StoreHead {
  /** Position of the newest event. */
  position: GlobalPosition;
  /** How many events the store holds, every one of its streams counted (on a shared EventStoreDB, the app's own). */
  events: number;
  /**
   * The global chain after the newest event, as recorded (SQLite keeps it per event). Undefined
   * where the store keeps none (EventStoreDB, whose global chain only verification computes).
   */
  globalHash?: string;
}

export interface Subscription {
  /** Resolves once the subscription has stopped and its handler will not be called again. */
  unsubscribe(): Promise<void>;
}

export interface SubscribeOptions {
  after?: GlobalPosition;
  /** Deliver each event's hash chain as readAll's `withHashes` does (the verifying store asks, to check every event it passes on). */
  withHashes?: boolean;
  /** Called with events in global order, one batch at a time; the next batch waits for it. */
  onEvents(events: RecordedEvent[]): Promise<void>;
  onError?(error: unknown): void;
}

export interface EventStore {
  appendToStream(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  /** All events of a stream in revision order (or those after `after`); empty when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up subscription: replays from `after`, then delivers new events as they are appended. */
  subscribeToAll(options: SubscribeOptions): Subscription;
  /** Position of the newest event in the store, or undefined when it is empty. */
  headPosition(): Promise<GlobalPosition | undefined>;
  /** The newest position, the count of events and the recorded chain head; undefined when the store is empty. */
  head(): Promise<StoreHead | undefined>;
  /**
   * An adapter that keeps what it read in memory (SQLite's recent streams) drops it: the file
   * under it was altered and put back, and a copy read meanwhile must not outlive the restore.
   */
  forgetCachedReads?(): void;
  close(): Promise<void>;
}
