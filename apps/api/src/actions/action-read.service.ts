import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ActionNotFoundError, PlanNotFoundError } from '@send/domain';
import {
  ActionEntity,
  ActionFilter,
  ActionPriorityEntity,
  encodeCursor,
  findActions,
  isOverdue,
  isStale,
  PlanEntity,
} from '@send/read-models';
import { Clock } from '../common/clock';
import { ActionStatus, Rag } from '../common/graphql-enums';
import { ActionConnectionModel } from './models/action-connection.model';
import { ActionModel } from './models/action.model';

/** Reads actions from the read models and shapes them for the API, with today's overdue/stale flags. */
@Injectable()
export class ActionReadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async plan(planId: string): Promise<PlanEntity> {
    const plan = await this.dataSource.getRepository(PlanEntity).findOneBy({ planId });
    if (!plan) throw new PlanNotFoundError(planId);
    return plan;
  }

  async action(actionId: string): Promise<ActionModel> {
    const row = await this.dataSource.getRepository(ActionEntity).findOneBy({ actionId });
    if (!row) throw new ActionNotFoundError(actionId);
    const plan = await this.plan(row.planId);
    return (await this.toModels([row], plan.staleAfterDays))[0];
  }

  async page(planId: string, filter: ActionFilter, first: number, after?: string): Promise<ActionConnectionModel> {
    const plan = await this.plan(planId);
    const today = this.clock.today();
    const page = await findActions(this.dataSource, planId, filter, { first, after }, { today, staleAfterDays: plan.staleAfterDays });
    const models = await this.toModels(page.actions, plan.staleAfterDays);
    return {
      edges: models.map((node, i) => ({ node, cursor: encodeCursor(page.actions[i]) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
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
      leadOrganisation: row.leadOrganisation,
      dueDate: row.dueDate,
      status: row.status as ActionStatus,
      rag: row.rag as Rag,
      latestCommentary: row.latestCommentary,
      lastAsAt: row.lastAsAt,
      lastUpdatedOn: row.lastUpdatedOn,
      completedOn: row.completedOn,
      supersededByActionId: row.supersededByActionId,
      closingReason: row.closingReason,
      overdue: isOverdue(row, today),
      stale: isStale(row, today, staleAfterDays),
      revision: row.revision,
    }));
  }
}
