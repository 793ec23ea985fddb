import { FormEvent, useState } from 'react';
import { EXECUTIVE_SUMMARY_MAX_LENGTH } from '@send/domain';
import { ErrorMessage } from '../shared/error-message';
import { ErrorSummary } from '../shared/error-summary';
import { errorFor, FieldMap, FormError } from '../shared/field-errors';
import { TextField } from '../shared/text-field';
import { useChange } from '../shared/use-change';
import { useFormErrors } from '../shared/use-form-errors';
import { QuarterlyReturn, WRITE_EXECUTIVE_SUMMARY } from './quarterly-return.query';

// The API's field names, the box each is typed in, and plainer words for the refusals the office can meet.
const FIELDS: FieldMap = {
  text: {
    targetId: 'return-summary',
    messages: { required: 'Enter the executive summary', summaryChanges: 'The executive summary already says this: change it before saving', [`maxLength:${EXECUTIVE_SUMMARY_MAX_LENGTH}`]: `The executive summary must be ${EXECUTIVE_SUMMARY_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer` },
  },
  correctionReason: { targetId: 'return-correction-reason', messages: { required: 'Enter why the signed summary is being corrected' } },
  quarter: { targetId: 'return-quarter' },
};

/**
 * The programme office writes the quarter's narrative. Rewriting a submitted return sends it back
 * to draft; once signed off, a change is a correction, listed beside the signed report, and needs a reason.
 */
export function ExecutiveSummaryForm({ planId, answer, onDone, onSaved }: { planId: string; answer: QuarterlyReturn; onDone(): void; onSaved(message: string | null): void }) {
  const change = useChange<{ writeExecutiveSummary: { status: string; executiveSummary: { version: number } } }>(WRITE_EXECUTIVE_SUMMARY, onDone);
  const [text, setText] = useState(answer.executiveSummary?.text ?? '');
  const [reason, setReason] = useState('');
  const { errors, refusal, found: show, refused } = useFormErrors(FIELDS, 'return-summary');
  const signed = answer.status === 'SIGNED_OFF';

  async function submit(event: FormEvent) {
    event.preventDefault();
    onSaved(null);
    const found: FormError[] = [];
    if (text.trim() === '') found.push({ field: 'text', targetId: FIELDS.text.targetId, message: FIELDS.text.messages!.required });
    if (signed && reason.trim() === '') found.push({ field: 'correctionReason', targetId: FIELDS.correctionReason.targetId, message: FIELDS.correctionReason.messages!.required });
    show(found);
    if (found.length > 0) return;

    const outcome = await change.send({
      input: { planId, quarter: answer.quarter, text, ...(signed ? { correctionReason: reason } : {}), ...(answer.revision === null ? {} : { expectedRevision: answer.revision }) },
    });
    if (outcome.error) return refused(outcome.error);
    const saved = outcome.data.writeExecutiveSummary;
    setReason('');
    onSaved(
      signed
        ? `Correction saved to the ${answer.quarter} executive summary (version ${saved.executiveSummary.version}); the signed report keeps the signed text and lists the correction`
        : answer.status === 'SUBMITTED'
          ? `Executive summary for ${answer.quarter} saved (version ${saved.executiveSummary.version}); the return is back in draft: submit it again for sign-off`
          : `Executive summary for ${answer.quarter} saved (version ${saved.executiveSummary.version})`,
    );
  }

  return (
    <form className="change-form" aria-labelledby="return-summary-heading" onSubmit={submit} noValidate data-edit-control="write-executive-summary">
      <h3 id="return-summary-heading">{signed ? 'Correct the signed executive summary' : answer.executiveSummary ? 'Revise the executive summary' : 'Write the executive summary'}</h3>
      <ErrorSummary errors={errors} />
      {answer.status === 'SUBMITTED' && <p>The return is waiting for the board chair: saving a new text sends it back to draft.</p>}
      <TextField id="return-summary" label={`Executive summary for ${answer.quarter} (blank lines separate paragraphs)`} rows={8} value={text} error={errorFor(errors, 'text')} onChange={setText} />
      {signed && <TextField id="return-correction-reason" label="Why the signed summary is being corrected" rows={2} value={reason} error={errorFor(errors, 'correctionReason')} onChange={setReason} />}
      {refusal && <ErrorMessage error={refusal} title="The executive summary was not saved" />}
      <button type="submit" disabled={change.sending}>
        {change.sending ? 'Saving…' : signed ? 'Save correction' : 'Save executive summary'}
      </button>
    </form>
  );
}
