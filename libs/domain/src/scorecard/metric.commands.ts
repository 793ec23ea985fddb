import { CalendarDate } from '../shared/calendar-date';

export const METRIC_UNITS = ['PERCENT', 'RATE_PER_10000', 'RATE_PER_100', 'COUNT', 'GBP', 'GBP_PER_HEAD'] as const;
/** RATE_PER_100 is how permanent exclusions are published (per 100 pupils); EHCPs are per 10,000. */
export type MetricUnit = (typeof METRIC_UNITS)[number];

export const POLARITIES = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const;
export type Polarity = (typeof POLARITIES)[number];

/** FINANCIAL_YEAR and FINANCIAL_QUARTER are UK financial periods (April to March), as finance papers report. */
export const FREQUENCIES = ['MONTHLY', 'TERMLY', 'ANNUAL', 'ACADEMIC_YEAR', 'FINANCIAL_YEAR', 'FINANCIAL_QUARTER'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/**
 * Published benchmarks the board reads a local figure against: England, the region, the
 * statistical neighbours as a group (their median or mean, as published) and, since version 2 of
 * ComparatorRecorded, one named statistical neighbour (STATISTICAL_NEIGHBOUR with its council).
 */
export const COMPARATORS = ['ENGLAND', 'REGION', 'STATISTICAL_NEIGHBOURS', 'STATISTICAL_NEIGHBOUR'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** What a metric is; revisable, with every revision kept in the metric's stream. */
export interface MetricDefinition {
  name: string;
  description: string;
  unit: MetricUnit;
  polarity: Polarity;
  /** How often it is measured; fixes the format of every period on the metric. */
  frequency: Frequency;
  /** Where the figures come from, e.g. "SEN2 return" or "DfE LAIT". */
  source: string;
  /** The person (name or role) answerable for the figure. */
  owner: string;
  areaNumbers: number[];
  actionIds: string[];
}

export type DefineMetric = { type: 'DefineMetric'; data: { metricId: string; planId: string } & MetricDefinition };

export type ReviseMetric = { type: 'ReviseMetric'; data: { metricId: string; reason: string } & MetricDefinition };

export type SetTarget = {
  type: 'SetTarget';
  data: { metricId: string; period: string; target: number; amberTolerance: number | null };
};

export type RecordMeasurement = {
  type: 'RecordMeasurement';
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

export type CorrectMeasurement = {
  type: 'CorrectMeasurement';
  data: {
    metricId: string;
    /** The id of the correcting measurement, not the one it replaces. */
    measurementId: string;
    supersedesMeasurementId: string;
    value: number;
    asAt: CalendarDate;
    source: string;
    provisional: boolean;
    reason: string;
  };
};

export type RecordComparator = {
  type: 'RecordComparator';
  data: {
    metricId: string;
    period: string;
    comparator: Comparator;
    value: number;
    source: string;
    /** The council, for STATISTICAL_NEIGHBOUR only, e.g. "Kent". */
    neighbour?: string | null;
  };
};

export type MetricCommand = DefineMetric | ReviseMetric | SetTarget | RecordMeasurement | CorrectMeasurement | RecordComparator;
