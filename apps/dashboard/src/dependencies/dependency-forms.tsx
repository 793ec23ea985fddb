import { FormEvent, useState } from 'react';
import { useQuery } from '../api/use-query';
import { useChange } from '../shared/use-change';
import { useFormErrors } from '../shared/use-form-errors';
import { useSession } from '../session/session-context';
import { ErrorMessage } from '../shared/error-message';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorText } from '../shared/field-error-text';
import { errorFor, FieldMap, FormError } from '../shared/field-errors';
import { QueryStatus } from '../shared/query-status';
import { DECLARE_DEPENDENCY, DEPENDENCY_CHOICES_QUERY, DependencyChoicesAnswer, REMOVE_DEPENDENCY } from './dependencies.query';

interface Props {
  action: { id: string; ref: string };
  /** What it waits for now, by id and reference. */
  waitsFor: { id: string; ref: string }[];
  onDone(): void;
  onSaved(message: string | null): void;
}

const DECLARE_FIELDS: FieldMap = {
  dependsOnActionId: { targetId: 'dependency-on', messages: { noCycle: 'That would make a loop: an action would wait for itself' } },
  note: { targetId: 'dependency-note', messages: { required: 'Enter why this action waits for the other', isNotEmpty: 'Enter why this action waits for the other' } },
};
const REMOVE_FIELDS: FieldMap = {
  dependsOnActionId: { targetId: 'dependency-remove-on' },
  reason: { targetId: 'dependency-remove-reason', messages: { required: 'Enter why it no longer waits', isNotEmpty: 'Enter why it no longer waits' } },
};

