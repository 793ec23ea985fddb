import { MetricEvent, periodSortKey } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { ComparatorEntity } from '../scorecard/comparator.entity';
import { measurementRow } from '../scorecard/measurement-row';
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

/** One event of a metric's stream applied to what was known before it. */
export function evolveMetricView(view: MetricView | undefined, event: ProjectedEvent & MetricEvent): MetricView | undefined {
  const revision = Number(event.recorded.revision);
  if (event.type === 'MetricDefined') {
    const { metricId, planId, name, description, unit, polarity, frequency, source, owner, areaNumbers, actionIds } = event.data;
    return {
      metric: { metricId, planId, name, description, unit, polarity, frequency, source, owner, areaNumbers, actionIds, revisions: 0, revision },
      measurements: [],
      targets: [],
      comparators: [],
    };
  }
  if (!view) return view;
  const metric = { ...view.metric, revision };
  const key = (period: string) => periodSortKey(metric.frequency, period);
  switch (event.type) {
    case 'MetricRevised': {
      const { name, description, unit, polarity, frequency, source, owner, areaNumbers, actionIds } = event.data;
      return { ...view, metric: { ...metric, name, description, unit, polarity, frequency, source, owner, areaNumbers, actionIds, revisions: metric.revisions + 1 } };
    }
    case 'TargetSet': {
      const { metricId, period, target, amberTolerance } = event.data;
      const others = view.targets.filter((t) => t.period !== period);
      return { ...view, metric, targets: [...others, { metricId, period, periodKey: key(period), target, amberTolerance }] };
    }
    case 'MeasurementRecorded':
    case 'MeasurementCorrected': {
      const measurement = measurementRow(event, metric.planId, metric.frequency);
      const supersedes = measurement.supersedesMeasurementId;
      const earlier = view.measurements.map((m) => (m.measurementId === supersedes ? { ...m, supersededByMeasurementId: measurement.measurementId } : m));
      return { ...view, metric, measurements: [...earlier, measurement] };
    }
    case 'ComparatorRecorded': {
      const { metricId, period, comparator, value, source } = event.data;
      const others = view.comparators.filter((c) => c.period !== period || c.comparator !== comparator);
      return { ...view, metric, comparators: [...others, { metricId, period, comparator, periodKey: key(period), value, source }] };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
