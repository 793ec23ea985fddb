import { GlobalPosition, RecordedEvent, SubscribeOptions, Subscription } from './event-store.port';

export type ReadBatch = (after: GlobalPosition | undefined, maxCount: number) => Promise<RecordedEvent[]>;
/** Registers `wake` to be called when new events may exist; returns a function that unregisters. */
type WatchForAppends = (wake: () => void) => () => void;

const BATCH_SIZE = 500;

/**
 * Catch-up subscription for stores that can be read by position: read batches until caught up,
 * then sleep until woken. Batches are handed over one at a time so a slow handler applies back
 * pressure instead of piling events up in memory.
 */
export class CatchUpSubscription implements Subscription {
  readonly stopped: Promise<void>;
  private running = true;
  private wakeUp: (() => void) | undefined;
  private pendingWake = false;

  constructor(
    private readonly readBatch: ReadBatch,
    private readonly options: SubscribeOptions,
    watchForAppends: WatchForAppends,
  ) {
    const unwatch = watchForAppends(() => this.wake());
    this.stopped = this.run().finally(unwatch);
  }

  async unsubscribe(): Promise<void> {
    this.running = false;
    this.wake();
    await this.stopped;
  }

  private wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    let after = this.options.after;
    while (this.running) {
      try {
        this.pendingWake = false;
        const batch = await this.readBatch(after, BATCH_SIZE);
        if (batch.length > 0) {
          await this.options.onEvents(batch);
          after = batch[batch.length - 1].position;
          continue;
        }
      } catch (error) {
        this.options.onError?.(error);
        // A failing handler or store is retried after the next wake or poll, from the last
        // batch that succeeded, so nothing is skipped.
      }
      if (!this.running) break;
      if (!this.pendingWake) {
        await new Promise<void>((resolve) => (this.wakeUp = resolve));
        this.wakeUp = undefined;
      }
    }
  }
}
