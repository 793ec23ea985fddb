import { rollUpFunding } from './funding-roll-up';
import { FundingView } from './funding-view';

const action = (actionId: string, savingsPriority: number | null, plannedCost: number, savings: { year: string; savings: number }[] = [], spend = 0): FundingView['actions'][number] => ({
  actionId,
  plannedCost,
  expectedSavings: plannedCost * 2,
  fundingSource: 'SEND Intervention Fund',
  savingsPriority,
  fundingRevision: 1,
  spend: spend ? { spendToDate: spend, asOfDate: '2025-10-01', commentary: 'x', revision: 1 } : null,
  savings: savings.map((s) => ({ ...s, evidence: 'x', asOfDate: '2025-10-01', revision: 1 })),
  savingsEvidenced: savings.reduce((sum, s) => sum + s.savings, 0),
  history: [],
});

const target = (priorityNumber: number, year: string, amount: number) => ({ planId: 'p', priorityNumber, year, revision: 1, target: amount, reason: 'x', recordedAt: '', recordedBy: null, streamRevision: 0 });

describe('rolling up money on actions', () => {
  const view: FundingView = {
    planId: 'p',
    revision: 5,
    actions: [
      action('ap', 5, 14_300_000, [{ year: '2025/26', savings: 12_000_000 }], 9_600_000),
      action('oap', 1, 21_500_000, [{ year: '2025/26', savings: 8_500_000 }, { year: '2024/25', savings: 1 }]),
      action('unnamed', null, 100, [{ year: '2025/26', savings: 7 }]),
    ],
    targets: [target(5, '2025/26', 250_000_000), target(5, '2026/27', 300_000_000)],
    targetHistory: [],
  };
  const areas: Record<string, number> = { ap: 4, oap: 4, unnamed: 8 };
  const rollUp = rollUpFunding(view, (id) => areas[id], [1, 2, 3, 4, 5, 6, 7], [4, 8]);

  it('counts each action once in the total, in its area and under the one priority it names', () => {
    expect(rollUp.totals).toEqual({ plannedCost: 35_800_100, expectedSavings: 71_600_200, spendToDate: 9_600_000, savingsEvidenced: 20_500_008, actions: 3 });
    expect(rollUp.areas).toEqual([
      { areaNumber: 4, totals: { plannedCost: 35_800_000, expectedSavings: 71_600_000, spendToDate: 9_600_000, savingsEvidenced: 20_500_001, actions: 2 } },
      { areaNumber: 8, totals: { plannedCost: 100, expectedSavings: 200, spendToDate: 0, savingsEvidenced: 7, actions: 1 } },
    ]);
    const counted = rollUp.priorities.reduce((sum, p) => sum + p.totals.actions, 0);
    expect(counted).toBe(2);
  });

  it("sets each year's savings evidenced beside the priority's target, with years that have only one or the other", () => {
    expect(rollUp.priorities.find((p) => p.priorityNumber === 5)!.years).toEqual([
      { year: '2025/26', target: 250_000_000, savingsEvidenced: 12_000_000 },
      { year: '2026/27', target: 300_000_000, savingsEvidenced: 0 },
    ]);
    expect(rollUp.priorities.find((p) => p.priorityNumber === 1)!.years).toEqual([
      { year: '2024/25', target: null, savingsEvidenced: 1 },
      { year: '2025/26', target: null, savingsEvidenced: 8_500_000 },
    ]);
    expect(rollUp.priorities.find((p) => p.priorityNumber === 2)).toEqual({ priorityNumber: 2, totals: { plannedCost: 0, expectedSavings: 0, spendToDate: 0, savingsEvidenced: 0, actions: 0 }, years: [] });
  });
});
