import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

const M = '{ pence pounds millions }';
const FINANCE = `actionId ref plannedCost ${M} expectedSavings ${M} fundingSource savingsPriority unspent ${M}
  spend { spendToDate ${M} asOfDate commentary revision } savings { year savings ${M} evidence asOfDate revision } savingsEvidenced ${M}
  history { kind revision amount { millions } year text reason asOfDate recordedAt recordedBy } revision`;
const mutation = (name: string, inputType: string, fields = FINANCE) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`;
const FUND = mutation('setActionFunding', 'SetActionFundingInput');
const SPEND = mutation('recordActionSpend', 'RecordActionSpendInput');
const SAVINGS = mutation('recordSavingsEvidenced', 'RecordSavingsEvidencedInput');
const TOTALS = `plannedCost { millions } expectedSavings { millions pounds } spendToDate { millions } savingsEvidenced { millions } actions`;
const PLAN_FINANCE = `planId revision totals { ${TOTALS} }
  priorities { number name totals { ${TOTALS} } years { year target { millions } savingsEvidenced { millions } shortfall { millions } } }
  areas { number name totals { ${TOTALS} } } actions { ref plannedCost { millions } } targetHistory { priorityNumber year target { millions } reason revision }`;
const TARGET = mutation('setPrioritySavingsTarget', 'SetPrioritySavingsTargetInput', PLAN_FINANCE);
const READ = `query ($planId: ID!, $recordedBy: String) { planFinance(planId: $planId, recordedBy: $recordedBy) { ${PLAN_FINANCE} } }`;
const ACTION_READ = `query ($id: ID!, $recordedBy: String) { action(id: $id, recordedBy: $recordedBy) { ref finance { ${FINANCE} } } }`;

const PLAN = 'money';
const p5Pounds = (plan: { priorities: { number: number; totals: { expectedSavings: { pounds?: string } } }[] }) => plan.priorities.find((p) => p.number === 5)!.totals.expectedSavings.pounds;

describe('Money on actions and priorities over HTTP: funding, spend to date, savings evidenced, the roll-up and its history', () => {
  let app: TestApp;
  let oap: string;
  let ap: string;
  let bare: string;
  let revision: number | undefined;
  const ok = async (query: string, input: Record<string, unknown>, as?: string) => {
    const res = await (as ? app.as(as) : app).gql(query, { input: { planId: PLAN, ...(revision === undefined ? {} : { expectedRevision: revision }), ...input } });
    expect(res.errors).toBeUndefined();
    revision = (Object.values(res.data)[0] as { revision: number }).revision;
    return Object.values(res.data)[0] as any;
  };

  beforeAll(async () => {
    app = await startTestApp({ now: '2025-09-01T09:00:00.000Z' });
    await app.gql(CREATE_PLAN, { input: planInput(PLAN) });
    const add = async (ref: string, overrides: Record<string, unknown>) => (await app.gql(ADD_ACTION, { input: actionInput(PLAN, ref, overrides) })).data.addAction.id as string;
    oap = await add('4.2', { title: 'OAP toolkit and graduated approach', priorityNumbers: [1], owner: { name: 'Sam Patel', role: 'SEND and AP Lead', organisation: 'Council' } });
    ap = await add('3.4', { title: 'Three-tier alternative provision model', priorityNumbers: [2, 5] });
    bare = await add('8.2', {});
    await app.addUser({ userId: 'sam', owner: { name: 'Sam Patel', organisation: 'Council' }, roles: ['ACTION_OWNER'], areas: ['test-area'] });
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    await app.addUser({ userId: 'member', roles: ['BOARD_MEMBER'], areas: ['test-area'] });
    await app.addUser({ userId: 'elsewhere', roles: ['PLAN_ADMINISTRATOR'], areas: ['other-area'] });
    app.clock.set('2025-09-01T10:00:00.000Z');

    await ok(FUND, { actionId: oap, plannedCost: '215000', expectedSavings: '600000', fundingSource: 'DSG High Needs Block', savingsPriority: 1 });
    await ok(FUND, { actionId: ap, plannedCost: '143000', expectedSavings: '900000.50', fundingSource: 'SEND Intervention Fund', savingsPriority: 5 });
    await ok(TARGET, { priorityNumber: 1, year: '2025/26', target: '500000', reason: 'Recovery plan agreed with the DfE' });
    await ok(TARGET, { priorityNumber: 5, year: '2025/26', target: '1000000', reason: 'Recovery plan agreed with the DfE' });
    app.clock.set('2025-10-01T09:00:00.000Z');
    await ok(SPEND, { actionId: oap, spendToDate: '90000', asOfDate: '2025-09-30', commentary: 'Seconded school leader, two terms' }, 'sam');
    await ok(SAVINGS, { actionId: oap, year: '2025/26', savings: '120000', evidence: 'Four fewer requests for assessment from toolkit schools', asOfDate: '2025-09-30' });
    app.clock.set('2025-11-03T09:00:00.000Z');
    await ok(SPEND, { actionId: oap, spendToDate: '150000', asOfDate: '2025-10-31', commentary: 'Training for 40 schools' });
    await ok(FUND, { actionId: oap, plannedCost: '250000', expectedSavings: '600000', fundingSource: 'DSG High Needs Block', savingsPriority: 1, reason: 'Second cohort of schools' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it("shows an action's money exactly, with its spend, savings and every figure's history", async () => {
    const action = (await app.as('adviser').gql(ACTION_READ, { id: oap })).data.action;
    const f = action.finance;
    expect(f).toMatchObject({ ref: '4.2', fundingSource: 'DSG High Needs Block', savingsPriority: 1, revision });
    expect(f.plannedCost).toEqual({ pence: '25000000', pounds: '250000.00', millions: '£0.250m' });
    expect(f.spend).toMatchObject({ spendToDate: { pence: '15000000' }, asOfDate: '2025-10-31', revision: 2 });
    expect(f.unspent.pounds).toBe('100000.00');
    expect(f.savings).toEqual([expect.objectContaining({ year: '2025/26', savings: expect.objectContaining({ pounds: '120000.00' }), revision: 1 })]);
    expect(f.history.map((h: { kind: string; revision: number; amount: { millions: string }; recordedBy: string }) => [h.kind, h.revision, h.amount.millions, h.recordedBy])).toEqual([
      ['FUNDING', 1, '£0.215m', 'tester'],
      ['SPEND', 1, '£0.090m', 'sam'],
      ['SAVINGS', 1, '£0.120m', 'tester'],
      ['SPEND', 2, '£0.150m', 'tester'],
      ['FUNDING', 2, '£0.250m', 'tester'],
    ]);
    expect((await app.gql(ACTION_READ, { id: bare })).data.action.finance).toBeNull();
  });

  it('rolls up by priority against its savings target, and by area, each action counted once', async () => {
    const plan = (await app.as('member').gql(READ, { planId: PLAN })).data.planFinance;
    expect(plan.revision).toBe(revision);
    expect(plan.totals).toEqual({ plannedCost: { millions: '£0.393m' }, expectedSavings: { millions: '£1.500m', pounds: '1500000.50' }, spendToDate: { millions: '£0.150m' }, savingsEvidenced: { millions: '£0.120m' }, actions: 2 });
    const p1 = plan.priorities.find((p: { number: number }) => p.number === 1);
    expect(p5Pounds(plan)).toBe('900000.50');
    expect(p1.years).toEqual([{ year: '2025/26', target: { millions: '£0.500m' }, savingsEvidenced: { millions: '£0.120m' }, shortfall: { millions: '£0.380m' } }]);
    const p2 = plan.priorities.find((p: { number: number }) => p.number === 2);
    expect(p2.totals.actions).toBe(0);
    const p5 = plan.priorities.find((p: { number: number }) => p.number === 5);
    expect(p5.totals.plannedCost.millions).toBe('£0.143m');
    expect(plan.areas.find((a: { number: number }) => a.number === 4).totals.plannedCost.millions).toBe('£0.250m');
    expect(plan.areas.find((a: { number: number }) => a.number === 8).totals.actions).toBe(0);
    expect(plan.actions.map((a: { ref: string }) => a.ref)).toEqual(['3.4', '4.2']);
  });

  it('shows the money as recorded by an earlier day, on the plan and on the action', async () => {
    const then = (await app.gql(READ, { planId: PLAN, recordedBy: '2025-10-15' })).data.planFinance;
    expect(then.totals).toMatchObject({ plannedCost: { millions: '£0.358m' }, spendToDate: { millions: '£0.090m' } });
    const action = (await app.gql(ACTION_READ, { id: oap, recordedBy: '2025-10-15' })).data.action.finance;
    expect(action).toMatchObject({ plannedCost: { pounds: '215000.00' }, spend: { asOfDate: '2025-09-30', revision: 1 } });
    const before = (await app.gql(READ, { planId: PLAN, recordedBy: '2025-09-01T09:30:00.000Z' })).data.planFinance;
    expect(before).toMatchObject({ revision: null, totals: { actions: 0 }, actions: [] });
  });

  it.each([
    ['a stale revision', SPEND, () => ({ actionId: oap, spendToDate: '160000', asOfDate: '2025-11-01', commentary: 'x', expectedRevision: revision! - 1 }), 'CONFLICT', undefined],
    ['no revision once money is recorded', SPEND, () => ({ actionId: oap, spendToDate: '160000', asOfDate: '2025-11-01', commentary: 'x', expectedRevision: null }), 'CONFLICT', 'expectedRevisionRequired'],
    ['an amount with three decimals', FUND, () => ({ actionId: bare, plannedCost: '1.005', expectedSavings: '0', fundingSource: 'Council general fund', expectedRevision: revision }), 'BAD_USER_INPUT', 'money'],
    ['spend dated before the last figure', SPEND, () => ({ actionId: oap, spendToDate: '1', asOfDate: '2025-10-30', commentary: 'x', expectedRevision: revision }), 'BAD_USER_INPUT', 'notBeforeLast'],
    ['spend on an action with no funding', SPEND, () => ({ actionId: bare, spendToDate: '1', asOfDate: '2025-10-30', commentary: 'x', expectedRevision: revision }), 'FAILED_PRECONDITION', 'fundingSet'],
    ['a revision of funding without a reason', FUND, () => ({ actionId: ap, plannedCost: '1', expectedSavings: '1', fundingSource: 'x', expectedRevision: revision }), 'BAD_USER_INPUT', 'reasonForRevision'],
    ['an unknown priority', TARGET, () => ({ priorityNumber: 9, year: '2025/26', target: '1', reason: 'x', expectedRevision: revision }), 'BAD_USER_INPUT', 'knownPriority'],
  ])('refuses %s and appends nothing', async (_, query, input, code, rule) => {
    const before = await app.allEvents();
    const res = await app.gql(query, { input: { planId: PLAN, ...input() } });
    expect(res.errors![0].extensions).toMatchObject({ code, ...(rule ? { rule } : {}) });
    expect(await app.allEvents()).toEqual(before);
  });

  it("lets the owner record spend on their own action only; the board and the DfE adviser read; another area sees nothing", async () => {
    const before = await app.allEvents();
    const spendOn = (actionId: string) => ({ input: { planId: PLAN, actionId, spendToDate: '1', asOfDate: '2025-11-03', commentary: 'x', expectedRevision: revision } });
    expect((await app.as('sam').gql(SPEND, spendOn(ap))).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await app.as('sam').gql(FUND, { input: { planId: PLAN, actionId: oap, plannedCost: '1', expectedSavings: '1', fundingSource: 'x', reason: 'x', expectedRevision: revision } })).errors![0].extensions!.code).toBe('FORBIDDEN');
    for (const user of ['adviser', 'member']) expect((await app.as(user).gql(SPEND, spendOn(oap))).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await app.as('elsewhere').gql(SPEND, spendOn(oap))).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await app.as('elsewhere').gql(READ, { planId: PLAN })).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(await app.allEvents()).toEqual(before);
  });
});

describe('The demo plan’s money: the named initiatives and a savings target per priority', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ loadDemoPlan: true, now: '2026-12-07T10:00:00.000Z', areas: ['demo-area'] });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('funds the three-tier AP model, the OAP toolkit, the top-up pilot and resourced provision, and sets every priority a target', async () => {
    const res = await app.as('dfe-adviser').gql(`{ planFinance(planId: "demo-plan") {
      totals { plannedCost { millions } }
      actions { ref fundingSource plannedCost { pounds } spend { asOfDate } history { kind recordedBy } }
      priorities { number years { year target { millions } savingsEvidenced { millions } } }
    } }`);
    expect(res.errors).toBeUndefined();
    const { actions, priorities, totals } = res.data.planFinance;
    expect(actions.map((a: { ref: string; fundingSource: string; plannedCost: { pounds: string } }) => [a.ref, a.fundingSource, a.plannedCost.pounds])).toEqual([
      ['3.4', 'SEN support top-up fund (one-off)', '600000.00'],
      ['4.1', 'DSG High Needs Block', '215000.00'],
      ['4.5', 'SEND Intervention Fund', '143000.00'],
      ['6.3', 'Schools block transfer', '1200000.00'],
    ]);
    expect(totals.plannedCost.millions).toBe('£2.158m');
    // The OAP toolkit's seconded headteacher records its spend herself.
    expect(actions[1].history.filter((h: { kind: string }) => h.kind === 'SPEND').map((h: { recordedBy: string }) => h.recordedBy)).toEqual(['sarah.whitcombe', 'sarah.whitcombe']);
    expect(priorities).toHaveLength(7);
    for (const p of priorities) expect(p.years.some((y: { target: unknown }) => y.target !== null)).toBe(true);
    expect(priorities.find((p: { number: number }) => p.number === 5).years.at(-1).target.millions).toBe('£2.500m');
  });
});
