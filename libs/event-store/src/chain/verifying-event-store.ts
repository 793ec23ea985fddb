import { EventStore, RecordedEvent } from '../event-store.port';
import { UpcastingEventStore } from '../upcasting-event-store';
import { ChainBreak } from './chain-verifier';
import { BrokenHistoryError, ChainIntegrity } from './chain-integrity';
import { eventHashOf, nextGlobalHash } from './event-hash';
import { hashedAtAppend } from './hashed-at-append';

export interface VerifyingEventStoreOptions {
  /** EventStoreDB history from before chains existed carries no hash; such events pass unchecked, as the verifier accepts them. */
  acceptUnchainedHistory?: boolean;
  /** Streams that may still be written while an unacknowledged break stands: the break's own records. */
  allowedWhileBroken(streamId: string): boolean;
  /** The clock that stamps when a read found a break. */
  now(): string;
}

const where = (e: RecordedEvent) => `position ${e.position} (stream ${e.streamId}, revision ${e.revision})`;

/**
 * Checks every event on its way out of the store against the hash stored with it, and refuses
 * writes while the history is broken and unacknowledged (see ChainIntegrity). A read never
 * presents an event that no longer matches its hash: it reports the break and throws instead.
 *
 * It checks what one read can see: each event's own hash, its link to the event before it in the
 * same answer (its stream's, or the global chain's in a page of the log), and nothing further.
 * Which events were deleted before the first one read, or whether a whole stretch was rewritten
 * with fresh hashes, only the full chain (the api's continuous check) and a head kept outside
 * the system can tell. Events already checked are remembered by identity, so a store that serves
 * recent streams from memory (SQLite) pays for each event once, not once per read.
 */
export class VerifyingEventStore implements EventStore {
  private readonly checked = new WeakSet<RecordedEvent>();

  constructor(
    /** The adapter beneath, giving events as stored. */
    readonly stored: EventStore,
    readonly integrity: ChainIntegrity,
    private readonly options: VerifyingEventStoreOptions,
  ) {
    // Streams read while the file was altered (an edited event, swapped positions) are cached as read: once it is put back, read it again.
    integrity.onRestored(() => stored.forgetCachedReads?.());
  }

  readonly appendToStream: EventStore['appendToStream'] = (streamId, events, expectedRevision) => {
    const refusal = this.integrity.refusalFor(streamId, this.options.allowedWhileBroken);
    return refusal ? Promise.reject(refusal) : this.stored.appendToStream(streamId, events, expectedRevision);
  };

  readonly readStream: EventStore['readStream'] = async (streamId, options) => {
    const events = await this.stored.readStream(streamId, options);
    this.checkStream(events);
    return events;
  };

  readonly readAll: EventStore['readAll'] = async (options) => {
    // A verifier asking for the chain checks it itself, with the whole chain in view.
    if (options?.withHashes) return this.stored.readAll(options);
    const events = await this.stored.readAll({ ...options, withHashes: true });
    this.checkLog(events);
    return events;
  };

  readonly subscribeToAll: EventStore['subscribeToAll'] = (options) =>
    this.stored.subscribeToAll({
      ...options,
      withHashes: true,
      onEvents: async (events) => {
        try {
          this.checkLog(events);
        } catch (error) {
          // What verified before the broken event is handed on; the subscription stops at the break and tries again from there.
          const good = events.filter((e) => (this.checked.has(e) || hashedAtAppend.has(e)) && (!(error instanceof BrokenHistoryError) || e.position < error.found.position));
          if (good.length > 0) await options.onEvents(good);
          throw error;
        }
        await options.onEvents(events);
      },
    });

  readonly headPosition: EventStore['headPosition'] = () => this.stored.headPosition();

  readonly head: EventStore['head'] = () => this.stored.head();

  readonly close: EventStore['close'] = () => this.stored.close();

  /** A stream's events in revision order: each matches its hash and is chained to the one before it. */
  private checkStream(events: RecordedEvent[]): void {
    let before: RecordedEvent | undefined;
    for (const event of events) {
      this.checkOwnHash(event);
      if (before) {
        if (event.revision !== before.revision + 1n) {
          this.refuse(event, 'MISSING', `Stream ${event.streamId} goes from revision ${before.revision} to ${event.revision} at ${where(event)}: an event between them was deleted.`);
        }
        if (before.hash !== undefined && event.previousHash !== undefined && event.previousHash !== before.hash) {
          this.refuse(event, 'EDITED', `The event at ${where(event)} was chained to a different revision ${before.revision} of its stream than the one stored at position ${before.position}: that event was replaced.`);
        }
      }
      before = event;
    }
  }

  /** A page of the log in position order: each matches its hash and, where the store keeps it, follows from the global chain before it. */
  private checkLog(events: RecordedEvent[]): void {
    let before: RecordedEvent | undefined;
    for (const event of events) {
      this.checkOwnHash(event);
      if (before?.globalHash !== undefined && event.globalHash !== undefined && event.hash !== undefined && nextGlobalHash(before.globalHash, event.hash) !== event.globalHash) {
        this.refuse(event, 'MISSING', `The global chain breaks at ${where(event)}: it does not follow from the event before it (position ${before.position}); an event was deleted, or the events were reordered.`);
      }
      before = event;
    }
  }

  private checkOwnHash(event: RecordedEvent): void {
    if (this.checked.has(event) || hashedAtAppend.has(event)) return;
    if (event.hash === undefined || event.previousHash === undefined) {
      if (this.options.acceptUnchainedHistory) return;
      this.refuse(event, 'UNCHAINED', `The event at ${where(event)} carries no chain hash: it was not written through the store's append path.`);
    }
    if (eventHashOf(event, event.previousHash!) !== event.hash) {
      this.refuse(event, 'EDITED', `The event at ${where(event)} no longer matches its hash: its content was edited after it was recorded.`);
    }
    this.checked.add(event);
  }

  private refuse(event: RecordedEvent, kind: ChainBreak['kind'], message: string): never {
    const found: ChainBreak = { kind, position: event.position, streamId: event.streamId, revision: event.revision, eventId: event.id, message };
    this.integrity.broken(found, this.options.now());
    throw new BrokenHistoryError(found);
  }
}

/**
 * The same store without the read checks, for the one reader that must see a broken history as
 * stored: the History check, which compares the read models with the events and already reports
 * the break itself. Anything else would present an edited event as fact.
 */
export function withoutReadChecks(store: EventStore): EventStore {
  if (store instanceof VerifyingEventStore) return store.stored;
  if (store instanceof UpcastingEventStore && store.stored instanceof VerifyingEventStore) return new UpcastingEventStore(store.stored.stored, store.upcast);
  return store;
}
