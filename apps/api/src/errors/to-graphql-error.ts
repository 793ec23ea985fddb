import { HttpException, Logger } from '@nestjs/common';
import { conflictSubject } from './conflict-subject';
import { GraphQLError } from 'graphql';
import { DomainError, historyBreakId } from '@send/domain';
import {
  AppendTooLargeError,
  BrokenHistoryError,
  EventStoreAccessDeniedError,
  EventStoreUnavailableError,
  HistoryWritesRefusedError,
  WriteOutcomeUnknownError,
  WrongExpectedRevisionError,
  isPostgresUnavailable,
} from '@send/event-store';
import { InvalidCursorError, ProjectionTimeoutError } from '@send/read-models';
import { ErrorCode } from './error-codes';
import { storageFailureOf } from './storage-failure';

const logger = new Logger('GraphQL');

const DOMAIN_CODES: Record<DomainError['kind'], string> = {
  invalid: ErrorCode.BadUserInput,
  not_found: ErrorCode.NotFound,
  already_exists: ErrorCode.Conflict,
  rule_violation: ErrorCode.RuleViolation,
  forbidden: ErrorCode.Forbidden,
};

/** Every refusal leaves the API as a GraphQL error with a stable code and a readable message. */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof DomainError) {
    return new GraphQLError(error.message, {
      extensions: { code: DOMAIN_CODES[error.kind], rule: error.rule, ...(error.field ? { field: error.field } : {}) },
    });
  }
  if (error instanceof WrongExpectedRevisionError) {
    return new GraphQLError(`${conflictSubject(error.streamId)} has changed since you loaded it: ${error.message}`, {
      extensions: {
        code: ErrorCode.Conflict,
        expectedRevision: String(error.expected),
        currentRevision: error.actual === 'no_stream' ? null : Number(error.actual),
      },
    });
  }
  if (error instanceof HistoryWritesRefusedError || error instanceof BrokenHistoryError) {
    const { kind, position } = error.found;
    return new GraphQLError(
      error instanceof HistoryWritesRefusedError
        ? error.message
        : `The recorded history does not verify at position ${position} (${kind}), and this answer would rest on it, so it is not given. Ask the programme office: the history must be restored from a backup that verifies.`,
      { extensions: { code: ErrorCode.HistoryBroken, refused: error instanceof HistoryWritesRefusedError ? 'WRITE' : 'READ', breakId: historyBreakId(position, kind), position: String(position), kind } },
    );
  }
  if (error instanceof InvalidCursorError) {
    return new GraphQLError(error.message, { extensions: { code: ErrorCode.BadUserInput, field: 'after', rule: 'isCursor' } });
  }
  if (error instanceof ProjectionTimeoutError) {
    // The event is already stored; only the answer is missing, so the client must not retry blindly.
    return new GraphQLError('The change was recorded, but the read models have not caught up yet; reload in a moment.', {
      extensions: { code: ErrorCode.ServiceUnavailable, recorded: true },
    });
  }
  if (error instanceof WriteOutcomeUnknownError) {
    logger.warn(`Event store write outcome unknown: ${error.message}`);
    return new GraphQLError(
      'The plan store stopped answering while it was committing this change, so it may or may not have been recorded. Send it again with the same commandId: a change is never recorded twice.',
      { extensions: { code: ErrorCode.ServiceUnavailable, outcomeUnknown: true } },
    );
  }
  if (error instanceof EventStoreAccessDeniedError) {
    // The server's configuration, not the request: whoever runs it must grant the permission.
    logger.error(error.message);
    return new GraphQLError(
      'The plan store refused this server’s own credentials, so nothing was changed. Ask whoever runs the server to give its event store user the permissions it needs.',
      { extensions: { code: ErrorCode.ServiceUnavailable, reason: 'EVENT_STORE_ACCESS_DENIED' } },
    );
  }
  if (error instanceof AppendTooLargeError) {
    logger.warn(error.message);
    return new GraphQLError('This change is larger than the plan store takes in one write, so nothing was changed. Send it in smaller parts.', {
      extensions: { code: ErrorCode.BadUserInput, rule: 'maxAppendSize' },
    });
  }
  if (error instanceof EventStoreUnavailableError) {
    const storage = storageFailureOf(error.cause);
    if (storage) {
      logger.warn(`Event store write failed: ${error.message}`);
      return new GraphQLError(`The plan store cannot be written: ${storage.cause}; nothing was changed. Try again once it is fixed.`, {
        extensions: { code: ErrorCode.ServiceUnavailable, reason: storage.reason },
      });
    }
    return new GraphQLError(`The plan store is unavailable; nothing was changed. Try again shortly. (${error.message})`, {
      extensions: { code: ErrorCode.ServiceUnavailable },
    });
  }
  if (error instanceof HttpException) {
    return new GraphQLError(error.message, { extensions: { code: ErrorCode.BadUserInput } });
  }
  if (isPostgresUnavailable(error)) {
    logger.warn(`Database unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return new GraphQLError(
      'The database is unavailable (restarting, or out of reach). Try again shortly; a change sent again with the same commandId is never recorded twice, so retrying is safe even if this one was recorded before the database went.',
      {
        extensions: { code: ErrorCode.ServiceUnavailable, reason: 'DATABASE_UNAVAILABLE' },
      },
    );
  }
  // A read-only, full or failing disk is the server's fault and passes: say so, without paths.
  const storage = storageFailureOf(error);
  if (storage) {
    logger.warn(`Storage failure: ${error instanceof Error ? error.message : String(error)}`);
    return new GraphQLError(`The server cannot use its storage: ${storage.cause}. Try again once it is fixed.`, {
      extensions: { code: ErrorCode.ServiceUnavailable, reason: storage.reason },
    });
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return new GraphQLError('Internal server error', { extensions: { code: ErrorCode.Internal } });
}
