/**
 * Dates as a UK board reads them (GOV.UK style: "7 December 2026"), and instants in UK local
 * time, whatever the browser's own locale or time zone. Every date the dashboard shows goes
 * through here; the API keeps ISO dates, which stay in `dateTime` attributes for machines.
 */
const UK_ZONE = 'Europe/London';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// A calendar date has no time zone: read it at midnight UTC and print it in UTC, so it never shifts a day.
const calendar = (iso: string): Date | null => {
  const m = ISO_DATE.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
};

const longDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const londonParts = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: UK_ZONE,
});

/** "2026-12-07" → "7 December 2026"; anything that is not an ISO date is returned as it came. */
export function longDate(iso: string): string {
  const d = calendar(iso);
  return d ? longDay.format(d) : iso;
}

/** "2026-12-07" → "7 Dec 2026", for dense tables. */
export function shortDate(iso: string): string {
  const d = calendar(iso);
  return d ? shortDay.format(d).replace('Sept', 'Sep') : iso;
}

function inLondon(instant: string): { date: string; hour: number; minute: string } | null {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return null;
  const part = (type: string) => londonParts.formatToParts(at).find((p) => p.type === type)!.value;
  return { date: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')), minute: part('minute') };
}

/** The UK calendar date an instant falls on: 23:30 UTC on 31 May is 1 June in London. */
export function ukDateOf(instant: string): string {
  return inLondon(instant)?.date ?? instant;
}

/** "2026-06-15T13:05:00Z" → "15 June 2026 at 2:05pm" (UK time, GOV.UK's 12-hour clock). */
export function ukDateTime(instant: string): string {
  const t = inLondon(instant);
  if (!t) return instant;
  const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  const clock = t.hour === 0 && t.minute === '00' ? 'midnight' : t.hour === 12 && t.minute === '00' ? 'midday' : `${hour12}:${t.minute}${t.hour < 12 ? 'am' : 'pm'}`;
  return `${longDate(t.date)} at ${clock}`;
}

/** Rewrites the ISO dates inside a sentence the API wrote (a timeline summary) the British way. */
export function britishDatesIn(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => longDate(iso));
}

