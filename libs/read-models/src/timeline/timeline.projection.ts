import { ActionEvent } from '@send/domain';
import { Projection, ProjectedEvent } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { describeActionEvent, describeDecision } from './describe-action-event';
import { TimelineEntryEntity } from './timeline-entry.entity';

export const supersedesRevisionOf = (event: ActionEvent): number | null =>
  event.type === 'ProgressCorrected' ? event.data.supersedesRevision : null;

export class TimelineProjection implements Projection {
  readonly name = 'timeline';

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    if (event.type === 'DecisionRecorded') {
      const d = event.data;
      // Decisions live in the meeting's stream but belong in the action's history too.
      rows.insert(TimelineEntryEntity, {
        ...this.common(event),
        actionId: d.actionId,
        revision: null,
        meetingId: d.meetingId,
        supersedesRevision: null,
        ...describeDecision(d),
      });
      return;
    }
    if (!event.recorded.streamId.startsWith('action-')) return;
    const { summary, changes } = describeActionEvent(event as ActionEvent);
    rows.insert(TimelineEntryEntity, {
      actionId: (event.data as { actionId: string }).actionId,
      revision: Number(event.recorded.revision),
      meetingId: null,
      supersedesRevision: supersedesRevisionOf(event as ActionEvent),
      summary,
      changes,
      ...this.common(event),
    });
  }

  private common(event: ProjectedEvent) {
    const { metadata } = event.recorded;
    return {
      position: event.recorded.position,
      eventType: event.type,
      occurredAt: metadata.occurredAt,
      recordedAt: event.recorded.recordedAt,
      actorUserId: metadata.actor?.userId ?? null,
      actorName: metadata.actor?.displayName ?? null,
      actorRole: metadata.actor?.role ?? null,
      correlationId: metadata.correlationId ?? null,
    };
  }
}
