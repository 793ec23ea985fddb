/// <reference types="jest" />
// The dashboard compiles for the browser without test globals; its unit specs ask for them here.
import { niceTicks, periodLabel, periodStart } from './chart-scale';

const day = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 10));

describe('the scorecard chart’s time axis', () => {
  it('places each period at the day it starts, by its frequency', () => {
    expect(day(periodStart('MONTHLY', '2025-08'))).toBe('2025-08-01');
    expect(day(periodStart('ANNUAL', '2023'))).toBe('2023-01-01');
    expect(day(periodStart('ACADEMIC_YEAR', '2024/25'))).toBe('2024-09-01');
    expect(day(periodStart('FINANCIAL_YEAR', '2024/25'))).toBe('2024-04-01');
    expect(day(periodStart('FINANCIAL_QUARTER', '2025/26 Q4'))).toBe('2026-01-01');
    expect(day(periodStart('TERMLY', '2025/26 T2'))).toBe('2026-01-01');
  });

  it('spaces uneven periods unevenly: April to August 2025 is four months, August 2025 to March 2026 seven', () => {
    const [apr, aug, mar] = ['2025-04', '2025-08', '2026-03'].map((p) => periodStart('MONTHLY', p)!);
    expect((mar - aug) / (aug - apr)).toBeCloseTo(212 / 122, 5);
  });

  it('labels months in words and other periods as written', () => {
    expect(periodLabel('MONTHLY', '2025-08')).toBe('Aug 2025');
    expect(periodLabel('ACADEMIC_YEAR', '2024/25')).toBe('2024/25');
  });
});

describe('the value axis', () => {
  it('covers the figures with round steps', () => {
    expect(niceTicks(0.09, 0.23)).toEqual([0.05, 0.1, 0.15, 0.2, 0.25]);
    expect(niceTicks(25.9, 87.1)).toEqual([20, 40, 60, 80, 100]);
    expect(niceTicks(322, 628)).toEqual([300, 400, 500, 600, 700]);
  });

  it('still has a range round a single value', () => {
    expect(niceTicks(380.8, 380.8)).toEqual([340, 360, 380, 400, 420]);
  });
});
