import { EntityManager } from 'typeorm';
import { Projection, ProjectedEvent } from '../projection/projection';
import { ActionEntity } from '../actions/action.entity';
import { EvidenceEntity } from './evidence.entity';
import { attachedEvidence, evidenceReview } from './evidence-row';

export class EvidenceProjection implements Projection {
  readonly name = 'evidence';

  async apply(event: ProjectedEvent, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case 'EvidenceAttached': {
        // The plan id is on the action row; the actions projection runs first in every batch.
        const action = await manager.findOneByOrFail(ActionEntity, { actionId: event.data.actionId });
        await manager.insert(EvidenceEntity, { ...attachedEvidence(event), planId: action.planId, attachedAtRevision: Number(event.recorded.revision) });
        return;
      }
      case 'EvidenceAccepted':
      case 'EvidenceRejected': {
        const { actionId, evidenceId } = event.data;
        await manager.update(EvidenceEntity, { actionId, evidenceId }, evidenceReview(event));
        return;
      }
      default:
        return;
    }
  }
}
