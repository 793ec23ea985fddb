import { createHash } from 'node:crypto';
import { signedPartOf } from '../apps/api/src/reports/report-sign-off.renderer';
import { actionInput, ADD_ACTION, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { conditionInput } from './support/mutation-catalogue';
import { startTestApp, TestApp } from './support/test-app';

const PLAN = 'quarterly-return';
const Q2 = '2025/26 Q2';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const RETURN = `planId quarter status revision executiveSummary { text version writtenBy correctionReason } summaryVersions { version text correctionReason }
  submittedAt submittedBy signOff { signedOffAt signedOffBy htmlSha256 csvSha256 knownUpToPosition }`;
const WRITE = `mutation ($input: WriteExecutiveSummaryInput!) { writeExecutiveSummary(input: $input) { ${RETURN} } }`;
const SUBMIT = `mutation ($input: QuarterlyReturnChangeInput!) { submitQuarterlyReturn(input: $input) { ${RETURN} } }`;
const SIGN_OFF = `mutation ($input: QuarterlyReturnChangeInput!) { signOffQuarterlyReturn(input: $input) { ${RETURN} } }`;
const READ = `query ($planId: ID!, $quarter: String!, $recordedBy: String) { quarterlyReturn(planId: $planId, quarter: $quarter, recordedBy: $recordedBy) { ${RETURN} } }`;
const REPORT = `query ($planId: ID!) { quarterlyReport(planId: $planId, financialYear: 2025, quarter: 2) {
  html csv htmlDownloadPath csvDownloadPath returnQuarter returnStatus executiveSummary
  signOff { signedOffBy htmlSha256 csvSha256 knownUpToPosition } correctionsSinceSignOff { subject detail recordedBy position } } }`;

const SUMMARY = 'The Q2 forecast outturn is £460m against a budget of £437.5m.\n\nCondition C2 is not on track; the recovery plan goes to the November board.';

describe('The DfE quarterly return: executive summary, finance and conditions in the report, submission, sign-off and corrections', () => {
  let app: TestApp;
  const ok = async <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, as = 'tester'): Promise<T> => {
    const res = await (as === 'tester' ? app : app.as(as)).gql(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data as T;
  };
  // The position's revision, sent back with each change as the finance lead's screen would.
  let positionRevision: number | undefined;
  const money = async (name: string, input: Record<string, unknown>) => {
    const data = await ok<Record<string, { revision: number }>>(`mutation ($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { revision } }`, {
      input: { planId: PLAN, ...(positionRevision === undefined ? {} : { expectedRevision: positionRevision }), ...input },
    });
    positionRevision = data[name].revision;
    return data;
  };
  const report = async (as = 'chair') => (await ok<{ quarterlyReport: Record<string, any> }>(REPORT, { planId: PLAN }, as)).quarterlyReport;
  let conditionId: string;
  let update: { id: string; revision: number };

  beforeAll(async () => {
    app = await startTestApp({ now: '2025-04-20T09:00:00.000Z' });
    await app.gql(CREATE_PLAN, { input: planInput(PLAN) });
    await app.addUser({ userId: 'chair', displayName: 'Board Chair', roles: ['BOARD_CHAIR'], areas: ['test-area'] });
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    await app.addUser({ userId: 'member', roles: ['BOARD_MEMBER'], areas: ['test-area'] });
    await app.addUser({ userId: 'office', roles: ['PLAN_ADMINISTRATOR'], areas: ['test-area'] });
    await money('startHighNeedsPosition', { firstYear: '2025/26', openingCumulativeDeficit: '113257000' });
    await money('setHighNeedsYear', { year: '2025/26', dsgAllocation: '380000000', budget: '437500000' });
    await money('setDeficitTrajectory', { year: '2025/26', cumulativeDeficit: '183000000', amberTolerance: '5000000', reason: 'Recovery plan agreed with the DfE' });
    const added = await ok<{ addCondition: { id: string; revision: number } }>(`mutation ($input: AddConditionInput!) { addCondition(input: $input) { id revision } }`, { input: conditionInput(PLAN) });
    conditionId = added.addCondition.id;
    const action = (await ok<{ addAction: { id: string; revision: number } }>(ADD_ACTION, { input: actionInput(PLAN, '8.2') })).addAction;
    app.clock.set('2025-07-21T09:00:00.000Z');
    const reported = await ok<{ reportProgress: { revision: number } }>(change('reportProgress', 'ReportProgressInput'), {
      input: { actionId: action.id, expectedRevision: action.revision, rag: 'AMBER', commentary: 'Recovery plan drafted', asOfDate: '2025-07-21' },
    });
    update = { id: action.id, revision: reported.reportProgress.revision };
    await money('recordHighNeedsForecast', { period: '2025/26 Q1', forecastOutturn: '440000000', commentary: 'Independent special school placements up' });
    app.clock.set('2025-10-20T09:00:00.000Z');
    await money('recordHighNeedsForecast', { period: '2025/26 Q2', forecastOutturn: '460000000', commentary: 'Q2: a gap against the budget' });
    // Recorded after Q2 has ended, as returns are: it is about Q2 all the same.
    await ok(`mutation ($input: RecordConditionStatusInput!) { recordConditionStatus(input: $input) { revision } }`, {
      input: { conditionId, expectedRevision: added.addCondition.revision, quarter: Q2, status: 'NOT_ON_TRACK', commentary: 'Forecast above the trajectory' },
    });
    // A later quarter's forecast is not Q2's news.
    app.clock.set('2026-01-20T09:00:00.000Z');
    await money('recordHighNeedsForecast', { period: '2025/26 Q3', forecastOutturn: '470000000', commentary: 'Q3' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows every section, each saying so in one line when it has nothing, before anything is written', async () => {
    const r = await report();
    expect(r.returnStatus).toBe('NOT_STARTED');
    expect(r.html).toContain('<p class="none">No executive summary has been written for 2025/26 Q2.</p>');
    expect(r.html).toContain('<dt>Quarterly return</dt><dd>2025/26 Q2: nothing written yet;');
    expect(r.html).toContain('<p class="none">The plan has no risks in its register for this period.</p>');
  });

  it('prints the High Needs Block position for the year, with forecasts up to the quarter, its rating and the movement since Q1', async () => {
    const html = (await report()).html as string;
    const section = html.slice(html.indexOf('<h2>12. High Needs Block position, 2025/26</h2>'), html.indexOf('<h2>13.'));
    expect(section).toContain('<td>DSG High Needs Block allocation</td><td>£380.000m</td>');
    expect(section).toContain('<td>Budgeted in-year deficit</td><td>£57.500m</td>');
    expect(section).toContain('<td>Latest forecast outturn (2025/26 Q2)</td><td>£460.000m: Q2: a gap against the budget</td>');
    expect(section).toContain('<td>Forecast in-year deficit</td><td>£80.000m</td>');
    expect(section).toContain('<td>Forecast cumulative deficit at 31 March</td><td>£193.257m</td>');
    expect(section).toContain('<td>Recovery plan trajectory at 31 March</td><td>£183.000m (Amber up to £5.000m above)</td>');
    // £193.257m is more than £5m above £183m: Red, never Green above the trajectory.
    expect(section).toContain('<td>Rating against the trajectory</td><td><span class="rag rag-red">Red</span></td>');
    expect(section).toContain("<td>Movement since the previous quarter's forecast</td><td>▲ up £20.000m from £440.000m (2025/26 Q1)</td>");
    expect(section).not.toContain('£470.000m');
  });

  it('prints each condition with its status for the quarter, whether approved, and the commentary', async () => {
    const html = (await report()).html as string;
    expect(html).toContain(
      '<tr><td>C2 Bring the in-year High Needs Block deficit down to the agreed trajectory</td><td>Paragraph 8</td><td><time datetime="2027-03-31">31 March 2027</time></td><td>Not on track <small>(version 1)</small></td><td>Not yet</td><td>Forecast above the trajectory</td></tr>',
    );
  });

  it('keeps the executive summary with its quarter, versions and all, and prints it in the report', async () => {
    app.clock.set('2026-01-21T09:00:00.000Z');
    const first = (await ok<{ writeExecutiveSummary: Record<string, any> }>(WRITE, { input: { planId: PLAN, quarter: Q2, text: 'A first draft' } })).writeExecutiveSummary;
    expect(first).toMatchObject({ status: 'DRAFT', revision: 0, executiveSummary: { version: 1, text: 'A first draft' } });
    const stale = await app.gql(WRITE, { input: { planId: PLAN, quarter: Q2, text: SUMMARY, expectedRevision: 5 } });
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
    const second = (await ok<{ writeExecutiveSummary: Record<string, any> }>(WRITE, { input: { planId: PLAN, quarter: Q2, text: SUMMARY, expectedRevision: 0 } })).writeExecutiveSummary;
    expect(second.summaryVersions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const r = await report('adviser');
    expect(r.executiveSummary).toBe(SUMMARY);
    expect(r.html).toContain('<h2>Executive summary</h2>\n<p>The Q2 forecast outturn is £460m against a budget of £437.5m.</p>\n<p>Condition C2 is not on track;');
    // What it said before the second text was written.
    const then = (await ok<{ quarterlyReturn: Record<string, any> }>(READ, { planId: PLAN, quarter: Q2, recordedBy: '2026-01-20T12:00:00.000Z' }, 'adviser')).quarterlyReturn;
    expect(then).toMatchObject({ status: 'NOT_STARTED', executiveSummary: null, revision: null });
  });

  it('refuses a bad quarter or an over-long text naming the field, and anyone but the programme office', async () => {
    const badQuarter = await app.gql(WRITE, { input: { planId: PLAN, quarter: 'Q2 2025/26', text: 'x' } });
    expect(badQuarter.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(badQuarter.errors![0].extensions)).toContain('"field":"quarter"');
    const long = await app.gql(WRITE, { input: { planId: PLAN, quarter: Q2, text: 'x'.repeat(12_001), expectedRevision: 1 } });
    expect(JSON.stringify(long.errors![0].extensions)).toContain('"field":"text"');
    for (const who of ['chair', 'adviser', 'member']) {
      const refused = await app.as(who).gql(WRITE, { input: { planId: PLAN, quarter: Q2, text: 'Mine', expectedRevision: 1 } });
      expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
  });

  let signedHtml: string;
  let signedCsv: string;

  it('is signed off only by the chair, after submission, recording the hash of the exact report it froze', async () => {
    const early = await app.as('chair').gql(SIGN_OFF, { input: { planId: PLAN, quarter: Q2, expectedRevision: 1 } });
    expect(early.errors![0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', rule: 'submittedBeforeSignOff' });
    const submitted = (await ok<{ submitQuarterlyReturn: Record<string, any> }>(SUBMIT, { input: { planId: PLAN, quarter: Q2, expectedRevision: 1 } })).submitQuarterlyReturn;
    expect(submitted).toMatchObject({ status: 'SUBMITTED', revision: 2 });
    const byOffice = await app.as('office').gql(SIGN_OFF, { input: { planId: PLAN, quarter: Q2, expectedRevision: 2 } });
    expect(byOffice.errors![0].extensions!.code).toBe('FORBIDDEN');
    const stale = await app.as('chair').gql(SIGN_OFF, { input: { planId: PLAN, quarter: Q2, expectedRevision: 1 } });
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');

    const before = await report();
    expect(before.signOff).toBeNull();
    app.clock.set('2026-01-28T15:00:00.000Z');
    const signed = (await ok<{ signOffQuarterlyReturn: Record<string, any> }>(SIGN_OFF, { input: { planId: PLAN, quarter: Q2, expectedRevision: 2 } }, 'chair')).signOffQuarterlyReturn;
    expect(signed).toMatchObject({ status: 'SIGNED_OFF', signOff: { signedOffBy: 'Board Chair', signedOffAt: '2026-01-28T15:00:00.000Z' } });
    // The report the chair was looking at is the report signed.
    expect(signed.signOff.htmlSha256).toBe(sha256(before.html));
    expect(signed.signOff.csvSha256).toBe(sha256(before.csv));
    const events = await app.allEvents();
    const event = events.find((e) => e.type === 'QuarterlyReturnSignedOff')!;
    expect(event.data).toMatchObject({ htmlSha256: sha256(before.html), csvSha256: sha256(before.csv) });
    [signedHtml, signedCsv] = [before.html, before.csv];

    const again = await app.as('chair').gql(SIGN_OFF, { input: { planId: PLAN, quarter: Q2, expectedRevision: 3 } });
    expect(again.errors![0].extensions).toMatchObject({ rule: 'notYetSignedOff' });
  });

  it('serves the signed report for the quarter from then on: the signed bytes, with who signed it, when and the hashes', async () => {
    const r = await report('adviser');
    expect(r.returnStatus).toBe('SIGNED_OFF');
    expect(signedPartOf(r.html)).toBe(signedHtml);
    expect(sha256(signedPartOf(r.html))).toBe(r.signOff.htmlSha256);
    expect(r.csv).toBe(signedCsv);
    expect(sha256(r.csv)).toBe(r.signOff.csvSha256);
    expect(r.html).toContain('was signed off by Board Chair, board chair, on <time datetime="2026-01-28T15:00:00.000Z">28 January 2026 at 3:00pm</time>');
    expect(r.html).toContain(`<code>${r.signOff.htmlSha256}</code>`);
    expect(r.html).toContain('<p class="none">None recorded since sign-off.</p>');
    const token = await app.token('adviser');
    const base = app.url.replace(/\/graphql$/, '');
    const html = await (await fetch(`${base}${r.htmlDownloadPath}`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(sha256(signedPartOf(html))).toBe(r.signOff.htmlSha256);
    const csv = await (await fetch(`${base}${r.csvDownloadPath}`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(sha256(csv)).toBe(r.signOff.csvSha256);
  });

  it('takes a later change to the summary only as a correction with a reason, and lists later news as corrections, leaving the signed text alone', async () => {
    app.clock.set('2026-02-03T10:00:00.000Z');
    const silent = await app.gql(WRITE, { input: { planId: PLAN, quarter: Q2, text: 'Rewritten', expectedRevision: 3 } });
    expect(silent.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'required' });
    expect(JSON.stringify(silent.errors![0].extensions)).toContain('"field":"correctionReason"');
    const corrected = (
      await ok<{ writeExecutiveSummary: Record<string, any> }>(WRITE, { input: { planId: PLAN, quarter: Q2, text: 'The Q2 outturn was £461m.', correctionReason: 'Restated at the February board', expectedRevision: 3 } })
    ).writeExecutiveSummary;
    expect(corrected).toMatchObject({ status: 'SIGNED_OFF', executiveSummary: { version: 3, correctionReason: 'Restated at the February board' } });
    const condition = (await ok<{ condition: { revision: number } }>(`query { condition(planId: "${PLAN}", ref: "C2") { revision } }`, {})).condition;
    await ok(`mutation ($input: RecordConditionStatusInput!) { recordConditionStatus(input: $input) { revision } }`, {
      input: { conditionId, expectedRevision: condition.revision, quarter: Q2, status: 'ON_TRACK', commentary: 'Restated forecast' },
    });

    // A progress update of the quarter restated after sign-off is news about the signed page too.
    await ok(change('correctProgress', 'CorrectProgressInput'), {
      input: { actionId: update.id, expectedRevision: update.revision, supersedesRevision: update.revision, rag: 'RED', commentary: 'Recovery plan not yet agreed', asOfDate: '2025-07-21', reason: 'Misreported' },
    });

    const r = await report();
    expect(signedPartOf(r.html)).toBe(signedHtml);
    expect(r.csv).toBe(signedCsv);
    expect(r.executiveSummary).toBe(SUMMARY);
    expect(r.correctionsSinceSignOff.map((c: { subject: string }) => c.subject)).toEqual(['Executive summary, version 3', 'Condition C2, status for 2025/26 Q2', 'Action 8.2, update as at 2025-07-21']);
    expect(r.correctionsSinceSignOff[1]).toMatchObject({ detail: 'ON_TRACK (version 2): Restated forecast' });
    expect(r.html).toContain('<h3>Corrections since sign-off</h3>');
    expect(r.html).toContain('<td>Executive summary, version 3</td><td>Restated at the February board. Now reads: The Q2 outturn was £461m.</td>');
  });

  it('gives the return as a CSV of its own, with the same parameters and access as the report: the signed facts, the finance lines, the conditions and the corrections', async () => {
    await app.addUser({ userId: 'return-elsewhere', roles: ['BOARD_CHAIR', 'DFE_ADVISER'], areas: ['other-area'] });
    const origin = app.url.replace(/\/graphql$/, '');
    const get = async (userId: string | null, query = `planId=${PLAN}&financialYear=2025&quarter=2`) =>
      fetch(`${origin}/reports/quarterly-return.csv?${query}`, { headers: userId ? { authorization: `Bearer ${await app.token(userId)}` } : {} });
    const response = await get('adviser');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(`${PLAN}-monitoring-report-2025-26-q2-return.csv`);
    const csv = await response.text();
    const r = await report();
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('section,ref,label,period,status,approved,amount_gbp,text,recorded_at,recorded_by');
    expect(lines[1]).toBe('return,status,Return status,2025/26 Q2,SIGNED_OFF,,,,,');
    expect(lines).toContain(`return,signed_html_sha256,SHA-256 of the report page as signed,2025/26 Q2,,,,${r.signOff.htmlSha256},2026-01-28T15:00:00.000Z,Board Chair`);
    expect(lines).toContain(`return,signed_csv_sha256,SHA-256 of the report’s actions CSV as signed,2025/26 Q2,,,,${r.signOff.csvSha256},2026-01-28T15:00:00.000Z,Board Chair`);
    // The frozen return: the summary and the condition's status as signed; what came later is listed as corrections.
    expect(csv).toContain(`executive_summary,version 2,Executive summary,2025/26 Q2,,,,"${SUMMARY}"`);
    expect(lines).toContain('finance,forecast_outturn,Forecast outturn,2025/26 Q2,RED,,460000000.00,Q2: a gap against the budget,,');
    expect(lines).toContain('finance,movement_since_previous,Movement in the forecast outturn since then,2025/26 Q2,,,20000000.00,,,');
    expect(lines.find((l) => l.startsWith('condition,C2,'))).toMatch(/,2025\/26 Q2,NOT_ON_TRACK,(yes|no),,Forecast above the trajectory,,$/);
    expect(lines.filter((l) => l.startsWith('correction,')).map((l) => l.split(',')[2].replace(/^"/, ''))).toEqual(['Executive summary', 'Condition C2', 'Action 8.2']);
    // The same bytes again, for another reader.
    expect(await (await get('member')).text()).toBe(csv);
    expect((await get('return-elsewhere')).status).toBe(404);
    expect((await get(null)).status).toBe(401);
    expect((await get('member', `planId=${PLAN}&financialYear=2025&quarter=9`)).status).toBe(400);
  });
});
