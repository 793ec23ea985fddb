import { useState } from 'react';
import { useQuery } from '../api/use-query';
import { closedMeetings, meetingOptions, MEETINGS_QUERY, MeetingOption } from '../as-at/meetings.query';
import { useSession } from '../session/session-context';
import { QueryStatus } from '../shared/query-status';
import { SelectField } from '../shared/select-field';
import { MOVEMENT_QUERY, MovementAnswer } from './movement.query';
import { MovementReport } from './movement-report';
import { MovementTabs } from './movement-tabs';

/** What moved between two board meetings, state against state; by default the last two. */
export function MovementPage() {
  const { plan } = useSession();
  const meetings = useQuery<{ meetings: MeetingOption[] }>(MEETINGS_QUERY, { planId: plan.id });
  const closed = closedMeetings(meetings.data?.meetings ?? []);
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const fromMeeting = from ?? closed[closed.length - 2]?.id;
  const toMeeting = to ?? closed[closed.length - 1]?.id;
  const movement = useQuery<MovementAnswer>(MOVEMENT_QUERY, { planId: plan.id, fromMeeting, toMeeting }, !fromMeeting || !toMeeting);

  return (
    <>
      <h1>What moved since</h1>
      <MovementTabs current="meetings" />
      {meetings.data && closed.length < 2 ? (
        <p>Two closed board meetings are needed to compare; this plan has {closed.length}.</p>
      ) : (
        <>
          <form className="filters" aria-label="Meetings to compare" onSubmit={(e) => e.preventDefault()}>
            <SelectField id="movement-from" label="From the close of" value={fromMeeting ?? ''} options={meetingOptions(closed)} onChange={setFrom} />
            <SelectField id="movement-to" label="To the close of" value={toMeeting ?? ''} options={meetingOptions(closed)} onChange={setTo} />
          </form>
          {fromMeeting && toMeeting && <QueryStatus state={movement}>{(data) => <MovementReport movement={data.movement} />}</QueryStatus>}
        </>
      )}
    </>
  );
}
