import { Projection, ProjectedEvent, RowRead } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { ReminderEntity } from './reminder.entity';

export class ReminderProjection implements Projection {
  readonly name = 'reminders';

  rowsRead(event: ProjectedEvent): RowRead[] {
    return event.type === 'ReminderClaimed' || event.type === 'ReminderResendRequested' ? [{ entity: ReminderEntity, key: { reminderId: event.data.reminderId } }] : [];
  }

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    const revision = Number(event.recorded.revision);
    switch (event.type) {
      case 'ReminderClaimed': {
        const { attempt, claimedBy, claimedAt, ...d } = event.data;
        // A claim after a re-send request keeps the count and reason of the re-sends asked for.
        const before = await rows.find(ReminderEntity, { reminderId: d.reminderId });
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
          revision,
          resends: before?.resends ?? 0,
          resendReason: before?.resendReason ?? null,
        });
        return;
      }
      case 'ReminderSent':
        rows.update(ReminderEntity, { reminderId: event.data.reminderId }, { status: 'SENT', sentAt: event.data.sentAt, retryAfter: null, revision });
        return;
      case 'ReminderFailed': {
        const { reminderId, error, retryAfter } = event.data;
        rows.update(ReminderEntity, { reminderId }, { status: retryAfter === null ? 'GAVE_UP' : 'FAILED', lastError: error, retryAfter, revision });
        return;
      }
      case 'ReminderResendRequested': {
        const { reminderId, reason } = event.data;
        const row = await rows.get(ReminderEntity, { reminderId });
        rows.update(ReminderEntity, { reminderId }, { status: 'RESEND_REQUESTED', resends: row.resends + 1, resendReason: reason, retryAfter: null, revision });
        return;
      }
      default:
        return;
    }
  }
}
