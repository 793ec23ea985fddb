import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@send/event-store';
import { loadEvent, metricStream, canSeeArea, MetricDefined, MetricEvent, MetricNotFoundError, MetricRevised, Principal } from '@send/domain';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { DataSource, In } from 'typeorm';
import { ComparatorEntity, MeasurementEntity, MetricEntity, MetricTargetEntity, PlanEntity, PlanView, ScorecardLine, scorecardLine } from '@send/read-models';
import { MeasurementModel, MetricDefinitionVersionModel, MetricModel } from './models/metric.model';

export const toMeasurementModel = (m: MeasurementEntity): MeasurementModel => ({
  id: m.measurementId,
  period: m.period,
  value: m.value,
  asAt: m.asAt,
  source: m.source,
  provisional: m.provisional,
  recordedAt: m.recordedAt,
  supersedes: m.supersedesMeasurementId,
  supersededBy: m.supersededByMeasurementId,
  correctionReason: m.correctionReason,
});

/** A metric's definition as GraphQL shows it: from the metric's row, or from one MetricDefined or MetricRevised. */
const definitionFields = (d: Pick<MetricEntity, 'name' | 'description' | 'unit' | 'polarity' | 'frequency' | 'source' | 'owner' | 'areaNumbers' | 'actionIds'>) => ({
  name: d.name,
  description: d.description,
  unit: d.unit,
  polarity: d.polarity,
  frequency: d.frequency,
  source: d.source,
  owner: d.owner,
  areaNumbers: d.areaNumbers,
  actionIds: d.actionIds,
});

function toModel(line: ScorecardLine): MetricModel {
  const m = line.metric;
  return {
    id: m.metricId,
    planId: m.planId,
    ...definitionFields(m),
    definitionRevisions: m.revisions,
    revision: m.revision,
    latest: line.latest && toMeasurementModel(line.latest),
    previous: line.previous && toMeasurementModel(line.previous),
    baseline: line.baseline && toMeasurementModel(line.baseline),
    trend: line.trend,
    changeSinceBaseline: line.changeSinceBaseline,
    target: line.target,
    rag: line.rag,
    comparators: line.comparators.map((c) => ({ comparator: c.comparator, period: c.period, value: c.value, source: c.source })),
  };
}

/** The scorecard from the read models: each metric with its latest figure, trend, RAG and comparators. */
@Injectable()
export class ScorecardReadService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The scorecard as it stood at the view's instant. */
  fromView(view: PlanView, area?: number): MetricModel[] {
    return view.metrics
      .filter((m) => area === undefined || m.metric.areaNumbers.includes(area))
      .map((m) => ({ ...toModel(scorecardLine(m.metric, m.measurements, m.targets, m.comparators)), view: m, asAt: view.asAt }));
  }

  async forPlan(planId: string, area?: number): Promise<MetricModel[]> {
    const metrics = await this.dataSource.getRepository(MetricEntity).find({ where: { planId } });
    const chosen = area === undefined ? metrics : metrics.filter((m) => m.areaNumbers.includes(area));
    return this.lines(chosen.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  }

  /** The metrics an action is expected to move. */
  async forAction(planId: string, actionId: string): Promise<MetricModel[]> {
    const metrics = await this.dataSource.getRepository(MetricEntity).find({ where: { planId } });
    return this.lines(metrics.filter((m) => m.actionIds.includes(actionId)));
  }

  async metric(metricId: string, principal: Principal): Promise<MetricModel> {
    const metric = await this.dataSource.getRepository(MetricEntity).findOneBy({ metricId });
    const plan = metric ? await this.dataSource.getRepository(PlanEntity).findOneBy({ planId: metric.planId }) : null;
    if (!metric || !plan || !canSeeArea(principal, plan.localAreaId)) throw new MetricNotFoundError(metricId);
    return (await this.lines([metric]))[0];
  }

  /** Every figure ever recorded for the metric, corrections and the values they replaced included, in period order. */
  async series(metric: MetricModel, includeSuperseded: boolean): Promise<MeasurementModel[]> {
    const rows = metric.view
      ? [...metric.view.measurements].sort((a, b) => (a.periodKey < b.periodKey ? -1 : a.periodKey > b.periodKey ? 1 : a.recordedAt < b.recordedAt ? -1 : 1))
      : await this.dataSource.getRepository(MeasurementEntity).find({ where: { metricId: metric.id }, order: { periodKey: 'ASC', recordedAt: 'ASC' } });
    return rows.filter((m) => includeSuperseded || m.supersededByMeasurementId === null).map(toMeasurementModel);
  }

  /** Every version of the definition, oldest first, straight from the metric's events. */
  async definitions(metric: MetricModel): Promise<MetricDefinitionVersionModel[]> {
    const events = (await this.store.readStream(metricStream(metric.id))).filter(
      (e) => (e.type === 'MetricDefined' || e.type === 'MetricRevised') && (metric.asAt === undefined || e.metadata.occurredAt <= metric.asAt),
    );
    return events.map((recorded, i) => {
      const event = loadEvent<MetricEvent>(recorded) as MetricDefined | MetricRevised;
      const d = event.data;
      return {
        version: i + 1,
        ...definitionFields(d),
        reason: event.type === 'MetricRevised' ? event.data.reason : null,
        recordedAt: recorded.metadata.occurredAt,
        recordedBy: recorded.metadata.actor?.displayName ?? recorded.metadata.actor?.userId ?? null,
      };
    });
  }

  async targets(metric: MetricModel): Promise<MetricTargetEntity[]> {
    if (metric.view) return [...metric.view.targets].sort((a, b) => (a.periodKey < b.periodKey ? -1 : 1));
    const metricId = metric.id;
    return this.dataSource.getRepository(MetricTargetEntity).find({ where: { metricId }, order: { periodKey: 'ASC' } });
  }

  async comparators(metric: MetricModel): Promise<ComparatorEntity[]> {
    if (metric.view) return [...metric.view.comparators].sort((a, b) => (a.periodKey < b.periodKey ? -1 : a.periodKey > b.periodKey ? 1 : a.comparator < b.comparator ? -1 : 1));
    const metricId = metric.id;
    return this.dataSource.getRepository(ComparatorEntity).find({ where: { metricId }, order: { periodKey: 'ASC', comparator: 'ASC' } });
  }

  private async lines(metrics: MetricEntity[]): Promise<MetricModel[]> {
    if (metrics.length === 0) return [];
    const metricId = In(metrics.map((m) => m.metricId));
    const [measurements, targets, comparators] = await Promise.all([
      this.dataSource.getRepository(MeasurementEntity).find({ where: { metricId } }),
      this.dataSource.getRepository(MetricTargetEntity).find({ where: { metricId } }),
      this.dataSource.getRepository(ComparatorEntity).find({ where: { metricId } }),
    ]);
    const of = <T extends { metricId: string }>(rows: T[], id: string) => rows.filter((r) => r.metricId === id);
    return metrics.map((m) => toModel(scorecardLine(m, of(measurements, m.metricId), of(targets, m.metricId), of(comparators, m.metricId))));
  }
}
