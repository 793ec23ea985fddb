import { FormEvent, useState } from 'react';
import { useQuery } from '../api/use-query';
import { useSession } from '../session/session-context';
import { describeAsAt, useAsAt } from './as-at-context';
import { DateFieldError, DateInput, firstBoxId } from '../shared/date-input';
import { DateParts, EMPTY_DATE, readDate } from '../shared/date-parts';
import { SelectField } from '../shared/select-field';
import { closedMeetings, meetingLabel, meetingOptions, MEETINGS_QUERY, MeetingOption } from './meetings.query';

/** Redraws every view as the plan stood at a date or at the close of a board meeting. */
export function AsAtControl() {
  const { plan, today } = useSession();
  const { asAt, setAsAt } = useAsAt();
  const meetings = useQuery<{ meetings: MeetingOption[] }>(MEETINGS_QUERY, { planId: plan.id });
  const [date, setDate] = useState<DateParts>(EMPTY_DATE);
  const [dateError, setDateError] = useState<DateFieldError>();
  const [meetingId, setMeetingId] = useState('');
  const closed = closedMeetings(meetings.data?.meetings ?? []);

  function showDate(event: FormEvent) {
    event.preventDefault();
    const reading = readDate(date, 'The as at date', { notAfter: today() });
    if (reading.iso === undefined) {
      setDateError(reading);
      document.getElementById(firstBoxId('as-at-date', reading))?.focus();
      return;
    }
    setDateError(undefined);
    setAsAt({ date: reading.iso });
  }
  function showMeeting(id: string) {
    setMeetingId(id);
    const meeting = closed.find((m) => m.id === id);
    setAsAt(meeting ? { meetingId: meeting.id, label: meetingLabel(meeting) } : null);
  }

  return (
    <section className="as-at" aria-label="Show the plan as at">
      <form onSubmit={showDate} className="inline-form as-at-date" noValidate>
        <DateInput id="as-at-date" legend="As at date" value={date} error={dateError} onChange={setDate} />
        <button type="submit">Show</button>
      </form>
      <SelectField
        id="as-at-meeting"
        className="inline-form"
        label="As at board meeting"
        value={meetingId}
        anyLabel="Choose a meeting"
        options={meetingOptions(closed)}
        onChange={showMeeting}
      />
      {asAt && (
        <fieldset className="known-at">
          <legend>Corrections</legend>
          <div className="radios">
            <div className="radio">
              <input id="known-at-then" type="radio" name="known-at" checked={!asAt.knownNow} onChange={() => setAsAt({ ...asAt, knownNow: false })} />
              <label htmlFor="known-at-then">As known then (what the board was told)</label>
            </div>
            <div className="radio">
              <input id="known-at-now" type="radio" name="known-at" checked={!!asAt.knownNow} onChange={() => setAsAt({ ...asAt, knownNow: true })} />
              <label htmlFor="known-at-now">As now known (with later corrections)</label>
            </div>
          </div>
        </fieldset>
      )}
      {asAt && (
        <button
          type="button"
          onClick={() => {
            setDate(EMPTY_DATE);
            setDateError(undefined);
            setMeetingId('');
            setAsAt(null);
          }}
        >
          Back to live
        </button>
      )}
      <p className={asAt ? 'as-at-banner past' : 'as-at-banner'} role="status" data-as-at={asAt ? 'past' : 'live'}>
        Showing the plan {describeAsAt(asAt)}
        {asAt ? '. Editing is off while you look at the past.' : '.'}
      </p>
    </section>
  );
}
