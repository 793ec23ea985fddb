import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ActionNotFoundError, ActionRefNotFoundError, canSeeArea, londonDateOf, PlanNotFoundError, Principal } from '@send/domain';
import {
  ActionEntity,
  ActionFilter,
  ActionPriorityEntity,
  ActionView,
  encodeCursor,
  findActions,
  isOverdue,
  isStale,
  pageActionViews,
  PlanEntity,
  PlanView,
} from '@send/read-models';
import { Clock } from '../common/clock';
import { toOwnerModel } from '../owners/models/owner.model';
import { ActionConnectionModel } from './models/action-connection.model';
import { ActionModel } from './models/action.model';
import { ActionLookup } from './dto/action-query.args';

/**
 * What a page of actions or an owner's workload needs to know of its plan; with a `view`, the
 * plan as it was at an earlier instant, answered from history instead of the read models.
 */
export type PlanScope = Pick<PlanEntity, 'planId' | 'staleAfterDays'> & { view?: PlanView };

/** Reads actions from the read models and shapes them for the API, with today's overdue/stale flags. */
@Injectable()
export class ActionReadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** A plan in one of the person's areas; any other plan is "not found", whether or not it exists. */
  async plan(planId: string, principal: Principal): Promise<PlanEntity> {
    const plan = await this.dataSource.getRepository(PlanEntity).findOneBy({ planId });
    if (!plan || !canSeeArea(principal, plan.localAreaId)) throw new PlanNotFoundError(planId);
    return plan;
  }

  async action(actionId: string, principal: Principal): Promise<ActionModel> {
    const { row, plan } = await this.visibleAction(actionId, principal);
    return this.modelOf(row, plan);
  }

  /** An action row already read (and checked visible), as the API shows it today. */
  async modelOf(row: ActionEntity, plan: PlanScope): Promise<ActionModel> {
    return (await this.toModels([row], plan.staleAfterDays))[0];
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

  /** A page of a plan's actions; the caller has already checked the plan is visible. */
  async page(plan: PlanScope, filter: ActionFilter, first: number, after?: string): Promise<ActionConnectionModel> {
    if (plan.view) {
      const view = plan.view;
      const page = pageActionViews(view.actions, filter, { first, after }, { today: londonDateOf(view.asAt), staleAfterDays: view.staleAfterDays });
      return {
        edges: page.actions.map((a) => ({ node: this.fromView(a, view), cursor: encodeCursor(a) })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
        totalCount: page.totalCount,
      };
    }
    const planId = plan.planId;
    const today = this.clock.today();
    const page = await findActions(this.dataSource, planId, filter, { first, after }, { today, staleAfterDays: plan.staleAfterDays });
    const models = await this.toModels(page.actions, plan.staleAfterDays);
    return {
      edges: models.map((node, i) => ({ node, cursor: encodeCursor(page.actions[i]) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
    };
  }

  /** An action as the plan view shows it, with overdue and stale as they were on that day. */
  fromView(action: ActionView, plan: PlanView): ActionModel {
    const today = londonDateOf(plan.asAt);
    const { actionId, owner, milestones, evidence, timeline, refSortKey, ...fields } = action;
    return {
      ...fields,
      id: actionId,
      owner: toOwnerModel(owner),
      status: action.status,
      rag: action.rag,
      overdue: isOverdue(action, today),
      stale: isStale(action, today, plan.staleAfterDays),
      asAt: plan.asAt,
      knownAt: plan.knownAt,
      view: action,
    };
  }

  private async toModels(rows: ActionEntity[], staleAfterDays: number): Promise<ActionModel[]> {
    if (rows.length === 0) return [];
    const today = this.clock.today();
    const priorities = await this.dataSource
      .getRepository(ActionPriorityEntity)
      .find({ where: { actionId: In(rows.map((r) => r.actionId)) }, order: { priorityNumber: 'ASC' } });
    return rows.map((row) => ({
      id: row.actionId,
      planId: row.planId,
      ref: row.ref,
      areaNumber: row.areaNumber,
      priorityNumbers: priorities.filter((p) => p.actionId === row.actionId).map((p) => p.priorityNumber),
      title: row.title,
      description: row.description,
      intendedImpact: row.intendedImpact,
      owner: { id: row.ownerId, name: row.ownerName, role: row.ownerRole, organisation: row.ownerOrganisation },
      delegates: row.delegates,
      leadOrganisation: row.leadOrganisation,
      dueDate: row.dueDate,
      status: row.status,
      rag: row.rag,
      latestCommentary: row.latestCommentary,
      lastAsAt: row.lastAsAt,
      lastUpdatedOn: row.lastUpdatedOn,
      completedOn: row.completedOn,
      supersededByActionId: row.supersededByActionId,
      closingReason: row.closingReason,
      overdue: isOverdue(row, today),
      stale: isStale(row, today, staleAfterDays),
      revision: row.revision,
      asAt: null,
      knownAt: null,
    }));
  }
}
