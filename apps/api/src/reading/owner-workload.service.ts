import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ActionOwner, CalendarDate } from '@send/domain';
import { ActionEntity, isOverdue, isStale, OwnerEntity, PlanEntity } from '@send/read-models';
import { Clock } from '../common/clock';
import { OwnerWorkloadModel, toOwnerModel } from '../owners/models/owner.model';

/** Owners' workloads in a plan as it stands now, from the read database. */
@Injectable()
export class OwnerWorkloadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Owners with the most open actions first, so overloaded people stand out. */
  async forPlan(plan: Pick<PlanEntity, 'planId' | 'staleAfterDays'>): Promise<OwnerWorkloadModel[]> {
    const planId = plan.planId;
    const [owners, actions] = await Promise.all([
      this.dataSource.getRepository(OwnerEntity).find({ where: { planId } }),
      this.dataSource.getRepository(ActionEntity).find({
        select: { ownerId: true, ref: true, refSortKey: true, status: true, dueDate: true, lastUpdatedOn: true },
        where: { planId },
        order: { refSortKey: 'ASC' },
      }),
    ]);
    return workloads(owners, actions, this.clock.today(), plan.staleAfterDays);
  }
}

type OwnedAction = Pick<ActionEntity, 'ownerId' | 'ref' | 'status' | 'dueDate' | 'lastUpdatedOn'>;

/** Actions must come in plan order: each owner's refs are listed in it. Live and as-at workloads are both counted here. */
export function workloads(owners: ActionOwner[], actions: OwnedAction[], today: CalendarDate, staleAfterDays: number): OwnerWorkloadModel[] {
  return owners
    .map((o) => {
      const theirs = actions.filter((a) => a.ownerId === o.ownerId);
      return {
        owner: toOwnerModel(o),
        openActions: theirs.filter((a) => a.status === 'OPEN').length,
        totalActions: theirs.length,
        overdue: theirs.filter((a) => isOverdue(a, today)).length,
        stale: theirs.filter((a) => isStale(a, today, staleAfterDays)).length,
        actionRefs: theirs.map((a) => a.ref),
      };
    })
    .sort((a, b) => b.openActions - a.openActions || a.owner.name.localeCompare(b.owner.name) || (a.owner.id < b.owner.id ? -1 : 1));
}
