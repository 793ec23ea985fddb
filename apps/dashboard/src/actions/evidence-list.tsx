import { isWebLink } from '@send/domain';
import { ActionDetail } from './action.query';
import { EvidenceFileLink } from './evidence-file-link';
import { EvidenceReview } from './evidence-review';
import { longDate, ukDateOf } from '../shared/uk-dates';

const STATUS_WORDS = { PENDING: 'Awaiting review', ACCEPTED: 'Accepted', REJECTED: 'Returned' } as const;

/** Activity and impact evidence, with the board's decision on each. */
export function EvidenceList({ action, canReview, onChanged, onSaved }: { action: ActionDetail; canReview: boolean; onChanged: () => void; onSaved: (message: string | null) => void }) {
  if (action.evidence.length === 0) return <p>No evidence has been attached.</p>;
  return (
    <ul className="evidence-list">
      {action.evidence.map((e) => (
        <li key={e.id} data-evidence-status={e.status}>
          <p>
            <span className={`evidence-status evidence-${e.status.toLowerCase()}`}>{STATUS_WORDS[e.status]}</span>{' '}
            <strong>{e.title}</strong> <span className="secondary">({e.kind === 'IMPACT' ? 'impact' : 'activity'} evidence)</span>
          </p>
          <p className="secondary">
            {/* Links recorded before the rule was in the domain stay in the history; show those as text, never as something to click. */}
            {e.link ? isWebLink(e.link) ? <a href={e.link}>{e.link}</a> : e.link : (e.documentReference ?? 'Uploaded file')} · submitted by {e.submittedBy} on <time dateTime={e.submittedAt}>{longDate(ukDateOf(e.submittedAt))}</time>
            {e.reviewedBy ? ` · reviewed by ${e.reviewedBy}` : ''}
          </p>
          {e.file && <EvidenceFileLink file={e.file} />}
          {e.rejectionReason && <p>Returned because: {e.rejectionReason}</p>}
          {canReview && e.status === 'PENDING' && <EvidenceReview action={action} evidence={e} onDone={onChanged} onSaved={onSaved} />}
        </li>
      ))}
    </ul>
  );
}
