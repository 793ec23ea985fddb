import { FormEvent, useState } from 'react';
import { DateInput, firstBoxId } from '../shared/date-input';
import { DateParts, partsOf, readDate } from '../shared/date-parts';
import { ErrorMessage } from '../shared/error-message';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorText } from '../shared/field-error-text';
import { dateErrorFor, errorFor, FieldMap, FormError } from '../shared/field-errors';
import { longDate } from '../shared/uk-dates';
import { useSession } from '../session/session-context';
import { ActionDetail } from './action.query';
import { CONFIDENCE_WORDS, ConfidenceLevel, RATE_CONFIDENCE, RateConfidenceAnswer } from './delivery-confidence';
import { useChange } from '../shared/use-change';
import { useFormErrors } from '../shared/use-form-errors';

const DATE_ID = 'confidence-as-at';

// The API's field names, the box each is typed in, and plainer words for the refusals a rater can meet.
const FIELDS: FieldMap = {
  confidence: { targetId: 'confidence-level' },
  commentary: { targetId: 'confidence-commentary', messages: { required: 'Enter why: what the figures or the work show', isNotEmpty: 'Enter why: what the figures or the work show' } },
  asOfDate: {
    targetId: `${DATE_ID}-day`,
    messages: { notInFuture: 'The as at date must be today or in the past', isCalendarDate: 'The as at date must be a real date', asAtNotBeforeLastRating: 'The as at date cannot be before the last rating' },
  },
};

/** How confident the owner or the board is that the action will achieve its intended impact, with why and when. */
export function RateConfidenceForm({ action, onDone, onSaved }: { action: ActionDetail; onDone: () => void; onSaved: (message: string | null) => void }) {
  const { today } = useSession();
  const change = useChange<RateConfidenceAnswer>(RATE_CONFIDENCE, onDone);
  const [level, setLevel] = useState<ConfidenceLevel>(action.deliveryConfidence?.level ?? 'MEDIUM');
  const [commentary, setCommentary] = useState('');
  const [asAt, setAsAt] = useState<DateParts>(() => partsOf(today()));
  const { errors, refusal, found: show, refused } = useFormErrors(FIELDS, 'confidence-level');

  async function submit(event: FormEvent) {
    event.preventDefault();
    onSaved(null);
    const found: FormError[] = [];
    if (commentary.trim() === '') found.push({ field: 'commentary', targetId: FIELDS.commentary.targetId, message: FIELDS.commentary.messages!.required });
    const date = readDate(asAt, 'The as at date', { notAfter: today() });
    if (date.iso === undefined) found.push({ field: 'asOfDate', targetId: firstBoxId(DATE_ID, date), message: date.message, parts: date.parts });
    show(found);
    if (found.length > 0 || date.iso === undefined) return;

    const outcome = await change.send({ input: { actionId: action.id, expectedRevision: action.revision, confidence: level, commentary, asOfDate: date.iso } });
    if (outcome.error) return refused(outcome.error);
    const saved = outcome.data.rateDeliveryConfidence;
    setCommentary('');
    onSaved(`Delivery confidence saved for ${saved.ref}: ${CONFIDENCE_WORDS[saved.deliveryConfidence.level]}, as at ${longDate(saved.deliveryConfidence.asOfDate)}`);
  }

  const commentaryError = errorFor(errors, 'commentary');
  const levelError = errorFor(errors, 'confidence');
  return (
    <form className="change-form" aria-labelledby="rate-confidence-heading" onSubmit={submit} noValidate data-edit-control="rate-confidence">
      <h3 id="rate-confidence-heading">Rate delivery confidence</h3>
      <ErrorSummary errors={errors} />
      <div className={`field${levelError ? ' field-with-error' : ''}`}>
        <label htmlFor="confidence-level">How confident are you that the intended impact will be achieved?</label>
        <FieldErrorText id="confidence-level-error" message={levelError} />
        <select id="confidence-level" value={level} aria-describedby={levelError ? 'confidence-level-error' : undefined} onChange={(e) => setLevel(e.target.value as ConfidenceLevel)}>
          <option value="HIGH">High: the outcomes are moving as intended</option>
          <option value="MEDIUM">Medium: some signs of impact, not yet secure</option>
          <option value="LOW">Low: the work may be done without changing outcomes</option>
        </select>
      </div>
      <div className={`field${commentaryError ? ' field-with-error' : ''}`}>
        <label htmlFor="confidence-commentary">Why</label>
        <FieldErrorText id="confidence-commentary-error" message={commentaryError} />
        <textarea
          id="confidence-commentary"
          rows={3}
          value={commentary}
          aria-invalid={commentaryError ? true : undefined}
          aria-describedby={commentaryError ? 'confidence-commentary-error' : undefined}
          onChange={(e) => setCommentary(e.target.value)}
        />
      </div>
      <DateInput id={DATE_ID} legend="Confidence as at" hint="The date this rating describes." value={asAt} error={dateErrorFor(errors, 'asOfDate')} onChange={setAsAt} />
      {refusal && <ErrorMessage error={refusal} title="The rating was not saved" />}
      <button type="submit" disabled={change.sending}>
        {change.sending ? 'Saving…' : 'Save confidence rating'}
      </button>
    </form>
  );
}
