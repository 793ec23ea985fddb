import type { Money } from './finance.query';

const MONEY = '{ pence }';
const TOTALS = `{ plannedCost ${MONEY} expectedSavings ${MONEY} spendToDate ${MONEY} savingsEvidenced ${MONEY} actions }`;

/** Money on the plan's actions, rolled up by recovery priority and area, live or as at the dashboard's instant. */
export const PLAN_FINANCE_QUERY = `query PlanFinance($planId: ID!, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  planFinance(planId: $planId, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) {
    totals ${TOTALS}
    priorities { number name totals ${TOTALS} years { year target ${MONEY} savingsEvidenced ${MONEY} shortfall ${MONEY} } }
    areas { number name totals ${TOTALS} }
    actions { actionId ref title fundingSource plannedCost ${MONEY} spend { spendToDate ${MONEY} asOfDate } unspent ${MONEY} }
  }
}`;

/** An action's money as its page shows it; asked for with the action, so it follows the action's instant. */
export const ACTION_FINANCE_FIELDS = `finance {
      plannedCost ${MONEY} expectedSavings ${MONEY} fundingSource savingsPriority
      spend { spendToDate ${MONEY} asOfDate commentary } unspent ${MONEY}
      savings { year savings ${MONEY} evidence asOfDate } savingsEvidenced ${MONEY}
      history { kind revision amount ${MONEY} expectedSavings ${MONEY} year text reason asOfDate recordedAt }
    }`;

export interface FinanceTotals {
  plannedCost: Money;
  expectedSavings: Money;
  spendToDate: Money;
  savingsEvidenced: Money;
  actions: number;
}

export interface PlanFinance {
  totals: FinanceTotals;
  priorities: { number: number; name: string; totals: FinanceTotals; years: { year: string; target: Money | null; savingsEvidenced: Money; shortfall: Money | null }[] }[];
  areas: { number: number; name: string; totals: FinanceTotals }[];
  actions: { actionId: string; ref: string; title: string; fundingSource: string; plannedCost: Money; spend: { spendToDate: Money; asOfDate: string } | null; unspent: Money }[];
}

export interface ActionFinance {
  plannedCost: Money;
  expectedSavings: Money;
  fundingSource: string;
  savingsPriority: number | null;
  spend: { spendToDate: Money; asOfDate: string; commentary: string } | null;
  unspent: Money;
  savings: { year: string; savings: Money; evidence: string; asOfDate: string }[];
  savingsEvidenced: Money;
  history: {
    kind: 'FUNDING' | 'SPEND' | 'SAVINGS';
    revision: number;
    amount: Money;
    expectedSavings: Money | null;
    year: string | null;
    text: string;
    reason: string | null;
    asOfDate: string | null;
    recordedAt: string;
  }[];
}
