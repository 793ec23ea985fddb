import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal, UserNotFoundError } from '@send/domain';
import { RoleGrantEntity, UserEntity } from '@send/read-models';
import { ActionReadService } from '../reading/action-read.service';

/** Finds the person an action is being delegated to, among those who work in its local area. */
@Injectable()
export class DelegateLookupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: ActionReadService,
  ) {}

  async inAreaOf(actionId: string, delegateUserId: string, principal: Principal): Promise<UserEntity> {
    // Throws NOT_FOUND for an action the asker may not see, before anything about the delegate is said.
    const { plan } = await this.reader.visibleAction(actionId, principal);
    const [user, grants] = await Promise.all([
      this.dataSource.getRepository(UserEntity).findOneBy({ userId: delegateUserId }),
      this.dataSource.getRepository(RoleGrantEntity).countBy({ userId: delegateUserId, localAreaId: plan.localAreaId }),
    ]);
    // Someone with no role in the area is "not found", as everything outside one's areas is.
    if (!user || grants === 0) throw new UserNotFoundError(delegateUserId);
    return user;
  }
}
