import { ActionLogView, FollowUpEntity, FollowUpNoteEntity } from '@send/read-models';
import { reportActionLog } from './report-action-log';

// Q4 2025/26: 1 January to 31 March 2026, UK time.
const PERIOD = { from: '2025-12-31T23:59:59.999Z', to: '2026-03-31T22:59:59.999Z' };
const followUp = (followUpId: string, dueDate: string, status: FollowUpEntity['status'] = 'OPEN', closedOn: string | null = null): FollowUpEntity => ({
  followUpId, planId: 'p', meetingId: 'm', meetingDate: '2025-11-10', description: followUpId, ownerId: null, ownerName: 'Sam Patel', ownerRole: 'Head of SEND', ownerOrganisation: null, ownerUserId: null,
  dueDate, status, closedOn, raisedAt: '2025-11-10T17:00:00.000Z', revision: 0,
});
const note = (followUpId: string, revision: number, text: string): FollowUpNoteEntity => ({ followUpId, revision, planId: 'p', kind: 'UPDATE', note: text, dueDate: null, on: '2026-02-01', actorName: null, actorRole: null, occurredAt: '2026-02-01T10:00:00.000Z' });
const view = (followUps: FollowUpEntity[], notes: FollowUpNoteEntity[] = []): ActionLogView => ({ followUps, notes, lastPosition: 1n });

describe('reportActionLog', () => {
  it('shows open follow-ups, overdue first, then those completed or dropped in the period', () => {
    const lines = reportActionLog(
      view([followUp('due-before', '2026-03-30'), followUp('due-after', '2026-04-20'), followUp('done-in', '2026-02-01', 'DONE', '2026-01-01'), followUp('dropped-in', '2026-02-01', 'DROPPED', '2026-03-31')]),
      PERIOD,
    );
    expect(lines.map((l) => [l.followUp.followUpId, l.standing])).toEqual([['due-before', 'OVERDUE'], ['due-after', 'OPEN'], ['done-in', 'DONE'], ['dropped-in', 'DROPPED']]);
  });

  it('leaves out one closed before the period began, and counts the last day of the period as not yet overdue', () => {
    const lines = reportActionLog(view([followUp('old', '2025-12-01', 'DONE', '2025-12-31'), followUp('due-last-day', '2026-03-31')]), PERIOD);
    expect(lines.map((l) => [l.followUp.followUpId, l.standing])).toEqual([['due-last-day', 'OPEN']]);
  });

  it('quotes the latest note by the end of the period', () => {
    const [line] = reportActionLog(view([followUp('a', '2026-04-20')], [note('a', 2, 'Second'), note('a', 1, 'First')]), PERIOD);
    expect(line.latestNote).toBe('Second');
  });
});
