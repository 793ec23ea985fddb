import { EntityManager } from 'typeorm';
import { Projection, ProjectedEvent } from '../projection/projection';
import { DecisionEntity } from './decision.entity';
import { MeetingEntity } from './meeting.entity';

export class MeetingProjection implements Projection {
  readonly name = 'meetings';

  async apply(event: ProjectedEvent, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case 'MeetingScheduled':
        await manager.insert(MeetingEntity, { ...event.data, closed: false, minutesReference: null, attendees: [], apologies: [] });
        return;
      case 'AttendanceRecorded': {
        const { meetingId, attendees, apologies } = event.data;
        await manager.update(MeetingEntity, { meetingId }, { attendees, apologies });
        return;
      }
      case 'DecisionRecorded': {
        const { decisionId, meetingId, actionId, actionRef, kind, summary } = event.data;
        await manager.insert(DecisionEntity, { decisionId, meetingId, actionId, actionRef, kind, summary, recordedAt: event.recorded.metadata.occurredAt });
        return;
      }
      case 'MeetingClosed':
        await manager.update(MeetingEntity, { meetingId: event.data.meetingId }, { closed: true, minutesReference: event.data.minutesReference });
        return;
      default:
        return;
    }
  }
}
