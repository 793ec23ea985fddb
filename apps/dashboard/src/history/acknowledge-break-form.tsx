import { FormEvent, useState } from 'react';
import { MAX_ACKNOWLEDGEMENT_REASON_LENGTH } from '@send/domain';
import type { GraphQLRequestError } from '../api/graphql-client';
import { ErrorSummary } from '../shared/error-summary';
import { errorFor, FieldMap, formErrorsFrom } from '../shared/field-errors';
import { TextField } from '../shared/text-field';
import { useChange } from '../shared/use-change';
import { useFormErrors } from '../shared/use-form-errors';
import { useSession } from '../session/session-context';
import { ACKNOWLEDGE_HISTORY_BREAK, HistoryBreak } from './history-integrity.query';

const REASON_ID = 'acknowledge-reason';
const REASON_REQUIRED = 'Enter why changes may go on, for example “reported to the security team; restoring from last night’s backup at 6pm”';
const REASON_TOO_LONG = `The reason must be ${MAX_ACKNOWLEDGEMENT_REASON_LENGTH.toLocaleString('en-GB')} characters or fewer: a paragraph, not a report`;
const FIELDS: FieldMap = { reason: { targetId: REASON_ID, messages: { required: REASON_REQUIRED, isNotEmpty: REASON_REQUIRED, maxLength: REASON_TOO_LONG } } };

/** A refusal that names no field, in the words the summary shows (it links to the reason box). */
function refusalMessage(error: GraphQLRequestError): string {
  switch (error.code) {
    case 'CONFLICT':
      return 'Someone acknowledged or changed the break since you opened this page. The page now shows the latest; check it before you acknowledge again.';
    case 'FORBIDDEN':
      return "Only the programme office (a plan administrator) of this plan's area can acknowledge a break.";
    default:
      return error.message;
  }
}

/**
 * The programme office acknowledges a break with the reason changes may go on: the API then takes
 * writes again (answers stay marked until the history is restored). Sent with the break record's
 * revision, so an acknowledgement made meanwhile is not made twice.
 */
interface AcknowledgeBreakFormProps {
  found: HistoryBreak;
  onDone: () => void;
  onSaved: (message: string) => void;
  /** Before the answer comes: it may already mark the break acknowledged (someone else's), and the form must stay to say so. */
  onSending: () => void;
}

export function AcknowledgeBreakForm({ found, onDone, onSaved, onSending }: AcknowledgeBreakFormProps) {
  const { plan } = useSession();
  const change = useChange(ACKNOWLEDGE_HISTORY_BREAK, onDone);
  const [reason, setReason] = useState('');
  const { errors, found: show } = useFormErrors(FIELDS, REASON_ID);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') return show([{ field: 'reason', targetId: REASON_ID, message: REASON_REQUIRED }]);
    if (found.revision === null) {
      onDone();
      return show([{ field: 'form', targetId: REASON_ID, message: 'The break is still being recorded. Wait a few seconds and acknowledge it again.' }]);
    }
    show([]);
    onSending();
    const outcome = await change.send({ input: { planId: plan.id, breakId: found.breakId, expectedRevision: found.revision, reason } });
    if (outcome.error) {
      // Every refusal goes in the error summary, linked to the reason box: one naming no field (CONFLICT, FORBIDDEN) in the form's words.
      const named = formErrorsFrom(outcome.error, FIELDS, REASON_ID);
      return show(named.length > 0 ? named : [{ field: 'form', targetId: REASON_ID, message: refusalMessage(outcome.error) }]);
    }
    onSaved('Break acknowledged: changes can be made again. Answers stay marked until the history is restored.');
  }

  return (
    <form className="change-form" aria-labelledby="acknowledge-heading" onSubmit={submit} noValidate data-edit-control="acknowledge-history-break">
      <h3 id="acknowledge-heading">Acknowledge the break so that changes can go on</h3>
      <p>
        Until you do, the tracker refuses every change. Acknowledging does not make the history verify: every answer stays marked until it is restored from a
        backup that verifies. Your name and reason are recorded and shown to everyone on the banner.
      </p>
      <ErrorSummary errors={errors} headingLevel={4} />
      <TextField id={REASON_ID} label="Why may changes go on?" rows={3} value={reason} error={errorFor(errors, 'reason')} onChange={setReason} />
      <button type="submit" disabled={change.sending}>
        {change.sending ? 'Sending…' : 'Acknowledge the break'}
      </button>
    </form>
  );
}
