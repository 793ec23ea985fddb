import { EARLIEST_DATE, LATEST_DATE } from '../shared/calendar-date';
import { InvalidValueError } from '../shared/domain-error';
import { financialPeriodSortKey, parseFinancialPeriod } from '../shared/financial-period';
import { Frequency } from './metric.commands';
import { PeriodFormatError } from './metric.errors';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const TERM = /^(\d{4})\/(\d{2}) T([1-3])$/;
const YEAR = /^(\d{4})$/;
const ACADEMIC_YEAR = /^(\d{4})\/(\d{2})$/;

/** "2025/26" must name consecutive years; "2025/27" is a typo, not a two-year period. */
const consecutive = (first: string, second: string): boolean => (Number(first) + 1) % 100 === Number(second);

/** The expected format in words, for refusal messages and input hints. */
export function describePeriodFormat(frequency: Frequency): string {
  switch (frequency) {
    case 'MONTHLY':
      return 'a month as YYYY-MM, e.g. 2025-04';
    case 'TERMLY':
      return 'an academic year and term as YYYY/YY Tn, e.g. 2025/26 T1 (T1 autumn, T2 spring, T3 summer)';
    case 'ANNUAL':
      return 'a calendar year as YYYY, e.g. 2024';
    case 'ACADEMIC_YEAR':
      return 'an academic year as YYYY/YY, e.g. 2024/25';
    case 'FINANCIAL_YEAR':
      return 'a financial year (April to March) as YYYY/YY, e.g. 2024/25';
    case 'FINANCIAL_QUARTER':
      return 'a financial year and quarter as YYYY/YY Qn, e.g. 2025/26 Q2 (Q1 April to June … Q4 January to March)';
    default: {
      const unhandled: never = frequency;
      return unhandled;
    }
  }
}

/** The key, or null for a period that does not fit the frequency. */
function sortKeyOrNull(frequency: Frequency, period: string): string | null {
  if (typeof period !== 'string') return null;
  switch (frequency) {
    case 'MONTHLY':
      return MONTH.test(period) ? period : null;
    case 'TERMLY': {
      const match = TERM.exec(period);
      return match && consecutive(match[1], match[2]) ? `${match[1]}-T${match[3]}` : null;
    }
    case 'ANNUAL':
      return YEAR.test(period) ? period : null;
    case 'ACADEMIC_YEAR': {
      const match = ACADEMIC_YEAR.exec(period);
      return match && consecutive(match[1], match[2]) ? match[1] : null;
    }
    case 'FINANCIAL_YEAR':
    case 'FINANCIAL_QUARTER': {
      const parsed = parseFinancialPeriod(period);
      return parsed?.kind === frequency ? financialPeriodSortKey(parsed) : null;
    }
    default: {
      // Unreachable for typed callers; a frequency from outside that is none of these has no periods.
      const _unhandled: never = frequency;
      return null;
    }
  }
}

export function isValidPeriod(frequency: Frequency, period: string): boolean {
  return sortKeyOrNull(frequency, period) !== null;
}

/**
 * New periods start within the same window as every date a command takes. Only commands are
 * held to it: a period already recorded keeps its place in the order, whatever its year.
 */
export function requirePeriod(frequency: Frequency, period: string): string {
  if (!isValidPeriod(frequency, period)) throw new PeriodFormatError(period, describePeriodFormat(frequency));
  const year = period.slice(0, 4);
  if (year < EARLIEST_DATE.slice(0, 4) || year > LATEST_DATE.slice(0, 4)) {
    throw new InvalidValueError('period', 'dateInRange', `period "${period}" must start between ${EARLIEST_DATE.slice(0, 4)} and ${LATEST_DATE.slice(0, 4)}`);
  }
  return period;
}

/**
 * A key that sorts periods of one frequency chronologically as plain strings. Terms sort by the
 * year they start in ("2025/26 T3" is summer 2026, before "2026/27 T1"). Throws for a period that
 * does not fit the frequency, since it has no place in the order.
 */
export function periodSortKey(frequency: Frequency, period: string): string {
  const key = sortKeyOrNull(frequency, period);
  if (key === null) throw new PeriodFormatError(period, describePeriodFormat(frequency));
  return key;
}
