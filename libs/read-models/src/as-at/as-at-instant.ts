import { endOfLondonDay, isCalendarDate } from '@send/domain';

/** An instant with a date, a time and a zone (Z or ±hh:mm), as ISO 8601 writes it. */
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads an "as at" value: a calendar date means the end of that UK day (boards say "as at 31 March"),
 * an instant means exactly then. Undefined when the value is neither; the answer is always in the
 * form events store their `occurredAt`, so the two compare as strings.
 */
export function parseAsAt(value: string): string | undefined {
  if (isCalendarDate(value)) return endOfLondonDay(value);
  const match = ISO_INSTANT.exec(value);
  if (!match || !isCalendarDate(match[1])) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}
