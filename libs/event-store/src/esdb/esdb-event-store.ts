import {
  AllStreamRecordedEvent,
  BACKWARDS,
  DeadlineExceededError,
  Direction,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  NotLeaderError,
  Position,
  ReadPosition,
  RecordedEvent as EsdbRecordedEvent,
  START,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreHead,
  StreamRevision,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { PolledSubscriptions } from '../polled-subscriptions';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import { matchesExpectedRevision } from '../expected-revision';
import { chainEvents, StreamTip, tipOfUnchainedStream, unchain } from './esdb-hash-chain';

export interface EsdbEventStoreOptions {
  /** How often a subscriber looks for events written by other processes. */
  pollIntervalMs?: number;
}

const PAGE_SIZE = 500;
/** Appends with 'any' or 'stream_exists' that lost a race to another writer and are chained again. */
const CHAIN_RETRIES = 5;

// gRPC status codes the client sometimes hands back unconverted (seen on appends).
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/**
 * EventStoreDB adapter. Our GlobalPosition is the event's commit position in the transaction
 * log: appends through the gRPC API write every event as its own committed record, so each
 * event gets a commit position of its own (equal to its prepare position) that grows in commit
 * order, which is exactly the port's contract. Only events from legacy explicit transactions
 * (TCP API) share a commit position; this adapter never writes those.
 *
 * Subscriptions reuse CatchUpSubscription (read $all in batches, poll for more) instead of the
 * client's subscribeToAll: batches, back pressure, `after` being exclusive and retry-from-the-
 * last-good-batch after an error then behave exactly as on SQLite, and a dropped gRPC stream
 * needs no resubscribe logic because every poll is a fresh read. The cost is up to one poll
 * interval of latency for events written by other processes.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly subscriptions: PolledSubscriptions;
  /**
   * The server counts no events for us, so this process counts them once and then only those
   * appended since; one count at a time, so two callers never add the same page twice.
   */
  private counting: Promise<{ position?: GlobalPosition; events: number }> = Promise.resolve({ events: 0 });

  constructor(connectionString: string, options: EsdbEventStoreOptions = {}) {
    this.client = EventStoreDBClient.connectionString(connectionString);
    this.subscriptions = new PolledSubscriptions(options.pollIntervalMs ?? 100);
  }

  async appendToStream(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    // The client serialises inside a promise executor, where a throw (a bigint, a cycle) would
    // leave the append pending forever; failing here keeps the whole batch unwritten.
    for (const event of events) JSON.stringify([event.data, event.metadata]);
    for (let attempt = 0; ; attempt++) {
      // Each event's hash needs its predecessor's hash and its own revision, so the tip is read
      // first and the append is made at exactly that revision; the server refuses it if another
      // writer got there in between.
      const tip = await this.streamTip(streamId);
      if (!matchesExpectedRevision(expectedRevision, tip?.revision)) {
        throw new WrongExpectedRevisionError(streamId, expectedRevision, tip?.revision ?? 'no_stream');
      }
      const chained = chainEvents(streamId, events, tip, new Date().toISOString());
      try {
        const result = await this.client.appendToStream(streamId, chained.map((event) => jsonEvent(event)), {
          expectedRevision: tip === undefined ? 'no_stream' : tip.revision,
        });
        const position = result.position?.commit ?? (await this.positionOfRevision(streamId, result.nextExpectedRevision));
        this.subscriptions.notifyAppended();
        return { nextExpectedRevision: result.nextExpectedRevision, position };
      } catch (error) {
        const raced = error instanceof WrongExpectedVersionError && (expectedRevision === 'any' || expectedRevision === 'stream_exists');
        if (raced && attempt < CHAIN_RETRIES) continue;
        throw translateError(error, streamId, expectedRevision);
      }
    }
  }

  private async streamTip(streamId: string): Promise<StreamTip | undefined> {
    const [newest] = await this.readEvents(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    if (newest === undefined) return undefined;
    if (newest.hash !== undefined) return { revision: newest.revision, hash: newest.hash };
    return tipOfUnchainedStream(await this.readStream(streamId));
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.readEvents(streamId, options.after === undefined ? {} : { fromRevision: options.after + 1n });
  }

  private async readEvents(streamId: string, options: { direction?: Direction; fromRevision?: typeof END | bigint; maxCount?: number }): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, options)) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw translateError(error, streamId);
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const found: RecordedEvent[] = [];
    // A forward read of $all includes the event at its start position, so `after` is enforced
    // by dropping everything at or below the last position already seen.
    let seen = options.after;
    let from: ReadPosition = seen === undefined ? START : { commit: seen, prepare: seen };
    while (found.length < maxCount) {
      const pageSize = Math.min(PAGE_SIZE, maxCount - found.length + 1);
      const page = await this.readPage(FORWARDS, from, pageSize);
      for (const event of page) {
        if (seen !== undefined && event.position.commit <= seen) continue;
        seen = event.position.commit;
        if (!isSystemEvent(event) && found.length < maxCount) found.push(toRecordedEvent(event));
      }
      if (page.length < pageSize) break;
      from = page[page.length - 1].position;
    }
    return found;
  }

  async headPosition(): Promise<GlobalPosition | undefined> {
    let from: ReadPosition = END;
    for (;;) {
      const page = await this.readPage(BACKWARDS, from, PAGE_SIZE);
      const newest = page.find((event) => !isSystemEvent(event));
      if (newest) return newest.position.commit;
      if (page.length < PAGE_SIZE) return undefined;
      from = page[page.length - 1].position;
    }
  }

  /** No global chain is stored on EventStoreDB (see esdb-hash-chain.ts), so the head carries no hash. */
  async head(): Promise<StoreHead | undefined> {
    const previous = this.counting;
    const counting = previous.then(async (counted) => {
      for (;;) {
        const page = await this.readAll({ after: counted.position, maxCount: PAGE_SIZE });
        if (page.length > 0) counted = { position: page[page.length - 1].position, events: counted.events + page.length };
        if (page.length < PAGE_SIZE) return counted;
      }
    });
    // A failed count leaves the last good one for the next caller.
    this.counting = counting.catch(() => previous);
    const counted = await counting;
    return counted.position === undefined ? undefined : { position: counted.position, events: counted.events };
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return this.subscriptions.subscribe((after, maxCount) => this.readAll({ after, maxCount, withHashes: options.withHashes }), options);
  }

  async close(): Promise<void> {
    await this.subscriptions.closeAll();
    await this.client.dispose();
  }

  /**
   * Reads one page of $all to its end rather than stopping early: leaving a gRPC read
   * half-consumed would keep its stream open. Version 6 of the client cannot filter readAll on
   * the server, so callers skip system events themselves, page by page, so that a run of them
   * never looks like the end of $all.
   */
  private async readPage(direction: Direction, fromPosition: ReadPosition, maxCount: number): Promise<AllStreamRecordedEvent[]> {
    const page: AllStreamRecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readAll({ direction, fromPosition, maxCount })) {
        if (resolved.event) page.push(resolved.event);
      }
    } catch (error) {
      throw translateError(error);
    }
    return page;
  }

  /** Servers that return no position with an append still return it when the event is read. */
  private async positionOfRevision(streamId: string, revision: StreamRevision): Promise<GlobalPosition> {
    for await (const resolved of this.client.readStream(streamId, { fromRevision: revision, maxCount: 1 })) {
      if (resolved.event) return positionOf(resolved.event);
    }
    throw new Error(`Event ${String(revision)} of stream ${streamId} was appended but cannot be read back`);
  }
}

