/**
 * RAG as boards use it. Owners report Red, Amber or Green; Blue (complete) is only reached by
 * marking the action complete with accepted evidence; Not yet rated is where every action starts.
 */
export const RAG_STATUSES = ['NOT_YET_RATED', 'RED', 'AMBER', 'GREEN', 'BLUE'] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];

export const REPORTABLE_RAG_STATUSES = ['RED', 'AMBER', 'GREEN'] as const;
export type ReportableRag = (typeof REPORTABLE_RAG_STATUSES)[number];

export const EVIDENCE_KINDS = ['ACTIVITY', 'IMPACT'] as const;
/** Activity evidence shows the thing was done; impact evidence shows it changed outcomes. */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const ACTION_STATUSES = ['OPEN', 'COMPLETE', 'WITHDRAWN', 'SUPERSEDED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Where a piece of evidence stands with the board. */
export const EVIDENCE_REVIEW_STATUSES = ['PENDING', 'ACCEPTED', 'REJECTED'] as const;
export type EvidenceReviewStatus = (typeof EVIDENCE_REVIEW_STATUSES)[number];

/** What the board may decide about a piece of evidence. */
export const REVIEW_DECISIONS = ['ACCEPT', 'REJECT'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
