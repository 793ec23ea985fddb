import { lastEndedQuarter, quarterBefore, quarterOf, reportArguments, returnQuarters } from './return-quarters';

describe('The quarters a return is written for', () => {
  it.each([
    ['2026-04-01', '2026/27 Q1'],
    ['2026-06-30', '2026/27 Q1'],
    ['2026-07-01', '2026/27 Q2'],
    ['2026-12-31', '2026/27 Q3'],
    ['2027-01-01', '2026/27 Q4'],
    ['2027-03-31', '2026/27 Q4'],
  ])('puts %s in %s (April to March years)', (day, quarter) => expect(quarterOf(day)).toBe(quarter));

  it('steps back across the year end', () => {
    expect(quarterBefore('2026/27 Q1')).toBe('2025/26 Q4');
    expect(quarterBefore('2025/26 Q4')).toBe('2025/26 Q3');
    expect(quarterBefore('2099/00 Q1')).toBe('2098/99 Q4');
  });

  it('defaults to the last quarter that has ended', () => {
    expect(lastEndedQuarter('2026-06-15')).toBe('2025/26 Q4');
    expect(lastEndedQuarter('2026-07-01')).toBe('2026/27 Q1');
  });

  it('offers the quarter under way and the two years before it, newest first', () => {
    expect(returnQuarters('2026-06-15')).toEqual(['2026/27 Q1', '2025/26 Q4', '2025/26 Q3', '2025/26 Q2', '2025/26 Q1', '2024/25 Q4', '2024/25 Q3', '2024/25 Q2', '2024/25 Q1']);
  });

  it("gives the report's arguments for a quarter", () => {
    expect(reportArguments('2025/26 Q4')).toEqual({ financialYear: 2025, quarterNumber: 4 });
    expect(() => reportArguments('2025/26')).toThrow('not a financial-year quarter');
  });
});
