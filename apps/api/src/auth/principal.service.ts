import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal, Role } from '@send/domain';
import { RoleGrantEntity, UserEntity } from '@send/read-models';

/** Who a verified token speaks for, with their current role grants. */
@Injectable()
export class PrincipalService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A valid token for someone not registered here signs them in with no roles: they see no
   * plans, which tells them to ask for access without telling them anything else.
   */
  async load(userId: string): Promise<Principal> {
    const [user, grants] = await Promise.all([
      this.dataSource.getRepository(UserEntity).findOneBy({ userId }),
      this.dataSource.getRepository(RoleGrantEntity).find({ where: { userId }, order: { localAreaId: 'ASC', role: 'ASC' } }),
    ]);
    return {
      userId,
      displayName: user?.displayName ?? userId,
      ownerId: user?.ownerId ?? null,
      grants: user ? grants.map((g) => ({ role: g.role as Role, localAreaId: g.localAreaId })) : [],
    };
  }
}
