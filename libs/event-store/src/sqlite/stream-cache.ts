import { RecordedEvent } from '../event-store.port';

/**
 * The events of recently read streams. Stored events never change (the table refuses updates and
 * deletes), so a command only needs to read what was appended to its stream since it was last
 * read, by this process or any other. Least recently read streams go first once the cache holds
 * `maxEvents` events.
 */
export class StreamCache {
  private readonly streams = new Map<string, RecordedEvent[]>();
  private size = 0;

  constructor(private readonly maxEvents = 50_000) {}

  get(streamId: string): RecordedEvent[] | undefined {
    const events = this.streams.get(streamId);
    if (events) {
      // Map order is the eviction order: move the stream to the back.
      this.streams.delete(streamId);
      this.streams.set(streamId, events);
    }
    return events;
  }

  set(streamId: string, events: RecordedEvent[]): void {
    this.size -= this.streams.get(streamId)?.length ?? 0;
    this.streams.delete(streamId);
    if (events.length === 0 || events.length > this.maxEvents) return;
    this.streams.set(streamId, events);
    this.size += events.length;
    for (const [oldest, evicted] of this.streams) {
      if (this.size <= this.maxEvents) break;
      this.streams.delete(oldest);
      this.size -= evicted.length;
    }
  }
}
