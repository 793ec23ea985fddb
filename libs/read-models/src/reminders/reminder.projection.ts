import { Projection, ProjectedEvent } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { ReminderEntity } from './reminder.entity';

export class ReminderProjection implements Projection {
  readonly name = 'reminders';

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    switch (event.type) {
      case 'ReminderClaimed': {
        const { attempt, claimedBy, claimedAt, ...d } = event.data;
        rows.upsert(ReminderEntity, {
          reminderId: d.reminderId,
          key: d.key,
          kind: d.kind,
          planId: d.planId,
          roundId: d.roundId,
          ownerId: d.ownerId,
          addressee: d.addressee,
          recipients: d.recipients,
          subject: d.subject,
          actionRefs: d.actionRefs,
          messageId: d.messageId,
          status: 'CLAIMED',
          attempts: attempt,
          claimedBy,
          claimedAt,
          sentAt: null,
          lastError: null,
          retryAfter: null,
        });
        return;
      }
      case 'ReminderSent':
        rows.update(ReminderEntity, { reminderId: event.data.reminderId }, { status: 'SENT', sentAt: event.data.sentAt, retryAfter: null });
        return;
      case 'ReminderFailed': {
        const { reminderId, error, retryAfter } = event.data;
        rows.update(ReminderEntity, { reminderId }, { status: retryAfter === null ? 'GAVE_UP' : 'FAILED', lastError: error, retryAfter });
        return;
      }
      default:
        return;
    }
  }
}
