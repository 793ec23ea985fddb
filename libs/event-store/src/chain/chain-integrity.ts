import { ChainBreak, ChainHead } from './chain-verifier';

/**
 * UNCHECKED: the api has not finished its first check since it started.
 * VERIFIED: both chains held at the last check, up to `verifiedThrough`.
 * BROKEN: a check, or a read, found the history edited, deleted or reordered; until restored
 * nothing read from it is vouched for.
 */
export type ChainIntegrityStatus = 'UNCHECKED' | 'VERIFIED' | 'BROKEN';

export interface ChainIntegritySnapshot {
  status: ChainIntegrityStatus;
  /** The chain's head at the last check that held; undefined while unchecked, and once broken. */
  verifiedThrough?: ChainHead;
  /** The first break found; it stays until the process restarts over a history that verifies. */
  firstBreak?: ChainBreak;
  /** When the programme office acknowledged `firstBreak`, so that writing may go on. */
  acknowledgement?: { reason: string; acknowledgedBy: string; acknowledgedAt: string };
  lastCheckedAt?: string;
}

/** Refused: a write would extend a broken chain that nobody has acknowledged yet. */
export class HistoryWritesRefusedError extends Error {
  constructor(readonly found: ChainBreak) {
    super(
      `The recorded history does not verify (${found.kind} at position ${found.position}), so nothing more is written to it until the programme office acknowledges the break; nothing was changed.`,
    );
    this.name = 'HistoryWritesRefusedError';
  }
}

/** Refused: an answer would rest on an event that no longer matches its hash. */
export class BrokenHistoryError extends Error {
  constructor(readonly found: ChainBreak) {
    super(`The recorded history does not verify at position ${found.position} (${found.kind}): ${found.message} The answer would rest on it, so it is not given.`);
    this.name = 'BrokenHistoryError';
  }
}

/**
 * What this process knows of the history's integrity: one object, shared by the store (which
 * refuses writes and reports what its reads find) and whoever runs the checks. It holds no I/O,
 * so the store can consult it on every append for the cost of a field read.
 */
export class ChainIntegrity {
  private state: ChainIntegritySnapshot = { status: 'UNCHECKED' };
  private readonly listeners = new Set<(found: ChainBreak) => void>();
  private readonly restoredListeners = new Set<() => void>();

  snapshot(): ChainIntegritySnapshot {
    return this.state;
  }

  /** The head to hand out (a mail, a report) as vouched for: only from a chain that held. */
  verifiedHead(): ChainHead | undefined {
    return this.state.status === 'VERIFIED' ? this.state.verifiedThrough : undefined;
  }

  isBroken(): boolean {
    return this.state.status === 'BROKEN';
  }

  /**
   * A check of the whole history held up to `head` (undefined: the store is empty). After a break
   * that means the altered rows were put back as they were: the history verifies again, and the
   * break stays only in its record. Returns whether it was broken until now.
   */
  verified(head: ChainHead | undefined, at: string): boolean {
    const wasBroken = this.state.status === 'BROKEN';
    this.state = { status: 'VERIFIED', verifiedThrough: head, lastCheckedAt: at };
    if (wasBroken) for (const listener of this.restoredListeners) listener();
    return wasBroken;
  }

  /**
   * A full check's first break, which may lie before the one a read stumbled on: it replaces it.
   * An acknowledgement of a different break does not carry over.
   */
  confirmed(found: ChainBreak, at: string): void {
    const before = this.state.firstBreak;
    if (this.state.status !== 'BROKEN') {
      this.broken(found, at);
      return;
    }
    const same = before !== undefined && before.position === found.position && before.kind === found.kind;
    this.state = { status: 'BROKEN', firstBreak: found, lastCheckedAt: at, acknowledgement: same ? this.state.acknowledgement : undefined };
  }

  /** Keeps the first break found; tells listeners once per break. Returns whether it was new. */
  broken(found: ChainBreak, at: string): boolean {
    if (this.state.status === 'BROKEN') {
      this.state = { ...this.state, lastCheckedAt: at };
      return false;
    }
    this.state = { status: 'BROKEN', firstBreak: found, lastCheckedAt: at };
    for (const listener of this.listeners) listener(found);
    return true;
  }

  acknowledged(acknowledgement: NonNullable<ChainIntegritySnapshot['acknowledgement']>): void {
    if (this.state.status === 'BROKEN') this.state = { ...this.state, acknowledgement };
  }

  /** Called once for each break, from whichever part found it (a check, or a read). */
  onBreak(listener: (found: ChainBreak) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called each time a broken history verifies again (the altered rows were put back). */
  onRestored(listener: () => void): () => void {
    this.restoredListeners.add(listener);
    return () => this.restoredListeners.delete(listener);
  }

  /**
   * Why a write to `streamId` must be refused, or undefined. The break's own records (its
   * detection, alert and acknowledgement) are the only writes that go on while it is unacknowledged.
   */
  refusalFor(streamId: string, allowedWhileBroken: (streamId: string) => boolean): HistoryWritesRefusedError | undefined {
    const { status, firstBreak, acknowledgement } = this.state;
    if (status !== 'BROKEN' || acknowledgement || allowedWhileBroken(streamId)) return undefined;
    return new HistoryWritesRefusedError(firstBreak!);
  }
}
