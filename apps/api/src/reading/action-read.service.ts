import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ActionNotFoundError, ActionRefNotFoundError, canSeeArea, PlanNotFoundError, Principal } from '@send/domain';
import { ActionEntity, PlanEntity } from '@send/read-models';
import { ActionLookup } from '../actions/dto/action-query.args';

/**
 * Finds a plan or action a person may see, from the read database: the access check every read
 * starts with, whether it then reads live or as at an instant (a PlanReader does that).
 */
@Injectable()
export class ActionReadService {
  constructor(private readonly dataSource: DataSource) {}

  /** A plan in one of the person's areas; any other plan is "not found", whether or not it exists. */
  async plan(planId: string, principal: Principal): Promise<PlanEntity> {
    const plan = await this.dataSource.getRepository(PlanEntity).findOneBy({ planId });
    if (!plan || !canSeeArea(principal, plan.localAreaId)) throw new PlanNotFoundError(planId);
    return plan;
  }

  /** An action and its plan, if the plan is in one of the person's areas; else "not found". */
  async visibleAction(actionId: string, principal: Principal): Promise<{ row: ActionEntity; plan: PlanEntity }> {
    const row = await this.dataSource.getRepository(ActionEntity).findOneBy({ actionId });
    const plan = row ? await this.dataSource.getRepository(PlanEntity).findOneBy({ planId: row.planId }) : null;
    if (!row || !plan || !canSeeArea(principal, plan.localAreaId)) throw new ActionNotFoundError(actionId);
    return { row, plan };
  }

  /** An action named by its id, or by its plan and reference; "not found" unless its plan is in one of the person's areas. */
  async visibleActionBy(lookup: ActionLookup, principal: Principal): Promise<{ row: ActionEntity; plan: PlanEntity }> {
    if ('id' in lookup) return this.visibleAction(lookup.id, principal);
    const plan = await this.plan(lookup.planId, principal);
    const row = await this.dataSource.getRepository(ActionEntity).findOneBy({ planId: plan.planId, ref: lookup.ref });
    if (!row) throw new ActionRefNotFoundError(plan.planId, lookup.ref);
    return { row, plan };
  }
}
