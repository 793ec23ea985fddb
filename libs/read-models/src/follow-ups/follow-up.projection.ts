import { Projection, ProjectedEvent, RowRead } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { followUpChanges, isFollowUpEvent } from './follow-up-changes';
import { FollowUpNoteEntity } from './follow-up-note.entity';
import { FollowUpEntity } from './follow-up.entity';

/** The board's action log: each follow-up and every note on it. */
export class FollowUpProjection implements Projection {
  readonly name = 'follow-ups';

  /** Every follow-up event but the first reads its row (for its plan). */
  rowsRead(event: ProjectedEvent): RowRead[] {
    return isFollowUpEvent(event) && event.type !== 'FollowUpRaised' ? [{ entity: FollowUpEntity, key: { followUpId: event.data.followUpId } }] : [];
  }

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    if (!isFollowUpEvent(event)) return;
    const followUp = event.type === 'FollowUpRaised' ? undefined : await rows.get(FollowUpEntity, { followUpId: event.data.followUpId });
    for (const change of followUpChanges(followUp, event)) {
      switch (change.kind) {
        case 'followUpRaised':
          rows.insert(FollowUpEntity, change.row);
          break;
        case 'followUpChanged':
          rows.update(FollowUpEntity, { followUpId: change.followUpId }, change.changes);
          break;
        case 'noteAdded':
          rows.insert(FollowUpNoteEntity, change.row);
          break;
        default: {
          const unhandled: never = change;
          return unhandled;
        }
      }
    }
  }
}
