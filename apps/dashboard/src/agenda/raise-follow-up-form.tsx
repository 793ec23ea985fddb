import { FormEvent, useState } from 'react';
import { useChange } from '../shared/use-change';
import { useFormErrors } from '../shared/use-form-errors';
import { DateInput, firstBoxId } from '../shared/date-input';
import { DateParts, readDate } from '../shared/date-parts';
import { ErrorMessage } from '../shared/error-message';
import { ErrorSummary } from '../shared/error-summary';
import { dateErrorFor, errorFor, FieldMap, FormError } from '../shared/field-errors';
import { TextField } from '../shared/text-field';
import { longDate } from '../shared/uk-dates';
import { useQuery } from '../api/use-query';
import { useSession } from '../session/session-context';
import { SelectField, SelectOption } from '../shared/select-field';
import { FOLLOW_UP_OWNERS_QUERY, FollowUpOwnersAnswer, RAISE_FOLLOW_UP, RaiseFollowUpAnswer } from './meeting-record';

const DATE_ID = 'follow-up-due';
const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

// The API's field names, the box each is typed in, and plainer words for the refusals the board can meet.
const FIELDS: FieldMap = {
  description: { targetId: 'follow-up-description', messages: { isNotEmpty: 'Enter what the meeting asks for' } },
  ownedBy: { targetId: 'follow-up-owner', messages: { isDefined: 'Choose who will do it' } },
  'ownedBy.ownerId': { targetId: 'follow-up-owner', messages: {} },
  dueDate: { targetId: `${DATE_ID}-day`, messages: { notBeforeMeeting: 'The due date cannot be before the meeting', isCalendarDate: 'The due date must be a real date' } },
};

/** Something the meeting asks of someone that is not a plan action: what, who (an owner from the directory), by when; carried to later agendas until done. */
export function RaiseFollowUpForm({ meetingId, onDone, onSaved }: { meetingId: string; onDone(): void; onSaved(message: string | null): void }) {
  const change = useChange<RaiseFollowUpAnswer>(RAISE_FOLLOW_UP, onDone);
  const [description, setDescription] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const { plan } = useSession();
  const owners = useQuery<FollowUpOwnersAnswer>(FOLLOW_UP_OWNERS_QUERY, { planId: plan.id });
  const choices: SelectOption[] = (owners.data?.owners ?? [])
    .map(({ owner: o }) => ({ value: o.id, label: `${o.name}, ${o.role}, ${o.organisation}` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  const [due, setDue] = useState<DateParts>(EMPTY_DATE);
  const { errors, refusal, found: show, refused } = useFormErrors(FIELDS, 'follow-up-description');

  async function submit(event: FormEvent) {
    event.preventDefault();
    onSaved(null);
    const found: FormError[] = [];
    const required = (field: string, value: string, message: string) => value.trim() === '' && found.push({ field, targetId: FIELDS[field].targetId, message });
    required('description', description, 'Enter what the meeting asks for');
    required('ownedBy', ownerId, 'Choose who will do it');
    const date = readDate(due, 'The due date');
    if (date.iso === undefined) found.push({ field: 'dueDate', targetId: firstBoxId(DATE_ID, date), message: date.message, parts: date.parts });
    show(found);
    if (found.length > 0 || date.iso === undefined) return;
    const outcome = await change.send({ input: { meetingId, description, ownedBy: { ownerId }, dueDate: date.iso } });
    if (outcome.error) return refused(outcome.error);
    const saved = outcome.data.raiseFollowUp;
    setDescription('');
    setOwnerId('');
    setDue(EMPTY_DATE);
    onSaved(`Follow-up recorded for ${saved.owner.name}, due ${longDate(saved.dueDate)}: ${saved.description}`);
  }

  return (
    <form className="change-form" aria-labelledby="raise-follow-up-heading" onSubmit={submit} noValidate data-edit-control="raise-follow-up">
      <h3 id="raise-follow-up-heading">Ask for a follow-up</h3>
      <ErrorSummary errors={errors} />
      <TextField id="follow-up-description" label="What the meeting asks for" rows={2} value={description} error={errorFor(errors, 'description')} onChange={setDescription} />
      <SelectField
        id="follow-up-owner"
        label="Who will do it"
        anyLabel="Choose an owner"
        options={choices}
        value={ownerId}
        error={errorFor(errors, 'ownedBy') ?? errorFor(errors, 'ownedBy.ownerId')}
        onChange={setOwnerId}
      />
      <DateInput id={DATE_ID} legend="Due by" hint="Not before the meeting." value={due} error={dateErrorFor(errors, 'dueDate')} onChange={setDue} />
      {refusal && <ErrorMessage error={refusal} title="The follow-up was not recorded" />}
      <button type="submit" disabled={change.sending}>
        {change.sending ? 'Saving…' : 'Record the follow-up'}
      </button>
    </form>
  );
}
