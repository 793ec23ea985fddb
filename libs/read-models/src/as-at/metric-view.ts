import { MetricEvent } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { ComparatorEntity } from '../scorecard/comparator.entity';
import { MetricChange, metricChanges } from '../scorecard/metric-changes';
import { MeasurementEntity } from '../scorecard/measurement.entity';
import { MetricTargetEntity } from '../scorecard/metric-target.entity';
import { MetricEntity } from '../scorecard/metric.entity';

/** A scorecard metric as it stood at an instant, in the read models' row shapes so one scorecard function serves both. */
export interface MetricView {
  metric: MetricEntity;
  measurements: MeasurementEntity[];
  targets: MetricTargetEntity[];
  comparators: ComparatorEntity[];
}

/** A change to the scorecard's rows made to a metric held in memory, as the projection makes it to the read database. */
function applied(view: MetricView | undefined, change: MetricChange): MetricView | undefined {
  if (change.kind === 'metricDefined') return { metric: change.row, measurements: [], targets: [], comparators: [] };
  if (!view) return view;
  switch (change.kind) {
    case 'metricChanged':
      return { ...view, metric: { ...view.metric, ...change.changes } };
    case 'targetSet':
      return { ...view, targets: [...view.targets.filter((t) => t.period !== change.row.period), change.row] };
    case 'measurementAdded':
      return { ...view, measurements: [...view.measurements, change.row] };
    case 'measurementSuperseded': {
      const { measurementId, supersededByMeasurementId } = change;
      return { ...view, measurements: view.measurements.map((m) => (m.measurementId === measurementId ? { ...m, supersededByMeasurementId } : m)) };
    }
    case 'comparatorSet': {
      const { period, comparator, neighbour } = change.row;
      return { ...view, comparators: [...view.comparators.filter((c) => c.period !== period || c.comparator !== comparator || c.neighbour !== neighbour), change.row] };
    }
    default: {
      const unhandled: never = change;
      return unhandled;
    }
  }
}

/** One event of a metric's stream applied to what was known before it. */
export function evolveMetricView(view: MetricView | undefined, event: ProjectedEvent & MetricEvent): MetricView | undefined {
  return metricChanges(view?.metric, event).reduce(applied, view);
}
