import { riskInput } from './support/mutation-catalogue';
import { withNoNewEvents } from './support/no-new-events';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TEST_AREA, TestApp } from './support/test-app';

const PLAN = 'action-log';
const SCHEDULE = `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`;
const PLAN_DECISION = `mutation ($input: RecordPlanDecisionInput!) { recordPlanDecision(input: $input) { planDecisions { subjectKind riskRef kind summary meetingDate } } }`;
const FOLLOW_UP = 'id meetingId meetingDate description owner { name role userId } dueDate status overdue closedOn notes { kind note dueDate on byName byRole }';
const RAISE = `mutation ($input: RaiseFollowUpInput!) { raiseFollowUp(input: $input) { ${FOLLOW_UP} } }`;
const UPDATE = `mutation ($input: UpdateFollowUpInput!) { updateFollowUp(input: $input) { ${FOLLOW_UP} } }`;
const COMPLETE = `mutation ($input: CloseFollowUpInput!) { completeFollowUp(input: $input) { ${FOLLOW_UP} } }`;
const DROP = `mutation ($input: CloseFollowUpInput!) { dropFollowUp(input: $input) { ${FOLLOW_UP} } }`;
const AGENDA = `query ($id: ID!) {
  meetingAgenda(meetingId: $id) {
    meeting { title }
    followUps { description dueDate overdue meetingDate }
    escalatedRisks { risk { ref escalation } escalatedSince awaitingDecision decisionsSince { kind summary } }
    openChallenges { subjectRef status }
    decisions { actionRef } planDecisions { subjectKind riskRef kind }
  }
}`;
const SAM = { name: 'Sam Patel', role: 'Head of SEND', userId: 'sam' };

