import { EventStore, RecordedEvent } from './event-store.port';
import { UnreadableEventError } from './event-store.errors';

/**
 * Lifts a stored event to the shape this build reads (the domain's `currentVersionOf`). It returns
 * the same object when the event is already current, and throws for a type or version it does not know.
 */
export type ReadUpcaster = (stored: RecordedEvent) => RecordedEvent;

/**
 * The one place stored events become current ones: every read (a stream, the log, a
 * subscription's batches) comes back upcast, once per read, so commands, projections, as-at views
 * and reports take events as they come and none of them calls the upcaster. Appends go to the
 * store untouched. Reads that ask for the hash chain get the events as stored, since the hashes
 * cover what was stored: verification sees the stored data and version, whatever store it is given.
 */
export class UpcastingEventStore implements EventStore {
  constructor(
    /** The adapter beneath, giving events as stored. */
    readonly stored: EventStore,
    readonly upcast: ReadUpcaster,
  ) {}

  readonly appendToStream: EventStore['appendToStream'] = (streamId, events, expectedRevision) => this.stored.appendToStream(streamId, events, expectedRevision);

  readonly readStream: EventStore['readStream'] = async (streamId, options) => (await this.stored.readStream(streamId, options)).map(this.lift);

  readonly readAll: EventStore['readAll'] = async (options) => {
    const events = await this.stored.readAll(options);
    return options?.withHashes ? events : events.map(this.lift);
  };

  /** A batch holding an event that cannot be read is handed over up to that event, so a reader that stops there stops right before it. */
  readonly subscribeToAll: EventStore['subscribeToAll'] = (options) =>
    this.stored.subscribeToAll({
      ...options,
      onEvents: async (events) => {
        const lifted: RecordedEvent[] = [];
        for (const event of events) {
          try {
            lifted.push(this.lift(event));
          } catch (error) {
            if (lifted.length > 0) await options.onEvents(lifted);
            throw error;
          }
        }
        await options.onEvents(lifted);
      },
    });

  readonly headPosition: EventStore['headPosition'] = () => this.stored.headPosition();

  readonly head: EventStore['head'] = () => this.stored.head();

  readonly close: EventStore['close'] = () => this.stored.close();

  /** An event the upcaster cannot lift is named by where it is, so whoever stops at it can say where. */
  private readonly lift = (stored: RecordedEvent): RecordedEvent => {
    try {
      return this.upcast(stored);
    } catch (error) {
      const { streamId, revision, position, type } = stored;
      throw new UnreadableEventError({ streamId, revision, position, type, schemaVersion: stored.metadata.schemaVersion ?? 1 }, error);
    }
  };
}

/** A store whose reads are upcast by `upcast`; an already upcasting store is given back as it is, so nothing is lifted twice. */
export function upcastOnRead(store: EventStore, upcast: ReadUpcaster): UpcastingEventStore {
  return store instanceof UpcastingEventStore ? store : new UpcastingEventStore(store, upcast);
}

/** The domain event a recorded event carries, as the store gave it (an upcasting store has lifted it already). */
export const eventOf = <Event>(recorded: RecordedEvent): Event => ({ type: recorded.type, data: recorded.data }) as Event;
