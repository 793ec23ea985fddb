import { PLAN_EVENT_VERSIONS, PlanEvent } from '@send/domain';
import { Projection, ProjectedEvent } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { PlanAreaEntity } from './plan-area.entity';
import { PlanPriorityEntity } from './plan-priority.entity';
import { planRowChanges } from './plan-row';
import { PlanEntity } from './plan.entity';
import { UpdateRoundEntity } from './update-round.entity';

export class PlanProjection implements Projection {
  readonly name = 'plans';

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    if (!Object.hasOwn(PLAN_EVENT_VERSIONS, event.type)) return;
    for (const change of planRowChanges(event as ProjectedEvent & PlanEvent)) {
      switch (change.kind) {
        case 'planCreated':
          rows.insert(PlanEntity, change.row);
          rows.insert(PlanAreaEntity, change.areas);
          rows.insert(PlanPriorityEntity, change.priorities);
          break;
        case 'planChanged':
          rows.update(PlanEntity, { planId: change.planId }, change.changes);
          break;
        case 'roundOpened':
          rows.insert(UpdateRoundEntity, change.row);
          break;
        case 'roundClosed':
          rows.update(UpdateRoundEntity, { roundId: change.roundId }, { closedOn: change.closedOn });
          break;
        default: {
          const unhandled: never = change;
          return unhandled;
        }
      }
    }
  }
}
