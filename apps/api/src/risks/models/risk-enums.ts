import { ESCALATION_REASONS, MITIGATION_STATUSES, RISK_BANDS, RISK_STATUSES } from '@send/domain';
import { graphqlEnum } from '../../common/graphql-enum';

export const RiskStatusName = graphqlEnum(RISK_STATUSES, { name: 'RiskStatus', description: 'OPEN; CLOSED by the board; BECAME_ISSUE when the risk has happened.' });
export type RiskStatusName = (typeof RISK_STATUSES)[number];

export const RiskBandName = graphqlEnum(RISK_BANDS, { name: 'RiskBand', description: 'The band of a score on the 5 × 5 matrix: 1–4 GREEN, 5–12 AMBER, 15–25 RED.' });
export type RiskBandName = (typeof RISK_BANDS)[number];

export const MitigationStatusName = graphqlEnum(MITIGATION_STATUSES, { name: 'MitigationStatus' });
export type MitigationStatusName = (typeof MITIGATION_STATUSES)[number];

export const EscalationReasonName = graphqlEnum(ESCALATION_REASONS, {
  name: 'EscalationReason',
  description: "Why a risk is on the board's agenda: its score is at or above the threshold (15, Red), or its last re-score raised it.",
});
export type EscalationReasonName = (typeof ESCALATION_REASONS)[number];
