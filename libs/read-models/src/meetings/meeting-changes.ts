import { MEETING_EVENT_VERSIONS, MeetingEvent } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { DecisionEntity } from './decision.entity';
import { MeetingEntity } from './meeting.entity';
import { PlanDecisionEntity } from './plan-decision.entity';

/** What one meeting event does to the meetings' rows, for the live projection and any view that holds the rows in memory alike. */
export type MeetingChange =
  | { kind: 'meetingScheduled'; row: MeetingEntity }
  | { kind: 'meetingChanged'; meetingId: string; changes: Partial<MeetingEntity> }
  | { kind: 'decisionRecorded'; row: DecisionEntity }
  | { kind: 'planDecisionRecorded'; row: PlanDecisionEntity };

export const isMeetingEvent = (event: ProjectedEvent): event is ProjectedEvent & MeetingEvent => Object.hasOwn(MEETING_EVENT_VERSIONS, event.type);

export function meetingChanges(event: ProjectedEvent & MeetingEvent): MeetingChange {
  const recordedAt = event.recorded.metadata.occurredAt;
  switch (event.type) {
    case 'MeetingScheduled':
      return { kind: 'meetingScheduled', row: { ...event.data, closed: false, minutesReference: null, attendees: [], apologies: [] } };
    case 'AttendanceRecorded': {
      const { meetingId, attendees, apologies } = event.data;
      return { kind: 'meetingChanged', meetingId, changes: { attendees, apologies } };
    }
    case 'DecisionRecorded': {
      const { decisionId, meetingId, actionId, actionRef, kind, summary } = event.data;
      return { kind: 'decisionRecorded', row: { decisionId, meetingId, actionId, actionRef, kind, summary, recordedAt } };
    }
    case 'PlanDecisionRecorded':
      return { kind: 'planDecisionRecorded', row: { ...event.data, recordedAt } };
    case 'MeetingClosed':
      return { kind: 'meetingChanged', meetingId: event.data.meetingId, changes: { closed: true, minutesReference: event.data.minutesReference } };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
