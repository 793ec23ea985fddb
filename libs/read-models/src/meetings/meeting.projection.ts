import { Projection, ProjectedEvent } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { DecisionEntity } from './decision.entity';
import { MeetingEntity } from './meeting.entity';
import { PlanDecisionEntity } from './plan-decision.entity';

export class MeetingProjection implements Projection {
  readonly name = 'meetings';

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    switch (event.type) {
      case 'MeetingScheduled':
        rows.insert(MeetingEntity, { ...event.data, closed: false, minutesReference: null, attendees: [], apologies: [] });
        return;
      case 'AttendanceRecorded': {
        const { meetingId, attendees, apologies } = event.data;
        rows.update(MeetingEntity, { meetingId }, { attendees, apologies });
        return;
      }
      case 'DecisionRecorded': {
        const { decisionId, meetingId, actionId, actionRef, kind, summary } = event.data;
        rows.insert(DecisionEntity, { decisionId, meetingId, actionId, actionRef, kind, summary, recordedAt: event.recorded.metadata.occurredAt });
        return;
      }
      case 'PlanDecisionRecorded':
        rows.insert(PlanDecisionEntity, { ...event.data, recordedAt: event.recorded.metadata.occurredAt });
        return;
      case 'MeetingClosed':
        rows.update(MeetingEntity, { meetingId: event.data.meetingId }, { closed: true, minutesReference: event.data.minutesReference });
        return;
      default:
        return;
    }
  }
}
