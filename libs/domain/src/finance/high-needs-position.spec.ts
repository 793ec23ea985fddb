import { rateAgainstTrajectory } from './deficit-rating';
import { deriveHighNeedsPosition, HighNeedsFacts } from './high-needs-position';
import { formatMillions } from './money';

const m = (millions: number): number => Math.round(millions * 100_000_000);

/** The council's figures: £63.512m brought forward, £49.745m in-year deficit in 2024/25 on a £365.830m DSG. */
const facts = (overrides: Partial<HighNeedsFacts> = {}): HighNeedsFacts => ({
  planId: 'p1',
  firstYear: '2024/25',
  openingCumulativeDeficit: m(63.512),
  years: [
    { year: '2025/26', dsgAllocation: m(380), budget: m(437.5), revision: 1 },
    { year: '2024/25', dsgAllocation: m(365.83), budget: m(400), revision: 1 },
  ],
  forecasts: [
    { period: '2025/26 Q2', forecastOutturn: m(451), commentary: 'Q2', revision: 2, recordedAt: '2025-10-20T10:00:00.000Z' },
    { period: '2024/25 Q4', forecastOutturn: m(415.575), commentary: 'Outturn', revision: 1, recordedAt: '2025-04-20T10:00:00.000Z' },
    { period: '2024/25 Q2', forecastOutturn: m(410), commentary: 'Q2', revision: 1, recordedAt: '2024-10-20T10:00:00.000Z' },
  ],
  trajectory: [{ year: '2025/26', cumulativeDeficit: m(183), amberTolerance: m(5) }],
  ...overrides,
});

describe('deriveHighNeedsPosition', () => {
  it('derives the in-year deficit from the outturn and the DSG, and carries the cumulative deficit forward', () => {
    const [y2024, y2025] = deriveHighNeedsPosition(facts());
    expect(y2024.year).toBe('2024/25');
    expect(formatMillions(y2024.latest!.inYearDeficit)).toBe('£49.745m');
    expect(formatMillions(y2024.closingCumulativeDeficit!)).toBe('£113.257m');
    expect(y2025.openingCumulativeDeficit).toBe(y2024.closingCumulativeDeficit);
    expect(formatMillions(y2025.budgetedDeficit)).toBe('£57.500m');
    expect(formatMillions(y2025.latest!.inYearDeficit)).toBe('£71.000m');
    expect(formatMillions(y2025.latest!.varianceAgainstBudget)).toBe('£13.500m');
    expect(formatMillions(y2025.closingCumulativeDeficit!)).toBe('£184.257m');
  });

  it('takes the latest quarter as the year’s outturn, whatever order they were recorded in', () => {
    const [y2024] = deriveHighNeedsPosition(facts());
    expect(y2024.forecasts.map((f) => f.period)).toEqual(['2024/25 Q2', '2024/25 Q4']);
    expect(y2024.latest!.period).toBe('2024/25 Q4');
  });

  it('rates each forecast against the year’s trajectory, and leaves years without one unrated', () => {
    const [y2024, y2025] = deriveHighNeedsPosition(facts());
    expect(y2024.latest!.rating).toBeNull();
    expect(y2025.latest!.rating).toBe('AMBER');
  });

  it('keeps the chain honest: a year with no forecast has no closing figure, nor the next an opening one', () => {
    const [y2024, y2025] = deriveHighNeedsPosition(facts({ forecasts: [{ period: '2025/26 Q1', forecastOutturn: m(450), commentary: 'x', revision: 1, recordedAt: '2025-07-01T00:00:00Z' }] }));
    expect(y2024.closingCumulativeDeficit).toBeNull();
    expect(y2025.openingCumulativeDeficit).toBeNull();
    expect(y2025.latest).toMatchObject({ cumulativeDeficit: null, rating: null, inYearDeficit: m(70) });
  });

  it('adds up in exact pence where floats would drift', () => {
    const pennies = deriveHighNeedsPosition(
      facts({ openingCumulativeDeficit: 10, years: [{ year: '2024/25', dsgAllocation: 0, budget: 0, revision: 1 }], forecasts: [{ period: '2024/25 Q1', forecastOutturn: 20, commentary: 'x', revision: 1, recordedAt: '2024-07-01T00:00:00Z' }] }),
    );
    expect(pennies[0].closingCumulativeDeficit).toBe(30);
  });
});

describe('rateAgainstTrajectory', () => {
  const point = { year: '2025/26', cumulativeDeficit: m(183), amberTolerance: m(5) };

  it.each<[string, number, string]>([
    ['well below', m(113.257), 'GREEN'],
    ['exactly at', m(183), 'GREEN'],
    ['a penny above', m(183) + 1, 'AMBER'],
    ['at the tolerance', m(188), 'AMBER'],
    ['a penny beyond the tolerance', m(188) + 1, 'RED'],
  ])('rates a deficit %s the trajectory as %s', (_, deficit, rating) => {
    expect(rateAgainstTrajectory(deficit, point)).toBe(rating);
  });

  it('never rates a deficit above the trajectory Green, even with no tolerance', () => {
    expect(rateAgainstTrajectory(m(183) + 1, { ...point, amberTolerance: 0 })).toBe('RED');
    expect(rateAgainstTrajectory(m(183) + 1, { ...point, amberTolerance: m(1000) })).toBe('AMBER');
  });
});
