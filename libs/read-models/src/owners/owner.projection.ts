import { EntityManager } from 'typeorm';
import { ActionOwner } from '@send/domain';
import { Projection, ProjectedEvent } from '../projection/projection';
import { ActionEntity } from '../actions/action.entity';
import { OwnerEntity } from './owner.entity';

export class OwnerProjection implements Projection {
  readonly name = 'owners';

  async apply(event: ProjectedEvent, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case 'ActionAdded':
        await this.upsert(manager, event.data.planId, event.data.owner);
        return;
      case 'OwnerReassigned': {
        const action = await manager.findOneByOrFail(ActionEntity, { actionId: event.data.actionId });
        await this.upsert(manager, action.planId, event.data.owner);
        return;
      }
      default:
        return;
    }
  }

  /** The latest name, role and organisation win: people change jobs and titles. */
  private async upsert(manager: EntityManager, planId: string, owner: ActionOwner): Promise<void> {
    await manager.upsert(
      OwnerEntity,
      { planId, ownerId: owner.ownerId, name: owner.name, role: owner.role, organisation: owner.organisation },
      ['planId', 'ownerId'],
    );
  }
}
