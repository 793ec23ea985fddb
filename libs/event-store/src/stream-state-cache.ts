import { StreamRevision } from './event-store.port';

/** A stream folded up to a revision: its state and a fingerprint of every command id in it. */
export interface FoldedStream<State> {
  state: State;
  revision: StreamRevision;
  /** 32-bit fingerprints of the stream's command ids: a miss proves a command is new; a hit is checked against the events. */
  commandIds: Set<number>;
  /** The fold that produced the state, so a stream folded one way is never handed to another. */
  evolve: unknown;
}

/**
 * The folded state of recently used streams, so a command reads only what was appended to its
 * stream since it was last folded instead of every event again (an action with three years of
 * monthly updates has about 55). Nothing here is trusted for concurrency: the expected revision
 * at append still refuses a stale write, and every use first reads the events after the cached
 * revision, so appends by other processes are folded in. Least recently used streams go first.
 */
export class StreamStateCache {
  private readonly streams = new Map<string, FoldedStream<unknown>>();

  constructor(readonly maxStreams = DEFAULT_MAX_STREAMS) {}

  get<State>(streamId: string, evolve: unknown): FoldedStream<State> | undefined {
    const cached = this.streams.get(streamId);
    if (cached === undefined || cached.evolve !== evolve) return undefined;
    // Map order is the eviction order: move the stream to the back.
    this.streams.delete(streamId);
    this.streams.set(streamId, cached);
    return cached as FoldedStream<State>;
  }

  set<State>(streamId: string, folded: FoldedStream<State>): void {
    if (this.maxStreams <= 0) return;
    // Two commands' continuations can finish out of order; the newer fold wins.
    const existing = this.streams.get(streamId);
    if (existing !== undefined && existing.evolve === folded.evolve && existing.revision > folded.revision) return;
    this.streams.delete(streamId);
    this.streams.set(streamId, folded);
    if (this.streams.size > this.maxStreams) this.streams.delete(this.streams.keys().next().value!);
  }

  get size(): number {
    return this.streams.size;
  }
}

/** Every action of a national dataset (150 local areas × 120 actions) with room to spare. */
export const DEFAULT_MAX_STREAMS = 20_000;

/** FNV-1a: a cheap, well-spread 32-bit fingerprint of a command id. */
export function commandIdFingerprint(commandId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < commandId.length; i++) {
    hash ^= commandId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
