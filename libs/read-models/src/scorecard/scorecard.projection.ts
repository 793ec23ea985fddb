import { isStreamOf, MetricEvent } from '@send/domain';
import { Projection, ProjectedEvent, RowRead } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { ComparatorEntity } from './comparator.entity';
import { MeasurementEntity } from './measurement.entity';
import { metricChanges } from './metric-changes';
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
    if (!isStreamOf('metric', event.recorded.streamId)) return;
    const metricEvent = event as ProjectedEvent & MetricEvent;
    const metric = metricEvent.type === 'MetricDefined' ? undefined : await rows.get(MetricEntity, { metricId: metricEvent.data.metricId });
    for (const change of metricChanges(metric, metricEvent)) {
      switch (change.kind) {
        case 'metricDefined':
          rows.insert(MetricEntity, change.row);
          break;
        case 'metricChanged':
          rows.update(MetricEntity, { metricId: change.metricId }, change.changes);
          break;
        case 'targetSet':
          rows.upsert(MetricTargetEntity, change.row);
          break;
        case 'measurementAdded':
          rows.insert(MeasurementEntity, change.row);
          break;
        case 'measurementSuperseded':
          rows.update(MeasurementEntity, { measurementId: change.measurementId }, { supersededByMeasurementId: change.supersededByMeasurementId });
          break;
        case 'comparatorSet':
          rows.upsert(ComparatorEntity, change.row);
          break;
        default: {
          const unhandled: never = change;
          return unhandled;
        }
      }
    }
  }
}
