import { CalendarDate, londonDateOf } from '@send/domain';

/** The one source of "now", injected so tests and the demo loader can set the time. */
export class Clock {
  now(): string {
    return new Date().toISOString();
  }

  today(): CalendarDate {
    return londonDateOf(this.now());
  }
}
