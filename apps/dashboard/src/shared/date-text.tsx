import { longDate, shortDate } from './uk-dates';

/** A calendar date as the board reads it, kept on one line; the ISO date stays for machines. */
export function DateText({ iso, short = false }: { iso: string; short?: boolean }) {
  return (
    <time className="date" dateTime={iso}>
      {short ? shortDate(iso) : longDate(iso)}
    </time>
  );
}
