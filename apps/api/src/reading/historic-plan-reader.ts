import { londonDateOf, NotFoundError, ukDateTime } from '@send/domain';
import { EventStore } from '@send/event-store';
import { ActionEntity, ActionFilter, ActionView, encodeCursor, isOverdue, isStale, MetricView, pageActionViews, PlanView, RagRollUp, rollUp, scorecardLine, timelinePageOf } from '@send/read-models';
import { ActionConnectionModel } from '../actions/models/action-connection.model';
import { ActionModel } from '../actions/models/action.model';
import { EvidenceModel, toEvidenceModel } from '../actions/models/evidence.model';
import { MilestoneModel, toMilestoneModels } from '../actions/models/milestone.model';
import { TimelineEntryModel, toTimelineEntryModels } from '../actions/models/timeline-entry.model';
import { TimelineConnectionModel, toTimelineConnection } from '../actions/models/timeline-connection.model';
import { OwnerWorkloadModel, toOwnerModel } from '../owners/models/owner.model';
import { workloads } from './owner-workload.service';
import { ImprovementAreaModel } from '../plans/models/improvement-area.model';
import { PlanModel, toPlanModel } from '../plans/models/plan.model';
import { RecoveryPriorityModel } from '../plans/models/recovery-priority.model';
import { metricDefinitions, seriesOf, toComparatorValueModel, toMetricModel, toTargetModel } from './metric-models';
import { ComparatorValueModel, MeasurementModel, MetricDefinitionVersionModel, MetricModel, MetricTargetModel } from '../scorecard/models/metric.model';
import { ScorecardReadService } from './scorecard-read.service';
import { DependencyNetworkView } from './dependency-network-view';
import { MetricReader, PlanReader } from './plan-reader';

/**
 * A plan as it was at an instant, answered from its view folded from the event store: never from
 * today's read models, with overdue and stale as on the day shown. It reads its metrics too.
 */
export class HistoricPlanReader implements PlanReader, MetricReader {
  readonly asAt: string;
  readonly knownAt: string;
  private byId?: Map<string, ActionView>;
  private network?: DependencyNetworkView;

  constructor(
    private readonly view: PlanView,
    /** Only for the metrics an action moves, which the schema promises as they stand today. */
    private readonly live: ScorecardReadService,
    private readonly store: EventStore,
  ) {
    this.asAt = view.asAt;
    this.knownAt = view.knownAt;
  }

  async dependencyNetwork(): Promise<DependencyNetworkView> {
    this.network ??= new DependencyNetworkView(this.view.planId, this.view.dependencyRevision, this.view.dependencies, this.view.actions, this.today);
    return this.network;
  }

  /** The day overdue and stale are judged on: the business date shown, else the day of the instant. */
  private get today(): string {
    return this.view.asOfDate ?? londonDateOf(this.view.asAt);
  }

  plan(): PlanModel {
    return toPlanModel(this.view, this, { asAt: this.view.asAt, knownAt: this.view.knownAt, asOfDate: this.view.asOfDate });
  }

  async rollUp(): Promise<RagRollUp> {
    return this.rollUpOf(this.view.actions);
  }

  async areas(): Promise<ImprovementAreaModel[]> {
    return this.view.areas.map((area) => ({ ...area, rollUp: this.rollUpOf(this.view.actions.filter((a) => a.areaNumber === area.number)), reader: this }));
  }

  async priorities(): Promise<RecoveryPriorityModel[]> {
    return this.view.priorities.map((priority) => ({
      ...priority,
      rollUp: this.rollUpOf(this.view.actions.filter((a) => a.priorityNumbers.includes(priority.number))),
      reader: this,
    }));
  }

