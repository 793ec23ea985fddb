import { FormEvent, useEffect, useRef, useState } from 'react';
import { ErrorMessage } from '../shared/error-message';
import { ErrorSummary } from '../shared/error-summary';
import { errorFor, FieldMap } from '../shared/field-errors';
import { TextField } from '../shared/text-field';
import { useChange } from '../shared/use-change';
import { useFormErrors } from '../shared/use-form-errors';
import { Reminder, RESEND_REMINDER, ResendReminderAnswer } from './reminders.query';

const REASON_REQUIRED = 'Enter why it is being sent again, for example “Helen lost the mail”';

/**
 * Asks for one reminder that went (or was given up) to go once more, with the reason the API
 * requires. The next check sends it (docs/reminders.md); the page says so once it is asked for.
 */
export function ResendReminderForm({ reminder, onDone, onSaved, onCancel }: { reminder: Reminder; onDone: () => void; onSaved: (message: string) => void; onCancel: () => void }) {
  const reasonId = `resend-reason-${reminder.id}`;
  const headingId = `resend-heading-${reminder.id}`;
  const fields: FieldMap = { reason: { targetId: reasonId, messages: { required: REASON_REQUIRED } } };
  const change = useChange<ResendReminderAnswer>(RESEND_REMINDER, onDone);
  const [reason, setReason] = useState('');
  const { errors, refusal, found, refused } = useFormErrors(fields, reasonId);
  // Opened from a button in the table: focus moves to the form, so a screen reader says what it is for.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') return found([{ field: 'reason', targetId: reasonId, message: REASON_REQUIRED }]);
    found([]);
    const outcome = await change.send({ input: { reminderId: reminder.id, expectedRevision: reminder.revision, reason } });
    if (outcome.error) return refused(outcome.error);
    onSaved(`Reminder to ${outcome.data.resendReminder.addressee} will be sent again`);
  }

  return (
    <form className="change-form resend-form" aria-labelledby={headingId} onSubmit={submit} noValidate data-edit-control="resend-reminder">
      <h2 id={headingId} tabIndex={-1} ref={heading}>
        Send the reminder to {reminder.addressee} again
      </h2>
      <p className="secondary">“{reminder.subject}” goes once more at the tracker’s next check, to the addresses its people have now.</p>
      <ErrorSummary errors={errors} headingLevel={3} />
      <TextField id={reasonId} label="Why is it being sent again?" value={reason} error={errorFor(errors, 'reason')} onChange={setReason} />
      {refusal && <ErrorMessage error={refusal} title="The reminder will not be sent again" />}
      <div className="button-group">
        <button type="submit" disabled={change.sending}>
          {change.sending ? 'Sending…' : 'Send again'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
