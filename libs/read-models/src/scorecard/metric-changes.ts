import { MetricEvent, periodSortKey } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { ComparatorEntity } from './comparator.entity';
import { MeasurementEntity } from './measurement.entity';
import { measurementRow } from './measurement-row';
import { MetricTargetEntity } from './metric-target.entity';
import { MetricEntity } from './metric.entity';

/**
 * What one metric event does to the scorecard's rows. The live projection writes these to the
 * read database and the as-at view applies them to a metric held in memory, so a new metric event
 * is taught to the scorecard once and the two cannot disagree.
 */
export type MetricChange =
  | { kind: 'metricDefined'; row: MetricEntity }
  | { kind: 'metricChanged'; metricId: string; changes: Partial<MetricEntity> }
  | { kind: 'targetSet'; row: MetricTargetEntity }
  | { kind: 'measurementAdded'; row: MeasurementEntity }
  | { kind: 'measurementSuperseded'; measurementId: string; supersededByMeasurementId: string }
  | { kind: 'comparatorSet'; row: ComparatorEntity };

/**
 * The changes an event of a metric's stream makes, given the metric's row as it stood before it
 * (for its plan and frequency). Every event after the definition moves the metric's revision.
 * Nothing changes for an event about a metric not defined yet.
 */
export function metricChanges(metric: MetricEntity | undefined, event: ProjectedEvent & MetricEvent): MetricChange[] {
  const revision = Number(event.recorded.revision);
  if (event.type === 'MetricDefined') {
    const { metricId, planId, name, description, unit, polarity, frequency, source, owner, areaNumbers, actionIds } = event.data;
    return [{ kind: 'metricDefined', row: { metricId, planId, name, description, unit, polarity, frequency, source, owner, areaNumbers, actionIds, revisions: 0, revision } }];
  }
  if (!metric) return [];
  const { metricId } = metric;
  const key = (period: string) => periodSortKey(metric.frequency, period);
  const moved: MetricChange = { kind: 'metricChanged', metricId, changes: { revision } };
  switch (event.type) {
    case 'MetricRevised': {
      const { name, description, unit, polarity, frequency, source, owner, areaNumbers, actionIds } = event.data;
      const changes = { name, description, unit, polarity, frequency, source, owner, areaNumbers, actionIds, revisions: metric.revisions + 1, revision };
      return [{ kind: 'metricChanged', metricId, changes }];
    }
    case 'TargetSet': {
      const { period, target, amberTolerance } = event.data;
      return [{ kind: 'targetSet', row: { metricId, period, periodKey: key(period), target, amberTolerance } }, moved];
    }
    case 'MeasurementRecorded':
    case 'MeasurementCorrected': {
      const row = measurementRow(event, metric.planId, metric.frequency);
      const supersedes = row.supersedesMeasurementId;
      const superseded: MetricChange[] = supersedes ? [{ kind: 'measurementSuperseded', measurementId: supersedes, supersededByMeasurementId: row.measurementId }] : [];
      return [{ kind: 'measurementAdded', row }, ...superseded, moved];
    }
    case 'ComparatorRecorded': {
      const { period, comparator, value, source, neighbour } = event.data;
      return [{ kind: 'comparatorSet', row: { metricId, period, comparator, neighbour: neighbour ?? '', periodKey: key(period), value, source } }, moved];
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
