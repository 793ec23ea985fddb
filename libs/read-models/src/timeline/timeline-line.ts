import { ActionEvent, isStreamOf } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { describeActionEvent, describeDecision, describeDependency, EventDescription } from './describe-action-event';
import { isDependencyEvent } from '../dependencies/dependency-changes';
import { TimelineEntryEntity } from './timeline-entry.entity';

function line(event: ProjectedEvent, actionId: string, revision: number | null, meetingId: string | null, description: EventDescription): TimelineEntryEntity {
  const { metadata } = event.recorded;
  return {
    position: event.recorded.position,
    actionId,
    revision,
    meetingId,
    eventType: event.type,
    supersedesRevision: event.type === 'ProgressCorrected' ? event.data.supersedesRevision : null,
    occurredAt: metadata.occurredAt,
    recordedAt: event.recorded.recordedAt,
    ...description,
    actorUserId: metadata.actor?.userId ?? null,
    actorName: metadata.actor?.displayName ?? null,
    actorRole: metadata.actor?.role ?? null,
    correlationId: metadata.correlationId ?? null,
  };
}

/**
 * The line an event adds to an action's history, or undefined for an event that adds none. The
 * timeline projection stores it, the as-at view keeps it in memory and the history check compares
 * stored lines with it, so the three read one history.
 */
export function timelineLine(event: ProjectedEvent): TimelineEntryEntity | undefined {
  // Decisions live in the meeting's stream but belong in the action's history too.
  if (event.type === 'DecisionRecorded') return line(event, event.data.actionId, null, event.data.meetingId, describeDecision(event.data));
  // So are the dependencies of the action that waits, from the plan's dependency network.
  if (isDependencyEvent(event)) return line(event, event.data.actionId, null, null, describeDependency(event));
  if (!isStreamOf('action', event.recorded.streamId)) return undefined;
  const actionEvent = event as ProjectedEvent & ActionEvent;
  return line(event, actionEvent.data.actionId, Number(event.recorded.revision), null, describeActionEvent(actionEvent));
}
