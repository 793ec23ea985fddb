import { MilestoneAdded } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { MilestoneEntity } from './milestone.entity';

/** A milestone as set: the same row for the milestones read model and for an as-at view. */
export function addedMilestone(event: ProjectedEvent & MilestoneAdded): MilestoneEntity {
  const { actionId, milestoneId, title, dueDate } = event.data;
  return { actionId, milestoneId, title, dueDate, completedOn: null, addedAtRevision: Number(event.recorded.revision) };
}
