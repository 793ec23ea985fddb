import { FormEvent, useRef, useState } from 'react';
import { uploadEvidence } from '../api/evidence-file-client';
import { useMutation } from '../api/use-query';
import { useSession } from '../session/session-context';
import { ErrorMessage } from '../shared/error-message';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorText } from '../shared/field-error-text';
import { errorFor, FieldMap, FormError } from '../shared/field-errors';
import { ActionDetail, ATTACH_EVIDENCE } from './action.query';
import { useChangeWith } from '../shared/use-change';
import { useFormErrors } from '../shared/use-form-errors';

/** The types the API accepts (it checks the content, not these endings; this only helps the file picker). */
const ACCEPTED_FILES = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg,.gif,.webp';

// The API's field names, the box each is typed in, and plainer words for the refusals an owner can meet.
const FIELDS: FieldMap = {
  kind: { targetId: 'evidence-kind' },
  title: { targetId: 'evidence-title', messages: { isNotEmpty: 'Enter a title for the evidence' } },
  file: { targetId: 'evidence-file' },
  link: {
    targetId: 'evidence-link',
    messages: {
      linkOrDocumentReference: 'Give a file, a link or a document reference',
      isWebLink: 'Enter a link that starts with https:// or http://',
    },
  },
  documentReference: { targetId: 'evidence-reference' },
};

/** A text box with its label and, when it is wrong, the error between them. */
function TextField(props: { id: string; field: string; label: string; errors: FormError[]; value: string; type?: string; onChange(value: string): void }) {
  const message = errorFor(props.errors, props.field);
  return (
    <div className={`field${message ? ' field-with-error' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      <FieldErrorText id={`${props.id}-error`} message={message} />
      <input
        id={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${props.id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

/** Evidence for the board to review: an uploaded file, a link, or a board paper reference. */
export function AttachEvidenceForm({ action, onDone, onSaved }: { action: ActionDetail; onDone: () => void; onSaved: (message: string | null) => void }) {
  const session = useSession();
  const { me } = session;
  const attach = useMutation<unknown>(ATTACH_EVIDENCE);
  const change = useChangeWith(({ input, file }) => {
    if (!(file instanceof File)) return attach({ input });
    const { actionId, ...fields } = input as Record<string, string | number | undefined>;
    const present = Object.entries(fields).filter(([, v]) => v !== undefined);
    return uploadEvidence(session.token, String(actionId), Object.fromEntries(present.map(([k, v]) => [k, String(v)])), file);
  }, onDone);
  const [kind, setKind] = useState<'ACTIVITY' | 'IMPACT'>('ACTIVITY');
  const [title, setTitle] = useState('');
  const [link, setLink] = useState('');
  const [documentReference, setDocumentReference] = useState('');
  const { errors, refusal, found, refused } = useFormErrors(FIELDS, 'evidence-title');
  const fileInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    onSaved(null);
    if (title.trim() === '') return found([{ field: 'title', targetId: FIELDS.title.targetId, message: FIELDS.title.messages!.isNotEmpty }]);
    found([]);
    const input = {
      actionId: action.id,
      expectedRevision: action.revision,
      kind,
      title,
      link: link || undefined,
      documentReference: documentReference || undefined,
      submittedBy: me.displayName,
    };
    const outcome = await change.send({ input, file: fileInput.current?.files?.[0] });
    if (outcome.error) return refused(outcome.error);
    setTitle('');
    setLink('');
    setDocumentReference('');
    if (fileInput.current) fileInput.current.value = '';
    onSaved(`Evidence “${title}” attached to ${action.ref}; it now awaits the board’s review`);
  }

  return (
    <form className="change-form" aria-labelledby="attach-evidence-heading" onSubmit={submit} noValidate data-edit-control="attach-evidence">
      <h3 id="attach-evidence-heading">Attach evidence</h3>
      <ErrorSummary errors={errors} />
      <div className="field">
        <label htmlFor="evidence-kind">Kind of evidence</label>
        <select id="evidence-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="ACTIVITY">Activity: the thing was done</option>
          <option value="IMPACT">Impact: it changed outcomes</option>
        </select>
      </div>
      <TextField id="evidence-title" field="title" label="Title" errors={errors} value={title} onChange={setTitle} />
      <div className={`field${errorFor(errors, 'file') ? ' field-with-error' : ''}`}>
        <label htmlFor="evidence-file">File: PDF, Word, Excel, PowerPoint or an image</label>
        <FieldErrorText id="evidence-file-error" message={errorFor(errors, 'file')} />
        <input id="evidence-file" type="file" accept={ACCEPTED_FILES} ref={fileInput} aria-describedby={errorFor(errors, 'file') ? 'evidence-file-error' : undefined} />
      </div>
      <TextField id="evidence-link" field="link" type="url" label="Link (or give a file or a document reference)" errors={errors} value={link} onChange={setLink} />
      <TextField id="evidence-reference" field="documentReference" label="Document reference, e.g. SIB 2026-09 paper 4" errors={errors} value={documentReference} onChange={setDocumentReference} />
      {refusal && <ErrorMessage error={refusal} title="The evidence was not attached" />}
      <button type="submit" disabled={change.sending}>
        {change.sending ? 'Attaching…' : 'Attach evidence'}
      </button>
    </form>
  );
}
