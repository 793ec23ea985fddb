import { Projection, ProjectedEvent } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { RoleGrantEntity } from './role-grant.entity';
import { UserEntity } from './user.entity';

export class UserProjection implements Projection {
  readonly name = 'users';

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    switch (event.type) {
      case 'UserRegistered':
        rows.upsert(UserEntity, { ...event.data, email: null });
        return;
      case 'UserEmailChanged':
        rows.update(UserEntity, { userId: event.data.userId }, { email: event.data.email });
        return;
      case 'UserOwnerLinked':
        rows.update(UserEntity, { userId: event.data.userId }, { ownerId: event.data.ownerId });
        return;
      case 'RoleGranted':
        rows.upsert(RoleGrantEntity, event.data);
        return;
      case 'RoleRevoked':
        rows.delete(RoleGrantEntity, event.data);
        return;
      default:
        return;
    }
  }
}
