/**
 * Money on the plan's actions and the recovery plan's savings targets per priority, all on the
 * plan's one funding stream (`funding-<planId>`). Amounts arrive as pounds written as decimal
 * strings and are read into exact pence by the decider, so every refusal names its field.
 */
export type SetActionFunding = {
  type: 'SetActionFunding';
  data: {
    planId: string;
    actionId: string;
    /** The planned cost of (investment in) the action, over its life. */
    plannedCost: string;
    /** The savings the action is expected to bring, over the recovery plan. */
    expectedSavings: string;
    /** Where the money comes from, as the council names it: "SEND Intervention Fund", "DSG High Needs Block". */
    fundingSource: string;
    /** The recovery priority whose savings target the action's savings count towards; null for none. */
    savingsPriority: number | null;
    /** Why, when the action's funding was already set (required then). */
    reason?: string | null;
  };
};

/** What has been spent on the action so far, as at a date; a later figure replaces it and both are kept. */
export type RecordActionSpend = {
  type: 'RecordActionSpend';
  data: { planId: string; actionId: string; spendToDate: string; asOfDate: string; commentary: string };
};

/** The savings the action has evidenced in a financial year so far, with what evidences them. */
export type RecordSavingsEvidenced = {
  type: 'RecordSavingsEvidenced';
  data: { planId: string; actionId: string; year: string; savings: string; evidence: string; asOfDate: string };
};

/** The recovery plan's savings target for one priority in one financial year. */
export type SetPrioritySavingsTarget = {
  type: 'SetPrioritySavingsTarget';
  data: { planId: string; priorityNumber: number; year: string; target: string; reason: string };
};

export type ActionFinanceCommand = SetActionFunding | RecordActionSpend | RecordSavingsEvidenced | SetPrioritySavingsTarget;
