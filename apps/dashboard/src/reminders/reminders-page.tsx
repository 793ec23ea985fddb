import { useQuery } from '../api/use-query';
import { useSession } from '../session/session-context';
import { QueryStatus } from '../shared/query-status';
import { TableScroll } from '../shared/table-scroll';
import { ukDateTime } from '../shared/uk-dates';
import { Reminder, REMINDERS_QUERY } from './reminders.query';

const KIND_WORDS: Record<Reminder['kind'], string> = {
  ROUND_OPENED: 'Update round opened',
  ROUND_DEADLINE: 'Before the round’s deadline',
  WEEKLY_DIGEST: 'Weekly digest',
};

/** What became of a reminder, in words; the times in UK time. */
function outcome(r: Reminder): string {
  switch (r.status) {
    case 'PENDING':
      return 'Due, not sent yet';
    case 'UNADDRESSED':
      return 'Not sent: nobody acting for them has an e-mail address';
    case 'CLAIMED':
      return `Outcome unknown: sending started ${ukDateTime(r.claimedAt!)} and nothing was recorded after (it is not sent again)`;
    case 'SENT':
      return `Sent ${ukDateTime(r.sentAt!)}`;
    case 'FAILED':
      return `Failed (attempt ${r.attempts}); tried again after ${ukDateTime(r.retryAfter!)}`;
    case 'GAVE_UP':
      return `Not sent: refused by the mail server after ${r.attempts} attempt${r.attempts === 1 ? '' : 's'}`;
  }
}

/**
 * The reminder mails of the plan as they stand now, for the programme office and the DfE
 * adviser: those due and not yet sent, then every one the tracker has tried, newest first.
 * Each mail goes at most once (docs/reminders.md); this page shows, it does not send.
 */
export function RemindersPage() {
  const { plan } = useSession();
  const state = useQuery<{ reminders: Reminder[] }>(REMINDERS_QUERY, { planId: plan.id });
  return (
    <>
      <h1>Reminders</h1>
      <p>
        The mails to owners when an update round opens and before its deadline, and the programme office’s weekly digest: which are
        due, which went, and what went wrong. Shown as things stand now, whatever date is chosen above. The tracker sends each one at
        most once; an owner with no e-mail address is sent nothing until one is set.
      </p>
      <QueryStatus state={state}>
        {({ reminders }) =>
          reminders.length === 0 ? (
            <p>No reminder is due, and none has been sent.</p>
          ) : (
            <TableScroll captionId="reminders-caption">
              <table className="reminders stack-on-phone">
                <caption id="reminders-caption">Reminder mails: due first, then sent or tried, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Mail</th>
                    <th scope="col">To</th>
                    <th scope="col">Subject</th>
                    <th scope="col">Actions</th>
                    <th scope="col">What happened</th>
                  </tr>
                </thead>
                <tbody>
                  {reminders.map((r) => (
                    <tr key={r.id} data-reminder-status={r.status}>
                      <td data-label="Mail">{KIND_WORDS[r.kind]}</td>
                      <td data-label="To">
                        {r.addressee}
                        {r.recipients.length > 0 && <span className="secondary"> {r.recipients.join(', ')}</span>}
                      </td>
                      <td data-label="Subject">{r.subject}</td>
                      <td data-label="Actions">{r.actionRefs.join(', ')}</td>
                      <td data-label="What happened">
                        {outcome(r)}
                        {r.lastError && <span className="secondary"> Last error: {r.lastError}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </QueryStatus>
    </>
  );
}
