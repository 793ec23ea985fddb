import { Projection, ProjectedEvent } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { PlanAreaEntity } from './plan-area.entity';
import { PlanPriorityEntity } from './plan-priority.entity';
import { PlanEntity } from './plan.entity';
import { UpdateRoundEntity } from './update-round.entity';

export class PlanProjection implements Projection {
  readonly name = 'plans';

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    const revision = Number(event.recorded.revision);
    switch (event.type) {
      case 'PlanCreated': {
        const d = event.data;
        rows.insert(PlanEntity, {
          planId: d.planId,
          localAreaId: d.localArea.id,
          localAreaName: d.localArea.name,
          title: d.title,
          version: d.version,
          approvedOn: d.approvedOn,
          staleAfterDays: d.staleAfterDays,
          createdAt: event.recorded.metadata.occurredAt,
          revision,
        });
        rows.insert(PlanAreaEntity, d.areas.map((a) => ({ planId: d.planId, ...a })));
        rows.insert(PlanPriorityEntity, d.priorities.map((p) => ({ planId: d.planId, ...p })));
        return;
      }
      case 'PlanRevisionApproved': {
        const { planId, version, title, approvedOn } = event.data;
        rows.update(PlanEntity, { planId }, { version, title, approvedOn, revision });
        return;
      }
      case 'UpdateRoundOpened': {
        const { roundId, planId, title, openedOn, deadline } = event.data;
        rows.insert(UpdateRoundEntity, { roundId, planId, title, openedOn, deadline, closedOn: null });
        rows.update(PlanEntity, { planId }, { revision });
        return;
      }
      case 'UpdateRoundClosed':
        rows.update(UpdateRoundEntity, { roundId: event.data.roundId }, { closedOn: event.data.closedOn });
        rows.update(PlanEntity, { planId: event.data.planId }, { revision });
        return;
      case 'StaleThresholdChanged':
        rows.update(PlanEntity, { planId: event.data.planId }, { staleAfterDays: event.data.staleAfterDays, revision });
        return;
      default:
        return;
    }
  }
}
