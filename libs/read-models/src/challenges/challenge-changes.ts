import { CHALLENGE_EVENT_VERSIONS, ChallengeEvent } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { ChallengeMessageEntity, ChallengeMessageKind } from './challenge-message.entity';
import { ChallengeEntity } from './challenge.entity';

/**
 * What one challenge event does to the threads' rows, for the live projection and any view that
 * holds the rows in memory alike.
 */
export type ChallengeChange =
  | { kind: 'challengeRaised'; row: ChallengeEntity }
  | { kind: 'challengeChanged'; challengeId: string; changes: Partial<ChallengeEntity> }
  | { kind: 'messageAdded'; row: ChallengeMessageEntity };

export const isChallengeEvent = (event: ProjectedEvent): event is ProjectedEvent & ChallengeEvent => Object.hasOwn(CHALLENGE_EVENT_VERSIONS, event.type);

/** The changes an event of a thread's stream makes, given the thread's row before it (for its plan). */
export function challengeChanges(challenge: ChallengeEntity | undefined, event: ProjectedEvent & ChallengeEvent): ChallengeChange[] {
  const revision = Number(event.recorded.revision);
  const { occurredAt, actor } = event.recorded.metadata;
  const message = (challengeId: string, planId: string, kind: ChallengeMessageKind, text: string | null): ChallengeChange => ({
    kind: 'messageAdded',
    row: { challengeId, revision, planId, kind, text, actorUserId: actor?.userId ?? null, actorName: actor?.displayName ?? actor?.userId ?? null, actorRole: actor?.role ?? null, occurredAt },
  });
  if (event.type === 'ChallengeRaised') {
    const { challengeId, planId, subjectKind, subjectId, subjectRef, question } = event.data;
    const row: ChallengeEntity = { challengeId, planId, subjectKind, subjectId, subjectRef, status: 'AWAITING_ANSWER', raisedBy: actor?.displayName ?? actor?.userId ?? null, raisedAt: occurredAt, lastChangedAt: occurredAt, revision };
    return [{ kind: 'challengeRaised', row }, message(challengeId, planId, 'QUESTION', question)];
  }
  if (!challenge) return [];
  const { challengeId, planId } = challenge;
  const moved = (status: ChallengeEntity['status']): ChallengeChange => ({ kind: 'challengeChanged', challengeId, changes: { status, lastChangedAt: occurredAt, revision } });
  switch (event.type) {
    case 'ChallengeAnswered':
      return [moved('ANSWERED'), message(challengeId, planId, 'ANSWER', event.data.answer)];
    case 'ChallengeFollowedUp':
      return [moved('AWAITING_ANSWER'), message(challengeId, planId, 'QUESTION', event.data.question)];
    case 'ChallengeResolved':
      return [moved('RESOLVED'), message(challengeId, planId, 'RESOLUTION', event.data.note)];
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
