import { Projection, ProjectedEvent, RowRead } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { conditionChanges, isConditionEvent } from './condition-changes';
import { ConditionStatusEntity } from './condition-status.entity';
import { ConditionWordingEntity } from './condition-wording.entity';
import { ConditionEntity } from './condition.entity';

export class ConditionProjection implements Projection {
  readonly name = 'conditions';

  /** Every condition event but the first reads the condition's row (its plan, its links). */
  rowsRead(event: ProjectedEvent): RowRead[] {
    return isConditionEvent(event) && event.type !== 'ConditionAdded' ? [{ entity: ConditionEntity, key: { conditionId: event.data.conditionId } }] : [];
  }

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    if (!isConditionEvent(event)) return;
    const condition = event.type === 'ConditionAdded' ? undefined : await rows.get(ConditionEntity, { conditionId: event.data.conditionId });
    for (const change of conditionChanges(condition, event)) {
      switch (change.kind) {
        case 'conditionAdded':
          rows.insert(ConditionEntity, change.row);
          break;
        case 'conditionChanged':
          rows.update(ConditionEntity, { conditionId: change.conditionId }, change.changes);
          break;
        case 'wordingAdded':
          rows.insert(ConditionWordingEntity, change.row);
          break;
        case 'statusAdded':
          rows.insert(ConditionStatusEntity, change.row);
          break;
        case 'statusApproved':
          rows.update(ConditionStatusEntity, { conditionId: change.conditionId, quarter: change.quarter, version: change.version }, change.changes);
          break;
        default: {
          const unhandled: never = change;
          return unhandled;
        }
      }
    }
  }
}
