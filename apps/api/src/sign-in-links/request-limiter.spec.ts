import { Clock } from '../common/clock';
import { RequestLimiter } from './request-limiter';

class SetClock extends Clock {
  constructor(public instant: string) {
    super();
  }

  override now(): string {
    return this.instant;
  }
}

describe('RequestLimiter', () => {
  it('allows the limit per key in a window, says when the window ends, and starts again after it', () => {
    const clock = new SetClock('2026-06-15T10:00:00.000Z');
    const limiter = new RequestLimiter(clock, 2, 3_600_000);
    expect(limiter.take('a')).toBeUndefined();
    clock.instant = '2026-06-15T10:20:00.000Z';
    expect(limiter.take('a')).toBeUndefined();
    expect(limiter.take('a')).toEqual({ retryAfterSeconds: 2400 });
    expect(limiter.take('b')).toBeUndefined();
    clock.instant = '2026-06-15T11:00:00.000Z';
    expect(limiter.take('a')).toBeUndefined();
  });

  it('reports a used-up key without counting a request', () => {
    const clock = new SetClock('2026-06-15T10:00:00.000Z');
    const limiter = new RequestLimiter(clock, 1, 60_000);
    expect(limiter.refusal('a')).toBeUndefined();
    expect(limiter.refusal('a')).toBeUndefined();
    limiter.take('a');
    expect(limiter.refusal('a')).toEqual({ retryAfterSeconds: 60 });
  });
});
