import type { MetricFrequency } from './scorecard.query';

const DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const utc = (year: number, month: number, day = 1) => Date.UTC(year, month - 1, day);

/**
 * Where a period sits on the time axis: the day it starts. Years, academic years, terms and
 * quarters start on different days and last different times, so an axis of start dates spaces
 * them as they fell (2023 and 2025 with no 2024 leave a gap), where an axis of equal steps would not.
 * Terms start on the conventional first days (1 September, 1 January, 15 April).
 */
export function periodStart(frequency: MetricFrequency, period: string): number | null {
  const year = Number(period.slice(0, 4));
  if (!Number.isFinite(year)) return null;
  switch (frequency) {
    case 'MONTHLY':
      return /^\d{4}-\d{2}$/.test(period) ? utc(year, Number(period.slice(5, 7))) : null;
    case 'ANNUAL':
      return /^\d{4}$/.test(period) ? utc(year, 1) : null;
    case 'ACADEMIC_YEAR':
      return utc(year, 9);
    case 'TERMLY': {
      const term = /T([1-3])$/.exec(period)?.[1];
      return term === '1' ? utc(year, 9) : term === '2' ? utc(year + 1, 1) : term === '3' ? utc(year + 1, 4, 15) : null;
    }
    case 'FINANCIAL_YEAR':
      return utc(year, 4);
    case 'FINANCIAL_QUARTER': {
      const quarter = Number(/Q([1-4])$/.exec(period)?.[1]);
      return quarter ? utc(year, 4 + 3 * (quarter - 1)) : null;
    }
  }
}

/** How long one period lasts, roughly: the axis is padded by half of it either side so end points are not on the frame. */
export function periodLength(frequency: MetricFrequency): number {
  switch (frequency) {
    case 'MONTHLY':
      return 30 * DAY;
    case 'TERMLY':
      return 120 * DAY;
    case 'FINANCIAL_QUARTER':
      return 91 * DAY;
    default:
      return 365 * DAY;
  }
}

/** A period's short label under the axis: `Aug 2025` for a month, otherwise as the period is written. */
export function periodLabel(frequency: MetricFrequency, period: string): string {
  if (frequency === 'MONTHLY' && /^\d{4}-\d{2}$/.test(period)) return `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
  return period;
}

/**
 * Three to six round values that cover [min, max] for the value axis: steps of 1, 2 or 5 times a
 * power of ten, so every gridline reads as a plain number. The range is widened to them.
 */
export function niceTicks(min: number, max: number): number[] {
  if (min === max) {
    const pad = Math.abs(min) / 10 || 1;
    return niceTicks(min - pad, max + pad);
  }
  const rough = (max - min) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = first; v < max + step; v += step) {
    // Decimal steps accumulate binary error (0.1 + 0.2); each tick is rounded back to the step's places.
    ticks.push(Number(v.toFixed(Math.max(0, -Math.floor(Math.log10(step))))));
    if (ticks[ticks.length - 1] >= max) break;
  }
  return ticks;
}
