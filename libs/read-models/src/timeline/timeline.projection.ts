import { EntityManager } from 'typeorm';
import { ActionEvent } from '@send/domain';
import { Projection, ProjectedEvent } from '../projection/projection';
import { describeActionEvent } from './describe-action-event';
import { TimelineEntryEntity } from './timeline-entry.entity';

export class TimelineProjection implements Projection {
  readonly name = 'timeline';

  async apply(event: ProjectedEvent, manager: EntityManager): Promise<void> {
    if (!event.recorded.streamId.startsWith('action-')) return;
    const { summary, changes } = describeActionEvent(event as ActionEvent);
    const { metadata } = event.recorded;
    await manager.save(TimelineEntryEntity, {
      position: event.recorded.position,
      actionId: (event.data as { actionId: string }).actionId,
      revision: Number(event.recorded.revision),
      eventType: event.type,
      occurredAt: metadata.occurredAt,
      recordedAt: event.recorded.recordedAt,
      summary,
      changes,
      actorUserId: metadata.actor?.userId ?? null,
      actorName: metadata.actor?.displayName ?? null,
      actorRole: metadata.actor?.role ?? null,
      correlationId: metadata.correlationId ?? null,
    });
  }
}
