/** Who acted, as recorded on every event; filled in by the access-control layer. */
export interface Actor {
  userId: string;
  displayName?: string;
  role?: string;
}

/**
 * Everything a decision needs from the outside world comes in here, so `decide` stays pure and
 * tests are deterministic: the clock, the ids and the acting user.
 */
export interface CommandMetadata {
  /** ISO instant the command is handled at. */
  now: string;
  commandId: string;
  correlationId: string;
  causationId?: string;
  actor?: Actor | null;
}
