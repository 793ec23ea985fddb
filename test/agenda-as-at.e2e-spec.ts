import { riskInput } from './support/mutation-catalogue';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A history with known answers (threshold 15). Before the March board (5 March): R1 is raised at
 * 16, action 1.1 is challenged, and the board asks for a follow-up. At it: a decision on R1 and
 * one on the plan; it closes and the April board is scheduled. By 20 March the follow-up is done,
 * the challenge resolved, R1 re-scored to 9 and R2 raised at 20.
 */
const PLAN = 'agenda-then';
const AGENDA = `query ($meetingId: ID!, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  meetingAgenda(meetingId: $meetingId, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) {
    meeting { id title closed planDecisions { kind summary } }
    followUps { description status overdue notes { kind } }
    escalatedRisks { risk { ref current { score } escalation decisions { kind } } escalatedSince awaitingDecision decisionsSince { kind summary } }
    slippingDependencies { action { ref } }
    openChallenges { subjectRef status messages { kind text } }
    decisions { kind } planDecisions { kind summary }
  }
}`;
const MEETINGS = `query ($recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  meetings(planId: "${PLAN}", recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) { id title closed planDecisions { subjectKind kind summary } decisions { kind } }
}`;
const RISK_DECISIONS = `query ($recordedBy: String) { risk(planId: "${PLAN}", ref: "R1", recordedBy: $recordedBy) { current { score } decisions { kind summary } } }`;
const op = (name: string, inputType: string, fields = 'id') => `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`;

