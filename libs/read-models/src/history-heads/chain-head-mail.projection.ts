import { Projection, ProjectedEvent } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { ChainHeadMailEntity } from './chain-head-mail.entity';

/** The chain head mails and what became of them, for `chainHeadMails(planId)`. */
export class ChainHeadMailProjection implements Projection {
  readonly name = 'chain-head-mails';

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    switch (event.type) {
      case 'ChainHeadMailClaimed': {
        const d = event.data;
        rows.upsert(ChainHeadMailEntity, {
          key: d.key,
          occasion: d.occasion,
          localAreaId: d.localAreaId,
          planId: d.planId,
          headPosition: d.head.position,
          headHash: d.head.hash,
          recipients: d.recipients,
          status: 'CLAIMED',
          attempts: d.attempt,
          claimedAt: d.claimedAt,
          sentAt: null,
          lastError: null,
          retryAfter: null,
        });
        return;
      }
      case 'ChainHeadMailSent':
        rows.update(ChainHeadMailEntity, { key: event.data.key }, { status: 'SENT', sentAt: event.data.sentAt, retryAfter: null });
        return;
      case 'ChainHeadMailFailed': {
        const { key, error, retryAfter } = event.data;
        rows.update(ChainHeadMailEntity, { key }, { status: retryAfter === null ? 'GAVE_UP' : 'FAILED', lastError: error, retryAfter });
        return;
      }
      default:
        return;
    }
  }
}
