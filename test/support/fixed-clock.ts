import { Clock } from '../../apps/api/src/common/clock';

/** A clock the test sets, so overdue, stale and "not in the future" checks are deterministic. */
export class FixedClock extends Clock {
  constructor(private instant: string) {
    super();
  }

  override now(): string {
    return this.instant;
  }

  set(instant: string): void {
    this.instant = instant;
  }
}