  async actions(filter: ActionFilter, first: number, after?: string): Promise<ActionConnectionModel> {
    const page = pageActionViews(this.view.actions, filter, { first, after }, { today: this.today, staleAfterDays: this.view.staleAfterDays });
    return {
      edges: page.actions.map((a) => ({ node: this.actionOf(a), cursor: encodeCursor(a) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
    };
  }

  async action(found: ActionEntity): Promise<ActionModel> {
    const action = this.actionView(found.actionId);
    if (!action) throw new NotFoundError('existedAsAt', `Action ${found.ref} had not been added yet as at ${ukDateTime(this.view.asAt)}`);
    return this.actionOf(action);
  }

  /** An action of this view as the API shows it; "what moved" answers its actions through this too. */
  actionOf(action: ActionView): ActionModel {
    const { actionId, owner, milestones, evidence, timeline, refSortKey, ...fields } = action;
    return {
      ...fields,
      id: actionId,
      owner: toOwnerModel(owner),
      status: action.status,
      rag: action.rag,
      overdue: isOverdue(action, this.today),
      stale: isStale(action, this.today, this.view.staleAfterDays),
      asAt: this.view.asAt,
      knownAt: this.view.knownAt,
      asOfDate: this.view.asOfDate,
      reader: this,
    };
  }

  async milestones(actionId: string): Promise<MilestoneModel[]> {
    return toMilestoneModels(this.actionView(actionId)?.milestones ?? [], this.today);
  }

  async evidence(actionId: string): Promise<EvidenceModel[]> {
    return (this.actionView(actionId)?.evidence ?? []).map(toEvidenceModel);
  }

  async timeline(actionId: string): Promise<TimelineEntryModel[]> {
    return toTimelineEntryModels(this.actionView(actionId)?.timeline ?? []);
  }

  async timelinePage(actionId: string, first: number, after?: string): Promise<TimelineConnectionModel> {
    return toTimelineConnection(timelinePageOf(this.actionView(actionId)?.timeline ?? [], { first, after }));
  }

  metricsMovedBy(actionId: string): Promise<MetricModel[]> {
    return this.live.forAction(this.view.planId, actionId);
  }

  async owners(): Promise<OwnerWorkloadModel[]> {
    const actions = this.view.actions.map((a) => ({ ...a, ownerId: a.owner.ownerId }));
    return workloads(this.view.owners, actions, this.today, this.view.staleAfterDays);
  }

  async scorecard(area?: number): Promise<MetricModel[]> {
    return this.view.metrics
      .filter((m) => area === undefined || m.metric.areaNumbers.includes(area))
      .map((m) => toMetricModel(scorecardLine(m.metric, m.measurements, m.targets, m.comparators), this));
  }

  async series(metricId: string, includeSuperseded: boolean): Promise<MeasurementModel[]> {
    const rows = [...this.metricView(metricId).measurements].sort((a, b) =>
      a.periodKey < b.periodKey ? -1 : a.periodKey > b.periodKey ? 1 : a.recordedAt < b.recordedAt ? -1 : 1,
    );
    return seriesOf(rows, includeSuperseded);
  }

  definitions(metricId: string): Promise<MetricDefinitionVersionModel[]> {
    return metricDefinitions(this.store, metricId, this.view.asAt);
  }

  async targets(metricId: string): Promise<MetricTargetModel[]> {
    return [...this.metricView(metricId).targets].sort((a, b) => (a.periodKey < b.periodKey ? -1 : 1)).map(toTargetModel);
  }

  async comparators(metricId: string): Promise<ComparatorValueModel[]> {
    return [...this.metricView(metricId).comparators]
      .sort((a, b) => (a.periodKey < b.periodKey ? -1 : a.periodKey > b.periodKey ? 1 : a.comparator !== b.comparator ? (a.comparator < b.comparator ? -1 : 1) : a.neighbour < b.neighbour ? -1 : 1))
      .map(toComparatorValueModel);
  }

  private rollUpOf(actions: ActionView[]): RagRollUp {
    return rollUp(actions, this.today, this.view.staleAfterDays);
  }

  private actionView(actionId: string): ActionView | undefined {
    // A page of actions asks for each one's fields: look them up by id rather than scan the plan each time.
    this.byId ??= new Map(this.view.actions.map((a) => [a.actionId, a]));
    return this.byId.get(actionId);
  }

  private metricView(metricId: string): MetricView {
    const metric = this.view.metrics.find((m) => m.metric.metricId === metricId);
    // Only a metric this reader answered carries it, so one missing is a bug, not bad input.
    if (!metric) throw new Error(`Metric ${metricId} is not in the plan as at ${ukDateTime(this.view.asAt)}`);
    return metric;
  }
}
