import { Fragment, useState } from 'react';
import { useQuery } from '../api/use-query';
import { useSession } from '../session/session-context';
import { NotificationBanner } from '../shared/notification-banner';
import { QueryStatus } from '../shared/query-status';
import { TableScroll } from '../shared/table-scroll';
import { ukDateTime } from '../shared/uk-dates';
import { MAY_RESEND_REMINDERS, Reminder, REMINDERS_QUERY, RESENDABLE } from './reminders.query';
import { ResendReminderForm } from './resend-reminder-form';

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
    case 'RESEND_REQUESTED':
      return `To be sent again at the next check (asked for: ${r.resendReason})`;
  }
}

/** Said after the outcome once the programme office has had it sent again. */
const resent = (r: Reminder) =>
  r.resends > 0 && r.status !== 'RESEND_REQUESTED' ? ` Sent again on request${r.resends > 1 ? ` (${r.resends} times)` : ''}: ${r.resendReason}.` : '';

/**
 * The reminder mails of the plan as they stand now, for the programme office and the DfE
 * adviser: those due and not yet sent, then every one the tracker has tried, newest first.
 * The tracker sends each mail at most once by itself (docs/reminders.md); the programme office
 * may ask for one that went, or was given up, to go once more, saying why.
 */
export function RemindersPage() {
  const { me, plan } = useSession();
  const state = useQuery<{ reminders: Reminder[] }>(REMINDERS_QUERY, { planId: plan.id });
  const mayResend = me.roles.some((r) => r.localAreaId === plan.localArea.id && MAY_RESEND_REMINDERS.includes(r.role));
  const [resending, setResending] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <h1>Reminders</h1>
      {saved && <NotificationBanner message={saved} />}
      <p>
        The mails to owners when an update round opens and before its deadline, and the programme office’s weekly digest: which are
        due, which went, and what went wrong. Shown as things stand now, whatever date is chosen above. The tracker sends each one at
        most once by itself; an owner with no e-mail address is sent nothing until one is set.
        {mayResend && ' If an owner lost a mail, or one was given up and the address has since been put right, send it again.'}
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
                    {mayResend && (
                      <th scope="col">
                        <span className="visually-hidden">Send again</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {reminders.map((r) => (
                    <Fragment key={r.id}>
                      <tr data-reminder-status={r.status}>
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
                          {resent(r) && <span className="secondary">{resent(r)}</span>}
                        </td>
                        {mayResend && (
                          <td className="resend-cell">
                            {RESENDABLE.includes(r.status) && resending !== r.id && (
                              <button
                                type="button"
                                onClick={() => {
                                  setSaved(null);
                                  setResending(r.id);
                                }}
                              >
                                Send again<span className="visually-hidden"> the reminder to {r.addressee}: {r.subject}</span>
                              </button>
                            )}
                          </td>
                        )}
                      </tr>
                      {mayResend && resending === r.id && (
                        <tr className="resend-row">
                          <td colSpan={6}>
                            <ResendReminderForm
                              reminder={r}
                              onDone={state.reload}
                              onCancel={() => setResending(null)}
                              onSaved={(message) => {
                                setResending(null);
                                setSaved(message);
                              }}
                            />
                          </td>
                        </tr>
                      )}
                    </Fragment>
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
