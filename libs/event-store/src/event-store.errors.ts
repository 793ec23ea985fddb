import { ExpectedRevision, GlobalPosition, StreamRevision } from './event-store.port';

/** A stale write: someone else appended to the stream since the writer read it. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: StreamRevision | 'no_stream',
  ) {
    super(
      `Stream ${streamId} is at revision ${String(actual)}, but the write expected ${String(expected)}; ` +
        'reload and try again.',
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

/** The event store could not be reached or failed; nothing was written. */
export class EventStoreUnavailableError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'EventStoreUnavailableError';
  }
}

/**
 * The store stopped answering while it committed the write: it may or may not have been
 * recorded. Retrying with the same command id is safe (handleCommand answers a command already
 * in the stream from the stream), which is what the caller is told to do.
 */
export class WriteOutcomeUnknownError extends EventStoreUnavailableError {
  constructor(message: string, cause?: unknown) {
    super(message, cause);
    this.name = 'WriteOutcomeUnknownError';
  }
}

/**
 * The store refused the app's own credentials (a secured EventStoreDB whose user may not read
 * `$all` or write the app's streams): nothing was written, and retrying will not help until
 * whoever runs the server grants the permission.
 */
export class EventStoreAccessDeniedError extends EventStoreUnavailableError {
  constructor(message: string, cause?: unknown) {
    super(message, cause);
    this.name = 'EventStoreAccessDeniedError';
  }
}

/** The store refused a write larger than it takes at once (EventStoreDB's maximum append size); nothing was written. */
export class AppendTooLargeError extends Error {
  constructor(
    readonly streamId: string,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'AppendTooLargeError';
  }
}

/**
 * A stored event this build cannot read (a type or version it does not know), with where it is:
 * whoever reads past it would be guessing, so the reader stops there instead.
 */
export class UnreadableEventError extends Error {
  constructor(
    readonly event: { streamId: string; revision: StreamRevision; position: GlobalPosition; type: string; schemaVersion: number },
    override readonly cause: unknown,
  ) {
    super(
      `The event at position ${event.position} (stream ${event.streamId}, revision ${event.revision}) is ${event.type} v${event.schemaVersion}, ` +
        `which this build cannot read: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'UnreadableEventError';
  }
}
