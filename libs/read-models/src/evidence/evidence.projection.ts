import { Projection, ProjectedEvent, RowRead } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { ActionEntity } from '../actions/action.entity';
import { EvidenceEntity } from './evidence.entity';
import { attachedEvidence, evidenceReview } from './evidence-row';

export class EvidenceProjection implements Projection {
  readonly name = 'evidence';

  rowsRead(event: ProjectedEvent): RowRead[] {
    return event.type === 'EvidenceAttached' ? [{ entity: ActionEntity, key: { actionId: event.data.actionId } }] : [];
  }

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    switch (event.type) {
      case 'EvidenceAttached': {
        // The plan id is on the action row; the actions projection runs first in every batch.
        const action = await rows.get(ActionEntity, { actionId: event.data.actionId });
        rows.insert(EvidenceEntity, { ...attachedEvidence(event), planId: action.planId, attachedAtRevision: Number(event.recorded.revision) });
        return;
      }
      case 'EvidenceAccepted':
      case 'EvidenceRejected': {
        const { actionId, evidenceId } = event.data;
        rows.update(EvidenceEntity, { actionId, evidenceId }, evidenceReview(event));
        return;
      }
      default:
        return;
    }
  }
}
