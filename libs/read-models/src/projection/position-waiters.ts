import { GlobalPosition } from '@send/event-store';

export class ProjectionTimeoutError extends Error {
  constructor(position: GlobalPosition, timeoutMs: number) {
    super(`Read models did not reach position ${position} within ${timeoutMs} ms`);
  }
}

interface Waiter {
  position: GlobalPosition;
  resolve(): void;
}

/** Callers waiting for something fed by events (read models, the user directory) to include a position: read-your-writes. */
export class PositionWaiters {
  private waiters: Waiter[] = [];

  get waiting(): boolean {
    return this.waiters.length > 0;
  }

  /** Resolves once `reached()` is at or past `position`; rejects after `timeoutMs`. */
  waitFor(position: GlobalPosition, reached: GlobalPosition | undefined, timeoutMs: number): Promise<void> {
    if (reached !== undefined && reached >= position) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new ProjectionTimeoutError(position, timeoutMs));
      }, timeoutMs);
      const waiter: Waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  release(reached: GlobalPosition | undefined): void {
    if (reached === undefined) return;
    const ready = this.waiters.filter((w) => w.position <= reached);
    this.waiters = this.waiters.filter((w) => w.position > reached);
    for (const w of ready) w.resolve();
  }
}
