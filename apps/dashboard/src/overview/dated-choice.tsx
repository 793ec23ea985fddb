import { longDate } from '../shared/uk-dates';

/**
 * How the overview reads a date chosen under "As at": what had been recorded by the end of that
 * day, or what the updates dated on or before it said (the view for a plan whose history was
 * moved in from a spreadsheet after the event, when nothing had been recorded by then).
 */
export function DatedChoice({ date, dated, onChange }: { date: string; dated: boolean; onChange(dated: boolean): void }) {
  return (
    <fieldset className="known-at dated-choice">
      <legend>Read {longDate(date)} as</legend>
      <div className="radios">
        <div className="radio">
          <input id="read-as-recorded" type="radio" name="read-date-as" checked={!dated} onChange={() => onChange(false)} />
          <label htmlFor="read-as-recorded">As recorded by the end of that day</label>
        </div>
        <div className="radio">
          <input id="read-as-dated" type="radio" name="read-date-as" checked={dated} onChange={() => onChange(true)} />
          <label htmlFor="read-as-dated">As dated: each action’s latest update dated on or before it</label>
        </div>
      </div>
    </fieldset>
  );
}
