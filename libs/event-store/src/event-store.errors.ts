import { ExpectedRevision, StreamRevision } from './event-store.port';

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
