import type { UserState } from '../access/user.decider';
import { MeetingState } from '../meeting/meeting.decider';
import { CommandMetadata } from '../shared/command-metadata';
import { refusal } from '../shared/refusal.fixture';
import { FollowUpCommand } from './follow-up.commands';
import { decideFollowUp, evolveFollowUp, FollowUpDecisionContext, FollowUpState, initialFollowUpState } from './follow-up.decider';
import { FollowUpEvent } from './follow-up.events';

const meta = (now = '2026-11-16T18:00:00.000Z'): CommandMetadata => ({ now, commandId: 'c1', correlationId: 'c1' });
const given = (events: FollowUpEvent[]): FollowUpState => events.reduce(evolveFollowUp, initialFollowUpState());
const when = (command: FollowUpCommand, state: FollowUpState, context?: FollowUpDecisionContext, now?: string) => decideFollowUp(command, state, meta(now), context);

const followUpId = 'f1';
const meeting = (overrides: Partial<Extract<MeetingState, { exists: true }>> = {}): MeetingState => ({
  exists: true,
  meetingId: 'm-2026-11',
  planId: 'plan-1',
  date: '2026-11-16',
  title: 'SEND Improvement Board, November 2026',
  closed: false,
  decisionIds: [],
  ...overrides,
});
const user: UserState = { exists: true, userId: 'sam', displayName: 'Sam Patel', ownerId: null, grants: [{ role: 'ACTION_OWNER', localAreaId: 'dorset' }], email: null };
const atMeeting: FollowUpDecisionContext = { meeting: meeting(), ownerUser: user, localAreaId: 'dorset' };
const raise = (data: Partial<Extract<FollowUpCommand, { type: 'RaiseFollowUp' }>['data']> = {}): FollowUpCommand => ({
  type: 'RaiseFollowUp',
  data: {
    followUpId,
    meetingId: 'm-2026-11',
    description: ' Bring the performance dashboard to the next meeting ',
    owner: { name: ' Sam Patel ', role: 'Head of SEND', userId: 'sam' },
    dueDate: '2026-12-14',
    ...data,
  },
});
const raised: FollowUpEvent = {
  type: 'FollowUpRaised',
  data: {
    followUpId,
    planId: 'plan-1',
    meetingId: 'm-2026-11',
    meetingDate: '2026-11-16',
    description: 'Bring the performance dashboard to the next meeting',
    owner: { ownerId: null, name: 'Sam Patel', role: 'Head of SEND', organisation: null, userId: 'sam' },
    dueDate: '2026-12-14',
  },
};
const update = (note: string, dueDate?: string): FollowUpCommand => ({ type: 'UpdateFollowUp', data: { followUpId, note, dueDate } });
const complete = (note = 'Presented at the December board'): FollowUpCommand => ({ type: 'CompleteFollowUp', data: { followUpId, note } });
const drop = (note = 'Folded into action 7.2'): FollowUpCommand => ({ type: 'DropFollowUp', data: { followUpId, note } });

