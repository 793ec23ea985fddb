import { daysBetween, greenButNotMovingTheNeedle, ImpactReason, londonDateOf } from '@send/domain';
import { ActionLogView, ActionView, EvidenceView, isOverdue, isStale, Movement, MovementGroup, PlanView, positionsFor, RagChange, RiskRegisterView, ScorecardLine, scorecardLine } from '@send/read-models';
import { ChainHead } from '@send/event-store';
import { ReportPeriod } from './report-period';
import { ReportRiskLine, reportRisks } from './report-risks';
import { reportDependencyRisks, ReportDependencyLine } from './report-dependencies';
import { reportActionLog, ReportFollowUpLine } from './report-action-log';
import { ReportReturn } from './report-return';

export interface ReportActionLine {
  action: ActionView;
  overdue: boolean;
  stale: boolean;
  daysOverdue: number;
  /** RAG at the previous report; null when the action is new since. */
  previousRag: string | null;
  /** UP, DOWN, FIRST_RATED, NEW, or null when it has not moved. */
  movement: string | null;
  evidenceAcceptedInPeriod: number;
  /** What happened to it in the period, from its timeline (which carries store positions). */
  eventsInPeriod: ActionView['timeline'];
  /** "Green but not moving the needle" at the end of the period: why, metric by metric; null when not flagged. */
  impactFlag: { reasons: ImpactReason[] } | null;
}

/** Everything the quarterly monitoring report shows, computed once and rendered as HTML and CSV. */
export interface QuarterlyReport {
  plan: Pick<PlanView, 'planId' | 'title' | 'version' | 'approvedOn' | 'localAreaName' | 'staleAfterDays'>;
  period: ReportPeriod;
  /** The newest store position in the plan's history up to `period.to`: the report is a function of the events up to it. */
  lastPosition: string;
  /**
   * The global hash chain at `lastPosition`: a copy of the report anchors every event up to
   * there, so a later rewrite of that history no longer reaches it (verifyHistory, npm run verify).
   */
  chainHead: { position: string; hash: string } | null;
  movement: Movement;
  areas: MovementGroup[];
  priorities: MovementGroup[];
  ragChanges: RagChange[];
  red: ReportActionLine[];
  overdue: ReportActionLine[];
  evidenceAccepted: { action: ActionView; evidence: EvidenceView }[];
  /** Every action the plan held at the end of the period, in plan order. */
  actions: ReportActionLine[];
  /** The scorecard as it stood at the end of the period, by metric name. */
  scorecard: ScorecardLine[];
  /** Actions rated Green at the end of the period whose linked metrics were off target or getting worse, in plan order. */
  notMovingTheNeedle: ReportActionLine[];
  /** The risk register at the end of the period, in reference order (open, and those that left it during the period). */
  risks: ReportRiskLine[];
  /** The open risks on the board's agenda: Red, or raised by their last re-score. */
  escalatedRisks: ReportRiskLine[];
  /** Open actions at risk from a slipping action they wait for, at the end of the period. */
  dependencyRisks: ReportDependencyLine[];
  /** The board's follow-ups open at the end of the period (overdue first), then those closed during it. */
  actionLog: ReportFollowUpLine[];
  /** The quarter's return: executive summary, High Needs Block position, conditions, and its sign-off. */
  quarterlyReturn: ReportReturn;
}

/** The plan's risk register at the period's two ends. */
export interface ReportRiskRegisters {
  start: RiskRegisterView;
  end: RiskRegisterView;
  /** The meeting action log at the end of the period. */
  actionLog: ActionLogView;
}

export function buildQuarterlyReport(
  period: ReportPeriod,
  start: PlanView | undefined,
  end: PlanView,
  movement: Movement,
  registers: ReportRiskRegisters,
  quarterlyReturn: ReportReturn,
  chainHead?: ChainHead,
): QuarterlyReport {
  const today = londonDateOf(end.asAt);
  const before = new Map((start?.actions ?? []).map((a) => [a.actionId, a]));
  const moved = new Map(movement.ragChanges.map((c) => [c.action.actionId, c.direction as string]));
  const accepted = movement.evidenceAccepted;
  const scorecard = end.metrics.map((m) => scorecardLine(m.metric, m.measurements, m.targets, m.comparators));
  const lines = end.actions.map((action): ReportActionLine => {
    const overdue = isOverdue(action, today);
    const previous = before.get(action.actionId);
    return {
      action,
      overdue,
      stale: isStale(action, today, end.staleAfterDays),
      daysOverdue: overdue ? daysBetween(action.dueDate, today) : 0,
      previousRag: previous?.rag ?? null,
      movement: previous ? (moved.get(action.actionId) ?? null) : 'NEW',
      evidenceAcceptedInPeriod: accepted.filter((e) => e.action.actionId === action.actionId).length,
      eventsInPeriod: action.timeline.filter((t) => t.occurredAt > period.from && t.occurredAt <= period.to),
      impactFlag: greenButNotMovingTheNeedle(action, positionsFor(scorecard, action.actionId)),
    };
  });
  const inForce = lines.filter((l) => l.action.status !== 'WITHDRAWN' && l.action.status !== 'SUPERSEDED');
  const risks = reportRisks(registers.start, registers.end, end.riskEscalationScore);
  return {
    plan: end,
    period,
    lastPosition: String(lastPositionOf(end, registers.end, registers.actionLog) ?? ''),
    chainHead: chainHead ? { position: String(chainHead.position), hash: chainHead.hash } : null,
    movement,
    areas: movement.areas,
    priorities: movement.priorities,
    ragChanges: movement.ragChanges,
    red: inForce.filter((l) => l.action.rag === 'RED'),
    overdue: inForce.filter((l) => l.overdue),
    evidenceAccepted: accepted,
    actions: lines,
    scorecard,
    notMovingTheNeedle: lines.filter((l) => l.impactFlag !== null),
    risks,
    escalatedRisks: risks.filter((r) => r.escalation.length > 0),
    dependencyRisks: reportDependencyRisks(end, today),
    actionLog: reportActionLog(registers.actionLog, period),
    quarterlyReturn,
  };
}

/** The newest event the report rests on, from the plan's streams, its risks' or its follow-ups'. */
export function lastPositionOf(plan: PlanView, risks: RiskRegisterView, actionLog?: ActionLogView): bigint | null {
  const positions = [plan.lastPosition, risks.lastPosition, actionLog?.lastPosition ?? null].filter((p): p is bigint => p !== null);
  return positions.length === 0 ? null : positions.reduce((a, b) => (a > b ? a : b));
}
