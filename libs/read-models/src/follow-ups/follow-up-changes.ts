import { FOLLOW_UP_EVENT_VERSIONS, FollowUpEvent } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { FollowUpNoteEntity, FollowUpNoteKind } from './follow-up-note.entity';
import { FollowUpEntity } from './follow-up.entity';

/** What one follow-up event does to the action log's rows, for the projection and any in-memory view alike. */
export type FollowUpChange =
  | { kind: 'followUpRaised'; row: FollowUpEntity }
  | { kind: 'followUpChanged'; followUpId: string; changes: Partial<FollowUpEntity> }
  | { kind: 'noteAdded'; row: FollowUpNoteEntity };

export const isFollowUpEvent = (event: ProjectedEvent): event is ProjectedEvent & FollowUpEvent => Object.hasOwn(FOLLOW_UP_EVENT_VERSIONS, event.type);

/** The changes an event of a follow-up's stream makes, given its row before it (for its plan). */
export function followUpChanges(followUp: FollowUpEntity | undefined, event: ProjectedEvent & FollowUpEvent): FollowUpChange[] {
  const revision = Number(event.recorded.revision);
  const { occurredAt, actor } = event.recorded.metadata;
  if (event.type === 'FollowUpRaised') {
    const { followUpId, planId, meetingId, meetingDate, description, owner, dueDate } = event.data;
    return [
      {
        kind: 'followUpRaised',
        row: { followUpId, planId, meetingId, meetingDate, description, ownerId: owner.ownerId, ownerName: owner.name, ownerRole: owner.role, ownerOrganisation: owner.organisation, ownerUserId: owner.userId, dueDate, status: 'OPEN', closedOn: null, raisedAt: occurredAt, revision },
      },
    ];
  }
  if (!followUp) return [];
  const { followUpId, planId } = followUp;
  const note = (kind: FollowUpNoteKind, text: string, on: string, dueDate: string | null = null): FollowUpChange => ({
    kind: 'noteAdded',
    row: { followUpId, revision, planId, kind, note: text, dueDate, on, actorName: actor?.displayName ?? actor?.userId ?? null, actorRole: actor?.role ?? null, occurredAt },
  });
  switch (event.type) {
    case 'FollowUpUpdated': {
      const { dueDate } = event.data;
      return [{ kind: 'followUpChanged', followUpId, changes: { revision, ...(dueDate ? { dueDate } : {}) } }, note('UPDATE', event.data.note, event.data.on, dueDate)];
    }
    case 'FollowUpCompleted':
      return [{ kind: 'followUpChanged', followUpId, changes: { revision, status: 'DONE', closedOn: event.data.on } }, note('COMPLETED', event.data.note, event.data.on)];
    case 'FollowUpDropped':
      return [{ kind: 'followUpChanged', followUpId, changes: { revision, status: 'DROPPED', closedOn: event.data.on } }, note('DROPPED', event.data.note, event.data.on)];
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
