import {
  ACTION_STATUSES,
  EVIDENCE_KINDS,
  EVIDENCE_REVIEW_STATUSES,
  RAG_STATUSES,
  REPORTABLE_RAG_STATUSES,
  REVIEW_DECISIONS,
} from '@send/domain';
import { graphqlEnum } from './graphql-enum';

export const Rag = graphqlEnum(RAG_STATUSES, {
  name: 'Rag',
  description: 'Red off track, Amber slipping with recovery in hand, Green on track, Blue complete with accepted evidence.',
});
export type Rag = (typeof RAG_STATUSES)[number];

/** What an owner may report: Blue is only reached through completeAction. */
export const ReportableRag = graphqlEnum(REPORTABLE_RAG_STATUSES, { name: 'ReportableRag', description: 'Ratings an owner may report; Blue comes from completeAction.' });
export type ReportableRag = (typeof REPORTABLE_RAG_STATUSES)[number];

export const ActionStatus = graphqlEnum(ACTION_STATUSES, { name: 'ActionStatus' });
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const EvidenceKind = graphqlEnum(EVIDENCE_KINDS, { name: 'EvidenceKind', description: 'ACTIVITY: the thing was done. IMPACT: it changed outcomes.' });
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EvidenceStatus = graphqlEnum(EVIDENCE_REVIEW_STATUSES, { name: 'EvidenceStatus' });
export type EvidenceStatus = (typeof EVIDENCE_REVIEW_STATUSES)[number];

export const ReviewDecision = graphqlEnum(REVIEW_DECISIONS, { name: 'ReviewDecision' });
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
