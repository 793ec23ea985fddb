import { CellValue, Workbook, Worksheet } from 'exceljs';
import { conditionInput, riskInput } from './support/mutation-catalogue';
import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TEST_AREA, TestApp } from './support/test-app';

const PLAN = 'workbook-plan';
const OTHER_PLAN = 'workbook-plan-elsewhere';
const OTHER_AREA = 'other-area';
const NOW = '2026-06-15T10:00:00.000Z';

const ok = async (app: { gql: TestApp['gql'] }, query: string, input: Record<string, unknown>, field: string) => {
  const res = await app.gql(query, { input });
  expect(res.errors).toBeUndefined();
  return res.data[field];
};
const mutation = (name: string, inputType: string, fields = 'id revision') => `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`;

/** Every sheet's cells as plain values, for comparing two workbooks. */
const contentOf = (book: Workbook) =>
  book.worksheets.map((sheet) => ({ name: sheet.name, rows: sheet.getSheetValues().map((row) => (Array.isArray(row) ? row.map((v) => (v instanceof Date ? v.toISOString() : v)) : row)) }));

/** The data rows of a sheet as records keyed by the header row's words. */
function records(sheet: Worksheet): Record<string, CellValue>[] {
  const header = (sheet.getRow(1).values as CellValue[]).slice(1).map(String);
  const rows: Record<string, CellValue>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return rows;
}

