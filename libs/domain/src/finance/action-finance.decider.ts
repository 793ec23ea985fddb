import { ActionState } from '../action/action.decider';
import { PlanState } from '../plan/plan.decider';
import { CommandMetadata } from '../shared/command-metadata';
import { financialPeriodStartDate, parseFinancialPeriod } from '../shared/financial-period';
import { requirePastOrToday, requireText } from '../shared/guards';
import { londonDateOf } from '../shared/london-day';
import { ActionFinanceCommand } from './action-finance.commands';
import {
  AsOfDateBeforeLastError,
  FundingActionNotFoundError,
  FundingNotSetError,
  FundingPlanNotFoundError,
  FundingReasonRequiredError,
  SavingsAsOfOutsideYearError,
  SavingsYearNotBegunError,
  UnknownSavingsPriorityError,
} from './action-finance.errors';
import { ActionFinanceEvent } from './action-finance.events';
import { FinancialPeriodFormatError } from './high-needs.errors';
import { parsePounds } from './money';

/** What the rules need of one action's money: how often each figure was given, and the last "as of" dates. */
export interface ActionFinanceFacts {
  fundingRevision: number;
  spendRevision: number;
  lastSpendAsOf: string | null;
  /** Per financial year: how often savings were evidenced, and the last "as of" date. */
  savings: Record<string, { revision: number; lastAsOf: string }>;
}

/** A plan's funding stream: each action's facts, and how often each priority's target was set per year. */
export interface ActionFinanceState {
  /** How many events the stream holds: a write that names no expected revision is only for an empty one. */
  recorded: number;
  actions: Record<string, ActionFinanceFacts>;
  /** Keyed `<priority>|<year>`. */
  targetRevisions: Record<string, number>;
}

/** The plan, and for an action's figures the action, both loaded by the command handler. */
export interface ActionFinanceDecisionContext {
  plan?: PlanState;
  action?: ActionState;
}

export const initialActionFinanceState = (): ActionFinanceState => ({ recorded: 0, actions: {}, targetRevisions: {} });

const NO_FACTS: ActionFinanceFacts = { fundingRevision: 0, spendRevision: 0, lastSpendAsOf: null, savings: {} };

const targetKey = (priorityNumber: number, year: string) => `${priorityNumber}|${year}`;

