import { HighNeedsPositionModel, HighNeedsYearModel } from '../finance/models/high-needs.model';
import { money } from '../finance/models/money.model';
import { PlanFinanceModel } from '../finance/models/plan-finance.model';
import { financeLineInBrief, financeLineModels } from './condition-finance-lines';

const m = (pounds: number) => money(pounds * 100);

/** A year whose latest forecast is an outturn of `outturn` on a £380m allocation and a £437.5m budget. */
function year(outturn: number, cumulative: number | null, trajectory: number | null): HighNeedsYearModel {
  const forecast = {
    period: '2025/26 Q2', periodLabel: '', forecastOutturn: m(outturn), commentary: '', revision: 1, recordedAt: '2025-10-01T09:00:00.000Z',
    inYearDeficit: m(outturn - 380_000_000), varianceAgainstBudget: m(outturn - 437_500_000), cumulativeDeficit: cumulative === null ? null : m(cumulative), rating: null,
  };
  return {
    year: '2025/26', dsgAllocation: m(380_000_000), budget: m(437_500_000), revision: 1, budgetedDeficit: m(57_500_000), openingCumulativeDeficit: null,
    forecasts: [forecast], latest: forecast, closingCumulativeDeficit: null, trajectory: trajectory === null ? null : { year: '2025/26', cumulativeDeficit: m(trajectory), amberTolerance: m(5_000_000) },
  };
}
const position = (years: HighNeedsYearModel[]) => ({ years }) as HighNeedsPositionModel;

const finance = (years: { year: string; target: number | null; evidenced: number }[]) =>
  ({
    priorities: [{ number: 3, name: 'Placements', years: years.map((y) => ({ year: y.year, target: y.target === null ? null : m(y.target), savingsEvidenced: m(y.evidenced), shortfall: null })) }],
  }) as unknown as PlanFinanceModel;

const NOW = '2026-06-15T10:00:00.000Z';

describe("A condition's finance lines, from the figures of one instant", () => {
  it('says so, with no figure, when nothing is recorded yet', () => {
    const lines = financeLineModels(['HIGH_NEEDS_CUMULATIVE_DEFICIT', 'HIGH_NEEDS_IN_YEAR_DEFICIT', 'PRIORITY_SAVINGS:3'], { instant: NOW, highNeeds: null, planFinance: null });
    expect(lines.map((l) => [l.figure, l.rating, l.summary])).toEqual([
      [null, null, 'No cumulative deficit forecast yet'],
      [null, null, 'No in-year forecast yet'],
      [null, null, 'No savings target set yet'],
    ]);
    expect(lines.map(financeLineInBrief)[2]).toBe('Priority 3 savings against its target for the year: no figure yet');
  });

  it('rates an in-year deficit at the budgeted one as within budget, and a forecast with no trajectory without a rating', () => {
    const [cumulative, inYear] = financeLineModels(['HIGH_NEEDS_CUMULATIVE_DEFICIT', 'HIGH_NEEDS_IN_YEAR_DEFICIT'], { instant: NOW, highNeeds: position([year(437_500_000, 170_757_000, null)]), planFinance: null });
    expect([inYear.rating, inYear.summary]).toEqual(['WITHIN_BUDGET', '£57.500m in-year deficit forecast (2025/26 Q2) against £57.500m budgeted: within budget']);
    expect([cumulative.figure?.millions, cumulative.against, cumulative.rating, cumulative.summary]).toEqual(['£170.757m', null, null, '£170.757m forecast for 31 March (2025/26 Q2) against no trajectory set']);
  });

  it("shows a priority's savings for the year the instant falls in, or the newest earlier year with a target, never a later one", () => {
    const savings = (instant: string, years: Parameters<typeof finance>[0]) => financeLineModels(['PRIORITY_SAVINGS:3'], { instant, highNeeds: null, planFinance: finance(years) })[0];
    const years = [
      { year: '2025/26', target: 1_000_000, evidenced: 1_200_000 },
      { year: '2026/27', target: 2_000_000, evidenced: 500_000 },
    ];
    expect(savings(NOW, years)).toMatchObject({ year: '2026/27', rating: 'SHORTFALL', summary: '£0.500m savings evidenced against a £2.000m target for 2026/27: shortfall of £1.500m' });
    // 31 March 2026 at 23:30 UTC is 1 April in London: 2026/27 already.
    expect(savings('2026-03-31T23:30:00.000Z', years).year).toBe('2026/27');
    expect(savings('2026-03-31T22:30:00.000Z', years)).toMatchObject({ year: '2025/26', rating: 'TARGET_MET', label: 'Priority 3 (Placements) savings against its target for the year' });
    expect(savings(NOW, [years[0], { year: '2026/27', target: null, evidenced: 100_000 }]).year).toBe('2025/26');
  });
});
