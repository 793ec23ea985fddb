import { ActionEvent, DomainEvent } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { timelineLine } from './timeline-line';

/** The one line an event adds to an action's history: what the timeline stores, the as-at view holds and the history check expects. */
function projected(streamId: string, revision: number, event: DomainEvent, actor?: { userId: string; displayName: string; role: string }): ProjectedEvent {
  return {
    ...event,
    recorded: {
      id: `e${revision}`,
      type: event.type,
      data: event.data as unknown as Record<string, unknown>,
      metadata: { schemaVersion: 1, occurredAt: '2026-02-20T09:00:00.000Z', actor, correlationId: 'c1' },
      streamId,
      revision: BigInt(revision),
      position: 40n + BigInt(revision),
      recordedAt: '2026-02-20T09:00:01.000Z',
    },
  } as ProjectedEvent;
}

const correction: ActionEvent = {
  type: 'ProgressCorrected',
  data: {
    actionId: 'a1', supersedesRevision: 2, rag: 'RED', commentary: 'Worse than reported', asAt: '2026-02-20', reason: 'Wrong figure',
    superseded: { rag: 'GREEN', commentary: 'On track', asAt: '2026-02-20' }, replacesCurrent: true,
  },
};
const rachel = { userId: 'u1', displayName: 'Rachel Whitfield', role: 'ACTION_OWNER' };

describe('timelineLine', () => {
  it("puts an action's event on its timeline at its revision, naming the update a correction supersedes and who made it", () => {
    expect(timelineLine(projected('action-a1', 3, correction, rachel))).toMatchObject({
      position: 43n, actionId: 'a1', revision: 3, meetingId: null, eventType: 'ProgressCorrected', supersedesRevision: 2,
      occurredAt: '2026-02-20T09:00:00.000Z', recordedAt: '2026-02-20T09:00:01.000Z',
      actorUserId: 'u1', actorName: 'Rachel Whitfield', actorRole: 'ACTION_OWNER', correlationId: 'c1',
      changes: [{ field: 'rag', from: 'GREEN', to: 'RED' }, expect.anything(), expect.anything()],
    });
  });

  it("puts a board decision on the action's timeline, with its meeting and no action revision", () => {
    const decision = projected('meeting-m1', 5, {
      type: 'DecisionRecorded',
      data: { meetingId: 'm1', decisionId: 'd1', actionId: 'a1', kind: 'ESCALATED', summary: 'Escalate to the DCS', meetingDate: '2026-02-16' },
    } as unknown as DomainEvent);
    expect(timelineLine(decision)).toMatchObject({ actionId: 'a1', revision: null, meetingId: 'm1', eventType: 'DecisionRecorded', supersedesRevision: null, actorUserId: null });
  });

  it('adds no line for events of other streams', () => {
    expect(timelineLine(projected('plan-p', 1, { type: 'StaleThresholdChanged', data: { planId: 'p', staleAfterDays: 30 } } as DomainEvent))).toBeUndefined();
  });
});
