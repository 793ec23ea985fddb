import { CalendarDate } from '../shared/calendar-date';

export interface LocalArea {
  id: string;
  name: string;
}

export type CreatePlan = {
  type: 'CreatePlan';
  data: {
    planId: string;
    localArea: LocalArea;
    title: string;
    version: string;
    approvedOn: CalendarDate;
    /** Days without a progress update after which an action counts as stale. */
    staleAfterDays?: number;
  };
};

export type ApprovePlanRevision = {
  type: 'ApprovePlanRevision';
  data: { planId: string; version: string; title?: string; approvedOn: CalendarDate };
};

export type ChangeStaleThreshold = {
  type: 'ChangeStaleThreshold';
  data: { planId: string; staleAfterDays: number };
};

/** The programme office asks every owner for an update before a board meeting. */
export type OpenUpdateRound = {
  type: 'OpenUpdateRound';
  data: { planId: string; roundId: string; title: string; deadline: CalendarDate };
};

export type CloseUpdateRound = { type: 'CloseUpdateRound'; data: { planId: string; roundId: string } };

/** The board's own line for its agenda: an open risk scoring this or more is escalated to it. */
export type SetRiskEscalationThreshold = {
  type: 'SetRiskEscalationThreshold';
  data: { planId: string; score: number; reason: string };
};

export type PlanCommand = CreatePlan | ApprovePlanRevision | ChangeStaleThreshold | OpenUpdateRound | CloseUpdateRound | SetRiskEscalationThreshold;

export const DEFAULT_STALE_AFTER_DAYS = 42;

/**
 * Until the board sets its own, an open risk scoring 15 or more, the first Red score on the 5 × 5
 * matrix, goes on its agenda (risk-escalation.spec.ts holds the two together).
 */
export const DEFAULT_RISK_ESCALATION_SCORE = 15;