describe('Plan-level decisions, the meeting action log and the agenda, over HTTP', () => {
  let app: TestApp;
  let june: string;
  let july: string;
  let riskId: string;

  const raise = (input: Record<string, unknown>, as = 'tester') =>
    app.as(as).gql(RAISE, { input: { meetingId: june, description: 'Bring the performance dashboard to the next meeting', owner: SAM, dueDate: '2026-07-13', ...input } });

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-06-15T17:00:00.000Z' });
    await app.gql(CREATE_PLAN, { input: planInput(PLAN) });
    await app.gql(CREATE_PLAN, { input: planInput('another-plan') });
    const action = (await app.gql(ADD_ACTION, { input: actionInput(PLAN, '1.1', { areaNumber: 1 }) })).data.addAction;
    // Raised Red (4 × 5 inherent, 4 × 4 current): escalated from the day it was raised.
    const raised = await app.gql(`mutation ($input: RaiseRiskInput!) { raiseRisk(input: $input) { id escalation } }`, {
      input: { ...riskInput(PLAN, [action.id]), current: { likelihood: 4, impact: 4 } },
    });
    expect(raised.data.raiseRisk.escalation).toEqual(['AT_OR_ABOVE_THRESHOLD']);
    riskId = raised.data.raiseRisk.id;
    await app.gql(`mutation ($input: RaiseChallengeInput!) { raiseChallenge(input: $input) { id } }`, {
      input: { planId: PLAN, subjectKind: 'ACTION', subjectId: action.id, question: 'Is the forecast on trajectory?' },
    });
    june = (await app.gql(SCHEDULE, { input: { planId: PLAN, type: 'BOARD', date: '2026-06-15', title: 'June board' } })).data.scheduleMeeting.id;
    july = (await app.gql(SCHEDULE, { input: { planId: PLAN, type: 'BOARD', date: '2026-07-13', title: 'July board' } })).data.scheduleMeeting.id;
    await app.addUser({ userId: 'sam', displayName: 'Sam Patel', roles: ['ACTION_OWNER'], areas: [TEST_AREA] });
    await app.addUser({ userId: 'jo', displayName: 'Jo Example', roles: ['ACTION_OWNER'], areas: [TEST_AREA] });
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: [TEST_AREA] });
    await app.addUser({ userId: 'away', roles: ['BOARD_MEMBER'], areas: ['other-area'] });
  });

  afterAll(() => app?.close());

  it('lists an escalated risk as awaiting a decision until the board records one on it', async () => {
    const before = (await app.gql(AGENDA, { id: june })).data.meetingAgenda;
    expect(before.escalatedRisks).toEqual([{ risk: { ref: 'R1', escalation: ['AT_OR_ABOVE_THRESHOLD'] }, escalatedSince: '2026-06-15', awaitingDecision: true, decisionsSince: [] }]);
    expect(before.openChallenges).toEqual([{ subjectRef: '1.1', status: 'AWAITING_ANSWER' }]);

    const decided = await app.gql(PLAN_DECISION, { input: { meetingId: june, subjectKind: 'RISK', riskId, kind: 'FURTHER_MITIGATION', summary: 'Co-locate specialist places on mainstream sites' } });
    expect(decided.errors).toBeUndefined();
    expect(decided.data.recordPlanDecision.planDecisions).toEqual([{ subjectKind: 'RISK', riskRef: 'R1', kind: 'FURTHER_MITIGATION', summary: 'Co-locate specialist places on mainstream sites', meetingDate: '2026-06-15' }]);

    const after = (await app.gql(AGENDA, { id: june })).data.meetingAgenda;
    expect(after.escalatedRisks[0]).toMatchObject({ awaitingDecision: false, decisionsSince: [{ kind: 'FURTHER_MITIGATION', summary: 'Co-locate specialist places on mainstream sites' }] });
    expect(after.planDecisions).toEqual([{ subjectKind: 'RISK', riskRef: 'R1', kind: 'FURTHER_MITIGATION' }]);
    const risk = await app.gql(`{ risk(planId: "${PLAN}", ref: "R1") { decisions { meetingId kind summary } } }`);
    expect(risk.data.risk.decisions).toEqual([{ meetingId: june, kind: 'FURTHER_MITIGATION', summary: 'Co-locate specialist places on mainstream sites' }]);
  });

  it('records a decision about the plan as a whole, and refuses a risk-only kind for it or a risk of another plan', async () => {
    const plan = await app.gql(PLAN_DECISION, { input: { meetingId: june, kind: 'AGREED', summary: 'A deep dive on sufficiency every quarter' } });
    // Both decisions carry the fixed clock's instant, so their order between them is not the point here.
    expect(plan.data.recordPlanDecision.planDecisions.find((d: { subjectKind: string }) => d.subjectKind === 'PLAN')).toEqual({ subjectKind: 'PLAN', riskRef: null, kind: 'AGREED', summary: 'A deep dive on sufficiency every quarter', meetingDate: '2026-06-15' });

    const riskOnly = await withNoNewEvents(app, () => app.gql(PLAN_DECISION, { input: { meetingId: june, kind: 'RISK_TOLERATED', summary: 'Tolerated' } }));
    expect(riskOnly.errors![0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', rule: 'riskDecisionKind' });
    const other = (await app.gql(`mutation ($input: RaiseRiskInput!) { raiseRisk(input: $input) { id } }`, { input: riskInput('another-plan') })).data.raiseRisk.id;
    const elsewhere = await withNoNewEvents(app, () => app.gql(PLAN_DECISION, { input: { meetingId: june, subjectKind: 'RISK', riskId: other, kind: 'NOTED', summary: 'Noted' } }));
    expect(elsewhere.errors![0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', rule: 'decisionOnRiskInPlan' });
    const noRisk = await withNoNewEvents(app, () => app.gql(PLAN_DECISION, { input: { meetingId: june, subjectKind: 'RISK', kind: 'NOTED', summary: 'Noted' } }));
    expect(noRisk.errors![0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', rule: 'decisionOnRiskInPlan' });
    const blank = await withNoNewEvents(app, () => app.gql(PLAN_DECISION, { input: { meetingId: june, kind: 'NOTED', summary: '   ' } }));
    expect(blank.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'summary' });
  });

  it('keeps follow-ups from meeting to meeting: raised at one, updated by the person it names, carried to the next agenda until done', async () => {
    const dashboard = await raise({});
    expect(dashboard.errors).toBeUndefined();
    expect(dashboard.data.raiseFollowUp).toMatchObject({ meetingId: june, meetingDate: '2026-06-15', owner: SAM, dueDate: '2026-07-13', status: 'OPEN', overdue: false, notes: [] });
    const id = dashboard.data.raiseFollowUp.id;
    const forum = (await raise({ description: 'Invite the parent carer forum chair', owner: { name: 'Claire Benson', role: 'Parent Carer Forum co-chair' }, dueDate: '2026-06-30' })).data.raiseFollowUp;
    const audit = (await raise({ description: 'Share the internal audit scope', dueDate: '2026-06-20' })).data.raiseFollowUp;

    // Three weeks on: the forum invitation is overdue, so it leads July's agenda.
    app.clock.set('2026-07-06T09:00:00.000Z');
    const moved = await app.as('sam').gql(UPDATE, { input: { followUpId: id, note: 'Draft with the BI team', dueDate: '2026-08-10' } });
    expect(moved.errors).toBeUndefined();
    expect(moved.data.updateFollowUp).toMatchObject({ dueDate: '2026-08-10', notes: [{ kind: 'UPDATE', note: 'Draft with the BI team', dueDate: '2026-08-10', on: '2026-07-06', byName: 'Sam Patel', byRole: 'ACTION_OWNER' }] });
    const dropped = await app.gql(DROP, { input: { followUpId: audit.id, note: 'Covered by action 1.1' } });
    expect(dropped.data.dropFollowUp).toMatchObject({ status: 'DROPPED', closedOn: '2026-07-06', overdue: false });

    const agenda = (await app.gql(AGENDA, { id: july })).data.meetingAgenda;
    expect(agenda.followUps).toEqual([
      { description: 'Invite the parent carer forum chair', dueDate: '2026-06-30', overdue: true, meetingDate: '2026-06-15' },
      { description: 'Bring the performance dashboard to the next meeting', dueDate: '2026-08-10', overdue: false, meetingDate: '2026-06-15' },
    ]);
    // June's own agenda does not carry what June itself asked for.
    expect((await app.gql(AGENDA, { id: june })).data.meetingAgenda.followUps).toEqual([]);

    const done = await app.as('sam').gql(COMPLETE, { input: { followUpId: id, note: 'Presented at the July board' } });
    expect(done.data.completeFollowUp).toMatchObject({ status: 'DONE', closedOn: '2026-07-06' });
    const twice = await withNoNewEvents(app, () => app.gql(COMPLETE, { input: { followUpId: id, note: 'Again' } }));
    expect(twice.errors![0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', rule: 'followUpOpen' });

    const log = await app.gql(`{ meetingActionLog(planId: "${PLAN}", statuses: [OPEN, DONE, DROPPED], meetingId: "${june}") { description status } }`);
    expect(log.data.meetingActionLog.map((f: { status: string }) => f.status).sort()).toEqual(['DONE', 'DROPPED', 'OPEN']);
    expect((await app.gql(AGENDA, { id: july })).data.meetingAgenda.followUps.map((f: { description: string }) => f.description)).toEqual([forum.description]);

    // The log as it stood on 20 June, folded from the events: nothing done or moved yet, nothing overdue on that day.
    const asAt = async (day: string) =>
      (await app.gql(`{ meetingActionLog(planId: "${PLAN}", statuses: [OPEN, DONE, DROPPED], asAt: "${day}") { id status dueDate overdue notes { kind } } }`)).data.meetingActionLog;
    expect(await asAt('2026-06-20')).toEqual([
      { id: audit.id, status: 'OPEN', dueDate: '2026-06-20', overdue: false, notes: [] },
      { id: forum.id, status: 'OPEN', dueDate: '2026-06-30', overdue: false, notes: [] },
      { id, status: 'OPEN', dueDate: '2026-07-13', overdue: false, notes: [] },
    ]);
    expect((await asAt('2026-06-21')).find((f: { id: string }) => f.id === audit.id).overdue).toBe(true);
    expect((await asAt('2026-07-06')).find((f: { id: string }) => f.id === id)).toEqual({ id, status: 'DONE', dueDate: '2026-08-10', overdue: false, notes: [{ kind: 'UPDATE' }, { kind: 'COMPLETED' }] });
    const before = await app.gql(`{ meetingActionLog(planId: "${PLAN}", asAt: "2020-01-01") { id } }`);
    expect(before.errors![0].extensions?.code).toBe('NOT_FOUND');
    app.clock.set('2026-06-15T17:00:00.000Z');
  });

  it('names the owner by id: everyone linked to that owner may report on it, nobody else but the board', async () => {
    const owned = (await app.gql(`{ action(planId: "${PLAN}", ref: "1.1") { owner { id name } } }`)).data.action.owner;
    await app.addUser({ userId: 'alex-laptop', displayName: 'Alex Morgan', owner: { name: 'Alex Morgan', organisation: 'Council' }, roles: ['ACTION_OWNER'], areas: [TEST_AREA] });
    const BY_ID = `mutation ($input: RaiseFollowUpInput!) { raiseFollowUp(input: $input) { id owner { id name role organisation userId } } }`;
    const raised = await app.gql(BY_ID, { input: { meetingId: june, description: 'Reconcile the Q1 forecast', ownedBy: { ownerId: owned.id }, dueDate: '2026-07-13' } });
    expect(raised.errors).toBeUndefined();
    expect(raised.data.raiseFollowUp.owner).toEqual({ id: owned.id, name: 'Alex Morgan', role: expect.any(String), organisation: 'Council', userId: null });
    const id = raised.data.raiseFollowUp.id;
    const linked = await app.as('alex-laptop').gql(UPDATE, { input: { followUpId: id, note: 'Figures with the finance team' } });
    expect(linked.errors).toBeUndefined();
    const sam = await withNoNewEvents(app, () => app.as('sam').gql(UPDATE, { input: { followUpId: id, note: 'Not mine' } }));
    expect(sam.errors![0].extensions?.code).toBe('FORBIDDEN');

    // By user id: the owner that person is linked to; a person linked to none cannot be named.
    const byUser = await app.gql(BY_ID, { input: { meetingId: june, description: 'Share the reconciliation', ownedBy: { userId: 'alex-laptop' }, dueDate: '2026-07-13' } });
    expect(byUser.data.raiseFollowUp.owner).toMatchObject({ id: owned.id, name: 'Alex Morgan' });
    const unlinked = await withNoNewEvents(app, () => app.gql(BY_ID, { input: { meetingId: june, description: 'x', ownedBy: { userId: 'jo' }, dueDate: '2026-07-13' } }));
    expect(unlinked.errors![0].extensions).toMatchObject({ field: 'ownedBy.userId' });
    const both = await withNoNewEvents(app, () => app.gql(BY_ID, { input: { meetingId: june, description: 'x', ownedBy: { ownerId: owned.id }, owner: SAM, dueDate: '2026-07-13' } }));
    expect(both.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    const neither = await withNoNewEvents(app, () => app.gql(BY_ID, { input: { meetingId: june, description: 'x', dueDate: '2026-07-13' } }));
    expect(neither.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    // A rename reaches the follow-ups that name the owner by id, live and as at any instant after it.
    const RENAME = `mutation ($input: RenameOwnerInput!) { renameOwner(input: $input) { name } }`;
    const LOG = `query ($when: String) { meetingActionLog(planId: "${PLAN}", recordedBy: $when) { id owner { name } } }`;
    const nameOf = async (when?: string) => (await app.gql(LOG, { when })).data.meetingActionLog.find((f: { id: string }) => f.id === id).owner.name;
    try {
      app.clock.set('2026-06-16T09:00:00.000Z');
      expect((await app.gql(RENAME, { input: { ownerId: owned.id, name: 'Alex Morgan-Reid' } })).errors).toBeUndefined();
      expect(await nameOf()).toBe('Alex Morgan-Reid');
      expect(await nameOf('2026-06-16T09:00:00Z')).toBe('Alex Morgan-Reid');
      expect(await nameOf('2026-06-15')).toBe('Alex Morgan');
    } finally {
      await app.gql(RENAME, { input: { ownerId: owned.id, name: 'Alex Morgan' } });
      app.clock.set('2026-06-15T17:00:00.000Z');
    }
  });

  it('refuses a due date before the meeting and blank text, naming the field, and writes nothing', async () => {
    const early = await withNoNewEvents(app, () => raise({ dueDate: '2026-06-14' }));
    expect(early.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueDate', rule: 'notBeforeMeeting' });
    const blank = await withNoNewEvents(app, () => raise({ description: ' \u200b ' }));
    expect(blank.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
    const owner = await withNoNewEvents(app, () => raise({ owner: { ...SAM, userId: 'away' } }));
    expect(owner.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'owner.userId', rule: 'userInArea' });
    const notYet = await withNoNewEvents(app, () => raise({ meetingId: july, dueDate: '2026-08-01' }));
    expect(notYet.errors![0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', rule: 'meetingHeld' });
  });

  it('lets only the board and the person a follow-up names change it; the DfE adviser reads it, and another area does not see it', async () => {
    const id = (await raise({ description: 'Circulate the sufficiency paper' })).data.raiseFollowUp.id;
    const jo = await withNoNewEvents(app, () => app.as('jo').gql(UPDATE, { input: { followUpId: id, note: 'Mine now' } }));
    expect(jo.errors![0].extensions?.code).toBe('FORBIDDEN');
    expect(jo.errors![0].message).toMatch(/the follow-up's owner/);
    const samDrops = await withNoNewEvents(app, () => app.as('sam').gql(DROP, { input: { followUpId: id, note: 'Not needed' } }));
    expect(samDrops.errors![0].extensions?.code).toBe('FORBIDDEN');
    const adviserRaises = await withNoNewEvents(app, () => raise({}, 'adviser'));
    expect(adviserRaises.errors![0].extensions?.code).toBe('FORBIDDEN');
    const read = await app.as('adviser').gql(`{ meetingActionLog(planId: "${PLAN}") { description } }`);
    expect(read.data.meetingActionLog.map((f: { description: string }) => f.description)).toContain('Circulate the sufficiency paper');
    expect((await app.as('adviser').gql(AGENDA, { id: july })).errors).toBeUndefined();
    const away = await app.as('away').gql(AGENDA, { id: july });
    expect(away.errors![0].extensions?.code).toBe('NOT_FOUND');
    const awayUpdate = await withNoNewEvents(app, () => app.as('away').gql(UPDATE, { input: { followUpId: id, note: 'x' } }));
    expect(awayUpdate.errors![0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('The demo plan’s action log and board decisions', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loadDemoPlan: true, now: '2026-11-23T08:00:00.000Z', areas: ['demo-area'] });
  });

  afterAll(() => app?.close());

  it('carries follow-ups across the three meetings: two done, one dropped, one overdue, one open', async () => {
    const { data, errors } = await app.as('dfe-adviser').gql(`{
      meetings(planId: "demo-plan") { id date planDecisions { subjectKind riskRef kind } }
      meetingActionLog(planId: "demo-plan", statuses: [OPEN, DONE, DROPPED]) { meetingId status overdue owner { userId } notes { kind byRole } }
    }`);
    expect(errors).toBeUndefined();
    const [first, second, third] = data.meetings;
    const summary = data.meetingActionLog.map((f: { meetingId: string; status: string; overdue: boolean }) => [[first.id, second.id, third.id].indexOf(f.meetingId) + 1, f.status, f.overdue]);
    expect(summary.sort()).toEqual([[1, 'DONE', false], [1, 'DONE', false], [2, 'DROPPED', false], [2, 'OPEN', true], [3, 'OPEN', false]]);
    // Each owner reported on their own follow-up; the board dropped the one overtaken.
    const notes = data.meetingActionLog.flatMap((f: { notes: { kind: string; byRole: string }[] }) => f.notes.map((n) => `${n.kind} by ${n.byRole}`));
    expect(notes.sort()).toEqual(['COMPLETED by ACTION_OWNER', 'COMPLETED by ACTION_OWNER', 'DROPPED by BOARD_CHAIR', 'UPDATE by ACTION_OWNER']);
    expect(third.planDecisions).toEqual([
      { subjectKind: 'PLAN', riskRef: null, kind: 'AGREED' },
      { subjectKind: 'RISK', riskRef: 'R1', kind: 'FURTHER_MITIGATION' },
    ]);

    // As at the second board's close: what the first asked for is done, what the second asked for is open, the third's not yet asked.
    const then = await app.gql(`query ($m: ID!) { meetingActionLog(planId: "demo-plan", asAtMeeting: $m) { meetingId status } }`, { m: second.id });
    expect(then.data.meetingActionLog).toEqual([{ meetingId: second.id, status: 'OPEN' }, { meetingId: second.id, status: 'OPEN' }]);

    const agenda = (await app.gql(`query ($id: ID!) { meetingAgenda(meetingId: $id) { followUps { status overdue } escalatedRisks { risk { ref } awaitingDecision } } }`, { id: third.id })).data.meetingAgenda;
    expect(agenda.followUps).toEqual([{ status: 'OPEN', overdue: true }]);
    const r1 = agenda.escalatedRisks.find((r: { risk: { ref: string } }) => r.risk.ref === 'R1');
    expect(r1).toEqual({ risk: { ref: 'R1' }, awaitingDecision: false });
    expect(agenda.escalatedRisks.some((r: { awaitingDecision: boolean }) => r.awaitingDecision)).toBe(true);
  });
});
