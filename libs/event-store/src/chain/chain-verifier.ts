import { GlobalPosition, RecordedEvent, StreamRevision } from '../event-store.port';
import { eventHashOf, GENESIS_HASH, nextGlobalHash } from './event-hash';

/**
 * EDITED: an event no longer matches its hash (or the hash its successor was chained to).
 * MISSING: a revision of a stream, or an event in the global order, is gone.
 * REORDERED: events are no longer in the order they were recorded in.
 * UNCHAINED: an event carries no hash at all.
 * HEAD_MISMATCH: the chain no longer reaches a head copied earlier (e.g. from a report).
 */
export const CHAIN_BREAK_KINDS = ['EDITED', 'MISSING', 'REORDERED', 'UNCHAINED', 'HEAD_MISMATCH'] as const;
export type ChainBreakKind = (typeof CHAIN_BREAK_KINDS)[number];

export interface ChainBreak {
  kind: ChainBreakKind;
  position: GlobalPosition;
  streamId?: string;
  revision?: StreamRevision;
  eventId?: string;
  message: string;
}

/** The global chain's value after the event at `position`. */
export interface ChainHead {
  position: GlobalPosition;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  /** The recomputed global chain after the newest event; undefined for an empty store. */
  head?: ChainHead;
  firstBreak?: ChainBreak;
  /** The heads given to check, each with whether the recomputed chain still reaches it. */
  heads: { position: GlobalPosition; hash: string; matches: boolean }[];
}

export interface ChainVerifierOptions {
  /** Heads copied earlier (e.g. from a quarterly report) that the recomputed chain must still reach. */
  heads?: ChainHead[];
  /**
   * EventStoreDB cannot add hashes to events written before chains existed; with this set, such
   * events are hashed as they are and accepted, but only before the first chained event of their
   * stream. A SQLite store chains its old events when it opens, so it never needs this.
   */
  acceptUnchainedHistory?: boolean;
}

interface StreamLink {
  revision: StreamRevision;
  hash: string;
  position: GlobalPosition;
  eventId: string;
  chained: boolean;
}

const where = (e: RecordedEvent) => `position ${e.position} (stream ${e.streamId}, revision ${e.revision})`;

/**
 * Recomputes both chains from events fed in global order and keeps the first break. After a
 * break in the global chain it keeps reading to tell a reordering (the event's stored global
 * hash follows from an event now later in the order) from a deletion (it follows from none).
 */
export class ChainVerifier {
  private readonly streams = new Map<string, StreamLink>();
  private readonly heads: ChainVerification['heads'] = [];
  private readonly pendingHeads: ChainHead[];
  private running = GENESIS_HASH;
  private last: GlobalPosition | undefined;
  private eventsChecked = 0;
  private firstBreak: ChainBreak | undefined;
  /** A first break that is a deletion unless a later event shows it to be a reordering. */
  /** The global chain's next value over the stored event hash, from checkEvent, for check() to reuse. */
  private nextGlobal: { eventHash: string; global: string } | undefined;
  private undecided: { chainBreak: ChainBreak; movedHere(later: RecordedEvent): boolean; missing: string } | undefined;

  constructor(private readonly options: ChainVerifierOptions = {}) {
    this.pendingHeads = [...(options.heads ?? [])].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  }

  /** Returns the recomputed global chain after the event. */
  check(event: RecordedEvent): string {
    this.eventsChecked += 1;
    this.passHeadsBefore(event.position);
    if (this.undecided?.movedHere(event)) this.decide('REORDERED', ` It was recorded after the event now at ${where(event)}: the events were reordered.`);
    const hash = this.checkEvent(event);
    // Most events match their hash, and then the global chain's next value was computed already, in checkEvent.
    this.running = this.nextGlobal?.eventHash === hash ? this.nextGlobal.global : nextGlobalHash(this.running, hash);
    this.nextGlobal = undefined;
    this.last = event.position;
    while (this.pendingHeads.length > 0 && this.pendingHeads[0].position === event.position) this.checkHead(this.pendingHeads.shift()!);
    return this.running;
  }

  finish(): ChainVerification {
    this.passHeadsBefore(undefined);
    if (this.undecided) this.decide('MISSING', this.undecided.missing);
    return {
      ok: this.firstBreak === undefined,
      eventsChecked: this.eventsChecked,
      streamsChecked: this.streams.size,
      head: this.last === undefined ? undefined : { position: this.last, hash: this.running },
      firstBreak: this.firstBreak,
      heads: this.heads,
    };
  }