describe('The agenda, the meetings and their decisions as at an earlier instant or board meeting, over HTTP', () => {
  let app: TestApp;
  let march: string;
  let april: string;

  const on = (day: string) => app.clock.set(`${day}T10:00:00.000Z`);
  const must = async (pending: Promise<{ data?: any; errors?: unknown }>, field: string) => {
    const res = await pending;
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data[field];
  };
  const agenda = async (variables: Record<string, unknown>) => must(app.gql(AGENDA, variables), 'meetingAgenda');

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-03-02T10:00:00.000Z' });
    await must(app.gql(CREATE_PLAN, { input: planInput(PLAN) }), 'createPlan');
    const action = await must(app.gql(ADD_ACTION, { input: actionInput(PLAN, '1.1', { areaNumber: 1 }) }), 'addAction');
    march = (await must(app.gql(op('scheduleMeeting', 'ScheduleMeetingInput'), { input: { planId: PLAN, type: 'BOARD', date: '2026-03-05', title: 'March board' } }), 'scheduleMeeting')).id;
    const r1 = await must(app.gql(op('raiseRisk', 'RaiseRiskInput', 'id revision'), { input: { ...riskInput(PLAN), current: { likelihood: 4, impact: 4 } } }), 'raiseRisk');
    const challenge = await must(app.gql(op('raiseChallenge', 'RaiseChallengeInput'), { input: { planId: PLAN, subjectKind: 'ACTION', subjectId: action.id, question: 'Is the forecast on trajectory?' } }), 'raiseChallenge');

    on('2026-03-05');
    const followUp = await must(
      app.gql(op('raiseFollowUp', 'RaiseFollowUpInput'), { input: { meetingId: march, description: 'Bring the performance dashboard', owner: { name: 'Alex Morgan', role: 'Finance Lead' }, dueDate: '2026-03-12' } }),
      'raiseFollowUp',
    );
    await must(app.gql(op('recordPlanDecision', 'RecordPlanDecisionInput'), { input: { meetingId: march, subjectKind: 'RISK', riskId: r1.id, kind: 'FURTHER_MITIGATION', summary: 'Placement panel to report monthly' } }), 'recordPlanDecision');
    app.clock.set('2026-03-05T11:00:00.000Z');
    await must(app.gql(op('recordPlanDecision', 'RecordPlanDecisionInput'), { input: { meetingId: march, kind: 'AGREED', summary: 'A deep dive on sufficiency every quarter' } }), 'recordPlanDecision');
    app.clock.set('2026-03-05T16:00:00.000Z');
    await must(app.gql(op('closeMeeting', 'CloseMeetingInput'), { input: { meetingId: march } }), 'closeMeeting');
    on('2026-03-06');
    april = (await must(app.gql(op('scheduleMeeting', 'ScheduleMeetingInput'), { input: { planId: PLAN, type: 'BOARD', date: '2026-04-09', title: 'April board' } }), 'scheduleMeeting')).id;

    on('2026-03-20');
    await must(app.gql(op('completeFollowUp', 'CloseFollowUpInput'), { input: { followUpId: followUp.id, note: 'Presented' } }), 'completeFollowUp');
    await must(app.gql(op('answerChallenge', 'AnswerChallengeInput'), { input: { challengeId: challenge.id, answer: 'Yes, within £0.5m.' } }), 'answerChallenge');
    await must(app.gql(op('resolveChallenge', 'ResolveChallengeInput'), { input: { challengeId: challenge.id, note: 'Satisfied' } }), 'resolveChallenge');
    await must(app.gql(op('rescoreRisk', 'RescoreRiskInput'), { input: { riskId: r1.id, expectedRevision: r1.revision, current: { likelihood: 3, impact: 3 }, commentary: 'Panel working', asOfDate: '2026-03-20' } }), 'rescoreRisk');
    await must(app.gql(op('raiseRisk', 'RaiseRiskInput'), { input: { ...riskInput(PLAN), ref: 'R2', current: { likelihood: 4, impact: 5 } } }), 'raiseRisk');
    on('2026-04-01');
  });

  afterAll(() => app?.close());

  it('reads the April agenda live: the follow-up done, the challenge resolved, only R2 escalated and awaiting a decision', async () => {
    expect(await agenda({ meetingId: april })).toMatchObject({
      meeting: { title: 'April board', closed: false },
      followUps: [],
      escalatedRisks: [{ risk: { ref: 'R2', current: { score: 20 } }, escalatedSince: '2026-03-20', awaitingDecision: true, decisionsSince: [] }],
      openChallenges: [],
      planDecisions: [],
    });
  });

  it('reads the April agenda as it stood on 13 March: the follow-up open and overdue, R1 escalated with the decision on it, the challenge open', async () => {
    expect(await agenda({ meetingId: april, recordedBy: '2026-03-13' })).toEqual({
      meeting: { id: april, title: 'April board', closed: false, planDecisions: [] },
      followUps: [{ description: 'Bring the performance dashboard', status: 'OPEN', overdue: true, notes: [] }],
      escalatedRisks: [
        {
          risk: { ref: 'R1', current: { score: 16 }, escalation: ['AT_OR_ABOVE_THRESHOLD'], decisions: [{ kind: 'FURTHER_MITIGATION' }] },
          escalatedSince: '2026-03-02',
          awaitingDecision: false,
          decisionsSince: [{ kind: 'FURTHER_MITIGATION', summary: 'Placement panel to report monthly' }],
        },
      ],
      slippingDependencies: [],
      openChallenges: [{ subjectRef: '1.1', status: 'AWAITING_ANSWER', messages: [{ kind: 'QUESTION', text: 'Is the forecast on trajectory?' }] }],
      decisions: [],
      planDecisions: [],
    });
  });

  it('reads the March agenda as the board had it when the meeting closed, with its decisions; the April board was not yet scheduled then', async () => {
    const then = await agenda({ meetingId: march, asAtMeeting: march });
    expect(then.meeting).toEqual({ id: march, title: 'March board', closed: true, planDecisions: [{ kind: 'FURTHER_MITIGATION', summary: 'Placement panel to report monthly' }, { kind: 'AGREED', summary: 'A deep dive on sufficiency every quarter' }] });
    expect(then.planDecisions).toEqual(then.meeting.planDecisions);
    // What the March board asked for is on the next meeting's agenda, not its own.
    expect(then.followUps).toEqual([]);
    expect(then.escalatedRisks.map((r: { risk: { ref: string } }) => r.risk.ref)).toEqual(['R1']);
    const notYet = await app.gql(AGENDA, { meetingId: april, asAtMeeting: march });
    expect(notYet.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(notYet.errors?.[0].message).toMatch(/as at 2026-03-05T16:00:00/);
  });

  it('reads the agenda as at now the same as live, part by part', async () => {
    for (const meetingId of [march, april]) expect(await agenda({ meetingId, recordedBy: '2026-04-01T10:00:00.000Z' })).toEqual(await agenda({ meetingId }));
  });

  it('lists the meetings and their decisions as they stood, and a risk’s decisions as at the register’s instant', async () => {
    const meetings = (variables: Record<string, unknown>) => must(app.gql(MEETINGS, variables), 'meetings');
    expect(await meetings({ recordedBy: '2026-03-04' })).toEqual([{ id: march, title: 'March board', closed: false, planDecisions: [], decisions: [] }]);
    const afterMarch = await meetings({ asAtMeeting: march });
    expect(afterMarch).toHaveLength(1);
    expect(afterMarch[0]).toMatchObject({ closed: true, planDecisions: [{ subjectKind: 'RISK', kind: 'FURTHER_MITIGATION' }, { subjectKind: 'PLAN', kind: 'AGREED' }] });
    expect(await meetings({ recordedBy: '2026-04-01T10:00:00.000Z' })).toEqual(await meetings({}));
    expect((await meetings({})).map((m: { title: string }) => m.title)).toEqual(['March board', 'April board']);

    expect(await must(app.gql(RISK_DECISIONS, { recordedBy: '2026-03-04' }), 'risk')).toEqual({ current: { score: 16 }, decisions: [] });
    expect(await must(app.gql(RISK_DECISIONS, { recordedBy: '2026-03-13' }), 'risk')).toEqual({ current: { score: 16 }, decisions: [{ kind: 'FURTHER_MITIGATION', summary: 'Placement panel to report monthly' }] });
    expect(await must(app.gql(RISK_DECISIONS, {}), 'risk')).toEqual({ current: { score: 9 }, decisions: [{ kind: 'FURTHER_MITIGATION', summary: 'Placement panel to report monthly' }] });
  });

  it('refuses a day that does not exist, or one before the plan, naming the argument, and hides another area’s meetings', async () => {
    const badDay = await app.gql(AGENDA, { meetingId: april, recordedBy: '2026-02-30' });
    expect(badDay.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(badDay.errors?.[0].message).toMatch(/recordedBy/);
    const before = await app.gql(MEETINGS, { recordedBy: '2025-01-01' });
    expect(before.errors?.[0].message).toMatch(/2025/);
    const knownAtAlone = await app.gql(MEETINGS, { knownAt: 'now' });
    expect(knownAtAlone.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await app.addUser({ userId: 'elsewhere', roles: ['BOARD_CHAIR'], areas: ['other-area'] });
    const hidden = await app.as('elsewhere').gql(AGENDA, { meetingId: april, recordedBy: '2026-03-13' });
    expect(hidden.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect((await app.as('elsewhere').gql(MEETINGS, { recordedBy: '2026-03-13' })).errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});
