import type { EscalationReason, MitigationStatus, RiskBand, RiskStatus } from '@send/domain';
import type { RagValue } from '../shared/rag-badge';

const RATING = 'likelihood impact score band';

/** One risk with its history, and the plan's actions so its links can be named. */
export const RISK_QUERY = `query Risk($planId: ID!, $ref: String!, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  risk(planId: $planId, ref: $ref, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) {
    id ref title description cause consequence status outcome reviewDate escalation actionIds
    owner { id name role organisation }
    inherent { ${RATING} } current { ${RATING} } target { ${RATING} byDate }
    scores { rating { score band } asOfDate commentary revision }
    mitigations { id description status dueDate owner { name } lastCommentary }
    decisions { id meetingDate kind summary }
    ownerChanges { from { name } to { name } reason recordedAt revision }
  }
  actions(planId: $planId, first: 100, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) { edges { node { id ref title rag } } }
}`;

/** The open risks that name an action: what threatens it, or what it mitigates. */
export const ACTION_RISKS_QUERY = `query ActionRisks($planId: ID!, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  risks(planId: $planId, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) { id ref title actionIds current { score band } escalation }
}`;

interface Rating {
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBand;
}

export interface RiskDetail {
  id: string;
  ref: string;
  title: string;
  description: string;
  cause: string;
  consequence: string;
  status: RiskStatus;
  outcome: string | null;
  reviewDate: string;
  escalation: EscalationReason[];
  actionIds: string[];
  owner: { id: string; name: string; role: string; organisation: string };
  inherent: Rating;
  current: Rating;
  target: Rating & { byDate: string };
  scores: { rating: { score: number; band: RiskBand }; asOfDate: string | null; commentary: string | null; revision: number }[];
  mitigations: { id: string; description: string; status: MitigationStatus; dueDate: string; owner: { name: string }; lastCommentary: string | null }[];
  decisions: { id: string; meetingDate: string; kind: string; summary: string }[];
  ownerChanges: { from: { name: string }; to: { name: string }; reason: string; recordedAt: string; revision: number }[];
}

export interface RiskAnswer {
  risk: RiskDetail;
  actions: { edges: { node: { id: string; ref: string; title: string; rag: RagValue } }[] };
}

export interface ActionRisksAnswer {
  risks: { id: string; ref: string; title: string; actionIds: string[]; current: { score: number; band: RiskBand }; escalation: EscalationReason[] }[];
}
