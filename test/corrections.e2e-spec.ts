import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { GraphQLResponse, startTestApp, TestApp } from './support/test-app';

/**
 * The board is told something at a meeting; afterwards an owner's update turns out to have been
 * wrong and is corrected. "As at the meeting" must still answer exactly what the board was told,
 * and "as at the meeting, known now" must show the correction.
 */
const PLAN = 'corrections';
const ROLL_UP = 'total red amber green notYetRated';
const ACTION = `id ref rag latestCommentary lastAsAt lastUpdatedOn stale revision asAt knownAt
  timeline { at recordedAt revision eventType supersedesRevision supersededByRevision summary changes { field from to } actor { userId role } }`;
const PLAN_AT_MEETING = `query ($meetingId: ID!, $knownAt: String) {
  plan(id: "${PLAN}", asAtMeeting: $meetingId, knownAt: $knownAt) {
    asAt knownAt rollUp { ${ROLL_UP} } areas { number rollUp { ${ROLL_UP} } }
    actions(first: 10) { edges { node { ${ACTION} } } }
  }
}`;
const REPORT = change('reportProgress', 'ReportProgressInput');
const CORRECT = change('correctProgress', 'CorrectProgressInput');
const MEETING = 'id closed';

describe('Corrections and "as known at", over HTTP', () => {
  let app: TestApp;
  let actionId: string;
  let meetingId: string;
  let reportedRevision: number;
  let toldAtMeeting: GraphQLResponse;

  const at = (instant: string) => app.clock.set(instant);
  const actionNow = async () => (await app.gql(`{ action(id: "${actionId}") { ${ACTION} } }`)).data.action;
  const refusal = async (userId: string, input: Record<string, unknown>) => {
    const before = await app.allEvents();
    const result = await app.as(userId).gql(CORRECT, { input: { actionId, ...input } });
    expect(await app.allEvents()).toEqual(before);
    expect(result.errors).toHaveLength(1);
    return result.errors![0];
  };

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-11-01T09:00:00.000Z' });
    await app.addUser({ userId: 'office', roles: ['PLAN_ADMINISTRATOR'], areas: ['test-area'] });
    await app.addUser({ userId: 'member', roles: ['BOARD_MEMBER'], areas: ['test-area'] });
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    await app.gql(CREATE_PLAN, { input: planInput(PLAN) });
    const added = (await app.gql(ADD_ACTION, { input: actionInput(PLAN, '8.2', { milestones: [] }) })).data.addAction;
    actionId = added.id;

    at('2026-11-02T11:00:00.000Z');
    const reported = await app.gql(REPORT, {
      input: { actionId, expectedRevision: added.revision, rag: 'GREEN', commentary: 'Recovery plan on track; forecast within budget.', asAt: '2026-11-02' },
    });
    expect(reported.errors).toBeUndefined();
    reportedRevision = reported.data.reportProgress.revision;

    at('2026-11-16T10:00:00.000Z');
    meetingId = (
      await app.gql(`mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${MEETING} } }`, {
        input: { planId: PLAN, type: 'BOARD', date: '2026-11-16', title: 'SEND Improvement Board, November 2026' },
      })
    ).data.scheduleMeeting.id;
    at('2026-11-16T17:00:00.000Z');
    await app.gql(`mutation ($input: CloseMeetingInput!) { closeMeeting(input: $input) { ${MEETING} } }`, {
      input: { meetingId, minutesReference: 'SIB minutes 2026-11-16' },
    });
    toldAtMeeting = await app.gql(PLAN_AT_MEETING, { meetingId });
    expect(toldAtMeeting.errors).toBeUndefined();

    // After the meeting: a new update, then the finance lead finds the 2 November one was wrong.
    at('2026-11-18T09:30:00.000Z');
    const later = await app.gql(REPORT, {
      input: { actionId, expectedRevision: reportedRevision, rag: 'AMBER', commentary: 'Forecast gap under review with the DfE adviser.', asAt: '2026-11-18' },
    });
    expect(later.errors).toBeUndefined();
  });

  afterAll(() => app?.close());

  it('refuses a correction from the DfE adviser and a board member, and appends nothing', async () => {
    const input = { expectedRevision: reportedRevision + 1, supersedesRevision: reportedRevision, rag: 'RED', commentary: 'x', asAt: '2026-11-02', reason: 'y' };
    expect((await refusal('adviser', input)).extensions?.code).toBe('FORBIDDEN');
    expect((await refusal('member', input)).extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses to correct something that is not a progress update', async () => {
    const error = await refusal('office', {
      expectedRevision: reportedRevision + 1,
      supersedesRevision: 0,
      rag: 'RED',
      commentary: 'The forecast used the wrong quarter.',
      asAt: '2026-11-02',
      reason: 'Wrong quarter',
    });
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', rule: 'progressUpdateExists' });
    expect(error.message).toBe('Revision 0 of this action is not a progress update, so there is nothing to correct');
  });

  it('records the correction; the later update stays the current one and the timeline shows both, with both times', async () => {
    at('2026-11-20T14:00:00.000Z');
    const corrected = await app.as('office').gql(CORRECT, {
      input: {
        actionId,
        expectedRevision: reportedRevision + 1,
        supersedesRevision: reportedRevision,
        rag: 'RED',
        commentary: 'Forecast gap of £71m against a budgeted £57.5m; the earlier figure used the wrong quarter.',
        asAt: '2026-11-02',
        reason: 'The 2 November forecast used Q1 figures',
      },
    });
    expect(corrected.errors).toBeUndefined();
    const action = await actionNow();
    expect(action).toMatchObject({ rag: 'AMBER', latestCommentary: 'Forecast gap under review with the DfE adviser.', lastAsAt: '2026-11-18', revision: reportedRevision + 2 });
    const [original, correction] = [action.timeline.find((t: any) => t.revision === reportedRevision), action.timeline.at(-1)];
    expect(original).toMatchObject({ eventType: 'ProgressReported', at: '2026-11-02T11:00:00.000Z', supersededByRevision: reportedRevision + 2, supersedesRevision: null });
    expect(correction).toMatchObject({
      eventType: 'ProgressCorrected',
      at: '2026-11-20T14:00:00.000Z',
      revision: reportedRevision + 2,
      supersedesRevision: reportedRevision,
      supersededByRevision: null,
      summary: `Correction of the update at revision ${reportedRevision} (as at 2026-11-02, Green): now as at 2026-11-02, Red. Forecast gap of £71m against a budgeted £57.5m; the earlier figure used the wrong quarter. Reason: The 2 November forecast used Q1 figures`,
      actor: { userId: 'office', role: 'PLAN_ADMINISTRATOR' },
    });
    expect(correction.changes).toEqual([
      { field: 'rag', from: 'GREEN', to: 'RED' },
      { field: 'commentary', from: 'Recovery plan on track; forecast within budget.', to: 'Forecast gap of £71m against a budgeted £57.5m; the earlier figure used the wrong quarter.' },
      { field: 'asAt', from: '2026-11-02', to: '2026-11-02' },
    ]);
  });

  it('refuses to correct an update a second time: the correction is what may be corrected now', async () => {
    const error = await refusal('office', {
      expectedRevision: reportedRevision + 2,
      supersedesRevision: reportedRevision,
      rag: 'AMBER',
      commentary: 'Another go',
      asAt: '2026-11-02',
      reason: 'Second thoughts',
    });
    expect(error.extensions).toMatchObject({ code: 'FAILED_PRECONDITION', rule: 'correctsLatestVersion' });
  });

  it('as at the meeting answers exactly what the board was told, byte for byte', async () => {
    expect(await app.gql(PLAN_AT_MEETING, { meetingId })).toEqual(toldAtMeeting);
    expect(await app.gql(PLAN_AT_MEETING, { meetingId, knownAt: '2026-11-16T17:00:00.000Z' })).toEqual(toldAtMeeting);
    expect(toldAtMeeting.data.plan.actions.edges[0].node).toMatchObject({ rag: 'GREEN', latestCommentary: 'Recovery plan on track; forecast within budget.' });
    expect(toldAtMeeting.data.plan.rollUp).toEqual({ total: 1, red: 0, amber: 0, green: 1, notYetRated: 0 });
  });

  it('as at the meeting, known now, applies the correction but not the update made after the meeting', async () => {
    const known = (await app.gql(PLAN_AT_MEETING, { meetingId, knownAt: 'now' })).data.plan;
    expect(known).toMatchObject({ asAt: '2026-11-16T17:00:00.000Z', knownAt: '2026-11-20T14:00:00.000Z', rollUp: { total: 1, red: 1, green: 0, amber: 0 } });
    const action = known.actions.edges[0].node;
    expect(action).toMatchObject({
      rag: 'RED',
      latestCommentary: 'Forecast gap of £71m against a budgeted £57.5m; the earlier figure used the wrong quarter.',
      lastAsAt: '2026-11-02',
      asAt: '2026-11-16T17:00:00.000Z',
      knownAt: '2026-11-20T14:00:00.000Z',
    });
    expect(action.timeline.map((t: any) => [t.eventType, t.revision, t.supersededByRevision])).toEqual([
      ['ActionAdded', 0, null],
      ['ProgressReported', reportedRevision, reportedRevision + 2],
      ['ProgressCorrected', reportedRevision + 2, null],
    ]);
    const between = (await app.gql(PLAN_AT_MEETING, { meetingId, knownAt: '2026-11-19' })).data.plan;
    expect(between.actions.edges[0].node.rag).toBe('GREEN');
  });

  it('offers both on the meeting itself: as the board was told, and as now known', async () => {
    const fields = `asAt knownAt rollUp { ${ROLL_UP} } areas { number rollUp { ${ROLL_UP} } } actions(first: 10) { edges { node { ${ACTION} } } }`;
    const both = await app.gql(`{ meeting(id: "${meetingId}") { told: plan { ${fields} } known: plan(known: NOW) { ${fields} } } }`);
    expect(both.errors).toBeUndefined();
    expect(both.data.meeting.told).toEqual(toldAtMeeting.data.plan);
    expect(both.data.meeting.known).toEqual((await app.gql(PLAN_AT_MEETING, { meetingId, knownAt: 'now' })).data.plan);
    expect(both.data.meeting.known.rollUp.red).toBe(1);
  });

  it('shows what moved up to the meeting as told then, and as now known', async () => {
    const query = `query ($knownAt: String) { movement(planId: "${PLAN}", from: "2026-11-01T12:00:00Z", toMeeting: "${meetingId}", knownAt: $knownAt) {
      knownAt ragChanges { action { ref } from to direction } } }`;
    expect((await app.gql(query)).data.movement).toEqual({
      knownAt: '2026-11-16T17:00:00.000Z',
      ragChanges: [{ action: { ref: '8.2' }, from: 'NOT_YET_RATED', to: 'GREEN', direction: 'FIRST_RATED' }],
    });
    expect((await app.gql(query, { knownAt: 'now' })).data.movement.ragChanges).toEqual([
      { action: { ref: '8.2' }, from: 'NOT_YET_RATED', to: 'RED', direction: 'FIRST_RATED' },
    ]);
  });

  it('lets the owner correct their correction, and the current view follows when it corrects the update in force', async () => {
    at('2026-11-21T09:00:00.000Z');
    const current = await actionNow();
    const fixed = await app.gql(CORRECT, {
      input: {
        actionId,
        expectedRevision: current.revision,
        supersedesRevision: reportedRevision + 1,
        rag: 'RED',
        commentary: 'Forecast gap under review with the DfE adviser; recovery measures not yet agreed.',
        asAt: '2026-11-18',
        reason: 'Amber understated the risk',
      },
    });
    expect(fixed.errors).toBeUndefined();
    expect(fixed.data.correctProgress).toMatchObject({ rag: 'RED', latestCommentary: 'Forecast gap under review with the DfE adviser; recovery measures not yet agreed.' });
    const { asAt: _live, knownAt: _known, ...live } = await actionNow();
    const { asAt, knownAt, ...folded } = (await app.gql(`{ action(id: "${actionId}", asAt: "2026-11-21T09:00:00Z") { ${ACTION} } }`)).data.action;
    expect([asAt, knownAt]).toEqual(['2026-11-21T09:00:00.000Z', '2026-11-21T09:00:00.000Z']);
    expect(folded).toEqual(live);
    const asItWas = (await app.gql(`{ action(id: "${actionId}", asAt: "2026-11-19") { rag } }`)).data.action;
    expect(asItWas.rag).toBe('AMBER');
    const asNowKnown = (await app.gql(`{ action(id: "${actionId}", asAt: "2026-11-19", knownAt: "now") { rag lastAsAt } }`)).data.action;
    expect(asNowKnown).toEqual({ rag: 'RED', lastAsAt: '2026-11-18' });
  });

  it('refuses knownAt without an instant to show, or before it', async () => {
    const alone = await app.gql(`{ plan(id: "${PLAN}", knownAt: "now") { id } }`);
    expect(alone.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'knownAt', rule: 'needsAsAt' });
    const before = await app.gql(`{ plan(id: "${PLAN}", asAt: "2026-11-10", knownAt: "2026-11-09") { id } }`);
    expect(before.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'knownAt', rule: 'notBeforeAsAt' });
    // A day means its last UK minute; the message says so in words, as the error summary shows it.
    expect(before.errors![0].message).toContain('(9 November 2026 at 11:59pm) cannot be before the instant shown (10 November 2026 at 11:59pm)');
    const garbage = await app.gql(`{ plan(id: "${PLAN}", asAt: "2026-11-10", knownAt: "yesterday") { id } }`);
    expect(garbage.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
