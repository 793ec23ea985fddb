import { EntityManager } from 'typeorm';
import { Frequency, periodSortKey } from '@send/domain';
import { Projection, ProjectedEvent } from '../projection/projection';
import { ComparatorEntity } from './comparator.entity';
import { MeasurementEntity } from './measurement.entity';
import { measurementRow } from './measurement-row';
import { MetricTargetEntity } from './metric-target.entity';
import { MetricEntity } from './metric.entity';

export class ScorecardProjection implements Projection {
  readonly name = 'scorecard';

  async apply(event: ProjectedEvent, manager: EntityManager): Promise<void> {
    if (!event.recorded.streamId.startsWith('metric-')) return;
    const revision = Number(event.recorded.revision);
    const metricOf = (metricId: string) => manager.findOneByOrFail(MetricEntity, { metricId });
    switch (event.type) {
      case 'MetricDefined': {
        const { metricId, planId, name, description, unit, polarity, frequency, source, owner, areaNumbers, actionIds } = event.data;
        await manager.insert(MetricEntity, { metricId, planId, name, description, unit, polarity, frequency, source, owner, areaNumbers, actionIds, revisions: 0, revision });
        return;
      }
      case 'MetricRevised': {
        const { metricId, name, description, unit, polarity, frequency, source, owner, areaNumbers, actionIds } = event.data;
        const metric = await metricOf(metricId);
        await manager.save(MetricEntity, { ...metric, name, description, unit, polarity, frequency, source, owner, areaNumbers, actionIds, revisions: metric.revisions + 1, revision });
        return;
      }
      case 'TargetSet': {
        const { metricId, period, target, amberTolerance } = event.data;
        const metric = await metricOf(metricId);
        await manager.upsert(MetricTargetEntity, { metricId, period, periodKey: periodSortKey(metric.frequency as Frequency, period), target, amberTolerance }, ['metricId', 'period']);
        await manager.update(MetricEntity, { metricId }, { revision });
        return;
      }
      case 'MeasurementRecorded':
      case 'MeasurementCorrected': {
        const metric = await metricOf(event.data.metricId);
        const row = measurementRow(event, metric.planId, metric.frequency);
        await manager.insert(MeasurementEntity, row);
        const supersedes = row.supersedesMeasurementId;
        if (supersedes) await manager.update(MeasurementEntity, { measurementId: supersedes }, { supersededByMeasurementId: row.measurementId });
        await manager.update(MetricEntity, { metricId: row.metricId }, { revision });
        return;
      }
      case 'ComparatorRecorded': {
        const { metricId, period, comparator, value, source } = event.data;
        const metric = await metricOf(metricId);
        await manager.upsert(ComparatorEntity, { metricId, period, comparator, periodKey: periodSortKey(metric.frequency as Frequency, period), value, source }, ['metricId', 'period', 'comparator']);
        await manager.update(MetricEntity, { metricId }, { revision });
        return;
      }
      default:
        return;
    }
  }
}
