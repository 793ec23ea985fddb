import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

const MEETING = 'id type date title closed minutesReference attendees { name capacity } apologies { name } decisions { actionRef kind summary }';
const SCHEDULE = `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${MEETING} } }`;
const ATTENDANCE = `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { ${MEETING} } }`;
const DECISION = `mutation ($input: RecordDecisionInput!) { recordDecision(input: $input) { ${MEETING} } }`;
const CLOSE = `mutation ($input: CloseMeetingInput!) { closeMeeting(input: $input) { ${MEETING} } }`;

describe('Board meetings, attendance and decisions, over HTTP', () => {
  let app: TestApp;
  let actionId: string;
  let meetingId: string;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-11-16T17:00:00.000Z' });
    await app.gql(CREATE_PLAN, { input: planInput('meetings') });
    actionId = (await app.gql(ADD_ACTION, { input: actionInput('meetings', '8.2') })).data.addAction.id;
    await app.addUser({ userId: 'member', roles: ['BOARD_MEMBER'], areas: ['test-area'] });
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    await app.addUser({ userId: 'office', roles: ['PLAN_ADMINISTRATOR'], areas: ['test-area'] });
    await app.addUser({ userId: 'elsewhere', roles: ['BOARD_CHAIR'], areas: ['other-area'] });
  });

  afterAll(() => app?.close());

  it('records a meeting from scheduling to closing, and the decision shows in the action’s timeline', async () => {
    const scheduled = await app.as('member').gql(SCHEDULE, {
      input: { planId: 'meetings', type: 'BOARD', date: '2026-11-16', title: 'SEND Improvement Board, November 2026' },
    });
    expect(scheduled.errors).toBeUndefined();
    meetingId = scheduled.data.scheduleMeeting.id;

    const attendance = await app.gql(ATTENDANCE, {
      input: {
        meetingId,
        attendees: [
          { name: 'Prof. Judith Ashworth', capacity: 'Independent chair' },
          { name: 'DfE SEND adviser', capacity: 'Department for Education' },
        ],
        apologies: [{ name: 'Claire Benson', capacity: 'Parent Carer Forum co-chair' }],
      },
    });
    expect(attendance.data.recordAttendance.attendees).toHaveLength(2);

    const decided = await app.gql(DECISION, {
      input: { meetingId, actionId, kind: 'ESCALATED', summary: 'Forecast gap of £71m against £57.5m budget escalated to the DfE adviser' },
    });
    expect(decided.errors).toBeUndefined();
    expect(decided.data.recordDecision.decisions).toEqual([
      { actionRef: '8.2', kind: 'ESCALATED', summary: 'Forecast gap of £71m against £57.5m budget escalated to the DfE adviser' },
    ]);

    const closed = await app.gql(CLOSE, { input: { meetingId, minutesReference: 'SIB minutes 2026-11-16' } });
    expect(closed.data.closeMeeting).toMatchObject({ closed: true, minutesReference: 'SIB minutes 2026-11-16' });

    const timeline = (await app.gql(`{ action(id: "${actionId}") { timeline { eventType meetingId revision summary actor { userId role } } } }`)).data.action.timeline;
    expect(timeline.at(-1)).toEqual({
      eventType: 'DecisionRecorded',
      meetingId,
      revision: null,
      summary: 'Board meeting of 2026-11-16 decided (escalated): Forecast gap of £71m against £57.5m budget escalated to the DfE adviser',
      actor: { userId: 'tester', role: 'BOARD_CHAIR' },
    });
  });

  it('lets the DfE adviser read the meetings, and refuses them any change', async () => {
    const read = await app.as('adviser').gql(`{ meetings(planId: "meetings") { id decisions { kind } } }`);
    expect(read.data.meetings).toEqual([{ id: meetingId, decisions: [{ kind: 'ESCALATED' }] }]);
    const before = await app.allEvents();
    const refused = await app.as('adviser').gql(SCHEDULE, { input: { planId: 'meetings', type: 'DFE_QUARTERLY_REVIEW', date: '2026-12-01', title: 'Q3 review' } });
    expect(refused.errors![0].extensions?.code).toBe('FORBIDDEN');
    expect(await app.allEvents()).toEqual(before);
  });

  it('keeps meetings to board roles: the programme office may not record them', async () => {
    const refused = await app.as('office').gql(SCHEDULE, { input: { planId: 'meetings', type: 'BOARD', date: '2026-12-14', title: 'December board' } });
    expect(refused.errors![0].extensions?.code).toBe('FORBIDDEN');
  });

  it('hides another area’s meetings', async () => {
    expect((await app.as('elsewhere').gql(`{ meeting(id: "${meetingId}") { id } }`)).errors![0].extensions?.code).toBe('NOT_FOUND');
    const before = await app.allEvents();
    const refused = await app.as('elsewhere').gql(CLOSE, { input: { meetingId } });
    expect(refused.errors![0].extensions?.code).toBe('NOT_FOUND');
    expect(await app.allEvents()).toEqual(before);
  });

  it('refuses to change a closed meeting, or minute a meeting before its day', async () => {
    const late = await app.gql(DECISION, { input: { meetingId, actionId, kind: 'NOTED', summary: 'After the fact' } });
    expect(late.errors![0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', rule: 'meetingOpen' });
    const future = await app.gql(SCHEDULE, { input: { planId: 'meetings', type: 'BOARD', date: '2027-01-18', title: 'January board' } });
    const early = await app.gql(DECISION, { input: { meetingId: future.data.scheduleMeeting.id, actionId, kind: 'NOTED', summary: 'Too early' } });
    expect(early.errors![0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', rule: 'meetingHeld' });
  });
});
