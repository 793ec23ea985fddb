import { Pence } from '@send/domain';
import { FundingView } from './funding-view';

export interface FinanceTotals {
  plannedCost: Pence;
  expectedSavings: Pence;
  spendToDate: Pence;
  savingsEvidenced: Pence;
  /** How many actions have funding set. */
  actions: number;
}

export interface PrioritySavingsYear {
  year: string;
  /** The target in force; null for a year with savings evidenced but no target set. */
  target: Pence | null;
  savingsEvidenced: Pence;
}

export interface PriorityFinance {
  priorityNumber: number;
  totals: FinanceTotals;
  years: PrioritySavingsYear[];
}

export interface AreaFinance {
  areaNumber: number;
  totals: FinanceTotals;
}

export interface FundingRollUp {
  totals: FinanceTotals;
  priorities: PriorityFinance[];
  areas: AreaFinance[];
}

const zero = (): FinanceTotals => ({ plannedCost: 0, expectedSavings: 0, spendToDate: 0, savingsEvidenced: 0, actions: 0 });

/**
 * The plan's money added up: in total, by the area each action sits under, and by the recovery
 * priority its savings count towards. An action counts once in each: under the one priority named
 * on its funding (none if none is named), so savings are never counted against two targets and the
 * priorities add up to the plan total less the actions that name none. `areaOf` gives an action's
 * area (from the action read model); an action it does not know is left out of the areas.
 */
export function rollUpFunding(view: FundingView, areaOf: (actionId: string) => number | undefined, priorityNumbers: number[], areaNumbers: number[]): FundingRollUp {
  const totals = zero();
  const byPriority = new Map<number, FinanceTotals>(priorityNumbers.map((n) => [n, zero()]));
  const byArea = new Map<number, FinanceTotals>(areaNumbers.map((n) => [n, zero()]));
  const evidencedByPriorityYear = new Map<string, Pence>();
  const add = (into: FinanceTotals | undefined, a: FundingView['actions'][number]) => {
    if (!into) return;
    into.plannedCost += a.plannedCost;
    into.expectedSavings += a.expectedSavings;
    into.spendToDate += a.spend?.spendToDate ?? 0;
    into.savingsEvidenced += a.savingsEvidenced;
    into.actions += 1;
  };
  for (const a of view.actions) {
    add(totals, a);
    const area = areaOf(a.actionId);
    if (area !== undefined) add(byArea.get(area), a);
    if (a.savingsPriority === null) continue;
    add(byPriority.get(a.savingsPriority), a);
    for (const s of a.savings) {
      const key = `${a.savingsPriority}|${s.year}`;
      evidencedByPriorityYear.set(key, (evidencedByPriorityYear.get(key) ?? 0) + s.savings);
    }
  }
  const priorities = [...byPriority.entries()].map(([priorityNumber, t]) => {
    const targets = view.targets.filter((x) => x.priorityNumber === priorityNumber);
    const evidencedYears = [...evidencedByPriorityYear.keys()].filter((k) => k.startsWith(`${priorityNumber}|`)).map((k) => k.split('|')[1]);
    const years = [...new Set([...targets.map((x) => x.year), ...evidencedYears])].sort();
    return {
      priorityNumber,
      totals: t,
      years: years.map((year) => ({
        year,
        target: targets.find((x) => x.year === year)?.target ?? null,
        savingsEvidenced: evidencedByPriorityYear.get(`${priorityNumber}|${year}`) ?? 0,
      })),
    };
  });
  return { totals, priorities, areas: [...byArea.entries()].map(([areaNumber, t]) => ({ areaNumber, totals: t })) };
}
