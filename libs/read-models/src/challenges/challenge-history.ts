import { DataSource } from 'typeorm';
import { challengeStream } from '@send/domain';
import { RecordedEvent, UpcastingEventStore } from '@send/event-store';
import { eventsInOrderAt } from '../as-at/known-at';
import { toProjectedEvent } from '../projection/projection-runner';
import { ChallengeMessageEntity } from './challenge-message.entity';
import { ChallengeChange, challengeChanges, isChallengeEvent } from './challenge-changes';
import { ChallengeEntity } from './challenge.entity';

/** A plan's challenge threads as they stood at an instant, in the read model's row shapes. */
export interface ThreadsView {
  /** Oldest raised first, the order the live read gives. */
  challenges: ChallengeEntity[];
  messages: ChallengeMessageEntity[];
}

/** Which challenge streams belong to a plan. Streams are never removed, so any index that has seen them will do. */
export type ChallengeStreamIndex = (planId: string) => Promise<string[]>;

/** The running api's index: its read models. */
export const readModelChallengeIndex =
  (dataSource: DataSource): ChallengeStreamIndex =>
  async (planId) =>
    (await dataSource.getRepository(ChallengeEntity).find({ select: { challengeId: true }, where: { planId } })).map((c) => c.challengeId);

function apply(challenges: Map<string, ChallengeEntity>, messages: ChallengeMessageEntity[], change: ChallengeChange): void {
  switch (change.kind) {
    case 'challengeRaised':
      challenges.set(change.row.challengeId, change.row);
      return;
    case 'challengeChanged': {
      const row = challenges.get(change.challengeId);
      if (row) challenges.set(change.challengeId, { ...row, ...change.changes });
      return;
    }
    case 'messageAdded':
      messages.push(change.row);
      return;
    default: {
      const unhandled: never = change;
      return unhandled;
    }
  }
}

/** The threads folded from their streams up to `asAt`, in global order, by the same `challengeChanges` the live projection applies. */
export function threadsAt(streams: RecordedEvent[][], asAt: string): ThreadsView {
  const events = eventsInOrderAt(streams, asAt);
  const challenges = new Map<string, ChallengeEntity>();
  const messages: ChallengeMessageEntity[] = [];
  for (const recorded of events) {
    const event = toProjectedEvent(recorded);
    if (!isChallengeEvent(event)) continue;
    const before = event.type === 'ChallengeRaised' ? undefined : challenges.get(event.data.challengeId);
    for (const change of challengeChanges(before, event)) apply(challenges, messages, change);
  }
  return { challenges: [...challenges.values()].sort((a, b) => a.raisedAt.localeCompare(b.raisedAt) || a.challengeId.localeCompare(b.challengeId)), messages };
}

/** Reads a plan's challenge threads from the event store, as they stood at any instants. */
export class ChallengeHistory {
  constructor(
    private readonly index: ChallengeStreamIndex,
    private readonly store: UpcastingEventStore,
  ) {}

  async threadsAt(planId: string, instants: string[]): Promise<ThreadsView[]> {
    const streams = await Promise.all((await this.index(planId)).map((id) => this.store.readStream(challengeStream(id))));
    return instants.map((asAt) => threadsAt(streams, asAt));
  }
}
