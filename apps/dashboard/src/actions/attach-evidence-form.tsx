import { FormEvent, useRef, useState } from 'react';
import { uploadEvidence } from '../api/evidence-file-client';
import { useMutation } from '../api/use-query';
import { useSession } from '../session/session-context';
import { ErrorMessage } from '../shared/error-message';
import { ActionDetail, ATTACH_EVIDENCE } from './action.query';
import { useChangeWith } from './use-change';

/** The types the API accepts (it checks the content, not these endings; this only helps the file picker). */
const ACCEPTED_FILES = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg,.gif,.webp';

/** Evidence for the board to review: an uploaded file, a link, or a board paper reference. */
export function AttachEvidenceForm({ action, onDone }: { action: ActionDetail; onDone: () => void }) {
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
  const fileInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      actionId: action.id,
      expectedRevision: action.revision,
      kind,
      title,
      link: link || undefined,
      documentReference: documentReference || undefined,
      submittedBy: me.displayName,
    };
    if (await change.send({ input, file: fileInput.current?.files?.[0] })) {
      setTitle('');
      setLink('');
      setDocumentReference('');
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  return (
    <form className="change-form" aria-labelledby="attach-evidence-heading" onSubmit={submit} data-edit-control="attach-evidence">
      <h3 id="attach-evidence-heading">Attach evidence</h3>
      <div className="field">
        <label htmlFor="evidence-kind">Kind of evidence</label>
        <select id="evidence-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="ACTIVITY">Activity: the thing was done</option>
          <option value="IMPACT">Impact: it changed outcomes</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="evidence-title">Title</label>
        <input id="evidence-title" required value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="evidence-file">File: PDF, Word, Excel, PowerPoint or an image</label>
        <input id="evidence-file" type="file" accept={ACCEPTED_FILES} ref={fileInput} />
      </div>
      <div className="field">
        <label htmlFor="evidence-link">Link (or give a file or a document reference)</label>
        <input id="evidence-link" type="url" value={link} onChange={(e) => setLink(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="evidence-reference">Document reference, e.g. SIB 2026-09 paper 4</label>
        <input id="evidence-reference" value={documentReference} onChange={(e) => setDocumentReference(e.target.value)} />
      </div>
      {change.error && <ErrorMessage error={change.error} title="The evidence was not attached" />}
      <button type="submit" disabled={change.sending}>
        {change.sending ? 'Attaching…' : 'Attach evidence'}
      </button>
    </form>
  );
}
