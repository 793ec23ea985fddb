import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '@send/domain';
import { ActionEntity, UpdateRoundEntity } from '@send/read-models';
import { Clock } from '../common/clock';
import { UpdateRoundModel } from './models/update-round.model';

/** Who has and has not updated their open actions since a round opened. */
@Injectable()
export class UpdateRoundProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async rounds(planId: string, principal: Principal): Promise<UpdateRoundModel[]> {
    const rounds = await this.dataSource.getRepository(UpdateRoundEntity).find({ where: { planId }, order: { openedOn: 'DESC', roundId: 'ASC' } });
    const actions = await this.dataSource.getRepository(ActionEntity).find({ where: { planId, status: 'OPEN' }, order: { refSortKey: 'ASC' } });
    return rounds.map((round) => this.progress(round, actions, principal));
  }

  private progress(round: UpdateRoundEntity, actions: ActionEntity[], principal: Principal): UpdateRoundModel {
    const outstanding = actions.filter((a) => a.lastAsAt === null || a.lastAsAt < round.openedOn);
    const byOwner = new Map<string, ActionEntity[]>();
    for (const action of outstanding) byOwner.set(action.ownerId, [...(byOwner.get(action.ownerId) ?? []), action]);
    const open = round.closedOn === null;
    return {
      id: round.roundId,
      planId: round.planId,
      title: round.title,
      openedOn: round.openedOn,
      deadline: round.deadline,
      closedOn: round.closedOn,
      open,
      pastDeadline: open && round.deadline < this.clock.today(),
      actionsUpdated: actions.length - outstanding.length,
      actionsOutstanding: outstanding.length,
      outstanding: [...byOwner.values()]
        .map((theirs) => ({
          owner: { id: theirs[0].ownerId, name: theirs[0].ownerName, role: theirs[0].ownerRole, organisation: theirs[0].ownerOrganisation },
          actionRefs: theirs.map((a) => a.ref),
        }))
        .sort((a, b) => b.actionRefs.length - a.actionRefs.length || a.owner.name.localeCompare(b.owner.name)),
      yourOutstandingActions: outstanding
        .filter((a) => (principal.ownerId !== null && a.ownerId === principal.ownerId) || a.delegates.some((d) => d.userId === principal.userId))
        .map((a) => a.ref),
    };
  }
}
