import { financialYearStarting, parseFinancialPeriod } from '@send/domain';

/** The financial-year quarter a UK day falls in: 15 June 2026 is in 2026/27 Q1. */
export function quarterOf(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month >= 4 ? `${financialYearStarting(year)} Q${Math.floor((month - 4) / 3) + 1}` : `${financialYearStarting(year - 1)} Q4`;
}

/** The quarter before: 2026/27 Q1 follows 2025/26 Q4. */
export function quarterBefore(quarter: string): string {
  const period = parseFinancialPeriod(quarter);
  if (period?.kind !== 'FINANCIAL_QUARTER') throw new Error(`${quarter} is not a financial-year quarter`);
  return period.quarter === 1 ? `${financialYearStarting(period.startYear - 1)} Q4` : `${financialYearStarting(period.startYear)} Q${period.quarter - 1}`;
}

/** The quarter a return is usually written for: the last one that has ended by today. */
export const lastEndedQuarter = (today: string): string => quarterBefore(quarterOf(today));

/**
 * The quarters offered, newest first: the one under way (its summary can be drafted, not yet
 * submitted) and the two years before it, which covers any return still being corrected.
 */
export function returnQuarters(today: string, count = 9): string[] {
  const quarters = [quarterOf(today)];
  while (quarters.length < count) quarters.push(quarterBefore(quarters[quarters.length - 1]));
  return quarters;
}

/** The report's arguments for a quarter: 2025/26 Q4 is financialYear 2025, quarter 4. */
export function reportArguments(quarter: string): { financialYear: number; quarterNumber: number } {
  const period = parseFinancialPeriod(quarter);
  if (period?.kind !== 'FINANCIAL_QUARTER') throw new Error(`${quarter} is not a financial-year quarter`);
  return { financialYear: period.startYear, quarterNumber: period.quarter };
}
