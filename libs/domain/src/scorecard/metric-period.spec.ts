import { refusal } from '../shared/refusal.fixture';
import { Frequency } from './metric.commands';
import { describePeriodFormat, isValidPeriod, periodSortKey, requirePeriod } from './metric-period';

describe('isValidPeriod', () => {
  it.each<[Frequency, string]>([
    ['MONTHLY', '2025-04'],
    ['MONTHLY', '2025-01'],
    ['MONTHLY', '2025-12'],
    ['TERMLY', '2025/26 T1'],
    ['TERMLY', '2025/26 T2'],
    ['TERMLY', '2025/26 T3'],
    ['TERMLY', '2099/00 T1'],
    ['ANNUAL', '2024'],
    ['ACADEMIC_YEAR', '2024/25'],
    ['ACADEMIC_YEAR', '2019/20'],
    ['ACADEMIC_YEAR', '2099/00'],
    ['FINANCIAL_YEAR', '2024/25'],
    ['FINANCIAL_QUARTER', '2025/26 Q1'],
    ['FINANCIAL_QUARTER', '2025/26 Q4'],
  ])('accepts the %s period %p', (frequency, period) => {
    expect(isValidPeriod(frequency, period)).toBe(true);
  });

  it.each<[Frequency, string, string]>([
    ['MONTHLY', '2025-13', 'month 13'],
    ['MONTHLY', '2025-00', 'month 00'],
    ['MONTHLY', '2025-4', 'a one-digit month'],
    ['MONTHLY', '2025-04-01', 'a whole date'],
    ['MONTHLY', 'April 2025', 'a month in words'],
    ['MONTHLY', '2025', 'a year'],
    ['TERMLY', '2025/26 T4', 'a fourth term'],
    ['TERMLY', '2025/26 T0', 'term 0'],
    ['TERMLY', '2025/27 T1', 'years that are not consecutive'],
    ['TERMLY', '2025/26', 'no term'],
    ['TERMLY', '2025/26T1', 'no space before the term'],
    ['TERMLY', '2025/26 t1', 'a lower-case term'],
    ['ANNUAL', '2024/25', 'an academic year'],
    ['ANNUAL', '24', 'a two-digit year'],
    ['ANNUAL', '2024-01', 'a month'],
    ['ACADEMIC_YEAR', '2025/27', 'years that are not consecutive'],
    ['ACADEMIC_YEAR', '2025/25', 'the same year twice'],
    ['ACADEMIC_YEAR', '2025/2026', 'a four-digit second year'],
    ['ACADEMIC_YEAR', '2025-26', 'a hyphen'],
    ['ACADEMIC_YEAR', '2024', 'a calendar year'],
    ['ACADEMIC_YEAR', ' 2024/25 ', 'surrounding spaces'],
    ['MONTHLY', '', 'an empty string'],
    ['MONTHLY', 'FY2025-04', 'text before the month'],
    ['TERMLY', 'AY2025/26 T1', 'text before the term'],
    ['TERMLY', '2025/26 T1 (autumn)', 'text after the term'],
    ['ANNUAL', 'FY2024', 'text before the year'],
    ['ACADEMIC_YEAR', 'AY2024/25', 'text before the academic year'],
    ['ACADEMIC_YEAR', '2024/25 provisional', 'text after the academic year'],
    ['FINANCIAL_YEAR', '2025/27', 'years that are not consecutive'],
    ['FINANCIAL_YEAR', '2025/2026', 'a four-digit second year'],
    ['FINANCIAL_YEAR', '2025/26 Q2', 'a quarter on a yearly metric'],
    ['FINANCIAL_QUARTER', '2025/26', 'a year on a quarterly metric'],
    ['FINANCIAL_QUARTER', '2025/26 Q5', 'a fifth quarter'],
    ['FINANCIAL_QUARTER', '2025/26 T1', 'an academic term'],
  ])('rejects the %s period %p (%s)', (frequency, period) => {
    expect(isValidPeriod(frequency, period)).toBe(false);
  });

  it('rejects a non-string period and an unknown frequency', () => {
    expect(isValidPeriod('ANNUAL', 2024 as unknown as string)).toBe(false);
    expect(isValidPeriod('WEEKLY' as Frequency, '2024')).toBe(false);
  });
});

