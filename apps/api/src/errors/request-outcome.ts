import { ErrorCode } from './error-codes';

/** One error a request was answered with: its code and the non-personal details that say why. */
export interface ErrorOutcome {
  code: string;
  /** extensions.reason, e.g. QUERY_TOO_DEEP. */
  reason?: string;
  /** extensions.rule: which domain rule refused. */
  rule?: string;
  /** The GraphQL field path, e.g. "addAction" or "plan.actions". */
  path?: string;
}

/** What the request log learns about a request while it is answered, kept on the request itself. */
export interface ObservedRequest {
  requestId?: string;
  graphql?: { operationName?: string; operationType?: string };
  errors?: ErrorOutcome[];
  principal?: { userId: string };
}

export function recordErrors(request: unknown, errors: ErrorOutcome[]): void {
  const observed = request as ObservedRequest;
  observed.errors = [...(observed.errors ?? []), ...errors];
}

/** Kept from a client error's extensions; everything else (messages, values, names) may be personal. */
export function errorOutcome(extensions: Record<string, unknown> | undefined, path?: readonly (string | number)[]): ErrorOutcome {
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 100) : undefined);
  return {
    code: text(extensions?.code) ?? ErrorCode.Internal,
    reason: text(extensions?.reason),
    rule: text(extensions?.rule),
    path: path && path.length > 0 ? path.filter((p) => typeof p === 'string').join('.') : undefined,
  };
}

const REFUSALS = new Set<string>([
  ErrorCode.Unauthenticated,
  ErrorCode.Forbidden,
  // The api answers NOT_FOUND for what exists outside the caller's areas as for what does not exist at all.
  ErrorCode.NotFound,
  ErrorCode.TooManyRequests,
  ErrorCode.TooManyRootFields,
  ErrorCode.TooManyMutations,
  'QUERY_TOO_COSTLY',
]);

/**
 * The refusal an error is, for the security log: who was turned away and why. The depth rule's
 * refusal arrives as a validation failure with reason QUERY_TOO_DEEP (graphql-js reports every
 * validation error under one code), so it is named by its reason.
 */
export function refusalOf(outcome: ErrorOutcome): string | undefined {
  if (REFUSALS.has(outcome.code)) return outcome.code;
  if (outcome.reason === 'QUERY_TOO_DEEP') return outcome.reason;
  return undefined;
}
