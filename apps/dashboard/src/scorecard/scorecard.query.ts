export const SCORECARD_QUERY = `query Scorecard($planId: ID!, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  scorecard(planId: $planId, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) {
    id name unit polarity frequency rag source
    latest { period value provisional }
    target { period target }
    trend { direction improving }
    series { period value provisional }
    targets { period target amberTolerance }
    comparatorSeries { comparator neighbour period value }
  }
}`;

export type MetricUnit = 'COUNT' | 'GBP' | 'GBP_PER_HEAD' | 'PERCENT' | 'RATE_PER_100' | 'RATE_PER_10000';
export type MetricFrequency = 'MONTHLY' | 'TERMLY' | 'ANNUAL' | 'ACADEMIC_YEAR' | 'FINANCIAL_YEAR' | 'FINANCIAL_QUARTER';
/** STATISTICAL_NEIGHBOUR is one named council; the other three are published aggregates. */
export type ComparatorName = 'ENGLAND' | 'REGION' | 'STATISTICAL_NEIGHBOURS' | 'STATISTICAL_NEIGHBOUR';
export type AggregateComparator = Exclude<ComparatorName, 'STATISTICAL_NEIGHBOUR'>;

/** The aggregates in the order the board's papers give them, with the words they use. */
export const COMPARATOR_WORDS: Record<AggregateComparator, string> = { ENGLAND: 'England', REGION: 'Region', STATISTICAL_NEIGHBOURS: 'Statistical neighbours' };

export interface ScorecardMetric {
  id: string;
  name: string;
  unit: MetricUnit;
  polarity: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  frequency: MetricFrequency;
  rag: 'RED' | 'AMBER' | 'GREEN' | null;
  source: string;
  latest: { period: string; value: number; provisional: boolean } | null;
  target: { period: string; target: number } | null;
  trend: { direction: 'UP' | 'DOWN' | 'FLAT'; improving: boolean | null } | null;
  series: { period: string; value: number; provisional: boolean }[];
  targets: { period: string; target: number; amberTolerance: number | null }[];
  comparatorSeries: { comparator: ComparatorName; neighbour: string | null; period: string; value: number }[];
}

/** A value on the chart's axis or beside a point: the unit's sign, without the words (`60%`, `£908`, `0.2`). */
export function formatShort(value: number, unit: MetricUnit): string {
  const text = value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  if (unit === 'PERCENT') return `${text}%`;
  if (unit === 'GBP' || unit === 'GBP_PER_HEAD') return `£${text}`;
  return text;
}

export function formatValue(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'PERCENT':
      return `${value}%`;
    case 'GBP':
      return `£${value.toLocaleString('en-GB')}`;
    case 'GBP_PER_HEAD':
      return `£${value.toLocaleString('en-GB')} per head`;
    case 'RATE_PER_100':
      return `${value} per 100`;
    case 'RATE_PER_10000':
      return `${value} per 10,000`;
    case 'COUNT':
      return value.toLocaleString('en-GB');
  }
}