export function evolveActionFinance(previous: ActionFinanceState, event: ActionFinanceEvent): ActionFinanceState {
  const state = { ...previous, recorded: previous.recorded + 1 };
  if (event.type === 'PrioritySavingsTargetSet') {
    const { priorityNumber, year, revision } = event.data;
    return { ...state, targetRevisions: { ...state.targetRevisions, [targetKey(priorityNumber, year)]: revision } };
  }
  const { actionId } = event.data;
  const facts = state.actions[actionId] ?? NO_FACTS;
  const next = ((): ActionFinanceFacts => {
    switch (event.type) {
      case 'ActionFundingSet':
        return { ...facts, fundingRevision: event.data.revision };
      case 'ActionSpendRecorded':
        return { ...facts, spendRevision: event.data.revision, lastSpendAsOf: event.data.asOfDate };
      case 'SavingsEvidenced':
        return { ...facts, savings: { ...facts.savings, [event.data.year]: { revision: event.data.revision, lastAsOf: event.data.asOfDate } } };
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
  })();
  return { ...state, actions: { ...state.actions, [actionId]: next } };
}

function requireYear(field: string, value: unknown): string {
  const period = parseFinancialPeriod(value);
  if (period?.kind !== 'FINANCIAL_YEAR') throw new FinancialPeriodFormatError(field, value, 'year');
  return period.text;
}

function requirePriority(field: string, value: unknown, plan: Extract<PlanState, { status: 'active' }>): number {
  if (typeof value !== 'number' || !plan.priorityNumbers.includes(value)) throw new UnknownSavingsPriorityError(field, value);
  return value;
}

/** A figure "to date" moves forward in time: never as at a later day than today, nor an earlier one than the last. */
function requireAsOfDate(value: string, last: string | null, now: string): string {
  const asOfDate = requirePastOrToday('asOfDate', value, now);
  if (last !== null && asOfDate < last) throw new AsOfDateBeforeLastError(asOfDate, last);
  return asOfDate;
}

export function decideActionFinance(command: ActionFinanceCommand, state: ActionFinanceState, metadata: CommandMetadata, context: ActionFinanceDecisionContext = {}): ActionFinanceEvent[] {
  const { plan } = context;
  const { planId } = command.data;
  if (plan?.status !== 'active' || plan.planId !== planId) throw new FundingPlanNotFoundError(planId);

  if (command.type === 'SetPrioritySavingsTarget') {
    const d = command.data;
    const priorityNumber = requirePriority('priorityNumber', d.priorityNumber, plan);
    const year = requireYear('year', d.year);
    const target = parsePounds('target', d.target);
    const reason = requireText('reason', d.reason);
    const revision = (state.targetRevisions[targetKey(priorityNumber, year)] ?? 0) + 1;
    return [{ type: 'PrioritySavingsTargetSet', data: { planId, priorityNumber, year, target, reason, revision } }];
  }

  const { actionId } = command.data;
  const action = context.action;
  if (!action?.exists || action.actionId !== actionId || action.planId !== planId) throw new FundingActionNotFoundError(actionId);
  const facts = state.actions[actionId] ?? NO_FACTS;

  switch (command.type) {
    case 'SetActionFunding': {
      const d = command.data;
      const plannedCost = parsePounds('plannedCost', d.plannedCost);
      const expectedSavings = parsePounds('expectedSavings', d.expectedSavings);
      const fundingSource = requireText('fundingSource', d.fundingSource);
      const savingsPriority = d.savingsPriority === null || d.savingsPriority === undefined ? null : requirePriority('savingsPriority', d.savingsPriority, plan);
      if (facts.fundingRevision > 0 && !d.reason?.trim()) throw new FundingReasonRequiredError(action.ref);
      const reason = d.reason?.trim() ? requireText('reason', d.reason) : null;
      const revision = facts.fundingRevision + 1;
      return [{ type: 'ActionFundingSet', data: { planId, actionId, plannedCost, expectedSavings, fundingSource, savingsPriority, revision, reason } }];
    }
    case 'RecordActionSpend': {
      const d = command.data;
      const spendToDate = parsePounds('spendToDate', d.spendToDate);
      const asOfDate = requireAsOfDate(d.asOfDate, facts.lastSpendAsOf, metadata.now);
      const commentary = requireText('commentary', d.commentary);
      if (facts.fundingRevision === 0) throw new FundingNotSetError(action.ref);
      return [{ type: 'ActionSpendRecorded', data: { planId, actionId, spendToDate, asOfDate, commentary, revision: facts.spendRevision + 1 } }];
    }
    case 'RecordSavingsEvidenced': {
      const d = command.data;
      const year = requireYear('year', d.year);
      const starts = financialPeriodStartDate(parseFinancialPeriod(year)!);
      if (starts > londonDateOf(metadata.now)) throw new SavingsYearNotBegunError(year, starts);
      const savings = parsePounds('savings', d.savings);
      const previous = facts.savings[year];
      const asOfDate = requireAsOfDate(d.asOfDate, previous?.lastAsOf ?? null, metadata.now);
      if (asOfDate < starts) throw new SavingsAsOfOutsideYearError(asOfDate, year);
      const evidence = requireText('evidence', d.evidence);
      if (facts.fundingRevision === 0) throw new FundingNotSetError(action.ref);
      return [{ type: 'SavingsEvidenced', data: { planId, actionId, year, savings, evidence, asOfDate, revision: (previous?.revision ?? 0) + 1 } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
