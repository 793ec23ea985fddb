import type { RagValue } from '../shared/rag-badge';
import { ACTION_FINANCE_FIELDS, ActionFinance } from '../finance/action-finance.query';
import { CONFIDENCE_FIELDS, ConfidenceRating, ImpactFlag } from './delivery-confidence';
import { TIMELINE_PAGE_FIELDS, TIMELINE_PAGE_SIZE, TimelinePage } from './action-timeline.query';

export const ACTION_QUERY = `query ActionPage($id: ID!, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  action(id: $id, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) {
    id planId ref title description intendedImpact areaNumber priorityNumbers leadOrganisation
    status rag latestCommentary lastAsOfDate dueDate completedOn overdue stale revision recordedBy closingReason
    owner { id name role organisation }
    delegates { userId name }
    milestones { id title dueDate completedOn overdue }
    evidence { id kind title status link documentReference submittedBy submittedAt reviewedBy rejectionReason
      file { sha256 size contentType originalName downloadUrl } }
    ${CONFIDENCE_FIELDS}
    ${ACTION_FINANCE_FIELDS}
    timelineEntries(first: ${TIMELINE_PAGE_SIZE}) { ${TIMELINE_PAGE_FIELDS} }
  }
}`;

export interface Evidence {
  id: string;
  kind: 'ACTIVITY' | 'IMPACT';
  title: string;
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED';
  link: string | null;
  documentReference: string | null;
  submittedBy: string;
  submittedAt: string;
  reviewedBy: string | null;
  rejectionReason: string | null;
  file: EvidenceFile | null;
}

export interface EvidenceFile {
  sha256: string;
  size: number;
  contentType: string;
  originalName: string;
  downloadUrl: string;
}

export interface ActionDetail {
  id: string;
  planId: string;
  ref: string;
  title: string;
  description: string;
  intendedImpact: string;
  areaNumber: number;
  priorityNumbers: number[];
  leadOrganisation: string;
  status: string;
  rag: RagValue;
  latestCommentary: string | null;
  lastAsOfDate: string | null;
  dueDate: string;
  completedOn: string | null;
  overdue: boolean;
  stale: boolean;
  revision: number;
  recordedBy: string | null;
  closingReason: string | null;
  owner: { id: string; name: string; role: string; organisation: string };
  delegates: { userId: string; name: string }[];
  milestones: { id: string; title: string; dueDate: string; completedOn: string | null; overdue: boolean }[];
  evidence: Evidence[];
  timelineEntries: TimelinePage;
  deliveryConfidence: ConfidenceRating | null;
  confidenceHistory: ConfidenceRating[];
  impactFlag: ImpactFlag | null;
  finance: ActionFinance | null;
}

/** Every change answers with the action as it now stands; the page only needs its revision back. */
export const REPORT_PROGRESS = `mutation ReportProgress($input: ReportProgressInput!) { reportProgress(input: $input) { id revision ref rag lastAsOfDate } }`;
export const ATTACH_EVIDENCE = `mutation AttachEvidence($input: AttachEvidenceInput!) { attachEvidence(input: $input) { id revision } }`;
export const REVIEW_EVIDENCE = `mutation ReviewEvidence($input: ReviewEvidenceInput!) { reviewEvidence(input: $input) { id revision } }`;

export interface ReportProgressAnswer {
  reportProgress: { id: string; revision: number; ref: string; rag: RagValue; lastAsOfDate: string | null };
}