/** Record that this action waits for another of the plan; the API refuses a loop and names it. */
function DeclareForm({ action, waitsFor, choices, revision, onDone, onSaved }: Props & { choices: { id: string; ref: string; title: string }[]; revision: number | null }) {
  const { plan } = useSession();
  const change = useChange(DECLARE_DEPENDENCY, onDone);
  const offered = choices.filter((c) => c.id !== action.id && !waitsFor.some((w) => w.id === c.id));
  const [on, setOn] = useState(offered[0]?.id ?? '');
  const [note, setNote] = useState('');
  const { errors, refusal, found: show, refused } = useFormErrors(DECLARE_FIELDS, 'dependency-on');

  async function submit(event: FormEvent) {
    event.preventDefault();
    onSaved(null);
    const found: FormError[] = note.trim() === '' ? [{ field: 'note', targetId: 'dependency-note', message: DECLARE_FIELDS.note.messages!.required }] : [];
    show(found);
    if (found.length > 0) return;
    const outcome = await change.send({ input: { planId: plan.id, actionId: action.id, dependsOnActionId: on, note, expectedRevision: revision } });
    if (outcome.error) return refused(outcome.error);
    setNote('');
    onSaved(`Dependency recorded: ${action.ref} now waits for ${choices.find((c) => c.id === on)?.ref}`);
  }

  if (offered.length === 0) return null;
  const noteError = errorFor(errors, 'note');
  const onError = errorFor(errors, 'dependsOnActionId');
  return (
    <form className="change-form" aria-labelledby="declare-dependency-heading" onSubmit={submit} noValidate data-edit-control="declare-dependency">
      <h3 id="declare-dependency-heading">Record what this action waits for</h3>
      <ErrorSummary errors={errors} />
      <div className={`field${onError ? ' field-with-error' : ''}`}>
        <label htmlFor="dependency-on">Waits for</label>
        <FieldErrorText id="dependency-on-error" message={onError} />
        <select id="dependency-on" value={on} aria-describedby={onError ? 'dependency-on-error' : undefined} onChange={(e) => setOn(e.target.value)}>
          {offered.map((c) => (
            <option key={c.id} value={c.id}>
              {c.ref} {c.title}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${noteError ? ' field-with-error' : ''}`}>
        <label htmlFor="dependency-note">Why it waits</label>
        <FieldErrorText id="dependency-note-error" message={noteError} />
        <textarea id="dependency-note" rows={2} value={note} aria-invalid={noteError ? true : undefined} aria-describedby={noteError ? 'dependency-note-error' : undefined} onChange={(e) => setNote(e.target.value)} />
      </div>
      {refusal && <ErrorMessage error={refusal} title="The dependency was not recorded" />}
      <button type="submit" disabled={change.sending}>
        {change.sending ? 'Saving…' : 'Record dependency'}
      </button>
    </form>
  );
}

/** Remove one of the action's dependencies, with the reason. */
function RemoveForm({ action, waitsFor, revision, onDone, onSaved }: Props & { revision: number | null }) {
  const { plan } = useSession();
  const change = useChange(REMOVE_DEPENDENCY, onDone);
  const [on, setOn] = useState(waitsFor[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const { errors, refusal, found: show, refused } = useFormErrors(REMOVE_FIELDS, 'dependency-remove-on');

  async function submit(event: FormEvent) {
    event.preventDefault();
    onSaved(null);
    const found: FormError[] = reason.trim() === '' ? [{ field: 'reason', targetId: 'dependency-remove-reason', message: REMOVE_FIELDS.reason.messages!.required }] : [];
    show(found);
    if (found.length > 0) return;
    const outcome = await change.send({ input: { planId: plan.id, actionId: action.id, dependsOnActionId: on, reason, expectedRevision: revision } });
    if (outcome.error) return refused(outcome.error);
    setReason('');
    onSaved(`Dependency removed: ${action.ref} no longer waits for ${waitsFor.find((w) => w.id === on)?.ref}`);
  }

  if (waitsFor.length === 0) return null;
  const reasonError = errorFor(errors, 'reason');
  return (
    <form className="change-form" aria-labelledby="remove-dependency-heading" onSubmit={submit} noValidate data-edit-control="remove-dependency">
      <h3 id="remove-dependency-heading">Remove a dependency</h3>
      <ErrorSummary errors={errors} />
      <div className="field">
        <label htmlFor="dependency-remove-on">No longer waits for</label>
        <select id="dependency-remove-on" value={on} onChange={(e) => setOn(e.target.value)}>
          {waitsFor.map((w) => (
            <option key={w.id} value={w.id}>
              {w.ref}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${reasonError ? ' field-with-error' : ''}`}>
        <label htmlFor="dependency-remove-reason">Why it no longer waits</label>
        <FieldErrorText id="dependency-remove-reason-error" message={reasonError} />
        <textarea id="dependency-remove-reason" rows={2} value={reason} aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? 'dependency-remove-reason-error' : undefined} onChange={(e) => setReason(e.target.value)} />
      </div>
      {refusal && <ErrorMessage error={refusal} title="The dependency was not removed" />}
      <button type="submit" disabled={change.sending}>
        {change.sending ? 'Saving…' : 'Remove dependency'}
      </button>
    </form>
  );
}

/** The programme office's and the waiting action's owner's controls: record and remove what it waits for. */
export function DependencyForms(props: Props) {
  const { plan } = useSession();
  const state = useQuery<DependencyChoicesAnswer>(DEPENDENCY_CHOICES_QUERY, { planId: plan.id });
  return (
    <QueryStatus state={state}>
      {({ plan: p, actions }) => {
        const revision = p.dependencies.revision;
        const done = () => {
          state.reload();
          props.onDone();
        };
        // Folded away: most visits to an action are not to change what it waits for.
        return (
          <details className="dependency-changes">
            <summary>Change what this action waits for</summary>
            <div className="form-pair">
              <DeclareForm {...props} onDone={done} choices={actions.edges.map((e) => e.node).filter((a) => a.status === 'OPEN' || a.status === 'COMPLETE')} revision={revision} />
              <RemoveForm {...props} onDone={done} revision={revision} />
            </div>
          </details>
        );
      }}
    </QueryStatus>
  );
}
