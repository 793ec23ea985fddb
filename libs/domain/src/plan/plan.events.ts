import { CalendarDate } from '../shared/calendar-date';
import { ImprovementArea } from './improvement-areas';
import { LocalArea } from './plan.commands';
import { RecoveryPriority } from './recovery-priorities';

export type PlanCreated = {
  type: 'PlanCreated';
  data: {
    planId: string;
    localArea: LocalArea;
    title: string;
    version: string;
    approvedOn: CalendarDate;
    staleAfterDays: number;
    areas: ImprovementArea[];
    priorities: RecoveryPriority[];
  };
};

export type PlanRevisionApproved = {
  type: 'PlanRevisionApproved';
  data: { planId: string; version: string; title: string; approvedOn: CalendarDate; previousVersion: string };
};

export type StaleThresholdChanged = {
  type: 'StaleThresholdChanged';
  data: { planId: string; staleAfterDays: number; previousStaleAfterDays: number };
};

export type UpdateRoundOpened = {
  type: 'UpdateRoundOpened';
  /** Updates as at `openedOn` or later count towards the round. */
  data: { planId: string; roundId: string; title: string; openedOn: CalendarDate; deadline: CalendarDate };
};

export type UpdateRoundClosed = { type: 'UpdateRoundClosed'; data: { planId: string; roundId: string; closedOn: CalendarDate } };

export type RiskEscalationThresholdSet = {
  type: 'RiskEscalationThresholdSet';
  data: { planId: string; score: number; previousScore: number; reason: string };
};

export type PlanEvent = PlanCreated | PlanRevisionApproved | StaleThresholdChanged | UpdateRoundOpened | UpdateRoundClosed | RiskEscalationThresholdSet;

/** Current schema version of each plan event; bump with an upcaster, never edit in place. */
export const PLAN_EVENT_VERSIONS: Record<PlanEvent['type'], number> = {
  PlanCreated: 1,
  PlanRevisionApproved: 1,
  StaleThresholdChanged: 1,
  UpdateRoundOpened: 1,
  UpdateRoundClosed: 1,
  RiskEscalationThresholdSet: 1,
};
