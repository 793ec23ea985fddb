import type { EscalationReason, MitigationStatus, RiskBand } from '@send/domain';

export const RISKS_QUERY = `query Risks($planId: ID!, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  plan(id: $planId, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) { riskEscalationScore }
  risks(planId: $planId, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) {
    id ref title reviewDate escalation previousScore
    owner { name organisation }
    current { likelihood impact score band }
    target { score band byDate }
    mitigations { id status }
  }
}`;

export interface RegisterRisk {
  id: string;
  ref: string;
  title: string;
  reviewDate: string;
  escalation: EscalationReason[];
  previousScore: number | null;
  owner: { name: string; organisation: string };
  current: { likelihood: number; impact: number; score: number; band: RiskBand };
  target: { score: number; band: RiskBand; byDate: string };
  mitigations: { id: string; status: MitigationStatus }[];
}
