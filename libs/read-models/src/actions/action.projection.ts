import { ActionEvent, isStreamOf } from '@send/domain';
import { Projection, ProjectedEvent, RowRead } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { ActionPriorityEntity } from './action-priority.entity';
import { actionRowChange, ActionRowChange } from './action-row';
import { ActionEntity } from './action.entity';

/** The change an event makes to an action's row; undefined for an event of another stream. */
function changeOf(event: ProjectedEvent): ActionRowChange | undefined {
  return isStreamOf('action', event.recorded.streamId) ? actionRowChange(event as ProjectedEvent & ActionEvent) : undefined;
}

export class ActionProjection implements Projection {
  readonly name = 'actions';

  /** Only changes that depend on the row before them read it. */
  rowsRead(event: ProjectedEvent): RowRead[] {
    const change = changeOf(event);
    return change?.kind === 'actionChanged' && typeof change.changes === 'function' ? [{ entity: ActionEntity, key: { actionId: change.actionId } }] : [];
  }

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    const change = changeOf(event);
    if (change?.kind === 'actionAdded') {
      rows.insert(ActionEntity, change.row);
      if (change.priorities.length > 0) rows.insert(ActionPriorityEntity, change.priorities);
    } else if (change) {
      const { actionId, changes } = change;
      if (typeof changes !== 'function') return rows.update(ActionEntity, { actionId }, changes);
      const before = await rows.find(ActionEntity, { actionId });
      if (before) rows.update(ActionEntity, { actionId }, changes(before));
    }
  }
}
