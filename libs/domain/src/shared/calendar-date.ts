/**
 * Calendar dates travel as ISO `YYYY-MM-DD` strings so events stay JSON-safe and free of time
 * zones: a due date of 2026-03-31 is that day wherever the board meets.
 */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Round-tripping rejects dates like 2025-02-30 that Date would silently roll over.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The dates a plan can sensibly speak of. A due date of 9999-12-31 is a typo or a way to hide an
 * action from "overdue" for ever, and years far out of range break sorting, reports and charts.
 */
export const EARLIEST_DATE: CalendarDate = '2000-01-01';
export const LATEST_DATE: CalendarDate = '2100-12-31';

/** ISO dates compare as strings; the caller has already checked the format. */
export const isDateInRange = (date: CalendarDate): boolean => date >= EARLIEST_DATE && date <= LATEST_DATE;

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
