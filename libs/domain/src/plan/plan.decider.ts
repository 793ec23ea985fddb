import { requireDate, requireText } from '../shared/guards';
import { CommandMetadata } from '../shared/command-metadata';
import { IMPROVEMENT_AREAS } from './improvement-areas';
import { RECOVERY_PRIORITIES } from './recovery-priorities';
import { DEFAULT_RISK_ESCALATION_SCORE, DEFAULT_STALE_AFTER_DAYS, LocalArea, PlanCommand } from './plan.commands';
import { PlanEvent } from './plan.events';
import { londonDateOf } from '../shared/london-day';
import { InvalidValueError } from '../shared/domain-error';
import {
  DeadlineBeforeOpeningError,
  UpdateRoundAlreadyOpenError,
  UpdateRoundNotOpenError,
  PlanAlreadyExistsError,
  PlanNotFoundError,
  RevisionNotNewerError,
  StaleThresholdInvalidError,
} from './plan.errors';

export type PlanState =
  | { status: 'absent' }
  | {
      status: 'active';
      planId: string;
      localArea: LocalArea;
      title: string;
      version: string;
      approvedOn: string;
      staleAfterDays: number;
      areaNumbers: number[];
      priorityNumbers: number[];
      openRound: { roundId: string; title: string } | null;
      /** An open risk scoring this or more goes on the board's agenda (15, Red, until the board sets its own). */
      riskEscalationScore: number;
    };

export const initialPlanState = (): PlanState => ({ status: 'absent' });

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanCreated':
      return {
        status: 'active',
        planId: event.data.planId,
        localArea: event.data.localArea,
        title: event.data.title,
        version: event.data.version,
        approvedOn: event.data.approvedOn,
        staleAfterDays: event.data.staleAfterDays,
        areaNumbers: event.data.areas.map((a) => a.number),
        priorityNumbers: event.data.priorities.map((p) => p.number),
        openRound: null,
        riskEscalationScore: DEFAULT_RISK_ESCALATION_SCORE,
      };
    case 'PlanRevisionApproved':
      if (state.status !== 'active') return state;
      return { ...state, version: event.data.version, title: event.data.title, approvedOn: event.data.approvedOn };
    case 'StaleThresholdChanged':
      if (state.status !== 'active') return state;
      return { ...state, staleAfterDays: event.data.staleAfterDays };
    case 'UpdateRoundOpened':
      if (state.status !== 'active') return state;
      return { ...state, openRound: { roundId: event.data.roundId, title: event.data.title } };
    case 'UpdateRoundClosed':
      if (state.status !== 'active') return state;
      return { ...state, openRound: null };
    case 'RiskEscalationThresholdSet':
      if (state.status !== 'active') return state;
      return { ...state, riskEscalationScore: event.data.score };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function requireStaleDays(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 366) throw new StaleThresholdInvalidError(value);
  return value;
}

export function decidePlan(command: PlanCommand, state: PlanState, metadata: CommandMetadata): PlanEvent[] {
  switch (command.type) {
    case 'CreatePlan': {
      if (state.status !== 'absent') throw new PlanAlreadyExistsError(command.data.planId);
      const { planId, localArea } = command.data;
      return [
        {
          type: 'PlanCreated',
          data: {
            planId,
            localArea: { id: requireText('localArea.id', localArea.id), name: requireText('localArea.name', localArea.name) },
            title: requireText('title', command.data.title),
            version: requireText('version', command.data.version),
            approvedOn: requireDate('approvedOn', command.data.approvedOn),
            staleAfterDays: requireStaleDays(command.data.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS),
            areas: IMPROVEMENT_AREAS.map((a) => ({ ...a })),
            priorities: RECOVERY_PRIORITIES.map((p) => ({ ...p })),
          },
        },
      ];
    }
    case 'ApprovePlanRevision': {
      if (state.status !== 'active') throw new PlanNotFoundError(command.data.planId);
      const approvedOn = requireDate('approvedOn', command.data.approvedOn);
      if (approvedOn < state.approvedOn) throw new RevisionNotNewerError(approvedOn, state.approvedOn);
      return [
        {
          type: 'PlanRevisionApproved',
          data: {
            planId: state.planId,
            version: requireText('version', command.data.version),
            title: command.data.title === undefined ? state.title : requireText('title', command.data.title),
            approvedOn,
            previousVersion: state.version,
          },
        },
      ];
    }
    case 'ChangeStaleThreshold': {
      if (state.status !== 'active') throw new PlanNotFoundError(command.data.planId);
      const staleAfterDays = requireStaleDays(command.data.staleAfterDays);
      if (staleAfterDays === state.staleAfterDays) return [];
      return [
        {
          type: 'StaleThresholdChanged',
          data: { planId: state.planId, staleAfterDays, previousStaleAfterDays: state.staleAfterDays },
        },
      ];
    }
    case 'OpenUpdateRound': {
      if (state.status !== 'active') throw new PlanNotFoundError(command.data.planId);
      if (state.openRound) throw new UpdateRoundAlreadyOpenError(state.openRound.title);
      const today = londonDateOf(metadata.now);
      const deadline = requireDate('deadline', command.data.deadline);
      if (deadline < today) throw new DeadlineBeforeOpeningError(deadline, today);
      const { roundId } = command.data;
      return [{ type: 'UpdateRoundOpened', data: { planId: state.planId, roundId, title: requireText('title', command.data.title), openedOn: today, deadline } }];
    }
    case 'CloseUpdateRound': {
      if (state.status !== 'active') throw new PlanNotFoundError(command.data.planId);
      if (state.openRound?.roundId !== command.data.roundId) throw new UpdateRoundNotOpenError(command.data.roundId);
      return [{ type: 'UpdateRoundClosed', data: { planId: state.planId, roundId: command.data.roundId, closedOn: londonDateOf(metadata.now) } }];
    }
    case 'SetRiskEscalationThreshold': {
      if (state.status !== 'active') throw new PlanNotFoundError(command.data.planId);
      const score = command.data.score;
      if (!Number.isInteger(score) || score < 1 || score > 25) throw new InvalidValueError('score', 'riskScore', `score must be a whole number from 1 to 25 (likelihood × impact), not ${score}`);
      const reason = requireText('reason', command.data.reason);
      if (score === state.riskEscalationScore) return [];
      return [{ type: 'RiskEscalationThresholdSet', data: { planId: state.planId, score, previousScore: state.riskEscalationScore, reason } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