describe('A follow-up from a board meeting', () => {
  it('is raised at a meeting, trimmed, knowing the meeting, its date and its plan', () => {
    expect(when(raise(), given([]), atMeeting)).toEqual([raised]);
    expect(given([raised])).toEqual({ exists: true, followUpId, planId: 'plan-1', meetingId: 'm-2026-11', meetingDate: '2026-11-16', ownerId: null, ownerUserId: 'sam', dueDate: '2026-12-14', status: 'OPEN' });
  });

  it('names its owner by id, with the organisation the directory gives; whoever is linked to that owner acts as them, so no user is kept', () => {
    const byId = { ownerId: ' o-sam ', name: 'Sam Patel', role: 'Head of SEND', organisation: 'Council', userId: 'sam' };
    const [event] = when(raise({ owner: byId }), given([]), { meeting: meeting() });
    expect(event).toMatchObject({ data: { owner: { ownerId: 'o-sam', name: 'Sam Patel', role: 'Head of SEND', organisation: 'Council', userId: null } } });
    expect(given([event])).toMatchObject({ ownerId: 'o-sam', ownerUserId: null });
    expect(refusal(() => when(raise({ owner: { ...byId, organisation: ' ' } }), given([]), { meeting: meeting() }))).toMatchObject({ field: 'owner.organisation', rule: 'required' });
  });

  it('may name no user: the owner is then a name and a role only', () => {
    const [event] = when(raise({ owner: { name: 'Chair of the parent carer forum', role: 'Parent carer forum', userId: '  ' } }), given([]), { meeting: meeting() });
    expect(event).toMatchObject({ data: { owner: { name: 'Chair of the parent carer forum', role: 'Parent carer forum', userId: null } } });
  });

  it('is raised once', () => {
    expect(refusal(() => when(raise(), given([raised]), atMeeting)).rule).toBe('followUpIsNew');
  });

  it('needs a meeting that exists, has been held and is still open', () => {
    expect(refusal(() => when(raise(), given([]), { meeting: { exists: false } })).kind).toBe('not_found');
    expect(refusal(() => when(raise(), given([]), { ...atMeeting, meeting: meeting({ closed: true }) })).rule).toBe('meetingOpen');
    expect(refusal(() => when(raise(), given([]), atMeeting, '2026-11-15T12:00:00.000Z')).rule).toBe('meetingHeld');
  });

  it('refuses a due date before the meeting, but takes the meeting’s own day', () => {
    const early = refusal(() => when(raise({ dueDate: '2026-11-15' }), given([]), atMeeting));
    expect(early).toMatchObject({ kind: 'invalid', field: 'dueDate', rule: 'notBeforeMeeting' });
    expect(early.message).toBe('dueDate (15 November 2026) cannot be before the meeting that asked for it (16 November 2026)');
    expect(when(raise({ dueDate: '2026-11-16' }), given([]), atMeeting)).toHaveLength(1);
    expect(refusal(() => when(raise({ dueDate: '2026-11-31' }), given([]), atMeeting))).toMatchObject({ field: 'dueDate', rule: 'isCalendarDate' });
  });

  it('refuses blank text, naming the field', () => {
    expect(refusal(() => when(raise({ description: ' \u200b ' }), given([]), atMeeting))).toMatchObject({ field: 'description', rule: 'required' });
    expect(refusal(() => when(raise({ owner: { name: ' ', role: 'Head of SEND' } }), given([]), atMeeting))).toMatchObject({ field: 'owner.name', rule: 'required' });
    expect(refusal(() => when(raise({ owner: { name: 'Sam Patel', role: '' } }), given([]), atMeeting))).toMatchObject({ field: 'owner.role', rule: 'required' });
    // A command that left the owner out altogether (not typed, as from a stored or hand-made command) is refused the same way, not a crash.
    const noOwner = raise({ owner: undefined as unknown as { name: string; role: string } });
    expect(refusal(() => when(noOwner, given([]), atMeeting))).toMatchObject({ kind: 'invalid', field: 'owner.name', rule: 'required' });
  });

  it('names as owner only a user who works in the plan’s area', () => {
    const unknown = refusal(() => when(raise({ owner: { name: 'Sam Patel', role: 'Head of SEND', userId: 'nobody' } }), given([]), { ...atMeeting, ownerUser: { exists: false } }));
    expect(unknown).toMatchObject({ kind: 'invalid', field: 'owner.userId', rule: 'userInArea' });
    const elsewhere = { ...user, grants: [{ role: 'ACTION_OWNER' as const, localAreaId: 'poole' }] };
    expect(refusal(() => when(raise(), given([]), { ...atMeeting, ownerUser: elsewhere })).rule).toBe('userInArea');
    // One of their roles in the plan's area is enough, whatever they hold elsewhere.
    const twoAreas = { ...user, grants: [{ role: 'BOARD_MEMBER' as const, localAreaId: 'poole' }, ...user.grants] };
    expect(when(raise(), given([]), { ...atMeeting, ownerUser: twoAreas })[0]).toMatchObject({ type: 'FollowUpRaised', data: { owner: { userId: 'sam' } } });
    // The user read must be the one named, not whoever the handler happened to load.
    expect(refusal(() => when(raise(), given([]), { ...atMeeting, ownerUser: { ...user, userId: 'jo' } })).rule).toBe('userInArea');
  });

  it('takes progress notes, moving the due date when one is given and not before the meeting', () => {
    expect(when(update(' Draft ready '), given([raised]), {}, '2026-12-01T10:00:00.000Z')).toEqual([
      { type: 'FollowUpUpdated', data: { followUpId, note: 'Draft ready', dueDate: null, on: '2026-12-01' } },
    ]);
    const moved = when(update('Deferred to January', '2027-01-18'), given([raised]));
    expect(moved).toEqual([{ type: 'FollowUpUpdated', data: { followUpId, note: 'Deferred to January', dueDate: '2027-01-18', on: '2026-11-16' } }]);
    expect(given([raised, ...moved])).toMatchObject({ dueDate: '2027-01-18', status: 'OPEN' });
    expect(when(update('Same date', '2026-12-14'), given([raised]))[0]).toMatchObject({ data: { dueDate: null } });
    // A due date sent as null, as GraphQL sends a field given no value, moves nothing.
    const nullDue: FollowUpCommand = { type: 'UpdateFollowUp', data: { followUpId, note: 'No change of date', dueDate: null as unknown as undefined } };
    expect(when(nullDue, given([raised]))[0]).toMatchObject({ data: { dueDate: null } });
    expect(refusal(() => when(update('Earlier', '2026-11-01'), given([raised])))).toMatchObject({ field: 'dueDate', rule: 'notBeforeMeeting' });
  });

  it('is completed or dropped with a note, once; nothing changes it after', () => {
    const done = when(complete(), given([raised]), {}, '2026-12-14T11:00:00.000Z');
    expect(done).toEqual([{ type: 'FollowUpCompleted', data: { followUpId, note: 'Presented at the December board', on: '2026-12-14' } }]);
    expect(given([raised, ...done]).exists && given([raised, ...done])).toMatchObject({ status: 'DONE' });
    expect(refusal(() => when(complete(), given([raised, ...done]))).rule).toBe('followUpOpen');
    expect(refusal(() => when(update('More'), given([raised, ...done]))).message).toBe('The follow-up is done; it can no longer change');
    const dropped = when(drop(), given([raised]));
    expect(dropped).toEqual([{ type: 'FollowUpDropped', data: { followUpId, note: 'Folded into action 7.2', on: '2026-11-16' } }]);
    expect(refusal(() => when(complete(), given([raised, ...dropped]))).message).toBe('The follow-up is dropped; it can no longer change');
    expect(refusal(() => when(drop(), given([raised, ...dropped]))).rule).toBe('followUpOpen');
  });

  it('needs a note for every change after it is raised', () => {
    for (const command of [update(' '), complete(''), drop('\u200b')]) expect(refusal(() => when(command, given([raised])))).toMatchObject({ field: 'note', rule: 'required' });
  });

  it('answers "not found" for anything but raising one that does not exist', () => {
    for (const command of [update('x'), complete(), drop()]) expect(refusal(() => when(command, given([]))).kind).toBe('not_found');
  });
});
