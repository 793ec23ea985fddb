import { CalendarDate } from './calendar-date';

/**
 * The board meets in England, so its days, "today", "as at 31 March" and the quarter ends are
 * UK days: at 00:30 BST on 1 August it is already August, although UTC still says 31 July.
 * Instants stay ISO UTC everywhere (events, the store, the API); only turning an instant into a
 * day, or a day into its last instant, goes through here.
 */
export const BUSINESS_TIME_ZONE = 'Europe/London';

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const HOUR_MS = 3_600_000;

/** London's offset from UTC at a whole UTC hour, asked of Intl (which knows the clock changes). */
function offsetAtHour(hourStart: number): number {
  const part: Record<string, number> = {};
  for (const p of wallClock.formatToParts(hourStart)) if (p.type !== 'literal') part[p.type] = Number(p.value);
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second) - hourStart;
}

/**
 * Asking Intl costs microseconds and projections ask once per event, so the offset is kept per
 * UTC hour: London's clocks change on the hour (01:00 UTC), so one hour has one offset.
 */
const offsets = new Map<number, number>();

/** London's wall clock at `ms`, read as if it were UTC. */
function londonWallClockMs(ms: number): number {
  const hourStart = Math.floor(ms / HOUR_MS) * HOUR_MS;
  let offset = offsets.get(hourStart);
  if (offset === undefined) {
    if (offsets.size >= 10_000) offsets.clear();
    offset = offsetAtHour(hourStart);
    offsets.set(hourStart, offset);
  }
  return ms + offset;
}

function instantMs(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant: ${JSON.stringify(instant)}`);
  return ms;
}

/**
 * What a clock in London showed at an instant, as `YYYY-MM-DDTHH:mm:ss.sss` with no zone: the
 * raw material for printing UK local time without depending on the locale data of the machine.
 */
export function londonWallClock(instant: string): string {
  return new Date(londonWallClockMs(instantMs(instant))).toISOString().slice(0, 23);
}

/** The UK calendar day an instant falls on: 2026-03-31T23:30:00Z is 00:30 BST on 1 April. */
export function londonDateOf(instant: string): CalendarDate {
  return londonWallClock(instant).slice(0, 10);
}

/**
 * The last millisecond of a UK day, as an ISO UTC instant: 23:59:59.999 London time, which is
 * 22:59:59.999Z in summer and 23:59:59.999Z in winter. "As at 31 March" and a quarter's end mean this.
 */
export function endOfLondonDay(date: CalendarDate): string {
  const wall = Date.parse(`${date}T23:59:59.999Z`);
  if (Number.isNaN(wall)) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  // The offset at the guess is the offset at the answer: the clocks change at 01:00 UTC, never near midnight.
  const offset = londonWallClockMs(wall) - wall;
  return new Date(wall - offset).toISOString();
}
