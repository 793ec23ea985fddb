import { DEFAULT_ESCALATION_SCORE, PlanEvent } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { PlanAreaEntity } from './plan-area.entity';
import { PlanPriorityEntity } from './plan-priority.entity';
import { PlanEntity } from './plan.entity';
import { UpdateRoundEntity } from './update-round.entity';

/**
 * What one event of a plan's stream does to the plan's rows: the plan, its areas and priorities,
 * its update rounds. The live projection writes these to the read database and the as-at view
 * applies them to a plan held in memory, so a new plan event is taught to the plan's rows once.
 */
export type PlanRowChange =
  | { kind: 'planCreated'; row: PlanEntity; areas: PlanAreaEntity[]; priorities: PlanPriorityEntity[] }
  | { kind: 'planChanged'; planId: string; changes: Partial<PlanEntity> }
  | { kind: 'roundOpened'; row: UpdateRoundEntity }
  | { kind: 'roundClosed'; roundId: string; closedOn: string };

const byNumber = (a: { number: number }, b: { number: number }) => a.number - b.number;

/** The changes a plan event makes; every event after the creation moves the plan's revision. */
export function planRowChanges(event: ProjectedEvent & PlanEvent): PlanRowChange[] {
  const revision = Number(event.recorded.revision);
  switch (event.type) {
    case 'PlanCreated': {
      const { planId, localArea, title, version, approvedOn, staleAfterDays } = event.data;
      const row = { planId, localAreaId: localArea.id, localAreaName: localArea.name, title, version, approvedOn, staleAfterDays, riskEscalationScore: DEFAULT_ESCALATION_SCORE, createdAt: event.recorded.metadata.occurredAt, revision };
      const areas = [...event.data.areas].sort(byNumber).map((a) => ({ planId, ...a }));
      const priorities = [...event.data.priorities].sort(byNumber).map((p) => ({ planId, ...p }));
      return [{ kind: 'planCreated', row, areas, priorities }];
    }
    case 'PlanRevisionApproved': {
      const { planId, version, title, approvedOn } = event.data;
      return [{ kind: 'planChanged', planId, changes: { version, title, approvedOn, revision } }];
    }
    case 'StaleThresholdChanged':
      return [{ kind: 'planChanged', planId: event.data.planId, changes: { staleAfterDays: event.data.staleAfterDays, revision } }];
    case 'RiskEscalationThresholdSet':
      return [{ kind: 'planChanged', planId: event.data.planId, changes: { riskEscalationScore: event.data.score, revision } }];
    case 'UpdateRoundOpened': {
      const { roundId, planId, title, openedOn, deadline } = event.data;
      return [
        { kind: 'roundOpened', row: { roundId, planId, title, openedOn, deadline, closedOn: null } },
        { kind: 'planChanged', planId, changes: { revision } },
      ];
    }
    case 'UpdateRoundClosed': {
      const { roundId, planId, closedOn } = event.data;
      return [
        { kind: 'roundClosed', roundId, closedOn },
        { kind: 'planChanged', planId, changes: { revision } },
      ];
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
