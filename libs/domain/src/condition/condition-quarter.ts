import { InvalidValueError } from '../shared/domain-error';

/**
 * A quarter of a UK financial year (April to March), written as councils and the DfE write it:
 * `2025/26 Q2` is July to September 2025. Kept in this one file so the shared financial periods
 * can replace it without touching the conditions register.
 */
export type ConditionQuarter = string;

const QUARTER_PATTERN = /^(\d{4})\/(\d{2}) Q([1-4])$/;

export function requireConditionQuarter(field: string, value: string | undefined | null): ConditionQuarter {
  const text = (value ?? '').trim();
  const match = QUARTER_PATTERN.exec(text);
  const start = match ? Number(match[1]) : NaN;
  if (!match || (start + 1) % 100 !== Number(match[2]) || start < 2000 || start > 2099) {
    throw new InvalidValueError(field, 'financialQuarter', `${field} must be a financial-year quarter such as 2025/26 Q2 (April–March years, the second year one more than the first)`);
  }
  return text;
}

/** The last day of the quarter: Q1 ends 30 June, Q4 ends 31 March of the following calendar year. */
export function conditionQuarterEnd(quarter: ConditionQuarter): string {
  const [, year, , q] = QUARTER_PATTERN.exec(quarter) ?? [];
  const start = Number(year);
  const ends = ['06-30', '09-30', '12-31', '03-31'];
  const n = Number(q);
  return `${n === 4 ? start + 1 : start}-${ends[n - 1]}`;
}

/** Orders quarters in time; the written form sorts that way already, but say so once. */
export const compareConditionQuarters = (a: ConditionQuarter, b: ConditionQuarter): number => (a < b ? -1 : a > b ? 1 : 0);

/** The first day of the quarter: a status cannot be recorded for a quarter not yet begun. */
export function conditionQuarterStart(quarter: ConditionQuarter): string {
  const [, year, , q] = QUARTER_PATTERN.exec(quarter) ?? [];
  const n = Number(q);
  return `${n === 4 ? Number(year) + 1 : year}-${['04', '07', '10', '01'][n - 1]}-01`;
}
