import { riskInput } from './support/mutation-catalogue';
import { CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';
import { withNoNewEvents } from './support/no-new-events';

const PLAN = 'escalation-threshold';
const SET = `mutation ($input: SetRiskEscalationThresholdInput!) { setRiskEscalationThreshold(input: $input) { id riskEscalationScore revision } }`;
const REGISTER = (args = '') => `{ plan(id: "${PLAN}"${args}) { riskEscalationScore } risks(planId: "${PLAN}"${args}) { ref current { score } escalation } }`;

describe("The board's own risk escalation threshold, over HTTP", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-06-15T10:00:00.000Z' });
    await app.gql(CREATE_PLAN, { input: planInput(PLAN) });
    // Current score 3 × 4 = 12: Amber, under the default threshold of 15.
    const raised = await app.gql(`mutation ($input: RaiseRiskInput!) { raiseRisk(input: $input) { id } }`, { input: riskInput(PLAN) });
    expect(raised.errors).toBeUndefined();
    await app.addUser({ userId: 'member', roles: ['BOARD_MEMBER'], areas: ['test-area'] });
    await app.addUser({ userId: 'chair', roles: ['BOARD_CHAIR'], areas: ['test-area'] });
  });

  afterAll(() => app?.close());

  it('starts at 15, the first Red score: an Amber 12 is not escalated', async () => {
    const { data } = await app.gql(REGISTER());
    expect(data).toEqual({ plan: { riskEscalationScore: 15 }, risks: [{ ref: 'R1', current: { score: 12 }, escalation: [] }] });
  });

  it('lets the board chair lower it, after which the 12 is on the agenda; as at before, it was not', async () => {
    app.clock.set('2026-06-16T10:00:00.000Z');
    const set = await app.as('chair').gql(SET, { input: { planId: PLAN, score: 12, reason: 'Under the direction the board looks at the worst Amber risks too' } });
    expect(set.errors).toBeUndefined();
    expect(set.data.setRiskEscalationThreshold).toMatchObject({ riskEscalationScore: 12 });
    expect((await app.gql(REGISTER())).data).toEqual({ plan: { riskEscalationScore: 12 }, risks: [{ ref: 'R1', current: { score: 12 }, escalation: ['AT_OR_ABOVE_THRESHOLD'] }] });
    expect((await app.gql(REGISTER(', asAt: "2026-06-15"'))).data).toEqual({ plan: { riskEscalationScore: 15 }, risks: [{ ref: 'R1', current: { score: 12 }, escalation: [] }] });
  });

  it.each([
    ['a score above 25', { score: 26 }, 'BAD_USER_INPUT', 'score'],
    ['a score of 0', { score: 0 }, 'BAD_USER_INPUT', 'score'],
    ['a blank reason', { reason: ' \u200b ' }, 'BAD_USER_INPUT', 'reason'],
  ])('refuses %s, naming the field, changing nothing', async (_, change, code, field) => {
    const refused = await withNoNewEvents(app, () => app.gql(SET, { input: { planId: PLAN, score: 10, reason: 'Lower again', ...change } }));
    expect(refused.errors![0].extensions!.code).toBe(code);
    expect(JSON.stringify(refused.errors![0].extensions)).toContain(`"field":"${field}"`);
  });

  it('refuses a board member with FORBIDDEN, changing nothing', async () => {
    const refused = await withNoNewEvents(app, () => app.as('member').gql(SET, { input: { planId: PLAN, score: 20, reason: 'Only Red risks' } }));
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
