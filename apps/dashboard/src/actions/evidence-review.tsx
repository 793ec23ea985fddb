import { FormEvent, useState } from 'react';
import { ErrorMessage } from '../shared/error-message';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorText } from '../shared/field-error-text';
import { errorFor } from '../shared/field-errors';
import { ActionDetail, Evidence, REVIEW_EVIDENCE } from './action.query';
import { useChange } from '../shared/use-change';
import { useFormErrors } from '../shared/use-form-errors';

/** The board accepts a piece of evidence or returns it to the owner with a reason. */
export function EvidenceReview({ action, evidence, onDone, onSaved }: { action: ActionDetail; evidence: Evidence; onDone: () => void; onSaved: (message: string | null) => void }) {
  const change = useChange(REVIEW_EVIDENCE, onDone);
  const [reason, setReason] = useState('');
  const base = { actionId: action.id, expectedRevision: action.revision, evidenceId: evidence.id };
  const reasonId = `return-reason-${evidence.id}`;
  const fields = { reason: { targetId: reasonId, messages: { required: 'Enter the reason for returning it, so the owner knows what to bring' } } };
  const { errors, refusal, found, refused } = useFormErrors(fields, reasonId);

  async function decide(decision: 'ACCEPT' | 'REJECT') {
    onSaved(null);
    if (decision === 'REJECT' && reason.trim() === '') return found([{ field: 'reason', targetId: reasonId, message: fields.reason.messages.required }]);
    found([]);
    const outcome = await change.send({ input: { ...base, decision, ...(decision === 'REJECT' ? { reason } : {}) } });
    if (outcome.error) return refused(outcome.error);
    onSaved(decision === 'ACCEPT' ? `Evidence “${evidence.title}” accepted for ${action.ref}` : `Evidence “${evidence.title}” returned to the owner of ${action.ref}, with your reason`);
  }

  function returnIt(event: FormEvent) {
    event.preventDefault();
    void decide('REJECT');
  }

  const reasonError = errorFor(errors, 'reason');
  return (
    <div className="review" data-edit-control="review-evidence">
      <ErrorSummary errors={errors} headingLevel={3} />
      <button type="button" disabled={change.sending} onClick={() => void decide('ACCEPT')}>
        Accept “{evidence.title}”
      </button>
      <form onSubmit={returnIt} noValidate className={`inline-form${reasonError ? ' field-with-error' : ''}`}>
        <label htmlFor={reasonId}>Reason for returning it</label>
        <FieldErrorText id={`${reasonId}-error`} message={reasonError} />
        <input id={reasonId} value={reason} aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? `${reasonId}-error` : undefined} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" disabled={change.sending}>
          Return to owner
        </button>
      </form>
      {refusal && <ErrorMessage error={refusal} title="The review was not recorded" />}
    </div>
  );
}
