import { RecordedEvent } from '@send/event-store';
import { Pence } from '@send/domain';
import { streamPrefixAt } from '../as-at/known-at';
import { toProjectedEvent } from '../projection/projection-runner';
import { ActionFinanceRecordEntity } from './action-finance-record.entity';
import { FundingChange, fundingChanges, isFundingEvent } from './funding-changes';
import { PrioritySavingsTargetEntity } from './priority-savings-target.entity';

/** The savings an action has evidenced in one financial year, as last recorded. */
export interface YearSavings {
  year: string;
  savings: Pence;
  evidence: string;
  asOfDate: string;
  revision: number;
}

/** One action's money: the figures in force, and every figure given, oldest first. */
export interface ActionFinanceView {
  actionId: string;
  plannedCost: Pence;
  expectedSavings: Pence;
  fundingSource: string;
  savingsPriority: number | null;
  fundingRevision: number;
  /** The latest spend to date; null until the first is recorded. */
  spend: { spendToDate: Pence; asOfDate: string; commentary: string; revision: number } | null;
  /** The latest savings evidenced for each year, oldest year first. */
  savings: YearSavings[];
  /** The sum over the years. */
  savingsEvidenced: Pence;
  history: ActionFinanceRecordEntity[];
}

/** A plan's money on actions and priorities, as the read database holds it or as folded to an instant. */
export interface FundingView {
  planId: string;
  /** The funding stream's revision; null before anything was recorded. */
  revision: number | null;
  actions: ActionFinanceView[];
  /** The target in force for each priority and year, by priority then year. */
  targets: PrioritySavingsTargetEntity[];
  /** Every target set, oldest first. */
  targetHistory: PrioritySavingsTargetEntity[];
}

const byRecording = <T extends { streamRevision: number }>(a: T, b: T): number => a.streamRevision - b.streamRevision;

const latest = <T extends { revision: number }>(rows: T[]): T | undefined => rows.reduce<T | undefined>((best, r) => (!best || r.revision > best.revision ? r : best), undefined);

/** One action's view from its records; undefined when it has none (its funding was never set). */
export function actionFinanceViewOf(actionId: string, records: ActionFinanceRecordEntity[]): ActionFinanceView | undefined {
  const own = records.filter((r) => r.actionId === actionId).sort(byRecording);
  const funding = latest(own.filter((r) => r.kind === 'FUNDING'));
  if (!funding) return undefined;
  const spend = latest(own.filter((r) => r.kind === 'SPEND'));
  const years = [...new Set(own.filter((r) => r.kind === 'SAVINGS').map((r) => r.year))].sort();
  const savings = years.map((year) => latest(own.filter((r) => r.kind === 'SAVINGS' && r.year === year))!).map((r) => ({ year: r.year, savings: r.amount, evidence: r.text, asOfDate: r.asOfDate!, revision: r.revision }));
  return {
    actionId,
    plannedCost: funding.amount,
    expectedSavings: funding.expectedSavings ?? 0,
    fundingSource: funding.text,
    savingsPriority: funding.savingsPriority,
    fundingRevision: funding.revision,
    spend: spend ? { spendToDate: spend.amount, asOfDate: spend.asOfDate!, commentary: spend.text, revision: spend.revision } : null,
    savings,
    savingsEvidenced: savings.reduce((sum, s) => sum + s.savings, 0),
    history: own,
  };
}

export function fundingViewOf(planId: string, revision: number | null, records: ActionFinanceRecordEntity[], targets: PrioritySavingsTargetEntity[]): FundingView {
  const actionIds = [...new Set(records.map((r) => r.actionId))];
  const inForce = new Map<string, PrioritySavingsTargetEntity>();
  for (const t of targets) {
    const key = `${t.priorityNumber}|${t.year}`;
    if ((inForce.get(key)?.revision ?? 0) < t.revision) inForce.set(key, t);
  }
  return {
    planId,
    revision,
    actions: actionIds.map((id) => actionFinanceViewOf(id, records)!).filter(Boolean),
    targets: [...inForce.values()].sort((a, b) => a.priorityNumber - b.priorityNumber || a.year.localeCompare(b.year)),
    targetHistory: [...targets].sort(byRecording),
  };
}

/**
 * The plan's funding folded from its one stream up to `asAt` (what had been recorded by then), by
 * the same `fundingChanges` the live projection applies.
 */
export function fundingViewAt(planId: string, stream: RecordedEvent[], asAt: string): FundingView {
  let revision: number | null = null;
  const records: ActionFinanceRecordEntity[] = [];
  const targets: PrioritySavingsTargetEntity[] = [];
  const apply = (change: FundingChange): void => {
    switch (change.kind) {
      case 'revisionMoved':
        revision = change.revision;
        return;
      case 'actionRecordAdded':
        records.push(change.row);
        return;
      case 'targetAdded':
        targets.push(change.row);
        return;
      default: {
        const unhandled: never = change;
        return unhandled;
      }
    }
  };
  for (const recorded of streamPrefixAt(stream, asAt)) {
    const event = toProjectedEvent(recorded);
    if (isFundingEvent(event)) fundingChanges(event).forEach(apply);
  }
  return fundingViewOf(planId, revision, records, targets);
}
