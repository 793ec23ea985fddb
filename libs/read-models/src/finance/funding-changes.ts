import { ACTION_FINANCE_EVENT_VERSIONS, ActionFinanceEvent } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { ActionFinanceRecordEntity } from './action-finance-record.entity';
import { PrioritySavingsTargetEntity } from './priority-savings-target.entity';

/**
 * What one funding event does to the rows. The live projection writes these to the read database;
 * the as-at view applies the same list to rows held in memory, so an event is taught once.
 */
export type FundingChange =
  | { kind: 'revisionMoved'; planId: string; revision: number }
  | { kind: 'actionRecordAdded'; row: ActionFinanceRecordEntity }
  | { kind: 'targetAdded'; row: PrioritySavingsTargetEntity };

export const isFundingEvent = (event: ProjectedEvent): event is ProjectedEvent & ActionFinanceEvent => Object.hasOwn(ACTION_FINANCE_EVENT_VERSIONS, event.type);

export function fundingChanges(event: ProjectedEvent & ActionFinanceEvent): FundingChange[] {
  const { planId } = event.data;
  const moved: FundingChange = { kind: 'revisionMoved', planId, revision: Number(event.recorded.revision) };
  const recordedAt = event.recorded.metadata.occurredAt;
  const recordedBy = event.recorded.metadata.actor?.userId ?? null;
  const streamRevision = Number(event.recorded.revision);
  const blank = { expectedSavings: null, savingsPriority: null, reason: null, recordedAt, recordedBy, streamRevision };
  switch (event.type) {
    case 'ActionFundingSet': {
      const d = event.data;
      const row = { ...blank, actionId: d.actionId, planId, kind: 'FUNDING' as const, year: '', revision: d.revision, amount: d.plannedCost, expectedSavings: d.expectedSavings, savingsPriority: d.savingsPriority, text: d.fundingSource, reason: d.reason, asOfDate: null };
      return [moved, { kind: 'actionRecordAdded', row }];
    }
    case 'ActionSpendRecorded': {
      const d = event.data;
      const row = { ...blank, actionId: d.actionId, planId, kind: 'SPEND' as const, year: '', revision: d.revision, amount: d.spendToDate, text: d.commentary, asOfDate: d.asOfDate };
      return [moved, { kind: 'actionRecordAdded', row }];
    }
    case 'SavingsEvidenced': {
      const d = event.data;
      const row = { ...blank, actionId: d.actionId, planId, kind: 'SAVINGS' as const, year: d.year, revision: d.revision, amount: d.savings, text: d.evidence, asOfDate: d.asOfDate };
      return [moved, { kind: 'actionRecordAdded', row }];
    }
    case 'PrioritySavingsTargetSet': {
      const d = event.data;
      return [moved, { kind: 'targetAdded', row: { planId, priorityNumber: d.priorityNumber, year: d.year, revision: d.revision, target: d.target, reason: d.reason, recordedAt, recordedBy, streamRevision } }];
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
