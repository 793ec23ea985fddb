import { quarterPeriod } from './report-period';

describe('Quarter boundaries are UK days', () => {
  it('ends Q4 at midnight in London on 31 March (BST), and measures it from midnight on 31 December (GMT)', () => {
    const q4 = quarterPeriod(2025, 4, '2026-06-15T10:00:00.000Z');
    expect(q4).toMatchObject({ from: '2025-12-31T23:59:59.999Z', to: '2026-03-31T22:59:59.999Z', label: 'Q4 2025/26 (1 January 2026 to 31 March 2026)' });
    // 23:30Z on 31 March is 00:30 BST on 1 April: after Q4's end, inside Q1 2026/27.
    const q1 = quarterPeriod(2026, 1, '2026-07-01T10:00:00.000Z');
    expect('2026-03-31T23:30:00.000Z' > q4.to).toBe(true);
    expect(q1.from).toBe(q4.to);
    expect(q1.to).toBe('2026-06-30T22:59:59.999Z');
  });

  it.each([
    [2026, 2, '2026-09-30T22:59:59.999Z'],
    [2026, 3, '2026-12-31T23:59:59.999Z'],
  ] as const)('ends FY%s Q%s at %s', (year, quarter, end) => {
    expect(quarterPeriod(year, quarter, '2027-06-01T00:00:00.000Z').to).toBe(end);
  });

  it('can be produced from the first minute of the next UK day, not before', () => {
    expect(() => quarterPeriod(2025, 4, '2026-03-31T22:30:00.000Z')).toThrow(/ends on 31 March 2026;/);
    expect(quarterPeriod(2025, 4, '2026-03-31T23:30:00.000Z').to).toBe('2026-03-31T22:59:59.999Z');
  });
});
