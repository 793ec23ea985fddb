import { ChainsAtRisk } from '../dependencies/chains-at-risk';
import { useState } from 'react';
import { useQuery } from '../api/use-query';
import { AsAt, asAtArguments, describeAsAt, useAsAt } from '../as-at/as-at-context';
import { useSession } from '../session/session-context';
import { DateText } from '../shared/date-text';
import { QueryStatus } from '../shared/query-status';
import { RagBadge } from '../shared/rag-badge';
import { SelectField } from '../shared/select-field';
import { TableScroll } from '../shared/table-scroll';
import { Agenda, AGENDA_QUERY, AgendaRisk, MeetingChoice, MEETINGS_QUERY } from './agenda.query';
import { FollowUpNoteForm } from './follow-up-note-form';
import { RecordAtMeeting } from './record-at-meeting';

const KIND_WORDS: Record<string, string> = {
  AGREED: 'Agreed', NOTED: 'Noted', ESCALATED: 'Escalated', RISK_TOLERATED: 'Risk tolerated', FURTHER_MITIGATION: 'Further mitigation',
  EVIDENCE_ACCEPTED: 'Evidence accepted', ACTION_CLOSED: 'Action closed', DUE_DATE_AGREED: 'Due date agreed',
};
const CHALLENGE_WORDS = { AWAITING_ANSWER: 'awaiting an answer', ANSWERED: 'answered', RESOLVED: 'resolved' } as const;

/** The next meeting is the first not yet closed; when every meeting is closed, the latest. */
const nextMeeting = (meetings: MeetingChoice[]): MeetingChoice | undefined => meetings.find((m) => !m.closed) ?? meetings[meetings.length - 1];

