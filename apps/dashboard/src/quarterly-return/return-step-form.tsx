import { FormEvent } from 'react';
import { ErrorMessage } from '../shared/error-message';
import { ErrorSummary } from '../shared/error-summary';
import { FieldMap } from '../shared/field-errors';
import { useChange } from '../shared/use-change';
import { useFormErrors } from '../shared/use-form-errors';
import { QuarterlyReturn, SIGN_OFF_QUARTERLY_RETURN, SUBMIT_QUARTERLY_RETURN } from './quarterly-return.query';

const FIELDS: FieldMap = { quarter: { targetId: 'return-quarter' } };

const STEPS = {
  submit: {
    mutation: SUBMIT_QUARTERLY_RETURN,
    heading: 'Submit the return',
    explain: 'The board chair is then asked to sign it off. Until then the summary can still be revised (which sends it back to draft).',
    button: 'Submit for sign-off',
    refused: 'The return was not submitted',
    saved: (quarter: string) => `The ${quarter} return is submitted for the board chair’s sign-off`,
  },
  signOff: {
    mutation: SIGN_OFF_QUARTERLY_RETURN,
    heading: 'Sign off the return',
    explain: 'Signing off records the fingerprints (SHA-256) of the report exactly as it stands now and freezes it: download and read the report first. Later changes show as corrections.',
    button: 'Sign off the return',
    refused: 'The return was not signed off',
    saved: (quarter: string) => `The ${quarter} return is signed off; the report is frozen as signed`,
  },
} as const;

/** One step of the return's journey, taken on the revision that was read: the office submits, the chair signs off. */
export function ReturnStepForm({ step, planId, answer, onDone, onSaved }: { step: keyof typeof STEPS; planId: string; answer: QuarterlyReturn; onDone(): void; onSaved(message: string | null): void }) {
  const words = STEPS[step];
  const change = useChange(words.mutation, onDone);
  const { errors, refusal, refused } = useFormErrors(FIELDS, `return-${step}-button`);

  async function submit(event: FormEvent) {
    event.preventDefault();
    onSaved(null);
    const outcome = await change.send({ input: { planId, quarter: answer.quarter, expectedRevision: answer.revision ?? 0 } });
    if (outcome.error) return refused(outcome.error);
    onSaved(words.saved(answer.quarter));
  }

  return (
    <form className="change-form" aria-labelledby={`return-${step}-heading`} onSubmit={submit} noValidate data-edit-control={step === 'submit' ? 'submit-quarterly-return' : 'sign-off-quarterly-return'}>
      <h3 id={`return-${step}-heading`}>{words.heading}</h3>
      <ErrorSummary errors={errors} />
      <p>{words.explain}</p>
      {refusal && <ErrorMessage error={refusal} title={words.refused} />}
      <button type="submit" id={`return-${step}-button`} disabled={change.sending}>
        {change.sending ? 'Sending…' : words.button}
      </button>
    </form>
  );
}
