import { FormEvent, useState } from 'react';
import { useSession } from '../session/session-context';
import { ErrorMessage } from '../shared/error-message';
import { ActionDetail, ATTACH_EVIDENCE } from './action.query';
import { useChange } from './use-change';

/** Evidence is a pointer (a link or a board paper reference) for the board to review, not a file upload. */
export function AttachEvidenceForm({ action, onDone }: { action: ActionDetail; onDone: () => void }) {
  const { me } = useSession();
  const change = useChange(ATTACH_EVIDENCE, onDone);
  const [kind, setKind] = useState<'ACTIVITY' | 'IMPACT'>('ACTIVITY');
  const [title, setTitle] = useState('');
  const [link, setLink] = useState('');
  const [documentReference, setDocumentReference] = useState('');

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
    if (await change.send({ input })) {
      setTitle('');
      setLink('');
      setDocumentReference('');
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
        <label htmlFor="evidence-link">Link (or give a document reference)</label>
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
