export const SCORECARD_QUERY = `query Scorecard($planId: ID!, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  scorecard(planId: $planId, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) {
    id name unit polarity rag source
    latest { period value provisional }
    target { period target }
    trend { direction improving }
    series { period value }
    targets { period target }
  }
}`;

export type MetricUnit = 'COUNT' | 'GBP' | 'GBP_PER_HEAD' | 'PERCENT' | 'RATE_PER_100' | 'RATE_PER_10000';

export interface ScorecardMetric {
  id: string;
  name: string;
  unit: MetricUnit;
  polarity: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  rag: 'RED' | 'AMBER' | 'GREEN' | null;
  source: string;
  latest: { period: string; value: number; provisional: boolean } | null;
  target: { period: string; target: number } | null;
  trend: { direction: 'UP' | 'DOWN' | 'FLAT'; improving: boolean | null } | null;
  series: { period: string; value: number }[];
  targets: { period: string; target: number }[];
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
