import { CalendarDate, dateOf, isCalendarDate } from './calendar-date';
import { InvalidValueError } from './domain-error';

export function requireText(field: string, value: string | undefined | null): string {
  const text = (value ?? '').trim();
  if (text.length === 0) throw new InvalidValueError(field, 'required', `${field} is required and must not be blank`);
  return text;
}

export function requireDate(field: string, value: string | undefined | null): CalendarDate {
  if (!isCalendarDate(value)) {
    throw new InvalidValueError(field, 'isCalendarDate', `${field} must be a real calendar date as YYYY-MM-DD`);
  }
  return value;
}

/** Dates that record something that has happened cannot be later than today. */
export function requirePastOrToday(field: string, value: string | undefined | null, now: string): CalendarDate {
  const date = requireDate(field, value);
  if (date > dateOf(now)) {
    throw new InvalidValueError(field, 'notInFuture', `${field} (${date}) cannot be later than today (${dateOf(now)})`);
  }
  return date;
}
