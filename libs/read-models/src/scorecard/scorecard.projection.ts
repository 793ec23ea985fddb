import { periodSortKey } from '@send/domain';
import { Projection, ProjectedEvent, RowRead } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { ComparatorEntity } from './comparator.entity';
import { MeasurementEntity } from './measurement.entity';
import { measurementRow } from './measurement-row';
import { MetricTargetEntity } from './metric-target.entity';
import { MetricEntity } from './metric.entity';

export class ScorecardProjection implements Projection {
  readonly name = 'scorecard';

  /** Every metric event but its definition reads the metric's row (its plan, its frequency). */
  rowsRead(event: ProjectedEvent): RowRead[] {
    switch (event.type) {
      case 'MetricRevised':
      case 'TargetSet':
      case 'MeasurementRecorded':
      case 'MeasurementCorrected':
      case 'ComparatorRecorded':
        return [{ entity: MetricEntity, key: { metricId: event.data.metricId } }];
      default:
        return [];
    }
  }

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    if (!event.recorded.streamId.startsWith('metric-')) return;
    const revision = Number(event.recorded.revision);
    const metricOf = (metricId: string) => rows.get(MetricEntity, { metricId });
    switch (event.type) {
      case 'MetricDefined': {
        const { metricId, planId, name, description, unit, polarity, frequency, source, owner, areaNumbers, actionIds } = event.data;
        rows.insert(MetricEntity, { metricId, planId, name, description, unit, polarity, frequency, source, owner, areaNumbers, actionIds, revisions: 0, revision });
        return;
      }
      case 'MetricRevised': {
        const { metricId, name, description, unit, polarity, frequency, source, owner, areaNumbers, actionIds } = event.data;
        const metric = await metricOf(metricId);
        rows.upsert(MetricEntity, { ...metric, name, description, unit, polarity, frequency, source, owner, areaNumbers, actionIds, revisions: metric.revisions + 1, revision });
        return;
      }
      case 'TargetSet': {
        const { metricId, period, target, amberTolerance } = event.data;
        const metric = await metricOf(metricId);
        rows.upsert(MetricTargetEntity, { metricId, period, periodKey: periodSortKey(metric.frequency, period), target, amberTolerance });
        rows.update(MetricEntity, { metricId }, { revision });
        return;
      }
      case 'MeasurementRecorded':
      case 'MeasurementCorrected': {
        const metric = await metricOf(event.data.metricId);
        const row = measurementRow(event, metric.planId, metric.frequency);
        rows.insert(MeasurementEntity, row);
        const supersedes = row.supersedesMeasurementId;
        if (supersedes) rows.update(MeasurementEntity, { measurementId: supersedes }, { supersededByMeasurementId: row.measurementId });
        rows.update(MetricEntity, { metricId: row.metricId }, { revision });
        return;
      }
      case 'ComparatorRecorded': {
        const { metricId, period, comparator, value, source } = event.data;
        const metric = await metricOf(metricId);
        rows.upsert(ComparatorEntity, { metricId, period, comparator, periodKey: periodSortKey(metric.frequency, period), value, source });
        rows.update(MetricEntity, { metricId }, { revision });
        return;
      }
      default:
        return;
    }
  }
}
