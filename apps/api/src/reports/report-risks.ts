import { EscalationReason, escalationReasons } from '@send/domain';
import { RiskEntity, RiskRegisterView, RiskScoreEntity } from '@send/read-models';

/** A risk as the report shows it: where it stood at the end of the period, and at its start. */
export interface ReportRiskLine {
  risk: RiskEntity;
  /** The current score at the start of the period; null for a risk raised during it. */
  scoreAtStart: number | null;
  escalation: EscalationReason[];
  /** Mitigations planned or in progress at the end of the period. */
  openMitigations: number;
  /** The commentary of the last re-score by the end of the period, if it has been re-scored. */
  latestCommentary: string | null;
}

/**
 * The register for the report: every risk open at the end of the period, and those closed or
 * recorded as an issue during it (the board should see what left the register and why). A risk
 * that had already left before the period began is in an earlier report.
 */
export function reportRisks(start: RiskRegisterView, end: RiskRegisterView, escalationScore: number): ReportRiskLine[] {
  const atStart = new Map(start.risks.map((r) => [r.riskId, r]));
  const lastScore = new Map<string, RiskScoreEntity>();
  for (const score of end.scores) if (score.commentary !== null) lastScore.set(score.riskId, score);
  return end.risks
    .filter((risk) => risk.status === 'OPEN' || atStart.get(risk.riskId)?.status !== risk.status)
    .map((risk) => ({
      risk,
      scoreAtStart: atStart.get(risk.riskId)?.currentScore ?? null,
      // Against the threshold the plan had at the end of the period.
      escalation: escalationReasons({ status: risk.status, score: risk.currentScore, previousScore: risk.previousScore }, escalationScore),
      openMitigations: end.mitigations.filter((m) => m.riskId === risk.riskId && (m.status === 'PLANNED' || m.status === 'IN_PROGRESS')).length,
      latestCommentary: lastScore.get(risk.riskId)?.commentary ?? null,
    }));
}
