import { Clock } from '../common/clock';

export interface LimitRefusal {
  retryAfterSeconds: number;
}

/**
 * Counts requests per key in fixed windows of the app's clock (so tests move time instead of
 * waiting). It lives in this instance's memory: several instances each allow the limit.
 */
export class RequestLimiter {
  private static readonly MAX_KEYS = 100_000;
  private readonly windows = new Map<string, { startedMs: number; count: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one request for the key, or says how long until it may come again. */
  take(key: string): LimitRefusal | undefined {
    const now = Date.parse(this.clock.now());
    const window = this.current(key, now);
    if (window.count >= this.limit) return { retryAfterSeconds: Math.max(1, Math.ceil((window.startedMs + this.windowMs - now) / 1000)) };
    window.count += 1;
    return undefined;
  }

  /** Whether the key has used up its window, without counting anything. */
  refusal(key: string): LimitRefusal | undefined {
    const now = Date.parse(this.clock.now());
    const window = this.current(key, now);
    return window.count >= this.limit ? { retryAfterSeconds: Math.max(1, Math.ceil((window.startedMs + this.windowMs - now) / 1000)) } : undefined;
  }

  private current(key: string, now: number): { startedMs: number; count: number } {
    let window = this.windows.get(key);
    if (!window || now >= window.startedMs + this.windowMs || now < window.startedMs) {
      // A flood of distinct keys must not grow memory without end: past the cap, forget finished windows.
      if (!window && this.windows.size >= RequestLimiter.MAX_KEYS) this.forgetFinished(now);
      window = { startedMs: now, count: 0 };
      this.windows.set(key, window);
    }
    return window;
  }

  private forgetFinished(now: number): void {
    for (const [key, window] of this.windows) if (now >= window.startedMs + this.windowMs) this.windows.delete(key);
    if (this.windows.size >= RequestLimiter.MAX_KEYS) this.windows.clear();
  }
}
