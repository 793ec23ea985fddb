import { EntityManager } from 'typeorm';
import { Projection, ProjectedEvent } from '../projection/projection';
import { ActionEntity } from '../actions/action.entity';
import { EvidenceEntity } from './evidence.entity';

export class EvidenceProjection implements Projection {
  readonly name = 'evidence';

  async apply(event: ProjectedEvent, manager: EntityManager): Promise<void> {
    const { occurredAt, actor } = event.recorded.metadata;
    switch (event.type) {
      case 'EvidenceAttached': {
        const d = event.data;
        // The plan id is on the action row; the actions projection runs first in every batch.
        const action = await manager.findOneByOrFail(ActionEntity, { actionId: d.actionId });
        await manager.insert(EvidenceEntity, {
          actionId: d.actionId,
          evidenceId: d.evidenceId,
          planId: action.planId,
          kind: d.kind,
          title: d.title,
          link: d.link,
          documentReference: d.documentReference,
          submittedBy: d.submittedBy,
          submittedAt: occurredAt,
          status: 'PENDING',
          reviewedAt: null,
          reviewedBy: null,
          rejectionReason: null,
          attachedAtRevision: Number(event.recorded.revision),
        });
        return;
      }
      case 'EvidenceAccepted':
      case 'EvidenceRejected': {
        const { actionId, evidenceId } = event.data;
        await manager.update(
          EvidenceEntity,
          { actionId, evidenceId },
          {
            status: event.type === 'EvidenceAccepted' ? 'ACCEPTED' : 'REJECTED',
            reviewedAt: occurredAt,
            reviewedBy: actor?.displayName ?? actor?.userId ?? null,
            rejectionReason: event.type === 'EvidenceRejected' ? event.data.reason : null,
          },
        );
        return;
      }
      default:
        return;
    }
  }
}
