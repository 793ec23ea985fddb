import { EntityManager } from 'typeorm';
import { Projection, ProjectedEvent } from '../projection/projection';
import { PlanAreaEntity } from './plan-area.entity';
import { PlanPriorityEntity } from './plan-priority.entity';
import { PlanEntity } from './plan.entity';
import { UpdateRoundEntity } from './update-round.entity';

export class PlanProjection implements Projection {
  readonly name = 'plans';

  async apply(event: ProjectedEvent, manager: EntityManager): Promise<void> {
    const revision = Number(event.recorded.revision);
    switch (event.type) {
      case 'PlanCreated': {
        const d = event.data;
        await manager.insert(PlanEntity, {
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
        await manager.insert(PlanAreaEntity, d.areas.map((a) => ({ planId: d.planId, ...a })));
        await manager.insert(PlanPriorityEntity, d.priorities.map((p) => ({ planId: d.planId, ...p })));
        return;
      }
      case 'PlanRevisionApproved': {
        const { planId, version, title, approvedOn } = event.data;
        await manager.update(PlanEntity, { planId }, { version, title, approvedOn, revision });
        return;
      }
      case 'UpdateRoundOpened': {
        const { roundId, planId, title, openedOn, deadline } = event.data;
        await manager.insert(UpdateRoundEntity, { roundId, planId, title, openedOn, deadline, closedOn: null });
        await manager.update(PlanEntity, { planId }, { revision });
        return;
      }
      case 'UpdateRoundClosed':
        await manager.update(UpdateRoundEntity, { roundId: event.data.roundId }, { closedOn: event.data.closedOn });
        await manager.update(PlanEntity, { planId: event.data.planId }, { revision });
        return;
      case 'StaleThresholdChanged':
        await manager.update(PlanEntity, { planId: event.data.planId }, { staleAfterDays: event.data.staleAfterDays, revision });
        return;
      default:
        return;
    }
  }
}
