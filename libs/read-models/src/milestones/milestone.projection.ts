import { EntityManager } from 'typeorm';
import { Projection, ProjectedEvent } from '../projection/projection';
import { MilestoneEntity } from './milestone.entity';

export class MilestoneProjection implements Projection {
  readonly name = 'milestones';

  async apply(event: ProjectedEvent, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case 'MilestoneAdded': {
        const { actionId, milestoneId, title, dueDate } = event.data;
        await manager.insert(MilestoneEntity, {
          actionId,
          milestoneId,
          title,
          dueDate,
          completedOn: null,
          addedAtRevision: Number(event.recorded.revision),
        });
        return;
      }
      case 'MilestoneCompleted': {
        const { actionId, milestoneId, completedOn } = event.data;
        await manager.update(MilestoneEntity, { actionId, milestoneId }, { completedOn });
        return;
      }
      default:
        return;
    }
  }
}
