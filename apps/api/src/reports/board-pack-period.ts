import { endOfLondonDay, InvalidValueError, isCalendarDate, RuleViolationError, ukDate } from '@send/domain';
import { ClosedMeeting } from '@send/read-models';
import { ReportPeriod } from './report-period';

/**
 * A board pack as at the end of a UK day that has ended (so the same day always gives the same
 * pack), with movement since the last board meeting that had closed by then.
 */
export function dayPeriod(day: string, closed: ClosedMeeting[], planCreatedAt: string, now: string): ReportPeriod {
  if (!isCalendarDate(day)) throw new InvalidValueError('date', 'calendarDate', `date must be a real day written YYYY-MM-DD; got ${day}`);
  const to = endOfLondonDay(day);
  if (to > now) throw new RuleViolationError('dayEnded', `${ukDate(day)} has not ended yet; a board pack as at a day can be produced from the day after`);
  const previous = closed.filter((m) => m.closedAt < to).at(-1);
  return {
    label: ukDate(day),
    from: previous ? previous.closedAt : planCreatedAt,
    to,
    previousLabel: previous ? `the board meeting of ${ukDate(previous.date)}` : 'the start of the plan',
    fileStem: day,
  };
}
