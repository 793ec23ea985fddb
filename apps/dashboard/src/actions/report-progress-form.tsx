import { FormEvent, useState } from 'react';
import { ErrorMessage } from '../shared/error-message';
import { ActionDetail, REPORT_PROGRESS } from './action.query';
import { useChange } from './use-change';

/** Today in the browser's own calendar, which is what an owner means by "as at today". */
const today = () => new Date().toLocaleDateString('en-CA');

/** The owner's update: RAG, commentary and the date it is true at (the domain's three musts). */
export function ReportProgressForm({ action, onDone }: { action: ActionDetail; onDone: () => void }) {
  const change = useChange(REPORT_PROGRESS, onDone);
  const [rag, setRag] = useState(action.rag === 'RED' || action.rag === 'AMBER' || action.rag === 'GREEN' ? action.rag : 'GREEN');
  const [commentary, setCommentary] = useState('');
  const [asAt, setAsAt] = useState(today);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { actionId: action.id, expectedRevision: action.revision, rag, commentary, asAt };
    if (await change.send({ input })) setCommentary('');
  }

  return (
    <form className="change-form" aria-labelledby="report-progress-heading" onSubmit={submit} data-edit-control="report-progress">
      <h3 id="report-progress-heading">Report progress</h3>
      <div className="field">
        <label htmlFor="progress-rag">RAG rating</label>
        <select id="progress-rag" value={rag} onChange={(e) => setRag(e.target.value as typeof rag)}>
          <option value="RED">Red: off track, the board must intervene</option>
          <option value="AMBER">Amber: slipping, recovery in hand</option>
          <option value="GREEN">Green: on track</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="progress-commentary">Commentary</label>
        <textarea id="progress-commentary" required rows={4} value={commentary} onChange={(e) => setCommentary(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="progress-as-at">As at (the date this update describes)</label>
        <input id="progress-as-at" type="date" required value={asAt} max={today()} onChange={(e) => setAsAt(e.target.value)} />
      </div>
      {change.error && <ErrorMessage error={change.error} title="The update was not saved" />}
      <button type="submit" disabled={change.sending}>
        {change.sending ? 'Saving…' : 'Save progress update'}
      </button>
    </form>
  );
}
