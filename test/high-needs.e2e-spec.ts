import { CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

const M = '{ pence pounds millions }';
const FORECAST = `period periodLabel forecastOutturn ${M} commentary revision inYearDeficit ${M} varianceAgainstBudget ${M} cumulativeDeficit ${M} rating`;
const POSITION = `planId firstYear openingCumulativeDeficit ${M} revision
  years { year dsgAllocation ${M} budget ${M} budgetedDeficit ${M} openingCumulativeDeficit ${M} closingCumulativeDeficit ${M}
    forecasts { ${FORECAST} } latest { period rating } trajectory { year cumulativeDeficit ${M} amberTolerance ${M} } }
  trajectory { year cumulativeDeficit { millions } }
  forecastHistory { period revision forecastOutturn { millions } commentary recordedAt recordedBy }`;
const mutation = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${POSITION} } }`;
const START = mutation('startHighNeedsPosition', 'StartHighNeedsPositionInput');
const SET_YEAR = mutation('setHighNeedsYear', 'SetHighNeedsYearInput');
const FORECAST_MUTATION = mutation('recordHighNeedsForecast', 'RecordHighNeedsForecastInput');
const TRAJECTORY = mutation('setDeficitTrajectory', 'SetDeficitTrajectoryInput');
const READ = `query ($planId: ID!, $recordedBy: String) { highNeedsPosition(planId: $planId, recordedBy: $recordedBy) { ${POSITION} } }`;

const PLAN = 'hnb';
const BY_MEETING = `query ($planId: ID!, $meeting: ID!) { highNeedsPosition(planId: $planId, asAtMeeting: $meeting) { years { year forecasts { period revision rating inYearDeficit { millions } } } } }`;

describe('The High Needs Block position over HTTP: the council’s figures, derived deficits, the trajectory rating and the forecast history', () => {
  let app: TestApp;
  let octoberBoard: string;
  // The position's revision as the last answer gave it: every change but the start sends it back.
  let revision: number | undefined;
  const ok = async (query: string, input: Record<string, unknown>) => {
    const res = await app.gql(query, { input: { planId: PLAN, ...(revision === undefined ? {} : { expectedRevision: revision }), ...input } });
    expect(res.errors).toBeUndefined();
    revision = (Object.values(res.data)[0] as { revision: number }).revision;
    return res.data;
  };
  const currentRevision = async (planId = PLAN): Promise<number> => (await app.gql(READ, { planId })).data.highNeedsPosition.revision;

  beforeAll(async () => {
    app = await startTestApp({ now: '2025-04-20T09:00:00.000Z' });
    await app.gql(CREATE_PLAN, { input: planInput(PLAN) });
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    await app.addUser({ userId: 'chair', roles: ['BOARD_CHAIR'], areas: ['test-area'] });
    await app.addUser({ userId: 'elsewhere', roles: ['PLAN_ADMINISTRATOR'], areas: ['other-area'] });
    await ok(START, { firstYear: '2024/25', openingCumulativeDeficit: '63512000' });
    await ok(SET_YEAR, { year: '2024/25', dsgAllocation: '365830000', budget: '400000000' });
    await ok(FORECAST_MUTATION, { period: '2024/25 Q4', forecastOutturn: '415575000', commentary: 'Provisional outturn' });
    await ok(SET_YEAR, { year: '2025/26', dsgAllocation: '380000000', budget: '437500000' });
    await ok(TRAJECTORY, { year: '2025/26', cumulativeDeficit: '183000000', amberTolerance: '5000000', reason: 'Recovery plan agreed with the DfE' });
    app.clock.set('2025-07-21T09:00:00.000Z');
    await ok(FORECAST_MUTATION, { period: '2025/26 Q1', forecastOutturn: '440000000', commentary: 'Independent special school placements up' });
    app.clock.set('2025-10-20T09:00:00.000Z');
    await ok(FORECAST_MUTATION, { period: '2025/26 Q2', forecastOutturn: '451000000', commentary: 'Q2: £71m gap against a budgeted £57.5m' });
    const scheduled = await app.as('chair').gql(`mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
      input: { planId: PLAN, type: 'BOARD', date: '2025-10-22', title: 'October board' },
    });
    octoberBoard = scheduled.data.scheduleMeeting.id;
    app.clock.set('2025-10-22T16:00:00.000Z');
    expect((await app.as('chair').gql(`mutation ($input: CloseMeetingInput!) { closeMeeting(input: $input) { id } }`, { input: { meetingId: octoberBoard } })).errors).toBeUndefined();
    app.clock.set('2025-10-27T09:00:00.000Z');
    await ok(FORECAST_MUTATION, { period: '2025/26 Q2', forecastOutturn: '460000000.50', commentary: 'Revised after the October placements panel' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('derives the in-year and cumulative deficits, shown to the board in £m, exact in pence', async () => {
    const position = (await app.as('chair').gql(READ, { planId: PLAN })).data.highNeedsPosition;
    const [y2024, y2025] = position.years;
    expect(y2024.latest.period).toBe('2024/25 Q4');
    expect(y2024.forecasts[0].inYearDeficit).toEqual({ pence: '4974500000', pounds: '49745000.00', millions: '£49.745m' });
    expect(y2024.closingCumulativeDeficit.millions).toBe('£113.257m');
    expect(y2024.dsgAllocation.millions).toBe('£365.830m');
    expect(y2025.openingCumulativeDeficit).toEqual(y2024.closingCumulativeDeficit);
    expect(y2025.budgetedDeficit.millions).toBe('£57.500m');
    expect(y2025.forecasts.map((f: { period: string; periodLabel: string }) => [f.period, f.periodLabel])).toEqual([
      ['2025/26 Q1', '2025/26 Q1 (April to June 2025)'],
      ['2025/26 Q2', '2025/26 Q2 (July to September 2025)'],
    ]);
    const q2 = y2025.forecasts[1];
    expect(q2).toMatchObject({ revision: 2, commentary: 'Revised after the October placements panel', rating: 'RED' });
    expect(q2.forecastOutturn.pence).toBe('46000000050');
    expect(q2.inYearDeficit.pounds).toBe('80000000.50');
    expect(q2.cumulativeDeficit.pounds).toBe('193257000.50');
    expect(y2025.forecasts[0]).toMatchObject({ rating: 'GREEN', cumulativeDeficit: { millions: '£173.257m' } });
    expect(position.trajectory).toEqual([{ year: '2025/26', cumulativeDeficit: { millions: '£183.000m' } }]);
  });

  it('shows what the board was told before the revision, and keeps both forecasts in the history', async () => {
    const then = (await app.gql(READ, { planId: PLAN, recordedBy: '2025-10-21' })).data.highNeedsPosition;
    const q2 = then.years[1].forecasts[1];
    expect(q2).toMatchObject({ revision: 1, rating: 'AMBER', inYearDeficit: { millions: '£71.000m' }, cumulativeDeficit: { millions: '£184.257m' } });
    const now = (await app.gql(READ, { planId: PLAN })).data.highNeedsPosition;
    expect(now.forecastHistory.filter((r: { period: string }) => r.period === '2025/26 Q2')).toEqual([
      { period: '2025/26 Q2', revision: 1, forecastOutturn: { millions: '£451.000m' }, commentary: 'Q2: £71m gap against a budgeted £57.5m', recordedAt: '2025-10-20T09:00:00.000Z', recordedBy: expect.any(String) },
      { period: '2025/26 Q2', revision: 2, forecastOutturn: { millions: '£460.000m' }, commentary: 'Revised after the October placements panel', recordedAt: '2025-10-27T09:00:00.000Z', recordedBy: expect.any(String) },
    ]);
    const atBoard = (await app.as('adviser').gql(BY_MEETING, { planId: PLAN, meeting: octoberBoard })).data.highNeedsPosition;
    expect(atBoard.years[1].forecasts[1]).toEqual({ period: '2025/26 Q2', revision: 1, rating: 'AMBER', inYearDeficit: { millions: '£71.000m' } });
    const beforeStart = (await app.gql(READ, { planId: PLAN, recordedBy: '2025-04-20T08:59:59.000Z' })).errors;
    expect(beforeStart?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', rule: 'existedAsAt' });
  });

  it.each([
    ['a float-like amount with three decimals', FORECAST_MUTATION, { period: '2025/26 Q2', forecastOutturn: '451000000.123', commentary: 'x' }, 'forecastOutturn', 'money'],
    ['an amount in £m words', SET_YEAR, { year: '2025/26', dsgAllocation: '£380m', budget: '1', reason: 'x' }, 'dsgAllocation', 'money'],
    ['blank commentary', FORECAST_MUTATION, { period: '2025/26 Q2', forecastOutturn: '1', commentary: '  ' }, 'commentary', 'required'],
    ['a year on a forecast', FORECAST_MUTATION, { period: '2025/26', forecastOutturn: '1', commentary: 'x' }, 'period', 'financialPeriod'],
    ['a quarter not yet begun', FORECAST_MUTATION, { period: '2025/26 Q4', forecastOutturn: '1', commentary: 'x' }, 'period', 'quarterStarted'],
    ['a gap in the years', SET_YEAR, { year: '2027/28', dsgAllocation: '1', budget: '1' }, 'year', 'yearInSequence'],
    ['a revision without a reason', SET_YEAR, { year: '2025/26', dsgAllocation: '1', budget: '1' }, 'reason', 'reasonForRevision'],
    ['a negative tolerance', TRAJECTORY, { year: '2026/27', cumulativeDeficit: '1', amberTolerance: '-1', reason: 'x' }, 'amberTolerance', 'notNegative'],
  ])('refuses %s, naming the field, and appends nothing', async (_, query, input, field, rule) => {
    const before = await app.allEvents();
    const res = await app.gql(query, { input: { planId: PLAN, expectedRevision: await currentRevision(), ...input } });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    expect(await app.allEvents()).toEqual(before);
  });

  it('lets only the programme office record; the board chair and the DfE adviser read; another area sees nothing', async () => {
    const expectedRevision = await currentRevision();
    const before = await app.allEvents();
    for (const user of ['adviser', 'chair']) {
      const res = await app.as(user).gql(TRAJECTORY, { input: { planId: PLAN, expectedRevision, year: '2026/27', cumulativeDeficit: '1', amberTolerance: '1', reason: 'x' } });
      expect({ user, code: res.errors![0].extensions!.code }).toEqual({ user, code: 'FORBIDDEN' });
      expect((await app.as(user).gql(READ, { planId: PLAN })).data.highNeedsPosition.years).toHaveLength(2);
    }
    const outsider = await app.as('elsewhere').gql(READ, { planId: PLAN });
    expect(outsider.errors![0].extensions!.code).toBe('NOT_FOUND');
    const outsiderWrite = await app.as('elsewhere').gql(TRAJECTORY, { input: { planId: PLAN, expectedRevision, year: '2026/27', cumulativeDeficit: '1', amberTolerance: '1', reason: 'x' } });
    expect(outsiderWrite.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(await app.allEvents()).toEqual(before);
  });

  it.each([
    ['setting a year', SET_YEAR, { year: '2025/26', dsgAllocation: '380000000', budget: '440000000', reason: 'Schools forum agreed a transfer' }],
    ['recording a forecast', FORECAST_MUTATION, { period: '2025/26 Q2', forecastOutturn: '455000000', commentary: 'Written against an old page' }],
    ['setting the trajectory', TRAJECTORY, { year: '2026/27', cumulativeDeficit: '200000000', amberTolerance: '5000000', reason: 'Draft recovery plan' }],
  ])('refuses %s against a stale revision with CONFLICT, and appends nothing', async (_, query, input) => {
    const current = await currentRevision();
    const before = await app.allEvents();
    const res = await app.gql(query, { input: { planId: PLAN, expectedRevision: current - 1, ...input } });
    expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', expectedRevision: String(current - 1) });
    expect(await app.allEvents()).toEqual(before);
  });

  it('needs the expected revision on every change to a started position, but not to start one', async () => {
    const missing = await app.gql(TRAJECTORY, { input: { planId: PLAN, year: '2026/27', cumulativeDeficit: '1', amberTolerance: '1', reason: 'x' } });
    expect(missing.errors![0].message).toMatch(/expectedRevision/);
    await app.gql(CREATE_PLAN, { input: planInput('hnb-revisions') });
    const started = await app.gql(START, { input: { planId: 'hnb-revisions', firstYear: '2025/26', openingCumulativeDeficit: '0' } });
    expect(started.data.startHighNeedsPosition.revision).toBe(0);
    const set = await app.gql(SET_YEAR, { input: { planId: 'hnb-revisions', expectedRevision: 0, year: '2025/26', dsgAllocation: '1', budget: '1' } });
    expect(set.data.setHighNeedsYear.revision).toBe(1);
    expect(await currentRevision('hnb-revisions')).toBe(1);
  });

  it('answers NOT_FOUND for a plan whose position has not been started, and refuses a second start', async () => {
    await app.gql(CREATE_PLAN, { input: planInput('hnb-empty') });
    expect((await app.gql(READ, { planId: 'hnb-empty' })).errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', rule: 'highNeedsPositionExists' });
    const again = await app.gql(START, { input: { planId: PLAN, firstYear: '2024/25', openingCumulativeDeficit: '0' } });
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'highNeedsPositionIsNew' });
  });
});
