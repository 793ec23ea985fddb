import { ActionState } from '../action/action.decider';
import { PlanState } from '../plan/plan.decider';
import { CommandMetadata } from '../shared/command-metadata';
import { refusal } from '../shared/refusal.fixture';
import { ActionFinanceCommand } from './action-finance.commands';
import { ActionFinanceDecisionContext, ActionFinanceState, decideActionFinance, evolveActionFinance, initialActionFinanceState } from './action-finance.decider';
import { ActionFinanceEvent } from './action-finance.events';

const meta = (now = '2025-10-20T10:00:00.000Z'): CommandMetadata => ({ now, commandId: 'c1', correlationId: 'c1' });
const given = (events: ActionFinanceEvent[]): ActionFinanceState => events.reduce(evolveActionFinance, initialActionFinanceState());
const plan = { status: 'active', planId: 'p1', priorityNumbers: [1, 2, 3, 4, 5, 6, 7] } as PlanState;
const action = { exists: true, actionId: 'a1', planId: 'p1', ref: '4.2' } as ActionState;
const context: ActionFinanceDecisionContext = { plan, action };
const when = (command: ActionFinanceCommand, state: ActionFinanceState, now?: string) => decideActionFinance(command, state, meta(now), context);

const fund = (data: Partial<Extract<ActionFinanceCommand, { type: 'SetActionFunding' }>['data']> = {}): ActionFinanceCommand => ({
  type: 'SetActionFunding',
  data: { planId: 'p1', actionId: 'a1', plannedCost: '215000', expectedSavings: '400000', fundingSource: 'SEND Intervention Fund', savingsPriority: 1, ...data },
});
const funded: ActionFinanceEvent = {
  type: 'ActionFundingSet',
  data: { planId: 'p1', actionId: 'a1', plannedCost: 21_500_000, expectedSavings: 40_000_000, fundingSource: 'SEND Intervention Fund', savingsPriority: 1, revision: 1, reason: null },
};
const spend = (spendToDate: string, asOfDate: string, commentary = 'Seconded school leader in post'): ActionFinanceCommand => ({
  type: 'RecordActionSpend',
  data: { planId: 'p1', actionId: 'a1', spendToDate, asOfDate, commentary },
});
const savings = (year: string, amount: string, asOfDate: string, evidence = 'Six fewer INMSS placements, placement panel minutes'): ActionFinanceCommand => ({
  type: 'RecordSavingsEvidenced',
  data: { planId: 'p1', actionId: 'a1', year, savings: amount, evidence, asOfDate },
});
const target = (priorityNumber: number, year: string, amount = '2500000', reason = 'Recovery plan agreed with the DfE'): ActionFinanceCommand => ({
  type: 'SetPrioritySavingsTarget',
  data: { planId: 'p1', priorityNumber, year, target: amount, reason },
});

describe("an action's funding", () => {
  it('records planned cost and expected savings in exact pence, with the funding source and the priority its savings count towards', () => {
    expect(when(fund(), given([]))).toEqual([funded]);
    expect(when(fund({ plannedCost: '143000.10' }), given([]))[0].data).toMatchObject({ plannedCost: 14_300_010 });
  });

  it('needs a reason to revise it, and counts the revision', () => {
    expect(refusal(() => when(fund({ plannedCost: '250000' }), given([funded])))).toMatchObject({ field: 'reason', rule: 'reasonForRevision' });
    expect(when(fund({ plannedCost: '250000', reason: 'Second seconded leader' }), given([funded]))[0].data).toMatchObject({ revision: 2, reason: 'Second seconded leader', plannedCost: 25_000_000 });
  });

  it('refuses bad figures, naming the field, and a priority the plan does not have', () => {
    expect(refusal(() => when(fund({ plannedCost: '£215k' }), given([])))).toMatchObject({ field: 'plannedCost', rule: 'money' });
    expect(refusal(() => when(fund({ expectedSavings: '-1' }), given([])))).toMatchObject({ field: 'expectedSavings', rule: 'notNegative' });
    expect(refusal(() => when(fund({ fundingSource: '  ' }), given([])))).toMatchObject({ field: 'fundingSource', rule: 'required' });
    expect(refusal(() => when(fund({ savingsPriority: 8 }), given([])))).toMatchObject({ field: 'savingsPriority', rule: 'knownPriority' });
    expect(when(fund({ savingsPriority: null }), given([]))[0].data).toMatchObject({ savingsPriority: null });
  });

  it('refuses an action that is not in the plan, or a plan that does not exist', () => {
    expect(refusal(() => decideActionFinance(fund(), given([]), meta(), { plan, action: { ...action, planId: 'p2' } as ActionState })).rule).toBe('actionExists');
    expect(refusal(() => decideActionFinance(fund(), given([]), meta(), { plan, action: { exists: false } })).rule).toBe('actionExists');
    expect(refusal(() => decideActionFinance(fund(), given([]), meta(), { action })).rule).toBe('planExists');
  });
});

