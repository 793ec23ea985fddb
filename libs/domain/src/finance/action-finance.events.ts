import { Pence } from './money';

/**
 * Amounts are whole pence. Each event carries `revision`: how many times that figure (the action's
 * funding, its spend, its savings for the year, the priority's target for the year) has been given,
 * 1 for the first, so a revision shows in one event and the history keeps every one.
 */
export type ActionFundingSet = {
  type: 'ActionFundingSet';
  data: {
    planId: string;
    actionId: string;
    plannedCost: Pence;
    expectedSavings: Pence;
    fundingSource: string;
    savingsPriority: number | null;
    revision: number;
    reason: string | null;
  };
};

export type ActionSpendRecorded = {
  type: 'ActionSpendRecorded';
  data: { planId: string; actionId: string; spendToDate: Pence; asOfDate: string; commentary: string; revision: number };
};

export type SavingsEvidenced = {
  type: 'SavingsEvidenced';
  data: { planId: string; actionId: string; year: string; savings: Pence; evidence: string; asOfDate: string; revision: number };
};

export type PrioritySavingsTargetSet = {
  type: 'PrioritySavingsTargetSet';
  data: { planId: string; priorityNumber: number; year: string; target: Pence; reason: string; revision: number };
};

export type ActionFinanceEvent = ActionFundingSet | ActionSpendRecorded | SavingsEvidenced | PrioritySavingsTargetSet;

/** Current schema version of each funding event; bump with an upcaster, never edit in place. */
export const ACTION_FINANCE_EVENT_VERSIONS: Record<ActionFinanceEvent['type'], number> = {
  ActionFundingSet: 1,
  ActionSpendRecorded: 1,
  SavingsEvidenced: 1,
  PrioritySavingsTargetSet: 1,
};
