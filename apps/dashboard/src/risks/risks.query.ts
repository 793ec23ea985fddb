export const RISKS_QUERY = `query Risks($planId: ID!, $asAt: String, $asAtMeeting: ID, $knownAt: String) {
  risks(planId: $planId, asAt: $asAt, asAtMeeting: $asAtMeeting, knownAt: $knownAt) {
    id ref title reviewDate escalation previousScore
    owner { name organisation }
    current { likelihood impact score band }
    target { score band byDate }
    mitigations { id status }
  }
}`;

export type RiskBand = 'RED' | 'AMBER' | 'GREEN';
export type EscalationReason = 'AT_OR_ABOVE_THRESHOLD' | 'RISING';

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
  mitigations: { id: string; status: 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'DROPPED' }[];
}

export const LIKELIHOOD_WORDS = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'];
export const IMPACT_WORDS = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'];

/** The register's matrix (docs/risks.md): 1–4 Green, 5–12 Amber, 15–25 Red. */
export const bandOf = (score: number): RiskBand => (score >= 15 ? 'RED' : score >= 5 ? 'AMBER' : 'GREEN');
