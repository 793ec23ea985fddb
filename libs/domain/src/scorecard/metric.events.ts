import { CalendarDate } from '../shared/calendar-date';
import { Comparator, MetricDefinition } from './metric.commands';

export type MetricDefined = { type: 'MetricDefined'; data: { metricId: string; planId: string } & MetricDefinition };

/** Carries the whole new definition, so each revision reads on its own in the history. */
export type MetricRevised = { type: 'MetricRevised'; data: { metricId: string; reason: string } & MetricDefinition };

export type TargetSet = {
  type: 'TargetSet';
  data: { metricId: string; period: string; target: number; amberTolerance: number | null };
};

export type MeasurementRecorded = {
  type: 'MeasurementRecorded';
  data: {
    metricId: string;
    measurementId: string;
    period: string;
    value: number;
    asAt: CalendarDate;
    source: string;
    provisional: boolean;
  };
};

export type MeasurementCorrected = {
  type: 'MeasurementCorrected';
  data: {
    metricId: string;
    measurementId: string;
    supersedesMeasurementId: string;
    /** Copied from the superseded measurement: a correction never moves a figure to another period. */
    period: string;
    value: number;
    asAt: CalendarDate;
    source: string;
    provisional: boolean;
    reason: string;
  };
};

export type ComparatorRecorded = {
  type: 'ComparatorRecorded';
  /** v2 added `neighbour`: the council a STATISTICAL_NEIGHBOUR value is for, null for the aggregates (every v1 value). */
  data: { metricId: string; period: string; comparator: Comparator; value: number; source: string; neighbour: string | null };
};

export type MetricEvent = MetricDefined | MetricRevised | TargetSet | MeasurementRecorded | MeasurementCorrected | ComparatorRecorded;

/** Current schema version of each metric event; bump with an upcaster, never edit in place. */
export const METRIC_EVENT_VERSIONS: Record<MetricEvent['type'], number> = {
  MetricDefined: 1,
  MetricRevised: 1,
  TargetSet: 1,
  MeasurementRecorded: 1,
  MeasurementCorrected: 1,
  ComparatorRecorded: 2,
};
