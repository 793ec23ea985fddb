import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { ActionEntity, DependencyEntity, PlanEntity, RoleGrantEntity, UpdateRoundEntity, UserEntity } from '@send/read-models';
import { Clock } from '../common/clock';
import { RemindersConfig } from '../config/app-config';
import { ReminderSituation } from './due-reminders';

/** Gathers from the read models what deciding which reminders are due needs. */
@Injectable()
export class ReminderSituationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async current(config: Pick<RemindersConfig, 'leadDays' | 'digestWeekday' | 'digestTo'>, planIds?: string[]): Promise<ReminderSituation> {
    const where = planIds ? { planId: In(planIds) } : {};
    const [plans, openRounds, openActions, users, grants, dependencies] = await Promise.all([
      this.dataSource.getRepository(PlanEntity).find({ where, order: { planId: 'ASC' } }),
      this.dataSource.getRepository(UpdateRoundEntity).find({ where: { ...where, closedOn: IsNull() }, order: { openedOn: 'ASC', roundId: 'ASC' } }),
      this.dataSource.getRepository(ActionEntity).find({ where: { ...where, status: 'OPEN' }, order: { planId: 'ASC', refSortKey: 'ASC' } }),
      this.dataSource.getRepository(UserEntity).find({ order: { userId: 'ASC' } }),
      this.dataSource.getRepository(RoleGrantEntity).find(),
      this.dataSource.getRepository(DependencyEntity).find({ where, select: { actionId: true, dependsOnActionId: true }, order: { declaredRevision: 'ASC' } }),
    ]);
    const areaOf = new Map(plans.map((p) => [p.planId, p.localAreaId]));
    const withAddress = users.filter((u) => u.email !== null);
    const worksIn = (userId: string, localAreaId: string | undefined, role?: string) =>
      grants.some((g) => g.userId === userId && g.localAreaId === localAreaId && (role === undefined || g.role === role));
    const unique = (emails: (string | null)[]) => [...new Set(emails as string[])];
    return {
      today: this.clock.today(),
      ...config,
      plans: plans.map((p) => ({
        planId: p.planId,
        title: p.title,
        staleAfterDays: p.staleAfterDays,
        administrators: unique(withAddress.filter((u) => worksIn(u.userId, p.localAreaId, 'PLAN_ADMINISTRATOR')).map((u) => u.email)),
      })),
      openRounds,
      openActions,
      dependencies,
      ownerAddresses: (planId, ownerId) =>
        unique(withAddress.filter((u) => u.ownerId === ownerId && worksIn(u.userId, areaOf.get(planId))).map((u) => u.email)),
    };
  }
}
