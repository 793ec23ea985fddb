import { Frequency, Polarity } from './metric.commands';
import { isValidPeriod, periodSortKey } from './metric-period';

export const METRIC_RAGS = ['GREEN', 'AMBER', 'RED'] as const;
export type MetricRag = (typeof METRIC_RAGS)[number];

export interface MetricTarget {
  target: number;
  /** How far on the wrong side of the target still counts as Amber; null means no Amber band. */
  amberTolerance: number | null;
}

export type TargetForPeriod = MetricTarget & { period: string };

/**
 * Figures arrive as decimals (0.1 + 0.2 is 0.30000000000000004), so a value exactly on a boundary
 * would otherwise fall either side of it by chance. Nine places is far finer than any published figure.
 */
const settle = (n: number): number => Number(n.toFixed(9));

/** Boundaries are inclusive: a value that meets the target exactly is Green, one exactly at the tolerance Amber. */
export function ragAgainstTarget(value: number, polarity: Polarity, target: MetricTarget): MetricRag {
  const v = settle(value);
  const tolerance = target.amberTolerance;
  if (polarity === 'HIGHER_IS_BETTER') {
    if (v >= settle(target.target)) return 'GREEN';
    if (tolerance !== null && v >= settle(target.target - tolerance)) return 'AMBER';
    return 'RED';
  }
  if (v <= settle(target.target)) return 'GREEN';
  if (tolerance !== null && v <= settle(target.target + tolerance)) return 'AMBER';
  return 'RED';
}

/**
 * The target that applies to a period: its own, or else the next one set on the trajectory
 * (a figure for 2025-06 is judged against the target for 2025-09 when June has none). Periods
 * that do not fit the frequency are ignored rather than guessed at.
 */
export function targetFor(
  frequency: Frequency,
  period: string,
  targets: Readonly<Record<string, MetricTarget>>,
): TargetForPeriod | undefined {
  const key = periodSortKey(frequency, period);
  const own = Object.hasOwn(targets, period) ? targets[period] : undefined;
  if (own) return { period, ...own };
  let next: { key: string; period: string } | undefined;
  for (const candidate of Object.keys(targets)) {
    if (!isValidPeriod(frequency, candidate)) continue;
    const candidateKey = periodSortKey(frequency, candidate);
    if (candidateKey > key && (next === undefined || candidateKey < next.key)) next = { key: candidateKey, period: candidate };
  }
  return next && { period: next.period, ...targets[next.period] };
}
