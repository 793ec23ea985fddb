/**
 * A map that holds at most `capacity` entries, letting go of the one least recently read or
 * written first: what an in-memory cache (derived views, what a store last saw of its streams)
 * may hold is bounded by this alone.
 */
export class LeastRecentlyUsed<K, V> {
  /** Map order is the eviction order: an entry read or written moves to the back. */
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key)!;
    this.set(key, value);
    return value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  set(key: K, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }
}