describe('spend to date', () => {
  it('is recorded as at a date, and each later figure is a new revision', () => {
    const first = when(spend('50000', '2025-09-30'), given([funded]));
    expect(first).toEqual([{ type: 'ActionSpendRecorded', data: { planId: 'p1', actionId: 'a1', spendToDate: 5_000_000, asOfDate: '2025-09-30', commentary: 'Seconded school leader in post', revision: 1 } }]);
    expect(when(spend('80000', '2025-09-30'), given([funded, ...first]))[0].data).toMatchObject({ revision: 2, spendToDate: 8_000_000 });
  });

  it('needs the funding set first', () => {
    expect(refusal(() => when(spend('1', '2025-09-30'), given([])))).toMatchObject({ rule: 'fundingSet' });
  });

  it('never goes back before the last figure, nor forward past today', () => {
    const first = when(spend('50000', '2025-09-30'), given([funded]));
    expect(refusal(() => when(spend('60000', '2025-09-29'), given([funded, ...first])))).toMatchObject({ field: 'asOfDate', rule: 'notBeforeLast' });
    expect(refusal(() => when(spend('60000', '2025-10-21'), given([funded])))).toMatchObject({ field: 'asOfDate', rule: 'notInFuture' });
    expect(refusal(() => when(spend('60000', '2025-10-20', ' '), given([funded])))).toMatchObject({ field: 'commentary', rule: 'required' });
  });
});

describe('savings evidenced', () => {
  it('are kept per financial year with what evidences them', () => {
    const first = when(savings('2025/26', '120000', '2025-10-01'), given([funded]));
    expect(first[0]).toEqual({
      type: 'SavingsEvidenced',
      data: { planId: 'p1', actionId: 'a1', year: '2025/26', savings: 12_000_000, evidence: 'Six fewer INMSS placements, placement panel minutes', asOfDate: '2025-10-01', revision: 1 },
    });
    const state = given([funded, ...first]);
    expect(when(savings('2025/26', '150000', '2025-10-15'), state)[0].data).toMatchObject({ revision: 2 });
    expect(when(savings('2024/25', '30000', '2025-03-31'), state)[0].data).toMatchObject({ revision: 1 });
    expect(refusal(() => when(savings('2025/26', '150000', '2025-09-30'), state))).toMatchObject({ field: 'asOfDate', rule: 'notBeforeLast' });
  });

  it('refuses a year not yet begun, an as-of date before the year, no evidence, and a quarter for a year', () => {
    expect(refusal(() => when(savings('2026/27', '1', '2025-10-01'), given([funded])))).toMatchObject({ field: 'year', rule: 'yearStarted' });
    expect(refusal(() => when(savings('2025/26', '1', '2025-03-31'), given([funded])))).toMatchObject({ field: 'asOfDate', rule: 'withinYear' });
    expect(refusal(() => when(savings('2025/26', '1', '2025-10-01', ''), given([funded])))).toMatchObject({ field: 'evidence', rule: 'required' });
    expect(refusal(() => when(savings('2025/26 Q2', '1', '2025-10-01'), given([funded])))).toMatchObject({ field: 'year', rule: 'financialPeriod' });
    expect(refusal(() => when(savings('2025/26', '1', '2025-10-01'), given([])))).toMatchObject({ rule: 'fundingSet' });
  });
});

describe("a priority's savings target", () => {
  it('is set per priority and financial year, future years included, with a reason; setting it again is a revision', () => {
    const first = when(target(5, '2026/27'), given([]));
    expect(first).toEqual([{ type: 'PrioritySavingsTargetSet', data: { planId: 'p1', priorityNumber: 5, year: '2026/27', target: 250_000_000, reason: 'Recovery plan agreed with the DfE', revision: 1 } }]);
    expect(when(target(5, '2026/27', '3000000', 'Varied'), given(first))[0].data).toMatchObject({ revision: 2 });
    expect(when(target(5, '2025/26'), given(first))[0].data).toMatchObject({ revision: 1 });
  });

  it('needs no action, and refuses an unknown priority, a blank reason and a negative target', () => {
    expect(decideActionFinance(target(1, '2025/26'), given([]), meta(), { plan })).toHaveLength(1);
    expect(refusal(() => when(target(0, '2025/26'), given([])))).toMatchObject({ field: 'priorityNumber', rule: 'knownPriority' });
    expect(refusal(() => when(target(1, '2025/26', '1', ' '), given([])))).toMatchObject({ field: 'reason', rule: 'required' });
    expect(refusal(() => when(target(1, '2025/26', '-5'), given([])))).toMatchObject({ field: 'target', rule: 'notNegative' });
  });
});
