import { MetricRag, ragAgainstTarget, TargetForPeriod, targetFor } from '@send/domain';
import { ComparatorEntity } from './comparator.entity';
import { MeasurementEntity } from './measurement.entity';
import { MetricTargetEntity } from './metric-target.entity';
import { MetricEntity } from './metric.entity';

export const TREND_DIRECTIONS = ['UP', 'DOWN', 'FLAT'] as const;
export type TrendDirection = (typeof TREND_DIRECTIONS)[number];

export interface Trend {
  direction: TrendDirection;
  /** Whether the move is the good way for this metric's polarity; null when flat. */
  improving: boolean | null;
  changeSincePrevious: number;
}

/** One metric's row on the scorecard: its latest figure, how it moved, and how it stands against target. */
export interface ScorecardLine {
  metric: MetricEntity;
  latest: MeasurementEntity | null;
  previous: MeasurementEntity | null;
  baseline: MeasurementEntity | null;
  trend: Trend | null;
  changeSinceBaseline: number | null;
  target: TargetForPeriod | null;
  rag: MetricRag | null;
  /** England, region, statistical neighbours for the latest period. */
  comparators: ComparatorEntity[];
}

/** Differences are rounded so 41.4 − 39.8 reads 1.6, not 1.5999999999999943. */
const difference = (a: number, b: number) => Math.round((a - b) * 1e6) / 1e6;

function trendOf(polarity: string, latest: MeasurementEntity, previous: MeasurementEntity): Trend {
  const change = difference(latest.value, previous.value);
  if (change === 0) return { direction: 'FLAT', improving: null, changeSincePrevious: 0 };
  const direction: TrendDirection = change > 0 ? 'UP' : 'DOWN';
  return { direction, improving: (direction === 'UP') === (polarity === 'HIGHER_IS_BETTER'), changeSincePrevious: change };
}

/** Current figures are the ones no correction has superseded, in period order. */
export function currentSeries(measurements: MeasurementEntity[]): MeasurementEntity[] {
  return measurements
    .filter((m) => m.supersededByMeasurementId === null)
    .sort((a, b) => (a.periodKey < b.periodKey ? -1 : a.periodKey > b.periodKey ? 1 : 0));
}

export function scorecardLine(
  metric: MetricEntity,
  measurements: MeasurementEntity[],
  targets: MetricTargetEntity[],
  comparators: ComparatorEntity[],
): ScorecardLine {
  const series = currentSeries(measurements);
  const latest = series.at(-1) ?? null;
  const previous = series.length > 1 ? series[series.length - 2] : null;
  const baseline = series.length > 1 ? series[0] : null;
  const byPeriod = Object.fromEntries(targets.map((t) => [t.period, { target: t.target, amberTolerance: t.amberTolerance }]));
  const target = latest ? (targetFor(metric.frequency, latest.period, byPeriod) ?? null) : null;
  return {
    metric,
    latest,
    previous,
    baseline,
    trend: latest && previous ? trendOf(metric.polarity, latest, previous) : null,
    changeSinceBaseline: latest && baseline ? difference(latest.value, baseline.value) : null,
    target,
    rag: latest && target ? ragAgainstTarget(latest.value, metric.polarity, target) : null,
    // The published aggregates only: each named neighbour is in the comparator series, not in the line the report prints.
    comparators: latest ? comparators.filter((c) => c.period === latest.period && c.neighbour === '').sort((a, b) => (a.comparator < b.comparator ? -1 : 1)) : [],
  };
}
