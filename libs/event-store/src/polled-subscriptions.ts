import { EventEmitter } from 'node:events';
import { SubscribeOptions, Subscription } from './event-store.port';
import { CatchUpSubscription, ReadBatch } from './catch-up-subscription';

/**
 * The catch-up subscriptions of one store instance. Its own appends wake them at once; a poll
 * finds what other processes appended, since a store cannot hear another process write.
 */
export class PolledSubscriptions {
  private readonly appended = new EventEmitter();
  private readonly live = new Set<CatchUpSubscription>();

  constructor(private readonly pollIntervalMs: number) {
    this.appended.setMaxListeners(0);
  }

  notifyAppended(): void {
    this.appended.emit('appended');
  }

  subscribe(readBatch: ReadBatch, options: SubscribeOptions): Subscription {
    const subscription = new CatchUpSubscription(readBatch, options, (wake) => {
      this.appended.on('appended', wake);
      const timer = setInterval(wake, this.pollIntervalMs);
      return () => {
        this.appended.off('appended', wake);
        clearInterval(timer);
      };
    });
    this.live.add(subscription);
    subscription.stopped.then(() => this.live.delete(subscription));
    return subscription;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.live].map((s) => s.unsubscribe()));
  }
}
