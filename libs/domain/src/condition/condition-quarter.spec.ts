import { compareConditionQuarters, conditionQuarterEnd, conditionQuarterStart, requireConditionQuarter } from './condition-quarter';

describe('A financial-year quarter for the conditions register', () => {
  it.each([
    ['2025/26 Q1', '2025-04-01', '2025-06-30'],
    ['2025/26 Q2', '2025-07-01', '2025-09-30'],
    ['2025/26 Q3', '2025-10-01', '2025-12-31'],
    ['2025/26 Q4', '2026-01-01', '2026-03-31'],
    ['2099/00 Q1', '2099-04-01', '2099-06-30'],
  ])('%s runs from %s to %s', (quarter, start, end) => {
    expect(requireConditionQuarter('quarter', quarter)).toBe(quarter);
    expect([conditionQuarterStart(quarter), conditionQuarterEnd(quarter)]).toEqual([start, end]);
  });

  it.each(['2025/27 Q1', '2025-26 Q1', '2025/26 Q0', '2025/26', 'Q2 2025/26', ''])('refuses %p, naming the field', (text) => {
    expect(() => requireConditionQuarter('quarter', text)).toThrow(expect.objectContaining({ field: 'quarter', rule: 'financialQuarter' }));
  });

  it('orders quarters across the year end', () => {
    expect(['2026/27 Q1', '2025/26 Q4', '2025/26 Q2'].sort(compareConditionQuarters)).toEqual(['2025/26 Q2', '2025/26 Q4', '2026/27 Q1']);
  });
});
