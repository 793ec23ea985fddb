import { ExpectedRevision, StreamRevision } from './event-store.port';

/** Checks an expected revision against the stream's actual one (`undefined` = no stream). */
export function matchesExpectedRevision(expected: ExpectedRevision, actual: StreamRevision | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === undefined;
    case 'stream_exists':
      return actual !== undefined;
    default:
      return actual === expected;
  }
}