describe('requirePeriod', () => {
  it('hands back a valid period', () => {
    expect(requirePeriod('TERMLY', '2025/26 T1')).toBe('2025/26 T1');
  });

  it('refuses an invalid one with the period field, the periodFormat rule and the expected format', () => {
    const error = refusal(() => requirePeriod('ACADEMIC_YEAR', '2025/27'));
    expect(error.kind).toBe('invalid');
    expect(error.field).toBe('period');
    expect(error.rule).toBe('periodFormat');
    expect(error.message).toBe(`period "2025/27" does not fit the metric's frequency; expected an academic year as YYYY/YY, e.g. 2024/25`);
  });

  it.each<[Frequency, string]>([
    ['MONTHLY', '9999-12'],
    ['ANNUAL', '2101'],
    ['ACADEMIC_YEAR', '1999/00'],
    ['TERMLY', '2101/02 T1'],
  ])('refuses a %s period of %s, outside the years 2000..2100 every date is held to', (frequency, period) => {
    const error = refusal(() => requirePeriod(frequency, period));
    expect(error).toMatchObject({ kind: 'invalid', field: 'period', rule: 'dateInRange' });
    expect(error.message).toBe(`period "${period}" must start between 2000 and 2100`);
  });

  it.each<[Frequency, string]>([
    ['MONTHLY', '2000-01'],
    ['ACADEMIC_YEAR', '2100/01'],
  ])('accepts a %s period of %s at the edge of the window', (frequency, period) => {
    expect(requirePeriod(frequency, period)).toBe(period);
  });

  it.each<Frequency>(['MONTHLY', 'TERMLY', 'ANNUAL', 'ACADEMIC_YEAR', 'FINANCIAL_YEAR', 'FINANCIAL_QUARTER'])('describes the %s format with an example that is itself valid', (frequency) => {
    const example = /e\.g\. (\d{4}(?:[-/]\d{2})?(?: [TQ]\d)?)/.exec(describePeriodFormat(frequency))?.[1];
    expect(example).toBeDefined();
    expect(isValidPeriod(frequency, example as string)).toBe(true);
  });
});

describe('periodSortKey', () => {
  const sorted = (frequency: Frequency, periods: string[]) =>
    [...periods].sort((a, b) => periodSortKey(frequency, a).localeCompare(periodSortKey(frequency, b)));

  it('orders months across a year end', () => {
    expect(sorted('MONTHLY', ['2026-01', '2025-04', '2025-12', '2025-09'])).toEqual(['2025-04', '2025-09', '2025-12', '2026-01']);
  });

  it('orders terms autumn, spring, summer within an academic year, then into the next', () => {
    expect(sorted('TERMLY', ['2026/27 T1', '2025/26 T3', '2025/26 T1', '2025/26 T2', '2024/25 T3'])).toEqual([
      '2024/25 T3',
      '2025/26 T1',
      '2025/26 T2',
      '2025/26 T3',
      '2026/27 T1',
    ]);
  });

  it('orders calendar years and academic years', () => {
    expect(sorted('ANNUAL', ['2023', '2020', '2022', '2021'])).toEqual(['2020', '2021', '2022', '2023']);
    expect(sorted('ACADEMIC_YEAR', ['2024/25', '2019/20', '2099/00', '2022/23'])).toEqual(['2019/20', '2022/23', '2024/25', '2099/00']);
  });

  it('orders financial quarters Q1 to Q4 within a year, Q4 (January to March) before the next year’s Q1', () => {
    expect(sorted('FINANCIAL_QUARTER', ['2026/27 Q1', '2025/26 Q4', '2025/26 Q1', '2025/26 Q3', '2025/26 Q2'])).toEqual([
      '2025/26 Q1',
      '2025/26 Q2',
      '2025/26 Q3',
      '2025/26 Q4',
      '2026/27 Q1',
    ]);
    expect(sorted('FINANCIAL_YEAR', ['2025/26', '2023/24', '2024/25'])).toEqual(['2023/24', '2024/25', '2025/26']);
  });

  it('refuses a period that does not fit the frequency', () => {
    expect(refusal(() => periodSortKey('MONTHLY', '2025-13')).rule).toBe('periodFormat');
  });
});