  /** Checks one event's own hash, its stream link and its global link; returns the hash to chain on. */
  private checkEvent(event: RecordedEvent): string {
    if (event.hash === undefined || event.previousHash === undefined) {
      const before = this.streams.get(event.streamId);
      if (!this.options.acceptUnchainedHistory || before?.chained) {
        this.found({ kind: 'UNCHAINED', ...about(event), message: `The event at ${where(event)} carries no chain hash: it was not written through the store's append path.` });
      }
      const hash = eventHashOf(event, before?.hash ?? GENESIS_HASH);
      this.streams.set(event.streamId, { revision: event.revision, hash, position: event.position, eventId: event.id, chained: false });
      return hash;
    }
    const recomputed = eventHashOf(event, event.previousHash);
    if (recomputed !== event.hash) {
      this.found({ kind: 'EDITED', ...about(event), message: `The event at ${where(event)} no longer matches its hash: its content was edited after it was recorded.` });
    }
    this.checkStreamLink(event);
    this.streams.set(event.streamId, { revision: event.revision, hash: recomputed, position: event.position, eventId: event.id, chained: true });
    const expectedGlobal = nextGlobalHash(this.running, event.hash);
    this.nextGlobal = { eventHash: event.hash, global: expectedGlobal };
    const storedGlobal = event.globalHash;
    if (storedGlobal !== undefined && storedGlobal !== expectedGlobal) {
      const chainBreak: ChainBreak = { kind: 'MISSING', ...about(event), message: `The global chain breaks at ${where(event)}: its stored global hash does not follow from the event before it (position ${this.last ?? 'none'}).` };
      const eventHash = event.hash;
      // Reordered: the event it was chained after is still stored, later in the order.
      const movedHere = (later: RecordedEvent) => later.globalHash !== undefined && nextGlobalHash(later.globalHash, eventHash) === storedGlobal;
      this.found(chainBreak, movedHere, ' The event recorded just before it is missing (deleted), or the stored chain was rewritten.');
    }
    return recomputed;
  }

  private checkStreamLink(event: RecordedEvent): void {
    const before = this.streams.get(event.streamId);
    const expected = before === undefined ? 0n : before.revision + 1n;
    if (event.revision > expected) {
      const gap = expected === event.revision - 1n ? `revision ${expected} is` : `revisions ${expected} to ${event.revision - 1n} are`;
      const chainBreak: ChainBreak = { kind: 'MISSING', ...about(event), message: `Stream ${event.streamId} goes on at ${where(event)} but ${gap} not stored before it.` };
      const movedHere = (later: RecordedEvent) => later.streamId === event.streamId && later.revision >= expected && later.revision < event.revision;
      this.found(chainBreak, movedHere, ' It was deleted from the store.');
    } else if (event.revision < expected) {
      this.found({ kind: 'REORDERED', ...about(event), message: `Stream ${event.streamId} has revision ${event.revision} at position ${event.position}, after revision ${before!.revision} at position ${before!.position}: its events were reordered.` });
    } else if (event.previousHash !== (before?.hash ?? GENESIS_HASH)) {
      const replaced = before ? { position: before.position, streamId: event.streamId, revision: before.revision, eventId: before.eventId } : about(event);
      this.found({ kind: 'EDITED', ...replaced, message: `The event at ${where(event)} was chained to a different revision ${event.revision - 1n} of its stream than the one stored at position ${before?.position ?? '(none)'}: that event was replaced.` });
    }
  }

  private decide(kind: ChainBreakKind, because: string): void {
    const { chainBreak } = this.undecided!;
    chainBreak.kind = kind;
    chainBreak.message += because;
    this.undecided = undefined;
  }

  private checkHead(head: ChainHead): void {
    const matches = head.hash.toLowerCase() === this.running;
    this.heads.push({ position: head.position, hash: head.hash, matches });
    if (!matches) {
      this.found({ kind: 'HEAD_MISMATCH', position: head.position, message: `At position ${head.position} the chain is now ${this.running}, not ${head.hash} as copied earlier: history up to that position was changed since.` });
    }
  }

  /** Heads at positions the store no longer holds: the event there was deleted. */
  private passHeadsBefore(position: GlobalPosition | undefined): void {
    while (this.pendingHeads.length > 0 && (position === undefined || this.pendingHeads[0].position < position)) {
      const head = this.pendingHeads.shift()!;
      this.heads.push({ position: head.position, hash: head.hash, matches: false });
      this.found({ kind: 'MISSING', position: head.position, message: `No event is stored at position ${head.position}, which the copied head names: it was deleted.` });
    }
  }

  /** Keeps the first break; one that may be a deletion or a reordering is decided by what follows. */
  private found(chainBreak: ChainBreak, movedHere?: (later: RecordedEvent) => boolean, missing = ''): void {
    if (this.firstBreak) return;
    this.firstBreak = chainBreak;
    if (movedHere) this.undecided = { chainBreak, movedHere, missing };
  }
}

function about(event: RecordedEvent): Pick<ChainBreak, 'position' | 'streamId' | 'revision' | 'eventId'> {
  return { position: event.position, streamId: event.streamId, revision: event.revision, eventId: event.id };
}