/** The same rule as the server's excludeSystemEvents filter: system event types start with `$`. */
function isSystemEvent(event: EsdbRecordedEvent): boolean {
  return event.type.startsWith('$');
}

function positionOf(event: EsdbRecordedEvent): GlobalPosition {
  // Stream reads carry positions from EventStoreDB 22.6 on; a made-up position would corrupt
  // checkpoints silently, so an older server is refused loudly.
  if (!event.position) {
    throw new Error(`EventStoreDB returned event ${event.id} without a position; version 22.6 or later is required`);
  }
  return event.position.commit;
}

function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  const { metadata, chain } = unchain((event.metadata ?? {}) as Record<string, unknown>);
  return {
    id: event.id,
    streamId: event.streamId,
    revision: event.revision,
    position: positionOf(event),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata,
    recordedAt: chain?.recordedAt ?? event.created.toISOString(),
    hash: chain?.hash,
    previousHash: chain?.previousHash,
  };
}

function translateError(error: unknown, streamId?: string, expected?: ExpectedRevision): unknown {
  if (error instanceof WrongExpectedVersionError) {
    return new WrongExpectedRevisionError(streamId ?? error.streamName, expected ?? error.expectedVersion, error.actualVersion);
  }
  if (isUnavailable(error)) {
    // A timed-out append may still have been written; retrying it is safe because the server
    // recognises events it already holds by id, and event ids derive from the command id.
    return new EventStoreUnavailableError(`EventStoreDB is unavailable: ${(error as Error).message}`, error);
  }
  return error;
}

function isUnavailable(error: unknown): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError
  ) {
    return true;
  }
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    code === GRPC_UNAVAILABLE ||
    code === GRPC_DEADLINE_EXCEEDED ||
    code === 'ECONNREFUSED' ||
    /ECONNREFUSED|Failed to discover/.test(error.message)
  );
}
