import { isCalendarDate } from './calendar-date';
import { londonWallClock } from './london-day';

/**
 * Dates and times as people on a UK board read them, GOV.UK style: "31 March 2026" and
 * "31 March 2026 at 11:59pm", in UK local time. Every sentence written for people goes through
 * here (refusals, the report); fields for machines (error extensions, CSV columns, events) stay
 * ISO. The month names are spelled here rather than taken from Intl's locale data, so the same
 * events give the same bytes on any machine.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month's name, 1 → "January"; undefined for a number that is no month (13). */
export const ukMonthName = (month: number): string | undefined => MONTHS[month - 1];

/** "2026-03-31" → "31 March 2026"; anything that is not an ISO date comes back as it was. */
export function ukDate(iso: string): string {
  if (!isCalendarDate(iso)) return iso;
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** "2026-03-31T22:59:59.999Z" → "31 March 2026 at 11:59pm" (BST); "midnight" and "midday" as GOV.UK writes them. */
export function ukDateTime(instant: string): string {
  const wall = londonWallClock(instant);
  const [hour, minute] = [Number(wall.slice(11, 13)), wall.slice(14, 16)];
  const clock =
    minute === '00' && hour === 0 ? 'midnight' : minute === '00' && hour === 12 ? 'midday' : `${hour % 12 === 0 ? 12 : hour % 12}:${minute}${hour < 12 ? 'am' : 'pm'}`;
  return `${ukDate(wall.slice(0, 10))} at ${clock}`;
}

/** A scorecard month "2024-09" → "September 2024"; years, academic years and terms are already words. */
export function ukPeriod(period: string): string {
  const month = MONTH.exec(period);
  return month ? `${MONTHS[Number(month[2]) - 1]} ${month[1]}` : period;
}

/** The ISO dates inside a sentence the read model wrote (a timeline line), the British way. */
export function ukDatesIn(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, ukDate);
}