describe('The whole plan as an XLSX workbook, for auditors', () => {
  let app: TestApp;
  let origin: string;
  let lastEventAt: string;

  const download = async (userId: string | null, planId = PLAN) =>
    fetch(`${origin}/reports/plan.xlsx?planId=${planId}`, { headers: userId === null ? {} : { authorization: `Bearer ${await app.token(userId)}` } });
  const workbook = async (userId: string, planId = PLAN) => {
    const response = await download(userId, planId);
    expect(response.status).toBe(200);
    const book = new Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    return { book, response };
  };

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-04-20T09:00:00.000Z' });
    origin = new URL(app.url).origin;
    for (const [userId, role] of [
      ['admin', 'PLAN_ADMINISTRATOR'],
      ['chair', 'BOARD_CHAIR'],
      ['member', 'BOARD_MEMBER'],
      ['adviser', 'DFE_ADVISER'],
      ['no-role', null],
    ] as const) {
      await app.addUser({ userId, roles: role ? [role] : [], areas: [TEST_AREA] });
    }
    await app.addUser({ userId: 'owner', owner: { name: 'Alex Morgan', organisation: 'Council' }, roles: ['ACTION_OWNER'], areas: [TEST_AREA] });
    await app.addUser({ userId: 'elsewhere', roles: ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR', 'DFE_ADVISER'], areas: [OTHER_AREA] });
    await app.addUser({ userId: 'two-areas', roles: ['BOARD_MEMBER'], areas: [TEST_AREA] });
    await app.addUser({ userId: 'two-areas', roles: ['DFE_ADVISER'], areas: [OTHER_AREA] });

    await ok(app, CREATE_PLAN, planInput(PLAN), 'createPlan');
    const action = await ok(app, ADD_ACTION, actionInput(PLAN, '8.2', { dueDate: '2026-03-31' }), 'addAction');
    await ok(app, ADD_ACTION, actionInput(PLAN, '5.6', { title: 'Specialist places', dueDate: '2027-03-31' }), 'addAction');
    const owner = app.as('owner');
    const reported = await ok(owner, change('reportProgress', 'ReportProgressInput'), { actionId: action.id, expectedRevision: action.revision, rag: 'GREEN', commentary: '=Recovery plan drafted', asAt: '2026-04-17' }, 'reportProgress');
    // The correction is the programme office's: the default tester, Alex Morgan.
    await ok(
      app,
      change('correctProgress', 'CorrectProgressInput'),
      { actionId: action.id, expectedRevision: reported.revision, supersedesRevision: reported.revision, rag: 'AMBER', commentary: 'Draft not yet costed', asAt: '2026-04-17', reason: 'Rated before the costing' },
      'correctProgress',
    );
    let position = await ok(app, mutation('startHighNeedsPosition', 'StartHighNeedsPositionInput', 'planId revision'), { planId: PLAN, firstYear: '2025/26', openingCumulativeDeficit: '113257000' }, 'startHighNeedsPosition');
    position = await ok(app, mutation('setHighNeedsYear', 'SetHighNeedsYearInput', 'planId revision'), { planId: PLAN, expectedRevision: position.revision, year: '2025/26', dsgAllocation: '380000000', budget: '437500000' }, 'setHighNeedsYear');
    position = await ok(app, mutation('recordHighNeedsForecast', 'RecordHighNeedsForecastInput', 'planId revision'), { planId: PLAN, expectedRevision: position.revision, period: '2025/26 Q4', forecastOutturn: '451000000.07', commentary: 'Outturn' }, 'recordHighNeedsForecast');
    await ok(app, mutation('setDeficitTrajectory', 'SetDeficitTrajectoryInput', 'planId revision'), { planId: PLAN, expectedRevision: position.revision, year: '2025/26', cumulativeDeficit: '183000000', amberTolerance: '5000000', reason: 'Agreed' }, 'setDeficitTrajectory');
    const condition = await ok(app, mutation('addCondition', 'AddConditionInput'), conditionInput(PLAN, [action.id]), 'addCondition');
    await ok(app, mutation('recordConditionStatus', 'RecordConditionStatusInput'), { conditionId: condition.id, expectedRevision: condition.revision, quarter: '2025/26 Q4', status: 'NOT_ON_TRACK', commentary: 'Forecast gap of £71m' }, 'recordConditionStatus');
    await ok(app, mutation('raiseRisk', 'RaiseRiskInput'), riskInput(PLAN, [action.id]), 'raiseRisk');
    const metric = await ok(
      app,
      mutation('defineMetric', 'DefineMetricInput', 'id'),
      { planId: PLAN, code: 'ehcp-20-weeks', name: 'New EHCPs issued within 20 weeks', description: 'Share of new EHC plans issued within 20 weeks, year to date', unit: 'PERCENT', polarity: 'HIGHER_IS_BETTER', frequency: 'ANNUAL', source: 'SEN2', owner: 'Head of SEND', areaNumbers: [5], actionIds: [] },
      'defineMetric',
    );
    await ok(app, mutation('recordMeasurement', 'RecordMeasurementInput', 'id'), { metricId: metric.id, period: '2025', value: 56, asAt: '2026-01-31', source: 'SEN2' }, 'recordMeasurement');
    await ok(app, mutation('setMetricTarget', 'SetMetricTargetInput', 'id'), { metricId: metric.id, period: '2025', target: 60, amberTolerance: 5 }, 'setMetricTarget');
    // Money on 8.2: funding set then revised, a spend figure and a year's savings; priority 5's target set then revised.
    const funded = (field: string, input: Record<string, unknown>) => ok(app, mutation(field, `${field.charAt(0).toUpperCase()}${field.slice(1)}Input`, 'revision'), { planId: PLAN, ...input }, field);
    let funding = await funded('setActionFunding', { actionId: action.id, plannedCost: '143000.50', expectedSavings: '850000', fundingSource: 'SEND Intervention Fund', savingsPriority: 5 });
    funding = await funded('setActionFunding', { actionId: action.id, expectedRevision: funding.revision, plannedCost: '150000', expectedSavings: '850000', fundingSource: 'SEND Intervention Fund', savingsPriority: 5, reason: 'Tier 3 places added' });
    funding = await funded('recordActionSpend', { actionId: action.id, expectedRevision: funding.revision, spendToDate: '31500.25', asOfDate: '2026-04-19', commentary: 'Outreach contract let' });
    funding = await funded('recordSavingsEvidenced', { actionId: action.id, expectedRevision: funding.revision, year: '2026/27', savings: '12000', evidence: 'One independent placement avoided (panel minutes)', asOfDate: '2026-04-20' });
    funding = await funded('setPrioritySavingsTarget', { expectedRevision: funding.revision, priorityNumber: 5, year: '2026/27', target: '2500000', reason: 'Recovery plan' });
    await funded('setPrioritySavingsTarget', { expectedRevision: funding.revision, priorityNumber: 5, year: '2026/27', target: '2400000.99', reason: 'Refreshed with the DfE' });
    app.clock.set('2026-05-01T08:30:00.000Z');
    await ok(app, mutation('recordComparator', 'RecordComparatorInput', 'id'), { metricId: metric.id, period: '2025', comparator: 'ENGLAND', value: 46.4, source: 'DfE' }, 'recordComparator');
    lastEventAt = '2026-05-01T08:30:00.000Z';

    await ok(app.as('elsewhere'), CREATE_PLAN, planInput(OTHER_PLAN, OTHER_AREA), 'createPlan');
    app.clock.set(NOW);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('has a title sheet, then a sheet per register, each with a frozen header row and sized columns', async () => {
    const { book, response } = await workbook('admin');
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toContain(`${PLAN}-whole-plan-2026-05-01.xlsx`);
    expect(book.worksheets.map((s) => s.name)).toEqual(['About', 'Actions', 'Progress updates', 'Evidence', 'Scorecard', 'Finance', 'Forecast history', 'Funding', 'Savings targets', 'Conditions', 'Risks']);
    for (const sheet of book.worksheets.slice(1)) {
      expect({ sheet: sheet.name, view: sheet.views[0] }).toMatchObject({ sheet: sheet.name, view: { state: 'frozen', ySplit: 1 } });
      expect(sheet.getColumn(1).width).toBeGreaterThan(0);
    }
    const about = Object.fromEntries(book.getWorksheet('About')!.getSheetValues().filter(Array.isArray).map((r) => [r[1], r[2]]));
    expect(about['Plan']).toBe('SEND and AP Improvement Plan, version 2.0');
    expect(about['As known at']).toMatch(/^1 May 2026 at 9:30am \(UK time\)/);
    expect(about['Produced by']).toBe('admin, plan administrator');
  });

  it("holds a known action's row with real dates in UK format, its updates and corrections with who made them", async () => {
    const { book } = await workbook('adviser');
    const action = records(book.getWorksheet('Actions')!).find((r) => r['Ref'] === '8.2')!;
    expect(action).toMatchObject({ Title: 'Develop and deliver the High Needs Block deficit recovery plan', Area: 8, 'Area name': 'Managing Resources', Owner: 'Alex Morgan', Status: 'Open', RAG: 'Amber' });
    expect(action['Due date']).toBeInstanceOf(Date);
    expect((action['Due date'] as Date).toISOString()).toBe('2026-03-31T00:00:00.000Z');
    const dueCell = book.getWorksheet('Actions')!.getRow(2).getCell(10);
    expect(dueCell.numFmt).toBe('dd/mm/yyyy');

    const updates = records(book.getWorksheet('Progress updates')!).filter((r) => r['Ref'] === '8.2');
    expect(updates.map((u) => [u['Kind'], u['RAG'], u['Commentary'], u['By']])).toEqual([
      ['Update', 'Green', '=Recovery plan drafted', 'owner'],
      ['Correction', 'Amber', 'Draft not yet costed', 'Alex Morgan'],
    ]);
    // Text that looks like a formula stays text.
    const commentaryCell = book.getWorksheet('Progress updates')!.getRow(2).getCell(6);
    expect(commentaryCell.type).toBe(3 /* ValueType.String */);
    expect((updates[0]['Recorded (UK time)'] as Date).toISOString()).toBe('2026-04-20T10:00:00.000Z');
  });

  it('gives money as numbers of pounds equal to the pence over 100, and the registers with their statuses', async () => {
    const { book } = await workbook('chair');
    const finance = records(book.getWorksheet('Finance')!);
    const year = finance.find((r) => r['Period'] === 'Year')!;
    expect(year['DSG allocation (£)']).toBe(38000000000 / 100);
    expect(year['Forecast outturn (£)']).toBe(45100000007 / 100);
    expect(year['Forecast outturn (£)']).toBe(451000000.07);
    expect(year['Cumulative deficit (£)']).toBe((11325700000 + 45100000007 - 38000000000) / 100);
    const q4 = finance.find((r) => r['Period'] === '2025/26 Q4')!;
    expect(q4).toMatchObject({ 'In-year deficit (£)': 71000000.07, Rating: 'Amber', Commentary: 'Outturn' });
    expect(book.getWorksheet('Finance')!.getRow(2).getCell(3).numFmt).toContain('£#,##0.00');

    expect(records(book.getWorksheet('Conditions')!)).toEqual([expect.objectContaining({ Ref: 'C2', Quarter: '2025/26 Q4', Status: 'Not on track', 'Approved by the board': 'No', 'Linked actions': '8.2' })]);
    expect(records(book.getWorksheet('Risks')!)).toEqual([expect.objectContaining({ Ref: 'R1', Score: 12, Band: 'Amber', Status: 'Open', 'Linked actions': '8.2' })]);
    expect(records(book.getWorksheet('Scorecard')!)).toEqual([
      expect.objectContaining({ Metric: 'New EHCPs issued within 20 weeks', Definition: 'Share of new EHC plans issued within 20 weeks, year to date', Period: '2025', Value: 56, Target: 60, 'Amber tolerance': 5, England: 46.4 }),
    ]);
  });

  it('gives every figure of every action’s funding, revisions included, and each priority’s savings targets, money as pounds from pence', async () => {
    const { book } = await workbook('adviser');
    const funding = records(book.getWorksheet('Funding')!);
    expect(funding.map((r) => [r['Ref'], r['Figure'], r['Revision'], r['Amount (£): planned cost, spend to date or savings']])).toEqual([
      ['8.2', 'Funding', 1, 14300050 / 100],
      ['8.2', 'Funding', 2, 150000],
      ['8.2', 'Spend to date', 1, 3150025 / 100],
      ['8.2', 'Savings evidenced', 1, 12000],
    ]);
    expect(funding[0]).toMatchObject({ 'Expected savings (£)': 850000, 'Savings count towards priority': 5, 'Funding source, commentary or evidence': 'SEND Intervention Fund', 'Reason for revision': null, 'Recorded by': 'tester' });
    expect(funding[1]).toMatchObject({ 'Reason for revision': 'Tier 3 places added' });
    expect(funding[2]).toMatchObject({ 'As at': new Date('2026-04-19T00:00:00.000Z'), 'Funding source, commentary or evidence': 'Outreach contract let', 'Financial year': null });
    expect(funding[3]).toMatchObject({ 'Financial year': '2026/27', 'Funding source, commentary or evidence': 'One independent placement avoided (panel minutes)' });
    expect(funding[0]['Recorded at']).toEqual(new Date('2026-04-20T10:00:00.000Z'));
    expect(book.getWorksheet('Funding')!.getRow(2).getCell(5).numFmt).toContain('£#,##0.00');
    const targets = records(book.getWorksheet('Savings targets')!);
    expect(targets).toEqual([
      expect.objectContaining({ Priority: 5, 'Financial year': '2026/27', 'Savings target (£)': 240000099 / 100, 'Savings evidenced (£)': 12000, 'Shortfall (£)': (240000099 - 1200000) / 100, 'Target revision': 2, Reason: 'Refreshed with the DfE' }),
      expect.objectContaining({ Priority: 5, 'Financial year': '2026/27', 'Savings target (£)': 2500000, 'Savings evidenced (£)': null, 'Shortfall (£)': null, 'Target revision': 1, Reason: 'Recovery plan' }),
    ]);
    expect(targets[0]['Recovery priority']).toEqual(expect.any(String));
  });

  it('is dated by the newest event it rests on, so the same history gives the same workbook, byte for byte', async () => {
    const bytes = async () => Buffer.from(await (await download('member')).arrayBuffer());
    const before = await bytes();
    const first = (await workbook('member')).book;
    app.clock.set('2026-06-16T12:00:00.000Z');
    // The zip writer stamps entries to the two seconds: wait past that, so a stamp of the moment would show.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await bytes()).equals(before)).toBe(true);
    const second = (await workbook('member')).book;
    expect(first.created.toISOString()).toBe(lastEventAt);
    expect(first.modified.toISOString()).toBe(lastEventAt);
    expect(contentOf(second)).toEqual(contentOf(first));

    await ok(app, mutation('changeStaleThreshold', 'ChangeStaleThresholdInput', 'staleAfterDays'), { planId: PLAN, staleAfterDays: 45 }, 'changeStaleThreshold');
    const third = (await workbook('member')).book;
    expect(third.created.toISOString()).toBe('2026-06-16T12:00:00.000Z');
    app.clock.set(NOW);
  });

  // Every role in the area reads the whole plan, as it reads the quarterly report; outside it the plan does not exist.
  it.each([
    ['admin', 200],
    ['chair', 200],
    ['member', 200],
    ['owner', 200],
    ['adviser', 200],
    ['no-role', 404],
    ['elsewhere', 404],
  ])('as %s answers %s', async (userId, status) => {
    const response = await download(userId);
    expect(response.status).toBe(status);
    if (status === 404) expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('lets a person in two areas download the plan of each, and needs a token', async () => {
    expect((await download('two-areas', PLAN)).status).toBe(200);
    expect((await download('two-areas', OTHER_PLAN)).status).toBe(200);
    expect((await download('member', OTHER_PLAN)).status).toBe(404);
    expect((await download(null)).status).toBe(401);
    expect((await fetch(`${origin}/reports/plan.xlsx`, { headers: { authorization: `Bearer ${await app.token('admin')}` } })).status).toBe(400);
  });
});
