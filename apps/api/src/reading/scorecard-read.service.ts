import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@send/event-store';
import { canSeeArea, MetricNotFoundError, Principal } from '@send/domain';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { DataSource, In } from 'typeorm';
import { ComparatorEntity, MeasurementEntity, MetricEntity, MetricTargetEntity, PlanEntity, scorecardLine } from '@send/read-models';
import type { MetricReader } from './plan-reader';
import { ComparatorValueModel, MeasurementModel, MetricDefinitionVersionModel, MetricModel, MetricTargetModel } from '../scorecard/models/metric.model';
import { metricDefinitions, seriesOf, toComparatorValueModel, toMetricModel, toTargetModel } from './metric-models';

/**
 * The scorecard as it stands now, from the read database: each metric with its latest figure,
 * trend, RAG and comparators. It is the live metric reader, so every metric it answers carries it.
 */
@Injectable()
export class ScorecardReadService implements MetricReader {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

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

  async series(metricId: string, includeSuperseded: boolean): Promise<MeasurementModel[]> {
    const rows = await this.dataSource.getRepository(MeasurementEntity).find({ where: { metricId }, order: { periodKey: 'ASC', recordedAt: 'ASC' } });
    return seriesOf(rows, includeSuperseded);
  }

  definitions(metricId: string): Promise<MetricDefinitionVersionModel[]> {
    return metricDefinitions(this.store, metricId);
  }

  async targets(metricId: string): Promise<MetricTargetModel[]> {
    return (await this.dataSource.getRepository(MetricTargetEntity).find({ where: { metricId }, order: { periodKey: 'ASC' } })).map(toTargetModel);
  }

  async comparators(metricId: string): Promise<ComparatorValueModel[]> {
    const rows = await this.dataSource.getRepository(ComparatorEntity).find({ where: { metricId }, order: { periodKey: 'ASC', comparator: 'ASC', neighbour: 'ASC' } });
    return rows.map(toComparatorValueModel);
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
    return metrics.map((m) => toMetricModel(scorecardLine(m, of(measurements, m.metricId), of(targets, m.metricId), of(comparators, m.metricId)), this));
  }
}
