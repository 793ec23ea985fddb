import { MetricTarget, ragAgainstTarget, targetFor } from './metric-rag';

const withTolerance = (target: number, amberTolerance: number): MetricTarget => ({ target, amberTolerance });
const noTolerance = (target: number): MetricTarget => ({ target, amberTolerance: null });

describe('ragAgainstTarget, higher is better (EHCPs issued within 20 weeks, target 60% with 5 points amber)', () => {
  const target = withTolerance(60, 5);

  it.each([
    [70, 'GREEN'],
    [60, 'GREEN'],
    [59.999, 'AMBER'],
    [55, 'AMBER'],
    [54.999, 'RED'],
    [25.8, 'RED'],
  ] as const)('%p is %s', (value, rag) => {
    expect(ragAgainstTarget(value, 'HIGHER_IS_BETTER', target)).toBe(rag);
  });

  it('has no amber band without a tolerance', () => {
    expect(ragAgainstTarget(60, 'HIGHER_IS_BETTER', noTolerance(60))).toBe('GREEN');
    expect(ragAgainstTarget(59.999, 'HIGHER_IS_BETTER', noTolerance(60))).toBe('RED');
  });

  it('treats a zero tolerance as an amber band only at the target itself, which is already green', () => {
    expect(ragAgainstTarget(60, 'HIGHER_IS_BETTER', withTolerance(60, 0))).toBe('GREEN');
    expect(ragAgainstTarget(59.9, 'HIGHER_IS_BETTER', withTolerance(60, 0))).toBe('RED');
  });
});

describe('ragAgainstTarget, lower is better (permanent exclusions per 100 pupils, target 0.13 with 0.04 amber)', () => {
  const target = withTolerance(0.13, 0.04);

  it.each([
    [0.09, 'GREEN'],
    [0.13, 'GREEN'],
    [0.1301, 'AMBER'],
    [0.17, 'AMBER'],
    [0.1701, 'RED'],
    [0.23, 'RED'],
  ] as const)('%p is %s', (value, rag) => {
    expect(ragAgainstTarget(value, 'LOWER_IS_BETTER', target)).toBe(rag);
  });

  it('has no amber band without a tolerance', () => {
    expect(ragAgainstTarget(0.13, 'LOWER_IS_BETTER', noTolerance(0.13))).toBe('GREEN');
    expect(ragAgainstTarget(0.1301, 'LOWER_IS_BETTER', noTolerance(0.13))).toBe('RED');
  });
});

describe('ragAgainstTarget with floating-point noise', () => {
  it('counts 0.1 + 0.2 as meeting a target of 0.3 either way round', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(ragAgainstTarget(0.1 + 0.2, 'LOWER_IS_BETTER', noTolerance(0.3))).toBe('GREEN');
    expect(ragAgainstTarget(0.3, 'HIGHER_IS_BETTER', noTolerance(0.1 + 0.2))).toBe('GREEN');
  });

  it('keeps the amber boundary inclusive when target minus tolerance is inexact', () => {
    // 0.4 - 0.1 is 0.30000000000000004, just above an exact 0.3.
    expect(ragAgainstTarget(0.3, 'HIGHER_IS_BETTER', withTolerance(0.4, 0.1))).toBe('AMBER');
    expect(ragAgainstTarget(0.29999999, 'HIGHER_IS_BETTER', withTolerance(0.4, 0.1))).toBe('RED');
    // 0.7 + 0.1 is 0.7999999999999999, just below an exact 0.8.
    expect(ragAgainstTarget(0.8, 'LOWER_IS_BETTER', withTolerance(0.7, 0.1))).toBe('AMBER');
    expect(ragAgainstTarget(0.80000001, 'LOWER_IS_BETTER', withTolerance(0.7, 0.1))).toBe('RED');
  });

  it('still tells apart values that differ well before the ninth decimal place', () => {
    expect(ragAgainstTarget(380.8, 'LOWER_IS_BETTER', noTolerance(380.79999))).toBe('RED');
  });
});

describe('targetFor', () => {
  const targets: Record<string, MetricTarget> = {
    '2025-09': withTolerance(60, 5),
    '2026-03': withTolerance(70, 5),
    '2025-06': noTolerance(55),
  };

  it('takes the target set for the same period', () => {
    expect(targetFor('MONTHLY', '2025-06', targets)).toEqual({ period: '2025-06', target: 55, amberTolerance: null });
    expect(targetFor('MONTHLY', '2025-09', targets)).toEqual({ period: '2025-09', target: 60, amberTolerance: 5 });
  });

  it('otherwise takes the next target on the trajectory, the earliest after the period', () => {
    expect(targetFor('MONTHLY', '2025-07', targets)).toEqual({ period: '2025-09', target: 60, amberTolerance: 5 });
    expect(targetFor('MONTHLY', '2025-12', targets)).toEqual({ period: '2026-03', target: 70, amberTolerance: 5 });
    expect(targetFor('MONTHLY', '2024-04', targets)?.period).toBe('2025-06');
  });

  it('has none after the last target, or when no target is set', () => {
    expect(targetFor('MONTHLY', '2026-04', targets)).toBeUndefined();
    expect(targetFor('MONTHLY', '2025-04', {})).toBeUndefined();
  });

  it('orders terms and academic years chronologically, not as text', () => {
    const termly = { '2026/27 T1': noTolerance(1), '2025/26 T3': noTolerance(2) };
    expect(targetFor('TERMLY', '2025/26 T2', termly)?.period).toBe('2025/26 T3');
    const yearly = { '2026/27': noTolerance(0.15), '2025/26': noTolerance(0.18) };
    expect(targetFor('ACADEMIC_YEAR', '2024/25', yearly)?.period).toBe('2025/26');
  });

  it('ignores targets whose periods do not fit the frequency', () => {
    expect(targetFor('MONTHLY', '2025-04', { '2025/26': noTolerance(1), '2025-05': noTolerance(2) })?.period).toBe('2025-05');
  });

  it('refuses a period that does not fit the frequency', () => {
    expect(() => targetFor('MONTHLY', '2025-13', targets)).toThrow(/does not fit the metric's frequency/);
  });
});
