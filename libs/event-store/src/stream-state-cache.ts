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

interface Entry {
  /** The state as JSON in UTF-8: see the class comment for why it is not kept as objects. */
  state: Buffer;
  revision: StreamRevision;
  commandIds: Uint32Array;
  evolve: unknown;
  bytes: number;
}

/** Roughly what an entry costs beyond its two buffers: the map slot, the key, the entry itself. */
const ENTRY_OVERHEAD_BYTES = 200;

/**
 * The folded state of recently used streams, so a command reads only what was appended to its
 * stream since it was last folded instead of every event again (an action with three years of
 * monthly updates has about 55). Nothing here is trusted for concurrency: the expected revision
 * at append still refuses a stale write, and every use first reads the events after the cached
 * revision, so appends by other processes are folded in. Least recently used streams go first
 * once the entries reach `maxBytes`.
 *
 * States are kept serialized, outside the JavaScript heap. Kept as objects, the national
 * dataset's 18,000 actions made a live heap of about 290 MB instead of 110 MB, and every read
 * request paid for the garbage collector tracing it: reads became twice as slow. Each use gets a
 * fresh copy, so callers can never change what is cached.
 *
 * The serialization is JSON, so a state must be a JSON value (records, arrays, strings, finite
 * numbers, booleans, null), as every decider's state is; the demo plan's streams are checked to
 * come back unchanged. JSON takes half the time of `node:v8` (serialize) here: for an action
 * with three years of updates, 31 µs against 72 µs to read and 26 µs against 53 µs to write,
 * which with 16 writers was a fifth of the main thread.
 */
export class StreamStateCache {
  private readonly streams = new Map<string, Entry>();
  private bytes = 0;

  constructor(readonly maxBytes = DEFAULT_MAX_BYTES) {}

  get<State>(streamId: string, evolve: unknown): FoldedStream<State> | undefined {
    const cached = this.streams.get(streamId);
    if (cached === undefined || cached.evolve !== evolve) return undefined;
    // Map order is the eviction order: move the stream to the back.
    this.streams.delete(streamId);
    this.streams.set(streamId, cached);
    return { state: JSON.parse(cached.state.toString('utf8')) as State, revision: cached.revision, commandIds: new Set(cached.commandIds), evolve };
  }

  set<State>(streamId: string, folded: FoldedStream<State>): void {
    if (this.maxBytes <= 0) return;
    // Two commands' continuations can finish out of order; the newer fold wins.
    const existing = this.streams.get(streamId);
    if (existing !== undefined && existing.evolve === folded.evolve && existing.revision > folded.revision) return;
    const state = Buffer.from(JSON.stringify(folded.state), 'utf8');
    const commandIds = Uint32Array.from(folded.commandIds);
    const entry: Entry = { state, revision: folded.revision, commandIds, evolve: folded.evolve, bytes: state.length + commandIds.byteLength + ENTRY_OVERHEAD_BYTES };
    this.forget(streamId);
    if (entry.bytes > this.maxBytes) return;
    this.streams.set(streamId, entry);
    this.bytes += entry.bytes;
    for (const [oldest] of this.streams) {
      if (this.bytes <= this.maxBytes) break;
      this.forget(oldest);
    }
  }

  get size(): number {
    return this.streams.size;
  }

  /** What the entries take, in bytes (estimated for everything but the two buffers). */
  get sizeInBytes(): number {
    return this.bytes;
  }

  private forget(streamId: string): void {
    const entry = this.streams.get(streamId);
    if (entry === undefined) return;
    this.streams.delete(streamId);
    this.bytes -= entry.bytes;
  }
}

/** Enough for every action of a national dataset (150 local areas × 120 actions, about 6 KB each as JSON). */
export const DEFAULT_MAX_BYTES = 128 * 1024 * 1024;

/** FNV-1a: a cheap, well-spread 32-bit fingerprint of a command id. */
export function commandIdFingerprint(commandId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < commandId.length; i++) {
    hash ^= commandId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
