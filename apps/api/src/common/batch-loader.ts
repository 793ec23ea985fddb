/**
 * Collects the keys asked for in one tick and fetches them with one call. GraphQL resolves the
 * same field of every item in a list before anything awaits, so "the roll-up of every plan"
 * becomes one query instead of one per plan. Nothing is kept after the batch is answered: the
 * next request reads fresh rows.
 */
export class BatchLoader<K, V> {
  private pending: Map<K, { resolve(value: V): void; reject(error: unknown): void; promise: Promise<V> }> | undefined;

  constructor(
    private readonly fetch: (keys: K[]) => Promise<Map<K, V>>,
    private readonly missing: V,
  ) {}

  load(key: K): Promise<V> {
    if (!this.pending) {
      const batch = new Map<K, { resolve(value: V): void; reject(error: unknown): void; promise: Promise<V> }>();
      this.pending = batch;
      queueMicrotask(() => void this.flush(batch));
    }
    const waiting = this.pending.get(key);
    if (waiting) return waiting.promise;
    let resolve!: (value: V) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<V>((res, rej) => ((resolve = res), (reject = rej)));
    this.pending.set(key, { resolve, reject, promise });
    return promise;
  }

  private async flush(batch: Map<K, { resolve(value: V): void; reject(error: unknown): void }>): Promise<void> {
    if (this.pending === batch) this.pending = undefined;
    try {
      const found = await this.fetch([...batch.keys()]);
      for (const [key, waiter] of batch) waiter.resolve(found.get(key) ?? this.missing);
    } catch (error) {
      for (const waiter of batch.values()) waiter.reject(error);
    }
  }
}
