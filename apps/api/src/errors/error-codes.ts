/** The stable `extensions.code` values clients can rely on. */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  NotFound: 'NOT_FOUND',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  Conflict: 'CONFLICT',
  /** Well-formed, but the action's current state does not allow it (e.g. Blue without evidence). */
  RuleViolation: 'FAILED_PRECONDITION',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  /** An upload above EVIDENCE_FILE_MAX_BYTES. */
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  /** An upload whose content is not an accepted document or image, or contradicts its name. */
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  /** A stored file no longer matches the SHA-256 its event recorded. */
  IntegrityCheckFailed: 'INTEGRITY_CHECK_FAILED',
  /** Past the per-person allowance of history reads (EXPENSIVE_READS_PER_USER); retryAfterSeconds says when. */
  TooManyRequests: 'TOO_MANY_REQUESTS',
  /** More root fields (aliases included) in one operation than GRAPHQL_MAX_ROOT_FIELDS; nothing ran. */
  TooManyRootFields: 'TOO_MANY_ROOT_FIELDS',
  /** More mutations in one operation than GRAPHQL_MAX_MUTATIONS; nothing ran. */
  TooManyMutations: 'TOO_MANY_MUTATIONS',
  /**
   * The tamper-evident history does not verify: a write refused until the programme office
   * acknowledges the break, or a read refused because its answer would rest on a broken event.
   */
  HistoryBroken: 'HISTORY_BROKEN',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;
