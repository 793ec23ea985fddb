import { Projection, ProjectedEvent, RowRead } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { ChallengeMessageEntity } from './challenge-message.entity';
import { challengeChanges, isChallengeEvent } from './challenge-changes';
import { ChallengeEntity } from './challenge.entity';

export class ChallengeProjection implements Projection {
  readonly name = 'challenges';

  /** Every thread event but the first reads the thread's row (its plan). */
  rowsRead(event: ProjectedEvent): RowRead[] {
    return isChallengeEvent(event) && event.type !== 'ChallengeRaised' ? [{ entity: ChallengeEntity, key: { challengeId: event.data.challengeId } }] : [];
  }

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    if (!isChallengeEvent(event)) return;
    const challenge = event.type === 'ChallengeRaised' ? undefined : await rows.get(ChallengeEntity, { challengeId: event.data.challengeId });
    for (const change of challengeChanges(challenge, event)) {
      switch (change.kind) {
        case 'challengeRaised':
          rows.insert(ChallengeEntity, change.row);
          break;
        case 'challengeChanged':
          rows.update(ChallengeEntity, { challengeId: change.challengeId }, change.changes);
          break;
        case 'messageAdded':
          rows.insert(ChallengeMessageEntity, change.row);
          break;
        default: {
          const unhandled: never = change;
          return unhandled;
        }
      }
    }
  }
}
