import { EntityManager } from 'typeorm';
import { Projection, ProjectedEvent } from '../projection/projection';
import { RoleGrantEntity } from './role-grant.entity';
import { UserEntity } from './user.entity';

export class UserProjection implements Projection {
  readonly name = 'users';

  async apply(event: ProjectedEvent, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case 'UserRegistered':
        await manager.save(UserEntity, event.data);
        return;
      case 'RoleGranted':
        await manager.save(RoleGrantEntity, event.data);
        return;
      case 'RoleRevoked':
        await manager.delete(RoleGrantEntity, event.data);
        return;
      default:
        return;
    }
  }
}
