import type { ActionEntity, ActionFilter, RagRollUp } from '@send/read-models';
import type { ActionConnectionModel } from '../actions/models/action-connection.model';
import type { ActionModel } from '../actions/models/action.model';
import type { EvidenceModel } from '../actions/models/evidence.model';
import type { MilestoneModel } from '../actions/models/milestone.model';
import type { TimelineConnectionModel } from '../actions/models/timeline-connection.model';
import type { TimelineEntryModel } from '../actions/models/timeline-entry.model';
import type { OwnerWorkloadModel } from '../owners/models/owner.model';
import type { ImprovementAreaModel } from '../plans/models/improvement-area.model';
import type { PlanModel } from '../plans/models/plan.model';
import type { RecoveryPriorityModel } from '../plans/models/recovery-priority.model';
import type { DependencyNetworkView } from './dependency-network-view';
import type { ComparatorValueModel, MeasurementModel, MetricDefinitionVersionModel, MetricModel, MetricTargetModel } from '../scorecard/models/metric.model';

/**
 * One plan and everything under it, read either as it stands now (the read database) or as it
 * was at an instant (folded from the event store). The request picks the reader once, from its
 * recordedBy/asAtMeeting/knownAt arguments; every model it answers carries that reader, so a field
 * resolver asks its parent's reader and never needs to know which kind it is. Both answer the
 * same GraphQL types, so the choice is invisible to a client except through recordedBy and knownAt.
 */
export interface PlanReader {
  /** The instant shown; null when live. */
  readonly asAt: string | null;
  /** Corrections recorded by this instant are applied; null when live. */
  readonly knownAt: string | null;
  plan(): PlanModel;
  rollUp(): Promise<RagRollUp>;
  areas(): Promise<ImprovementAreaModel[]>;
  priorities(): Promise<RecoveryPriorityModel[]>;
  /** A page of the plan's actions in reference order; overdue and stale as on the day shown. */
  actions(filter: ActionFilter, first: number, after?: string): Promise<ActionConnectionModel>;
  /**
   * The action the read database found by id or reference (so access is already checked);
   * as at an instant it may not have been added yet, which is NOT_FOUND (`existedAsAt`).
   */
  action(found: ActionEntity): Promise<ActionModel>;
  milestones(actionId: string): Promise<MilestoneModel[]>;
  evidence(actionId: string): Promise<EvidenceModel[]>;
  /** Every event in the action's history, oldest first. */
  timeline(actionId: string): Promise<TimelineEntryModel[]>;
  /** A page of the action's history, newest first: entries older than `after`'s. */
  timelinePage(actionId: string, first: number, after?: string): Promise<TimelineConnectionModel>;
  /** The scorecard metrics the action is expected to move: as they stand today, whichever the reader (the field promises that). */
  metricsMovedBy(actionId: string): Promise<MetricModel[]>;
  /** Everyone who owns or has owned an action, most open actions first. */
  owners(): Promise<OwnerWorkloadModel[]>;
  /** The scorecard, or one area's part of it. */
  scorecard(area?: number): Promise<MetricModel[]>;
  /** The plan's dependencies between actions, with what is slipping and what it puts at risk, as on the day shown; read once per request. */
  dependencyNetwork(): Promise<DependencyNetworkView>;
}

/**
 * A scorecard metric's series and history. Live, one reader serves every metric (the read
 * database); as at an instant, the plan's historic reader answers from the metrics it folded.
 */
export interface MetricReader {
  /** Every figure recorded, in period order; the superseded ones only when asked for. */
  series(metricId: string, includeSuperseded: boolean): Promise<MeasurementModel[]>;
  /** Every version of the definition, oldest first. */
  definitions(metricId: string): Promise<MetricDefinitionVersionModel[]>;
  targets(metricId: string): Promise<MetricTargetModel[]>;
  comparators(metricId: string): Promise<ComparatorValueModel[]>;
}
