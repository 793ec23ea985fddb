import {
  AllStreamRecordedEvent,
  BACKWARDS,
  Direction,
  END,
  FORWARDS,
  jsonEvent,
  KurrentDBClient,
  ReadPosition,
  RecordedEvent as EsdbRecordedEvent,
  START,
  StreamNotFoundError,
  streamNameFilter,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
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
import { WrongExpectedRevisionError } from '../event-store.errors';
import { matchesExpectedRevision } from '../expected-revision';
import { chainEvents, StreamTip, tipOfUnchainedStream, unchain } from './esdb-hash-chain';
import { EsdbClient } from './esdb-client';
import { appendFailure, readFailure } from './esdb-failures';
import { readWithin } from './esdb-read-deadline';

export interface EsdbEventStoreOptions {
  /**
   * The stream name prefixes that are this store's (the app passes its own, `STREAM_NAME_PREFIXES`).
   * A server is often shared; its other streams are neither read nor written.
   */
  streamPrefixes: readonly string[];
  /** How often a subscriber looks for events written by other processes. */
  pollIntervalMs?: number;
  /** How long a read, or an append, may take before the server is reported unavailable. */
  timeoutMs?: number;
}

const PAGE_SIZE = 500;
/** Appends with 'any' or 'stream_exists' that lost a race to another writer and are chained again. */
const CHAIN_RETRIES = 5;
/** The client's own default deadline for appends; reads get the same. */
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * EventStoreDB / KurrentDB adapter. Our GlobalPosition is the event's commit position in the
 * transaction log: appends through the gRPC API write every event as its own committed record,
 * so each event gets a commit position of its own (equal to its prepare position) that grows in
 * commit order, which is exactly the port's contract. Only events from legacy explicit
 * transactions (TCP API) share a commit position; this adapter never writes those. Positions are
 * byte offsets, not consecutive numbers: a read may start only at a position the server gave out.
 *
 * The store is the streams whose names start with one of `streamPrefixes`: $all is read through
 * the server's stream-prefix filter (and each page is checked again here), so another
 * application's events, system events and the contract tests' streams never reach the projections,
 * and appends anywhere else are refused, since what is written there could never be read back.
 *
 * Idempotency: the server recognises a repeated append by its event ids only when it is made at
 * the expected revision the first one was; an append at the stream's current revision is written
 * without looking at ids. This adapter reads the tip afresh for every append, so a repeat of an
 * append that did commit is made at the new tip and would be written again. Retried commands are
 * safe because `handleCommand` finds the command id already in the stream and answers from there
 * before anything is appended; this adapter itself refuses nothing for a repeated id.
 *
 * Subscriptions reuse CatchUpSubscription (read $all in batches, poll for more) instead of the
 * client's subscribeToAll: batches, back pressure, `after` being exclusive and retry-from-the-
 * last-good-batch after an error then behave exactly as on SQLite, and a dropped gRPC stream
 * needs no resubscribe logic because every poll is a fresh read. The cost is up to one poll
 * interval of latency for events written by other processes.
 */
export class EsdbEventStore implements EventStore {
  private readonly subscriptions: PolledSubscriptions;
  private readonly streamPrefixes: readonly string[];
  private readonly timeoutMs: number;
  /**
   * The server counts no events for us, so this process counts them once and then only those
   * appended since; one count at a time, so two callers never add the same page twice.
   */
  private counting: Promise<{ position?: GlobalPosition; events: number }> = Promise.resolve({ events: 0 });

  static connect(connectionString: string, options: EsdbEventStoreOptions): EsdbEventStore {
    return new EsdbEventStore(KurrentDBClient.connectionString(connectionString), options);
  }

  constructor(
    private readonly client: EsdbClient,
    options: EsdbEventStoreOptions,
  ) {
    if (options.streamPrefixes.length === 0 || options.streamPrefixes.some((prefix) => prefix === '' || prefix.startsWith('$'))) {
      throw new Error(`An EventStoreDB store needs its own stream prefixes, none empty or a system one ($); got ${JSON.stringify(options.streamPrefixes)}`);
    }
    this.streamPrefixes = [...options.streamPrefixes];
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.subscriptions = new PolledSubscriptions(options.pollIntervalMs ?? 100);
  }

  async appendToStream(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    if (!this.isOwnStream(streamId)) {
      throw new Error(`Stream ${streamId} is not one of this store's (${this.streamPrefixes.join(', ')}): its events would never be read back`);
    }
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
          streamState: tip === undefined ? 'no_stream' : tip.revision,
          deadline: this.timeoutMs,
        });
        const position = result.position?.commit ?? (await this.positionOfRevision(streamId, result.nextExpectedRevision));
        this.subscriptions.notifyAppended();
        return { nextExpectedRevision: result.nextExpectedRevision, position };
      } catch (error) {
        const raced = error instanceof WrongExpectedVersionError && (expectedRevision === 'any' || expectedRevision === 'stream_exists');
        if (raced && attempt < CHAIN_RETRIES) continue;
        throw appendFailure(error, streamId, expectedRevision);
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

  /**
   * Stream reads decide commands (a fold, the tip an append chains onto), so they ask for the
   * leader: a follower may be behind, and a stale tip only earns a needless conflict.
   */
  private async readEvents(streamId: string, options: { direction?: Direction; fromRevision?: typeof END | bigint; maxCount?: number }): Promise<RecordedEvent[]> {
    try {
      const read = await readWithin(this.client.readStream(streamId, { ...options, requiresLeader: true }), this.timeoutMs, `a read of ${streamId}`);
      return read.flatMap((resolved) => (resolved.event ? [toRecordedEvent(resolved.event)] : []));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw readFailure(error);
    }
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
        if (this.isOwnStream(event.streamId) && found.length < maxCount) found.push(toRecordedEvent(event));
      }
      if (page.length < pageSize) break;
      from = page[page.length - 1].position;
    }
    return found;
  }

  /** The leader's head: a follower's could say "caught up" before the newest write is in. */
  async headPosition(): Promise<GlobalPosition | undefined> {
    let from: ReadPosition = END;
    for (;;) {
      const page = await this.readPage(BACKWARDS, from, PAGE_SIZE, true);
      const newest = page.find((event) => this.isOwnStream(event.streamId));
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
   * half-consumed would keep its stream open. The server filters on the store's prefixes; callers
   * still check each event's stream, page by page, so that a server which sent others anyway
   * could neither feed them to the projections nor make a run of them look like the end of $all.
   */
  private async readPage(direction: Direction, fromPosition: ReadPosition, maxCount: number, requiresLeader = false): Promise<AllStreamRecordedEvent[]> {
    try {
      const filter = streamNameFilter({ prefixes: [...this.streamPrefixes] });
      const read = await readWithin(this.client.readAll({ direction, fromPosition, maxCount, filter, requiresLeader }), this.timeoutMs, 'a read of $all');
      return read.flatMap((resolved) => (resolved.event ? [resolved.event] : []));
    } catch (error) {
      throw readFailure(error);
    }
  }

  /** Servers that return no position with an append still return it when the event is read. */
  private async positionOfRevision(streamId: string, revision: StreamRevision): Promise<GlobalPosition> {
    const [appended] = await this.readEvents(streamId, { fromRevision: revision, maxCount: 1 });
    if (appended) return appended.position;
    throw new Error(`Event ${String(revision)} of stream ${streamId} was appended but cannot be read back`);
  }

  private isOwnStream(streamId: string): boolean {
    return this.streamPrefixes.some((prefix) => streamId.startsWith(prefix));
  }
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
