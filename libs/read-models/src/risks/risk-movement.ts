import { RiskEntity } from './risk.entity';

/** One end of the period: the register then, and the score at which an open risk went on the board's agenda then. */
export interface RegisterAtInstant {
  risks: RiskEntity[];
  escalationScore: number;
}

export const THRESHOLD_CROSSINGS = ['ROSE_TO_THRESHOLD', 'FELL_BELOW_THRESHOLD'] as const;
export type ThresholdCrossing = (typeof THRESHOLD_CROSSINGS)[number];

export const RISK_DIRECTIONS = ['UP', 'DOWN'] as const;

export interface RiskRescore {
  risk: RiskEntity;
  from: number;
  to: number;
  direction: (typeof RISK_DIRECTIONS)[number];
  /** Whether the re-score took it to or above the board's escalation threshold, or below it (each end against the threshold then); null when neither. */
  crossing: ThresholdCrossing | null;
}

/** What happened to a plan's risks over a period, each list in reference order. */
export interface RiskMovement {
  raised: RiskEntity[];
  rescored: RiskRescore[];
  closed: RiskEntity[];
  becameIssues: RiskEntity[];
}

/**
 * Compares the register at two instants, state against state, as the action movement does: a
 * risk scored up and back down in between has not moved. A risk raised and closed within the
 * period is both raised and closed; a re-score is a change of the current score, not of the
 * threshold (a board lowering its threshold re-scores nothing).
 */
export function riskMovementBetween(start: RegisterAtInstant | undefined, end: RegisterAtInstant): RiskMovement {
  const before = new Map((start?.risks ?? []).map((r) => [r.riskId, r]));
  const movement: RiskMovement = { raised: [], rescored: [], closed: [], becameIssues: [] };
  for (const now of end.risks) {
    const then = before.get(now.riskId);
    if (!then) movement.raised.push(now);
    if (then && then.currentScore !== now.currentScore) {
      const direction: RiskRescore['direction'] = now.currentScore > then.currentScore ? 'UP' : 'DOWN';
      const wasAbove = then.currentScore >= start!.escalationScore;
      const isAbove = now.currentScore >= end.escalationScore;
      // The direction guards against a threshold moved in the same period being read as a crossing the score made.
      const crossing = direction === 'UP' && isAbove && !wasAbove ? 'ROSE_TO_THRESHOLD' : direction === 'DOWN' && wasAbove && !isAbove ? 'FELL_BELOW_THRESHOLD' : null;
      movement.rescored.push({ risk: now, from: then.currentScore, to: now.currentScore, direction, crossing });
    }
    if (now.status === 'CLOSED' && then?.status !== 'CLOSED') movement.closed.push(now);
    if (now.status === 'BECAME_ISSUE' && then?.status !== 'BECAME_ISSUE') movement.becameIssues.push(now);
  }
  return movement;
}
