import { RecordedEvent } from '../event-store.port';

interface CachedStream {
  events: RecordedEvent[];
  /** The file's data version when the stream was last known complete. */
  checkedAt: number;
}

/**
 * The events of recently read streams. Stored events never change (the table refuses updates and
 * deletes), so a command only needs what was appended to its stream since it was last read. The
 * store's own appends are added as they commit; other processes' appends are noticed through
 * SQLite's data version, which moves only when another connection commits. Least recently read
 * streams go first once the cache holds `maxEvents` events.
 */
export class StreamCache {
  private readonly streams = new Map<string, CachedStream>();
  private size = 0;

  constructor(private readonly maxEvents = 50_000) {}

  get(streamId: string): CachedStream | undefined {
    const cached = this.streams.get(streamId);
    if (cached) {
      // Map order is the eviction order: move the stream to the back.
      this.streams.delete(streamId);
      this.streams.set(streamId, cached);
    }
    return cached;
  }

  set(streamId: string, events: RecordedEvent[], checkedAt: number): void {
    this.size -= this.streams.get(streamId)?.events.length ?? 0;
    this.streams.delete(streamId);
    if (events.length === 0 || events.length > this.maxEvents) return;
    this.streams.set(streamId, { events, checkedAt });
    this.size += events.length;
    for (const [oldest, evicted] of this.streams) {
      if (this.size <= this.maxEvents) break;
      this.streams.delete(oldest);
      this.size -= evicted.events.length;
    }
  }

  clear(): void {
    this.streams.clear();
    this.size = 0;
  }

  /** Adds events this store appended; a stream whose cached events do not end just before them is dropped. */
  appended(streamId: string, events: RecordedEvent[]): void {
    const cached = this.streams.get(streamId);
    if (!cached) return;
    const last = cached.events[cached.events.length - 1].revision;
    if (events.length > 0 && events[0].revision === last + 1n) this.set(streamId, [...cached.events, ...events], cached.checkedAt);
    else this.set(streamId, [], 0);
  }
}
