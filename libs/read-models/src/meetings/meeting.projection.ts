import { Projection, ProjectedEvent } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { DecisionEntity } from './decision.entity';
import { isMeetingEvent, meetingChanges } from './meeting-changes';
import { MeetingEntity } from './meeting.entity';
import { PlanDecisionEntity } from './plan-decision.entity';

export class MeetingProjection implements Projection {
  readonly name = 'meetings';

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    if (!isMeetingEvent(event)) return;
    const change = meetingChanges(event);
    switch (change.kind) {
      case 'meetingScheduled':
        rows.insert(MeetingEntity, change.row);
        return;
      case 'meetingChanged':
        rows.update(MeetingEntity, { meetingId: change.meetingId }, change.changes);
        return;
      case 'decisionRecorded':
        rows.insert(DecisionEntity, change.row);
        return;
      case 'planDecisionRecorded':
        rows.insert(PlanDecisionEntity, change.row);
        return;
      default: {
        const unhandled: never = change;
        return unhandled;
      }
    }
  }
}
