import { FormEvent, useState } from 'react';
import { ErrorMessage } from '../shared/error-message';
import { ActionDetail, Evidence, REVIEW_EVIDENCE } from './action.query';
import { useChange } from './use-change';

/** The board accepts a piece of evidence or returns it to the owner with a reason. */
export function EvidenceReview({ action, evidence, onDone }: { action: ActionDetail; evidence: Evidence; onDone: () => void }) {
  const change = useChange(REVIEW_EVIDENCE, onDone);
  const [reason, setReason] = useState('');
  const base = { actionId: action.id, expectedRevision: action.revision, evidenceId: evidence.id };
  const reasonId = `return-reason-${evidence.id}`;

  function returnIt(event: FormEvent) {
    event.preventDefault();
    void change.send({ input: { ...base, decision: 'REJECT', reason } });
  }

  return (
    <div className="review" data-edit-control="review-evidence">
      <button type="button" disabled={change.sending} onClick={() => void change.send({ input: { ...base, decision: 'ACCEPT' } })}>
        Accept “{evidence.title}”
      </button>
      <form onSubmit={returnIt} className="inline-form">
        <label htmlFor={reasonId}>Reason for returning it</label>
        <input id={reasonId} required value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" disabled={change.sending}>
          Return to owner
        </button>
      </form>
      {change.error && <ErrorMessage error={change.error} title="The review was not recorded" />}
    </div>
  );
}