function FollowUps({ followUps, live, reload }: { followUps: Agenda['followUps']; live: boolean; reload(): void }) {
  if (followUps.length === 0) return <p>No follow-up from an earlier meeting is still open.</p>;
  return (
    <TableScroll captionId="agenda-follow-ups-caption">
      <table className="agenda-follow-ups">
        <caption id="agenda-follow-ups-caption">Open follow-ups from earlier meetings, overdue first</caption>
        <thead>
          <tr>
            <th scope="col">Follow-up</th>
            <th scope="col">Owner</th>
            <th scope="col">Asked for</th>
            <th scope="col">Due</th>
            <th scope="col">Latest note</th>
          </tr>
        </thead>
        <tbody>
          {followUps.map((f) => (
            <tr key={f.id} data-overdue={f.overdue ? 'yes' : 'no'}>
              <th scope="row">{f.description}</th>
              <td>
                {f.owner.name} <span className="secondary">({f.owner.organisation ? `${f.owner.role}, ${f.owner.organisation}` : f.owner.role})</span>
              </td>
              <td>
                <DateText iso={f.meetingDate} />
              </td>
              <td>
                <DateText iso={f.dueDate} /> {f.overdue && <strong className="overdue-flag">Overdue</strong>}
              </td>
              <td>
                {f.notes.length === 0 ? 'None yet' : f.notes[f.notes.length - 1].note}
                {live && <FollowUpNoteForm followUp={f} onDone={reload} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function EscalatedRisk({ item }: { item: AgendaRisk }) {
  const { risk } = item;
  return (
    <li data-ref={risk.ref}>
      <strong>
        {risk.ref} {risk.title}
      </strong>{' '}
      — {risk.current.score} <RagBadge rag={risk.current.band} />, escalated since <DateText iso={item.escalatedSince} />.{' '}
      {item.awaitingDecision ? (
        <strong className="awaiting-decision">Awaiting the board’s decision.</strong>
      ) : (
        item.decisionsSince.map((d) => (
          <span key={d.id} className="decided">
            Decided on <DateText iso={d.meetingDate} />: {KIND_WORDS[d.kind] ?? d.kind}, {d.summary}.{' '}
          </span>
        ))
      )}
    </li>
  );
}

function AgendaView({ agenda, live, reload }: { agenda: Agenda; live: boolean; reload(): void }) {
  const decisions = [
    ...agenda.decisions.map((d) => ({ id: d.id, about: `Action ${d.actionRef}`, kind: d.kind, summary: d.summary })),
    ...agenda.planDecisions.map((d) => ({ id: d.id, about: d.subjectKind === 'RISK' ? `Risk ${d.riskRef}` : 'The plan', kind: d.kind, summary: d.summary })),
  ];
  return (
    <>
      <h2>Follow-ups carried from earlier meetings</h2>
      <FollowUps followUps={agenda.followUps} live={live} reload={reload} />
      <h2>Escalated risks</h2>
      {agenda.escalatedRisks.length === 0 ? (
        <p>No open risk is escalated.</p>
      ) : (
        <ul className="agenda-risks">
          {agenda.escalatedRisks.map((item) => (
            <EscalatedRisk key={item.risk.id} item={item} />
          ))}
        </ul>
      )}
      <h2>Actions at risk from a dependency</h2>
      <ChainsAtRisk slipping={agenda.slippingDependencies} />
      <h2>Open challenges</h2>
      {agenda.openChallenges.length === 0 ? (
        <p>No challenge is waiting.</p>
      ) : (
        <ul className="agenda-challenges">
          {agenda.openChallenges.map((c) => (
            <li key={c.id}>
              <strong>{c.subjectRef}</strong> ({CHALLENGE_WORDS[c.status]}): {c.messages[0]?.text}
            </li>
          ))}
        </ul>
      )}
      <h2>Decisions at this meeting</h2>
      {decisions.length === 0 ? (
        <p>No decision has been recorded at this meeting yet.</p>
      ) : (
        <ul className="agenda-decisions">
          {decisions.map((d) => (
            <li key={d.id}>
              <strong>{d.about}</strong>: {KIND_WORDS[d.kind] ?? d.kind}, {d.summary}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function MeetingAgenda({ meetingId, asAt }: { meetingId: string; asAt: AsAt }) {
  const live = asAt === null;
  const state = useQuery<{ meetingAgenda: Agenda }>(AGENDA_QUERY, { id: meetingId, ...asAtArguments(asAt) });
  return (
    <QueryStatus state={state}>
      {({ meetingAgenda }) => (
        <RecordAtMeeting agenda={meetingAgenda} live={live} reload={state.reload}>
          <AgendaView agenda={meetingAgenda} live={live} reload={state.reload} />
        </RecordAtMeeting>
      )}
    </QueryStatus>
  );
}

/**
 * What the board must look at in a meeting: the next one unless another is chosen. As things
 * stand now, or as they stood at the date or meeting chosen in the as-at controls (the meetings
 * to choose from too, so the next meeting is the one that was next then); the follow-ups take
 * notes while the plan is shown live (editing is off while looking at the past, as on every view).
 */
export function AgendaPage() {
  const { plan } = useSession();
  const { asAt } = useAsAt();
  const [chosen, setChosen] = useState('');
  const meetings = useQuery<{ meetings: MeetingChoice[] }>(MEETINGS_QUERY, { planId: plan.id, ...asAtArguments(asAt) });
  return (
    <>
      <h1>Agenda</h1>
      {asAt !== null && <p data-agenda-as-at>The meetings and the agenda are shown {describeAsAt(asAt)}.</p>}
      <QueryStatus state={meetings}>
        {({ meetings: list }) => {
          const meeting = list.find((m) => m.id === chosen) ?? nextMeeting(list);
          if (!meeting) return <p>No board meeting has been scheduled for this plan.</p>;
          return (
            <>
              <SelectField
                id="agenda-meeting"
                label="Agenda for the meeting"
                value={meeting.id}
                options={list.map((m) => ({ value: m.id, label: `${m.title}${m.closed ? ' (closed)' : ''}` }))}
                onChange={setChosen}
              />
              <MeetingAgenda meetingId={meeting.id} asAt={asAt} />
            </>
          );
        }}
      </QueryStatus>
    </>
  );
}
