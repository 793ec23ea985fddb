import { CalendarDate, EARLIEST_DATE, isCalendarDate, isDateInRange, LATEST_DATE } from './calendar-date';
import { londonDateOf } from './london-day';
import { InvalidValueError } from './domain-error';
import { ukDate } from './uk-dates';

/**
 * Characters that show nothing: white space, and the default-ignorable code points (zero-width
 * space, joiners, word joiner, byte order mark, soft hyphen, variation selectors …). Text made of
 * nothing else looks blank on every screen, so it is blank.
 */
const INVISIBLE_ONLY = /^[\s\p{Default_Ignorable_Code_Point}]*$/u;

export const isBlankText = (text: string): boolean => INVISIBLE_ONLY.test(text);

export function requireText(field: string, value: string | undefined | null): string {
  const text = (value ?? '').trim();
  if (isBlankText(text)) {
    throw new InvalidValueError(field, 'required', `${field} is required and must not be blank (spaces and invisible characters such as zero-width spaces do not count)`);
  }
  return text;
}

export function requireDate(field: string, value: string | undefined | null): CalendarDate {
  if (!isCalendarDate(value)) {
    throw new InvalidValueError(field, 'isCalendarDate', `${field} must be a real calendar date as YYYY-MM-DD`);
  }
  if (!isDateInRange(value)) {
    throw new InvalidValueError(field, 'dateInRange', `${field} (${ukDate(value)}) must be between ${ukDate(EARLIEST_DATE)} and ${ukDate(LATEST_DATE)}`);
  }
  return value;
}

/** Dates that record something that has happened cannot be later than today. */
export function requirePastOrToday(field: string, value: string | undefined | null, now: string): CalendarDate {
  const date = requireDate(field, value);
  if (date > londonDateOf(now)) {
    throw new InvalidValueError(field, 'notInFuture', `${field} (${ukDate(date)}) cannot be later than today (${ukDate(londonDateOf(now))})`);
  }
  return date;
}
