import { InvalidValueError } from '../shared/domain-error';

/**
 * The finance lines a condition can be linked to: the lines a finance lead names when they say a
 * condition is or is not on track. The High Needs Block cumulative deficit (against the recovery
 * trajectory), its in-year deficit (against the year's budget), and one recovery priority's savings
 * target for the year. A line is named by a fixed id, so what the condition links to reads the same
 * in every quarter's register whatever the figures do.
 */
export const HIGH_NEEDS_FINANCE_LINES = ['HIGH_NEEDS_CUMULATIVE_DEFICIT', 'HIGH_NEEDS_IN_YEAR_DEFICIT'] as const;
export type HighNeedsFinanceLine = (typeof HIGH_NEEDS_FINANCE_LINES)[number];

/** A priority's line carries its number: `PRIORITY_SAVINGS:3`. */
export const PRIORITY_SAVINGS_LINE = 'PRIORITY_SAVINGS';

export type ConditionFinanceLine = { line: HighNeedsFinanceLine } | { line: typeof PRIORITY_SAVINGS_LINE; priorityNumber: number };

export const financeLineId = (line: ConditionFinanceLine): string => (line.line === PRIORITY_SAVINGS_LINE ? `${PRIORITY_SAVINGS_LINE}:${line.priorityNumber}` : line.line);

/** The line an id names, or undefined for an id outside the set (a priority number is checked against the plan by the decider). */
export function parseFinanceLineId(id: string): ConditionFinanceLine | undefined {
  if ((HIGH_NEEDS_FINANCE_LINES as readonly string[]).includes(id)) return { line: id as HighNeedsFinanceLine };
  const priority = /^PRIORITY_SAVINGS:([1-9][0-9]?)$/.exec(id);
  return priority ? { line: PRIORITY_SAVINGS_LINE, priorityNumber: Number(priority[1]) } : undefined;
}

export class UnknownFinanceLineError extends InvalidValueError {
  constructor(id: string, priorityNumbers: readonly number[]) {
    super(
      'financeLine',
      'knownFinanceLine',
      `financeLine: ${id || 'nothing'} is not a finance line a condition can be linked to; name one of ${HIGH_NEEDS_FINANCE_LINES.join(', ')}, or ${PRIORITY_SAVINGS_LINE}:<n> for one of the plan's recovery priorities (${priorityNumbers.join(', ') || 'none'})`,
    );
  }
}
