import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ActionEntity, isOverdue, isStale, OwnerEntity } from '@send/read-models';
import { PlanScope } from '../actions/action-read.service';
import { Clock } from '../common/clock';
import { OwnerWorkloadModel } from './models/owner.model';

@Injectable()
export class OwnerWorkloadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Owners with the most open actions first, so overloaded people stand out. */
  async forPlan(plan: PlanScope): Promise<OwnerWorkloadModel[]> {
    const planId = plan.planId;
    const [owners, actions] = await Promise.all([
      this.dataSource.getRepository(OwnerEntity).find({ where: { planId } }),
      this.dataSource.getRepository(ActionEntity).find({
        select: ['ownerId', 'ref', 'refSortKey', 'status', 'dueDate', 'lastUpdatedOn'],
        where: { planId },
        order: { refSortKey: 'ASC' },
      }),
    ]);
    const today = this.clock.today();
    return owners
      .map((o) => {
        const theirs = actions.filter((a) => a.ownerId === o.ownerId);
        return {
          owner: { id: o.ownerId, name: o.name, role: o.role, organisation: o.organisation },
          openActions: theirs.filter((a) => a.status === 'OPEN').length,
          totalActions: theirs.length,
          overdue: theirs.filter((a) => isOverdue(a, today)).length,
          stale: theirs.filter((a) => isStale(a, today, plan.staleAfterDays)).length,
          actionRefs: theirs.map((a) => a.ref),
        };
      })
      .sort((a, b) => b.openActions - a.openActions || a.owner.name.localeCompare(b.owner.name));
  }
}
