import { addDays, CalendarDate } from './calendar-date';
import { endOfLondonDay } from './london-day';

/**
 * UK public-sector financial years run 1 April to 31 March and are written "2025/26"; their
 * quarters "2025/26 Q2" (Q1 April–June, Q2 July–September, Q3 October–December, Q4
 * January–March). One written form only: "2025/2026", "FY25/26", "2025-26" and "Q2 2025/26" are
 * refused rather than guessed at, so a period is one string everywhere (events, CSV, reports).
 */
export type FinancialPeriod =
  | { kind: 'FINANCIAL_YEAR'; startYear: number; text: string }
  | { kind: 'FINANCIAL_QUARTER'; startYear: number; quarter: 1 | 2 | 3 | 4; text: string };

const FINANCIAL_YEAR = /^(\d{4})\/(\d{2})$/;
const FINANCIAL_QUARTER = /^(\d{4})\/(\d{2}) Q([1-4])$/;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025/27" is a typo, not a two-year period; "2099/00" is the year that ends in 2100. */
const consecutive = (first: string, second: string): boolean => (Number(first) + 1) % 100 === Number(second);

/** The period, or null for a string that is neither a financial year nor a quarter. */
export function parseFinancialPeriod(text: unknown): FinancialPeriod | null {
  if (typeof text !== 'string') return null;
  const quarter = FINANCIAL_QUARTER.exec(text);
  if (quarter && consecutive(quarter[1], quarter[2])) {
    return { kind: 'FINANCIAL_QUARTER', startYear: Number(quarter[1]), quarter: Number(quarter[3]) as 1 | 2 | 3 | 4, text };
  }
  const year = FINANCIAL_YEAR.exec(text);
  if (year && consecutive(year[1], year[2])) return { kind: 'FINANCIAL_YEAR', startYear: Number(year[1]), text };
  return null;
}

/** The financial year that starts in April of `startYear`, written "2025/26". */
export function financialYearStarting(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The financial year a UK day falls in: 31 March 2026 is in 2025/26, 1 April 2026 in 2026/27. */
export function financialYearOfDate(date: CalendarDate): string {
  const [year, month] = date.split('-').map(Number);
  return financialYearStarting(month >= 4 ? year : year - 1);
}

/** The financial year a quarter belongs to, or the year itself. */
export function financialYearOf(period: FinancialPeriod): string {
  return financialYearStarting(period.startYear);
}

/** Zero-based calendar month a period starts in, counted from January of its start year. */
const firstMonth = (period: FinancialPeriod): number => (period.kind === 'FINANCIAL_YEAR' ? 3 : 3 + (period.quarter - 1) * 3);
const monthCount = (period: FinancialPeriod): number => (period.kind === 'FINANCIAL_YEAR' ? 12 : 3);

const isoDate = (year: number, month: number, day: number): CalendarDate => new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);

/** The first UK day of the period: 1 April for a year and Q1, 1 January (of the second year) for Q4. */
export function financialPeriodStartDate(period: FinancialPeriod): CalendarDate {
  return isoDate(period.startYear, firstMonth(period), 1);
}

/** The last UK day of the period: 31 March for a year and Q4, 30 September for Q2. */
export function financialPeriodEndDate(period: FinancialPeriod): CalendarDate {
  // Day 0 of the month after the period is its last day, whatever the month's length or a leap year.
  return isoDate(period.startYear, firstMonth(period) + monthCount(period), 0);
}

/** The first instant of the period in London: 1 April 00:00 BST is 31 March 23:00Z. */
export function financialPeriodStartInstant(period: FinancialPeriod): string {
  const previousDayEnd = Date.parse(endOfLondonDay(addDays(financialPeriodStartDate(period), -1)));
  return new Date(previousDayEnd + 1).toISOString();
}

/** The last instant of the period in London ("as at 31 March" means 23:59:59.999 on that UK day). */
export function financialPeriodEndInstant(period: FinancialPeriod): string {
  return endOfLondonDay(financialPeriodEndDate(period));
}

/**
 * A key that sorts financial periods chronologically as plain strings. A year sorts just before
 * its own quarters and after the previous year's Q4, so a mixed list reads 2024/25, 2024/25 Q1 …
 * 2024/25 Q4, 2025/26: the year heads its quarters as it does in a finance paper.
 */
export function financialPeriodSortKey(period: FinancialPeriod): string {
  return period.kind === 'FINANCIAL_YEAR' ? `${period.startYear}-Q0` : `${period.startYear}-Q${period.quarter}`;
}

export function compareFinancialPeriods(a: FinancialPeriod, b: FinancialPeriod): number {
  const [left, right] = [financialPeriodSortKey(a), financialPeriodSortKey(b)];
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The period in words for a board paper: "2025/26 Q2 (July to September 2025)". */
export function describeFinancialPeriod(period: FinancialPeriod): string {
  const start = financialPeriodStartDate(period);
  const end = financialPeriodEndDate(period);
  const from = MONTHS[Number(start.slice(5, 7)) - 1];
  const to = `${MONTHS[Number(end.slice(5, 7)) - 1]} ${end.slice(0, 4)}`;
  const span = start.slice(0, 4) === end.slice(0, 4) ? `${from} to ${to}` : `${from} ${start.slice(0, 4)} to ${to}`;
  return `${period.text} (${span})`;
}
