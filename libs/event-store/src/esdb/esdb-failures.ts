import {
  AccessDeniedError,
  AppendRecordSizeExceededError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { ExpectedRevision } from '../event-store.port';
import {
  AppendTooLargeError,
  EventStoreAccessDeniedError,
  EventStoreUnavailableError,
  WriteOutcomeUnknownError,
  WrongExpectedRevisionError,
} from '../event-store.errors';

// gRPC status codes the client sometimes hands back unconverted (seen on appends).
const GRPC_CANCELLED = 1;
const GRPC_UNKNOWN = 2;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_PERMISSION_DENIED = 7;
const GRPC_UNAVAILABLE = 14;
const GRPC_UNAUTHENTICATED = 16;

/**
 * What a failed append means for the caller. The line that matters is between "the server never
 * took the write" (unavailable: nothing was changed, try again) and "the server may have committed
 * it before the answer was lost" (outcome unknown: send it again with the same commandId, which
 * handleCommand answers from the stream instead of appending twice).
 */
export function appendFailure(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (error instanceof WrongExpectedVersionError) return new WrongExpectedRevisionError(streamId, expected, error.actualState);
  if (error instanceof MaxAppendSizeExceededError) {
    return new AppendTooLargeError(streamId, `EventStoreDB refused the write to ${streamId}: it takes at most ${error.maxAppendSize} bytes in one append`, error);
  }
  if (error instanceof AppendRecordSizeExceededError) {
    return new AppendTooLargeError(streamId, `EventStoreDB refused the write to ${streamId}: an event of ${error.size} bytes, where it takes at most ${error.maxSize}`, error);
  }
  const denied = accessDenied(error);
  if (denied) return denied;
  if (neverReachedTheServer(error)) return unavailable(error);
  if (cutOff(error)) {
    return new WriteOutcomeUnknownError(`EventStoreDB did not confirm the write to ${streamId}, which it may have recorded: ${describe(error)}`, error);
  }
  return error;
}

/** What a failed read means: a read changes nothing, so every failure of the server is "unavailable". */
export function readFailure(error: unknown): unknown {
  const denied = accessDenied(error);
  if (denied) return denied;
  if (neverReachedTheServer(error) || cutOff(error)) return unavailable(error);
  return error;
}

/** A read that passed its deadline: the server is too slow or gone, and the caller is not kept waiting on it. */
export function readTimedOut(what: string, timeoutMs: number): EventStoreUnavailableError {
  return new EventStoreUnavailableError(`EventStoreDB did not answer ${what} within ${timeoutMs} ms`);
}

function accessDenied(error: unknown): EventStoreAccessDeniedError | undefined {
  if (!(error instanceof AccessDeniedError) && !hasCode(error, GRPC_PERMISSION_DENIED, GRPC_UNAUTHENTICATED)) return undefined;
  return new EventStoreAccessDeniedError(
    `EventStoreDB refused the app's user (${describe(error)}): check its name and password in EVENTSTORE_CONNECTION_STRING, and that it may read $all and write the app's streams (docs/scaling.md)`,
    error,
  );
}

/**
 * Refused connections and failed discovery come before any request is sent, and a follower
 * refuses a write (NotLeader) before it reaches the log: nothing can have been written.
 */
function neverReachedTheServer(error: unknown): boolean {
  if (error instanceof NotLeaderError) return true;
  if (!(error instanceof Error)) return false;
  return (error as { code?: unknown }).code === 'ECONNREFUSED' || /ECONNREFUSED|Failed to discover|No connection established/i.test(error.message);
}

/**
 * A call that ended without the server's answer: a deadline, a cancelled call (the client
 * reconnecting or shutting down), a connection dropped mid-call, an error nobody recognised. On
 * an append, each can fall after the server committed.
 */
function cutOff(error: unknown): boolean {
  return (
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    error instanceof UnavailableError ||
    error instanceof UnknownError ||
    hasCode(error, GRPC_DEADLINE_EXCEEDED, GRPC_CANCELLED, GRPC_UNAVAILABLE, GRPC_UNKNOWN)
  );
}

function unavailable(error: unknown): EventStoreUnavailableError {
  return new EventStoreUnavailableError(`EventStoreDB is unavailable: ${describe(error)}`, error);
}

function hasCode(error: unknown, ...codes: number[]): boolean {
  return error instanceof Error && codes.includes((error as { code?: unknown }).code as number);
}

/** The client's errors often carry an empty message; the error's class then says what happened. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message || error.constructor.name;
}
