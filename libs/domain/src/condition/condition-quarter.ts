import { InvalidValueError } from '../shared/domain-error';
import { compareFinancialPeriods, FinancialPeriod, financialPeriodEndDate, financialPeriodStartDate, parseFinancialPeriod } from '../shared/financial-period';

/**
 * A quarter of a UK financial year (April to March), written as councils and the DfE write it:
 * `2025/26 Q2` is July to September 2025. The register keeps the written form; its arithmetic is
 * the shared financial periods', the same the scorecard and the High Needs Block position use.
 */
export type ConditionQuarter = string;

const quarterOf = (text: string): FinancialPeriod | null => {
  const period = parseFinancialPeriod(text);
  return period?.kind === 'FINANCIAL_QUARTER' ? period : null;
};

/** A quarter already accepted by requireConditionQuarter (commands and stored events hold no other). */
function storedQuarter(quarter: ConditionQuarter): FinancialPeriod {
  const period = quarterOf(quarter);
  if (!period) throw new InvalidValueError('quarter', 'financialQuarter', `${quarter} is not a financial-year quarter`);
  return period;
}

export function requireConditionQuarter(field: string, value: string | undefined | null): ConditionQuarter {
  const text = (value ?? '').trim();
  const period = quarterOf(text);
  if (!period || period.startYear < 2000 || period.startYear > 2099) {
    throw new InvalidValueError(field, 'financialQuarter', `${field} must be a financial-year quarter such as 2025/26 Q2 (April–March years, the second year one more than the first)`);
  }
  return text;
}

/** The last day of the quarter: Q1 ends 30 June, Q4 ends 31 March of the following calendar year. */
export const conditionQuarterEnd = (quarter: ConditionQuarter): string => financialPeriodEndDate(storedQuarter(quarter));

/** Orders quarters in time. */
export const compareConditionQuarters = (a: ConditionQuarter, b: ConditionQuarter): number => compareFinancialPeriods(storedQuarter(a), storedQuarter(b));

/** The first day of the quarter: a status cannot be recorded for a quarter not yet begun. */
export const conditionQuarterStart = (quarter: ConditionQuarter): string => financialPeriodStartDate(storedQuarter(quarter));
