import { FormEvent, useState } from 'react';
import { useQuery } from '../api/use-query';
import { useSession } from '../session/session-context';
import { describeAsAt, useAsAt } from './as-at-context';
import { SelectField } from '../shared/select-field';
import { closedMeetings, meetingLabel, meetingOptions, MEETINGS_QUERY, MeetingOption } from './meetings.query';

/** Redraws every view as the plan stood at a date or at the close of a board meeting. */
export function AsAtControl() {
  const { plan } = useSession();
  const { asAt, setAsAt } = useAsAt();
  const meetings = useQuery<{ meetings: MeetingOption[] }>(MEETINGS_QUERY, { planId: plan.id });
  const [date, setDate] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const closed = closedMeetings(meetings.data?.meetings ?? []);

  function showDate(event: FormEvent) {
    event.preventDefault();
    if (date) setAsAt({ date });
  }
  function showMeeting(id: string) {
    setMeetingId(id);
    const meeting = closed.find((m) => m.id === id);
    setAsAt(meeting ? { meetingId: meeting.id, label: meetingLabel(meeting) } : null);
  }

  return (
    <section className="as-at" aria-label="Show the plan as at">
      <form onSubmit={showDate} className="inline-form">
        <label htmlFor="as-at-date">As at date</label>
        <input id="as-at-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
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
        <fieldset className="inline-form known-at">
          <legend>Corrections</legend>
          <label>
            <input type="radio" name="known-at" checked={!asAt.knownNow} onChange={() => setAsAt({ ...asAt, knownNow: false })} />
            As known then (what the board was told)
          </label>
          <label>
            <input type="radio" name="known-at" checked={!!asAt.knownNow} onChange={() => setAsAt({ ...asAt, knownNow: true })} />
            As now known (with later corrections)
          </label>
        </fieldset>
      )}
      {asAt && (
        <button
          type="button"
          onClick={() => {
            setDate('');
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
