import { Projection, ProjectedEvent } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { addedMilestone } from './milestone-row';
import { MilestoneEntity } from './milestone.entity';

export class MilestoneProjection implements Projection {
  readonly name = 'milestones';

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    switch (event.type) {
      case 'MilestoneAdded':
        rows.insert(MilestoneEntity, addedMilestone(event));
        return;
      case 'MilestoneCompleted': {
        const { actionId, milestoneId, completedOn } = event.data;
        rows.update(MilestoneEntity, { actionId, milestoneId }, { completedOn });
        return;
      }
      default:
        return;
    }
  }
}
