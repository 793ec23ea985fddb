import { RiskStatus } from './risk.commands';
import { DEFAULT_RISK_ESCALATION_SCORE } from '../plan/plan.commands';

/** Unless the plan sets its own, a risk reaches the board's agenda when its score is Red. */
export const DEFAULT_ESCALATION_SCORE = DEFAULT_RISK_ESCALATION_SCORE;

export const ESCALATION_REASONS = ['AT_OR_ABOVE_THRESHOLD', 'RISING'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/**
 * Why an open risk goes on the board's agenda: its current score is at or above the plan's
 * threshold, or its last re-score raised it. Closed risks and issues are handled elsewhere.
 */
export function escalationReasons(
  risk: { status: RiskStatus; score: number; previousScore: number | null },
  threshold: number = DEFAULT_ESCALATION_SCORE,
): EscalationReason[] {
  if (risk.status !== 'OPEN') return [];
  const reasons: EscalationReason[] = [];
  if (risk.score >= threshold) reasons.push('AT_OR_ABOVE_THRESHOLD');
  if (risk.previousScore !== null && risk.score > risk.previousScore) reasons.push('RISING');
  return reasons;
}
