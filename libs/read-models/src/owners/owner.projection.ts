import { ActionOwner } from '@send/domain';
import { Projection, ProjectedEvent, RowRead } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { ActionEntity } from '../actions/action.entity';
import { OwnerEntity } from './owner.entity';

export class OwnerProjection implements Projection {
  readonly name = 'owners';

  rowsRead(event: ProjectedEvent): RowRead[] {
    return event.type === 'OwnerReassigned' ? [{ entity: ActionEntity, key: { actionId: event.data.actionId } }] : [];
  }

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    switch (event.type) {
      case 'ActionAdded':
        this.upsert(rows, event.data.planId, event.data.owner);
        return;
      case 'OwnerReassigned': {
        const action = await rows.get(ActionEntity, { actionId: event.data.actionId });
        this.upsert(rows, action.planId, event.data.owner);
        return;
      }
      default:
        return;
    }
  }

  /** The latest name, role and organisation win: people change jobs and titles. */
  private upsert(rows: ReadModelRows, planId: string, owner: ActionOwner): void {
    rows.upsert(OwnerEntity, { planId, ownerId: owner.ownerId, name: owner.name, role: owner.role, organisation: owner.organisation });
  }
}
