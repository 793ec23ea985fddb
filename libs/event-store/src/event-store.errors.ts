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
