import { DataSource, In } from 'typeorm';
import { ActionEntity, ActionFilter, ActionPriorityEntity, DependencyEntity, DependencyNetworkEntity, EvidenceEntity, encodeCursor, findActions, findTimelinePage, isOverdue, isStale, MilestoneEntity, PlanEntity, RagRollUp, TimelineEntryEntity } from '@send/read-models';
import { Clock } from '../common/clock';
import { ActionConnectionModel } from '../actions/models/action-connection.model';
import { ActionModel } from '../actions/models/action.model';
import { EvidenceModel, toEvidenceModel } from '../actions/models/evidence.model';
import { MilestoneModel, toMilestoneModels } from '../actions/models/milestone.model';
import { TimelineEntryModel, toTimelineEntryModels } from '../actions/models/timeline-entry.model';
import { TimelineConnectionModel, toTimelineConnection } from '../actions/models/timeline-connection.model';
import { OwnerWorkloadModel } from '../owners/models/owner.model';
import { OwnerWorkloadService } from './owner-workload.service';
import { ImprovementAreaModel } from '../plans/models/improvement-area.model';
import { PlanModel, toPlanModel } from '../plans/models/plan.model';
import { RecoveryPriorityModel } from '../plans/models/recovery-priority.model';
import { PlanRollUpService } from './plan-roll-up.service';
import { MetricModel } from '../scorecard/models/metric.model';
import { ScorecardReadService } from './scorecard-read.service';
import { DependencyNetworkView } from './dependency-network-view';
import { PlanReader } from './plan-reader';

/** The shared services a live reader reads through; one set for the whole app, so their caches and batches are shared too. */
export interface LiveReading {
  dataSource: DataSource;
  clock: Clock;
  rollUps: PlanRollUpService;
  workloads: OwnerWorkloadService;
  scorecard: ScorecardReadService;
}

/** A plan as it stands now, from the read database, with overdue and stale as of today. */
export class LivePlanReader implements PlanReader {
  readonly asAt = null;
  readonly knownAt = null;
  private network?: Promise<DependencyNetworkView>;

  constructor(
    private readonly reading: LiveReading,
    private readonly row: PlanEntity,
  ) {}

  plan(): PlanModel {
    return toPlanModel(this.row, this, null);
  }

  rollUp(): Promise<RagRollUp> {
    return this.reading.rollUps.forPlan(this.row);
  }

  async areas(): Promise<ImprovementAreaModel[]> {
    return (await this.reading.rollUps.byArea(this.row)).map((area) => ({ ...area, reader: this }));
  }

  async priorities(): Promise<RecoveryPriorityModel[]> {
    return (await this.reading.rollUps.byPriority(this.row)).map((priority) => ({ ...priority, reader: this }));
  }

  async actions(filter: ActionFilter, first: number, after?: string): Promise<ActionConnectionModel> {
    const { planId, staleAfterDays } = this.row;
    const page = await findActions(this.reading.dataSource, planId, filter, { first, after }, { today: this.reading.clock.today(), staleAfterDays });
    const models = await this.toModels(page.actions);
    return {
      edges: models.map((node, i) => ({ node, cursor: encodeCursor(page.actions[i]) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
    };
  }

  async action(found: ActionEntity): Promise<ActionModel> {
    return (await this.toModels([found]))[0];
  }

  async milestones(actionId: string): Promise<MilestoneModel[]> {
    const rows = await this.reading.dataSource
      .getRepository(MilestoneEntity)
      .find({ where: { actionId }, order: { addedAtRevision: 'ASC', milestoneId: 'ASC' } });
    return toMilestoneModels(rows, this.reading.clock.today());
  }

  async evidence(actionId: string): Promise<EvidenceModel[]> {
    const rows = await this.reading.dataSource.getRepository(EvidenceEntity).find({ where: { actionId }, order: { attachedAtRevision: 'ASC' } });
    return rows.map(toEvidenceModel);
  }

  async timeline(actionId: string): Promise<TimelineEntryModel[]> {
    const rows = await this.reading.dataSource.getRepository(TimelineEntryEntity).find({ where: { actionId }, order: { position: 'ASC' } });
    return toTimelineEntryModels(rows);
  }

  async timelinePage(actionId: string, first: number, after?: string): Promise<TimelineConnectionModel> {
    return toTimelineConnection(await findTimelinePage(this.reading.dataSource, actionId, { first, after }));
  }

  metricsMovedBy(actionId: string): Promise<MetricModel[]> {
    return this.reading.scorecard.forAction(this.row.planId, actionId);
  }

  owners(): Promise<OwnerWorkloadModel[]> {
    return this.reading.workloads.forPlan(this.row);
  }

  scorecard(area?: number): Promise<MetricModel[]> {
    return this.reading.scorecard.forPlan(this.row.planId, area);
  }

  dependencyNetwork(): Promise<DependencyNetworkView> {
    this.network ??= this.readNetwork();
    return this.network;
  }

  private async readNetwork(): Promise<DependencyNetworkView> {
    const { dataSource, clock } = this.reading;
    const { planId } = this.row;
    const [network, dependencies, actions, priorities] = await Promise.all([
      dataSource.getRepository(DependencyNetworkEntity).findOneBy({ planId }),
      dataSource.getRepository(DependencyEntity).find({ where: { planId }, order: { declaredRevision: 'ASC' } }),
      dataSource.getRepository(ActionEntity).find({
        select: { actionId: true, ref: true, refSortKey: true, areaNumber: true, title: true, status: true, rag: true, dueDate: true, originalDueDate: true },
        where: { planId },
      }),
      dataSource.getRepository(ActionPriorityEntity).find({ where: { planId } }),
    ]);
    const priorityNumbers = new Map<string, number[]>();
    for (const p of priorities) priorityNumbers.set(p.actionId, [...(priorityNumbers.get(p.actionId) ?? []), p.priorityNumber]);
    return new DependencyNetworkView(planId, network?.revision ?? null, dependencies, actions.map((a) => ({ ...a, priorityNumbers: priorityNumbers.get(a.actionId) ?? [] })), clock.today());
  }

  private async toModels(rows: ActionEntity[]): Promise<ActionModel[]> {
    if (rows.length === 0) return [];
    const today = this.reading.clock.today();
    const priorities = await this.reading.dataSource
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
      originalDueDate: row.originalDueDate,
      status: row.status,
      rag: row.rag,
      latestCommentary: row.latestCommentary,
      lastAsAt: row.lastAsAt,
      lastUpdatedOn: row.lastUpdatedOn,
      completedOn: row.completedOn,
      supersededByActionId: row.supersededByActionId,
      closingReason: row.closingReason,
      confidenceHistory: row.confidenceHistory,
      overdue: isOverdue(row, today),
      stale: isStale(row, today, this.row.staleAfterDays),
      revision: row.revision,
      asAt: null,
      knownAt: null,
      asOfDate: null,
      reader: this,
    }));
  }
}
