import { FormEvent, useState } from 'react';
import { DateInput, firstBoxId } from '../shared/date-input';
import { DateParts, partsOf, readDate } from '../shared/date-parts';
import { ErrorMessage } from '../shared/error-message';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorText } from '../shared/field-error-text';
import { dateErrorFor, errorFor, FieldMap, FormError } from '../shared/field-errors';
import { RAG_WORDS } from '../shared/rag-badge';
import { longDate } from '../shared/uk-dates';
import { useSession } from '../session/session-context';
import { ActionDetail, REPORT_PROGRESS, ReportProgressAnswer } from './action.query';
import { useChange } from '../shared/use-change';
import { useFormErrors } from '../shared/use-form-errors';

const DATE_ID = 'progress-as-at';

// The API's field names, the box each is typed in, and plainer words for the refusals an owner can meet.
const FIELDS: FieldMap = {
  rag: { targetId: 'progress-rag' },
  commentary: { targetId: 'progress-commentary', messages: { required: 'Enter a commentary: what has happened since the last update', isNotEmpty: 'Enter a commentary: what has happened since the last update' } },
  asOfDate: { targetId: `${DATE_ID}-day`, messages: { notInFuture: 'The as at date must be today or in the past', isCalendarDate: 'The as at date must be a real date' } },
};

/** The owner's update: RAG, commentary and the date it is true at (the domain's three musts). */
export function ReportProgressForm({ action, onDone, onSaved }: { action: ActionDetail; onDone: () => void; onSaved: (message: string | null) => void }) {
  const { today } = useSession();
  const change = useChange<ReportProgressAnswer>(REPORT_PROGRESS, onDone);
  const [rag, setRag] = useState(action.rag === 'RED' || action.rag === 'AMBER' || action.rag === 'GREEN' ? action.rag : 'GREEN');
  const [commentary, setCommentary] = useState('');
  const [asAt, setAsAt] = useState<DateParts>(() => partsOf(today()));
  const { errors, refusal, found: show, refused } = useFormErrors(FIELDS, 'progress-rag');

  async function submit(event: FormEvent) {
    event.preventDefault();
    onSaved(null);
    const found: FormError[] = [];
    if (commentary === '') found.push({ field: 'commentary', targetId: FIELDS.commentary.targetId, message: FIELDS.commentary.messages!.required });
    const date = readDate(asAt, 'The as at date', { notAfter: today() });
    if (date.iso === undefined) found.push({ field: 'asOfDate', targetId: firstBoxId(DATE_ID, date), message: date.message, parts: date.parts });
    show(found);
    if (found.length > 0 || date.iso === undefined) return;

    const outcome = await change.send({ input: { actionId: action.id, expectedRevision: action.revision, rag, commentary, asOfDate: date.iso } });
    if (outcome.error) return refused(outcome.error);
    const saved = outcome.data.reportProgress;
    setCommentary('');
    onSaved(`Progress update saved for ${saved.ref}: ${RAG_WORDS[saved.rag]}, as at ${longDate(saved.lastAsOfDate ?? date.iso)}`);
  }

  const commentaryError = errorFor(errors, 'commentary');
  const ragError = errorFor(errors, 'rag');
  return (
    <form className="change-form" aria-labelledby="report-progress-heading" onSubmit={submit} noValidate data-edit-control="report-progress">
      <h3 id="report-progress-heading">Report progress</h3>
      <ErrorSummary errors={errors} />
      <div className={`field${ragError ? ' field-with-error' : ''}`}>
        <label htmlFor="progress-rag">RAG rating</label>
        <FieldErrorText id="progress-rag-error" message={ragError} />
        <select id="progress-rag" value={rag} aria-describedby={ragError ? 'progress-rag-error' : undefined} onChange={(e) => setRag(e.target.value as typeof rag)}>
          <option value="RED">Red: off track, the board must intervene</option>
          <option value="AMBER">Amber: slipping, recovery in hand</option>
          <option value="GREEN">Green: on track</option>
        </select>
      </div>
      <div className={`field${commentaryError ? ' field-with-error' : ''}`}>
        <label htmlFor="progress-commentary">Commentary</label>
        <FieldErrorText id="progress-commentary-error" message={commentaryError} />
        <textarea
          id="progress-commentary"
          rows={4}
          value={commentary}
          aria-invalid={commentaryError ? true : undefined}
          aria-describedby={commentaryError ? 'progress-commentary-error' : undefined}
          onChange={(e) => setCommentary(e.target.value)}
        />
      </div>
      <DateInput id={DATE_ID} legend="As at" hint="The date this update describes." value={asAt} error={dateErrorFor(errors, 'asOfDate')} onChange={setAsAt} />
      {refusal && <ErrorMessage error={refusal} title="The update was not saved" />}
      <button type="submit" disabled={change.sending}>
        {change.sending ? 'Saving…' : 'Save progress update'}
      </button>
    </form>
  );
}
