import { Projection, ProjectedEvent } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { ActionFinanceRecordEntity } from './action-finance-record.entity';
import { fundingChanges, isFundingEvent } from './funding-changes';
import { PlanFundingEntity } from './plan-funding.entity';
import { PrioritySavingsTargetEntity } from './priority-savings-target.entity';

/** Money on a plan's actions and its priorities' savings targets; rows are only ever added, so history is kept. */
export class FundingProjection implements Projection {
  readonly name = 'funding';

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    if (!isFundingEvent(event)) return;
    for (const change of fundingChanges(event)) {
      switch (change.kind) {
        case 'revisionMoved':
          rows.upsert(PlanFundingEntity, { planId: change.planId, revision: change.revision });
          break;
        case 'actionRecordAdded':
          rows.insert(ActionFinanceRecordEntity, change.row);
          break;
        case 'targetAdded':
          rows.insert(PrioritySavingsTargetEntity, change.row);
          break;
        default: {
          const unhandled: never = change;
          return unhandled;
        }
      }
    }
  }
}
