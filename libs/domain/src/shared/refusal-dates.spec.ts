import { ConfidenceOutOfOrderError, ProgressOutOfOrderError } from '../action/action.errors';
import { FollowUpDueBeforeMeetingError } from '../follow-up/follow-up.errors';
import { MeetingNotYetHeldError } from '../meeting/meeting.errors';
import { DeadlineBeforeOpeningError, RevisionNotNewerError } from '../plan/plan.errors';
import { ReminderRetryNotDueError } from '../reminder/reminder.errors';
import { RescoreBeforeLastError } from '../risk/risk.errors';
import { PeriodAlreadyMeasuredError } from '../scorecard/metric.errors';
import { requirePastOrToday } from './guards';
import { refusal } from './refusal.fixture';

/**
 * The dashboard shows a refusal's message in its error summary to a UK board, so the dates in it
 * read GOV.UK style; the field and rule beside it stay for machines.
 */
describe('Refusals say their dates the British way', () => {
  it.each([
    ['a progress update out of order', new ProgressOutOfOrderError('2026-03-01', '2026-03-31'), 'An update as at 1 March 2026 is earlier than the last update, as at 31 March 2026'],
    ['a confidence rating out of order', new ConfidenceOutOfOrderError('2026-03-01', '2026-03-31'), 'A confidence rating as at 1 March 2026 is earlier than the last rating, as at 31 March 2026'],
    ['a risk re-scored before its last score', new RescoreBeforeLastError('2026-03-01', '2026-03-31'), "asAt (1 March 2026) cannot be earlier than the risk's last score, as at 31 March 2026"],
    ['a follow-up due before its meeting', new FollowUpDueBeforeMeetingError('2026-11-15', '2026-11-16'), 'dueDate (15 November 2026) cannot be before the meeting that asked for it (16 November 2026)'],
    ['a meeting not yet held', new MeetingNotYetHeldError('2026-12-07'), 'The meeting is on 7 December 2026; its attendance and decisions can be recorded from that day'],
    ['an update round deadline in the past', new DeadlineBeforeOpeningError('2026-11-01', '2026-11-09'), 'The deadline (1 November 2026) cannot be before today (9 November 2026)'],
    ['a plan revision approved too early', new RevisionNotNewerError('2025-09-01', '2026-01-20'), 'A revision approved on 1 September 2025 cannot precede the current version approved on 20 January 2026'],
    ['a reminder retried too soon (an instant, in UK time)', new ReminderRetryNotDueError('round-1/alex', '2026-06-15T13:05:00.000Z'), 'Reminder round-1/alex failed; the next attempt is due at 15 June 2026 at 2:05pm'],
    ['a second measurement for a month', new PeriodAlreadyMeasuredError('2024-09', 41), 'September 2024 already has a measurement (41); correct that measurement instead of recording another'],
  ])('%s', (_case, error, message) => {
    expect(error.message).toBe(message);
  });

  it('says "today" as the UK day, in words', () => {
    // 23:30Z on 31 March is already 1 April in London (BST).
    const error = refusal(() => requirePastOrToday('asAt', '2026-04-02', '2026-03-31T23:30:00.000Z'));
    expect(error).toMatchObject({ field: 'asAt', rule: 'notInFuture' });
    expect(error.message).toBe('asAt (2 April 2026) cannot be later than today (1 April 2026)');
  });
});
