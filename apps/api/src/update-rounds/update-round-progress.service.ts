import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { endOfLondonDay, Principal } from '@send/domain';
import { ActionEntity, PlanView, UpdateRoundEntity } from '@send/read-models';
import { AsAtService } from '../as-at/as-at.service';
import { Clock } from '../common/clock';
import { UpdateRoundModel } from './models/update-round.model';

type RoundAction = Pick<ActionEntity, 'ref' | 'lastAsAt' | 'ownerId' | 'ownerName' | 'ownerRole' | 'ownerOrganisation' | 'delegates'>;

/** Who has and has not updated their open actions since a round opened. */
@Injectable()
export class UpdateRoundProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly asAt: AsAtService,
  ) {}

  async rounds(planId: string, principal: Principal): Promise<UpdateRoundModel[]> {
    const rounds = await this.dataSource.getRepository(UpdateRoundEntity).find({ where: { planId }, order: { openedOn: 'DESC', roundId: 'ASC' } });
    const live = await this.dataSource.getRepository(ActionEntity).find({ where: { planId, status: 'OPEN' }, order: { refSortKey: 'ASC' } });
    // A closed round is shown as it stood at the end of the day it closed: later updates did not count towards it.
    const now = this.clock.now();
    const closeOf = (closedOn: string) => (endOfLondonDay(closedOn) < now ? endOfLondonDay(closedOn) : now);
    const closes = [...new Set(rounds.flatMap((r) => (r.closedOn === null ? [] : [closeOf(r.closedOn)])))];
    const views = await this.asAt.planViews(planId, closes);
    const atClose = new Map(closes.map((instant, i) => [instant, views[i]]));
    return rounds.map((round) => this.progress(round, round.closedOn === null ? live : openActionsOf(atClose.get(closeOf(round.closedOn))), principal));
  }

  private progress(round: UpdateRoundEntity, actions: RoundAction[], principal: Principal): UpdateRoundModel {
    const outstanding = actions.filter((a) => a.lastAsAt === null || a.lastAsAt < round.openedOn);
    const byOwner = new Map<string, RoundAction[]>();
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

/** The open actions of the plan as it stood then, in the shape the round's figures need. */
function openActionsOf(view: PlanView | undefined): RoundAction[] {
  return (view?.actions ?? [])
    .filter((a) => a.status === 'OPEN')
    .map((a) => ({
      ref: a.ref,
      lastAsAt: a.lastAsAt,
      ownerId: a.owner.ownerId,
      ownerName: a.owner.name,
      ownerRole: a.owner.role,
      ownerOrganisation: a.owner.organisation,
      delegates: a.delegates,
    }));
}
