import { EvidenceAccepted, EvidenceAttached, EvidenceFile, EvidenceRejected, EvidenceKind, EvidenceReviewStatus } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';

/** One piece of evidence as a read model holds it; the live row and the as-at view share it. */
export interface EvidenceView {
  evidenceId: string;
  actionId: string;
  kind: EvidenceKind;
  title: string;
  link: string | null;
  documentReference: string | null;
  submittedBy: string;
  file: EvidenceFile | null;
  submittedAt: string;
  status: EvidenceReviewStatus;
  reviewedAt: string | null;
  reviewedBy: string | null;
  rejectionReason: string | null;
}

/** A piece of evidence as attached: the same for the evidence register and for an as-at view. */
export function attachedEvidence(event: ProjectedEvent & EvidenceAttached): EvidenceView {
  const d = event.data;
  return {
    evidenceId: d.evidenceId,
    actionId: d.actionId,
    kind: d.kind,
    title: d.title,
    link: d.link,
    documentReference: d.documentReference,
    submittedBy: d.submittedBy,
    file: d.file,
    submittedAt: event.recorded.metadata.occurredAt,
    status: 'PENDING',
    reviewedAt: null,
    reviewedBy: null,
    rejectionReason: null,
  };
}

/** What the board's review changes on a piece of evidence. */
export function evidenceReview(
  event: ProjectedEvent & (EvidenceAccepted | EvidenceRejected),
): Pick<EvidenceView, 'status' | 'reviewedAt' | 'reviewedBy' | 'rejectionReason'> {
  const { occurredAt, actor } = event.recorded.metadata;
  return {
    status: event.type === 'EvidenceAccepted' ? 'ACCEPTED' : 'REJECTED',
    reviewedAt: occurredAt,
    reviewedBy: actor?.displayName ?? actor?.userId ?? null,
    rejectionReason: event.type === 'EvidenceRejected' ? event.data.reason : null,
  };
}
