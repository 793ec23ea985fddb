import {
  compareFinancialPeriods,
  describeFinancialPeriod,
  financialYearOfDate,
  FinancialPeriod,
  financialPeriodEndDate,
  financialPeriodEndInstant,
  financialPeriodStartDate,
  financialPeriodStartInstant,
  financialYearOf,
  parseFinancialPeriod,
} from './financial-period';

const period = (text: string): FinancialPeriod => {
  const parsed = parseFinancialPeriod(text);
  if (!parsed) throw new Error(`test period ${text} did not parse`);
  return parsed;
};

describe('parseFinancialPeriod', () => {
  it('reads a financial year and a quarter', () => {
    expect(parseFinancialPeriod('2025/26')).toEqual({ kind: 'FINANCIAL_YEAR', startYear: 2025, text: '2025/26' });
    expect(parseFinancialPeriod('2025/26 Q2')).toEqual({ kind: 'FINANCIAL_QUARTER', startYear: 2025, quarter: 2, text: '2025/26 Q2' });
    expect(parseFinancialPeriod('2099/00 Q4')).toMatchObject({ startYear: 2099, quarter: 4 });
  });

  it.each([
    ['2025/27', 'years that are not consecutive'],
    ['2025/25', 'the same year twice'],
    ['2025/2026', 'a four-digit second year (one written form only)'],
    ['2025-26', 'a hyphen'],
    ['FY2025/26', 'text before the year'],
    ['2025/26 Q5', 'a fifth quarter'],
    ['2025/26 Q0', 'quarter 0'],
    ['2025/26 q2', 'a lower-case quarter'],
    ['2025/26Q2', 'no space before the quarter'],
    ['Q2 2025/26', 'the quarter first'],
    ['2025/26 T1', 'an academic term'],
    [' 2025/26', 'a leading space'],
    ['2025', 'a calendar year'],
  ])('refuses %p (%s)', (text) => {
    expect(parseFinancialPeriod(text)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(parseFinancialPeriod(2025)).toBeNull();
    expect(parseFinancialPeriod(null)).toBeNull();
  });

  it('names the year a quarter belongs to', () => {
    expect(financialYearOf(period('2025/26 Q4'))).toBe('2025/26');
    expect(financialYearOf(period('2099/00 Q1'))).toBe('2099/00');
  });
});

describe('financial period boundaries', () => {
  it.each([
    ['2025/26', '2025-04-01', '2026-03-31'],
    ['2025/26 Q1', '2025-04-01', '2025-06-30'],
    ['2025/26 Q2', '2025-07-01', '2025-09-30'],
    ['2025/26 Q3', '2025-10-01', '2025-12-31'],
    ['2025/26 Q4', '2026-01-01', '2026-03-31'],
  ])('%s runs from %s to %s', (text, start, end) => {
    expect(financialPeriodStartDate(period(text))).toBe(start);
    expect(financialPeriodEndDate(period(text))).toBe(end);
  });

  it('is not fooled by a leap year: 2027/28 Q4 still ends on 31 March 2028, taking in 29 February', () => {
    expect(financialPeriodStartDate(period('2027/28 Q4'))).toBe('2028-01-01');
    expect(financialPeriodEndDate(period('2027/28 Q4'))).toBe('2028-03-31');
  });

  it('starts 1 April at midnight in London (BST), which is 23:00 UTC on 31 March', () => {
    expect(financialPeriodStartInstant(period('2025/26'))).toBe('2025-03-31T23:00:00.000Z');
    expect(financialPeriodStartInstant(period('2025/26 Q4'))).toBe('2026-01-01T00:00:00.000Z');
  });

  it('ends on the last millisecond of the UK day, in BST or GMT as the clocks say that day', () => {
    // The clocks went forward on 29 March 2026, so 31 March ends an hour before midnight UTC.
    expect(financialPeriodEndInstant(period('2025/26'))).toBe('2026-03-31T22:59:59.999Z');
    expect(financialPeriodEndInstant(period('2025/26 Q3'))).toBe('2025-12-31T23:59:59.999Z');
    expect(financialPeriodEndInstant(period('2025/26 Q2'))).toBe('2025-09-30T22:59:59.999Z');
  });

  it('leaves no gap and no overlap between consecutive quarters', () => {
    const q1End = Date.parse(financialPeriodEndInstant(period('2025/26 Q1')));
    expect(Date.parse(financialPeriodStartInstant(period('2025/26 Q2')))).toBe(q1End + 1);
    const yearEnd = Date.parse(financialPeriodEndInstant(period('2025/26 Q4')));
    expect(Date.parse(financialPeriodStartInstant(period('2026/27 Q1')))).toBe(yearEnd + 1);
  });
});

describe('ordering financial periods', () => {
  it('puts each year before its own quarters and after the previous year’s Q4', () => {
    const texts = ['2026/27', '2025/26 Q3', '2025/26', '2024/25 Q4', '2025/26 Q1', '2025/26 Q4', '2025/26 Q2', '2024/25'];
    expect(texts.map(period).sort(compareFinancialPeriods).map((p) => p.text)).toEqual([
      '2024/25',
      '2024/25 Q4',
      '2025/26',
      '2025/26 Q1',
      '2025/26 Q2',
      '2025/26 Q3',
      '2025/26 Q4',
      '2026/27',
    ]);
  });

  it('orders across the turn of the century', () => {
    expect(compareFinancialPeriods(period('2099/00 Q4'), period('2100/01 Q1'))).toBeLessThan(0);
  });
});

describe('describeFinancialPeriod', () => {
  it('speaks as a board paper does', () => {
    expect(describeFinancialPeriod(period('2025/26 Q2'))).toBe('2025/26 Q2 (July to September 2025)');
    expect(describeFinancialPeriod(period('2025/26 Q4'))).toBe('2025/26 Q4 (January to March 2026)');
    expect(describeFinancialPeriod(period('2025/26'))).toBe('2025/26 (April 2025 to March 2026)');
  });
});

describe('financialYearOfDate', () => {
  it('puts 31 March in the year ending then and 1 April in the next', () => {
    expect(financialYearOfDate('2026-03-31')).toBe('2025/26');
    expect(financialYearOfDate('2026-04-01')).toBe('2026/27');
    expect(financialYearOfDate('2025-12-31')).toBe('2025/26');
    expect(financialYearOfDate('2100-01-15')).toBe('2099/00');
  });
});
