import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ActionLogHistory, eventStoreConditionIndex, eventStoreFollowUpIndex, eventStoreRiskIndex, eventStoreStreamIndex, PlanHistory, RiskHistory } from '@send/read-models';
import { produceQuarterlyReport } from '../apps/api/src/reports/produce-quarterly-report';
import { ukDate } from '@send/domain';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The demo plan's report for its last complete quarter (Q4 2025/26, with the demo loaded on
 * 15 June 2026) is committed under docs/examples and must come out byte for byte. After a
 * deliberate change to the report, regenerate them with UPDATE_REPORT_EXAMPLES=1.
 */
const NOW = '2026-06-15T10:00:00.000Z';
const EXAMPLES = join(__dirname, '..', 'docs', 'examples');
const HTML_EXAMPLE = join(EXAMPLES, 'demo-plan-monitoring-report-2025-26-q4.html');
const CSV_EXAMPLE = join(EXAMPLES, 'demo-plan-monitoring-report-2025-26-q4-actions.csv');
const RETURN_EXAMPLE = join(EXAMPLES, 'demo-plan-monitoring-report-2025-26-q4-return.csv');

const REPORT = `query ($planId: ID!, $financialYear: Int, $quarter: Int, $meetingId: ID) {
  quarterlyReport(planId: $planId, financialYear: $financialYear, quarter: $quarter, meetingId: $meetingId) {
    planId period from to previousReport eventsUpToPosition chainHead { position hash } htmlFileName csvFileName htmlDownloadPath csvDownloadPath html csv
  }
}`;
const Q4 = { planId: 'demo-plan', financialYear: 2025, quarter: 4 };
/**
 * The chain hash covers each event's recorded time, which is the store's wall clock rather than
 * the test's, so it differs from run to run. Only the chain head's own hash is masked, wherever it
 * is printed: any other hash, or a different one in one place, still differs from the example.
 */
const withoutChainHead = (text: string, hash: string) => text.split(hash).join('<chain hash>');
/** The head a committed CSV was made with: the last column of its first action. */
const committedHead = (csv: string) => csv.split('\r\n')[1].split(',').pop()!;

describe('The quarterly monitoring report', () => {
  let app: TestApp;
  let report: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp({ loadDemoPlan: true, now: NOW, areas: ['demo-area'] });
    const res = await app.gql(REPORT, Q4);
    expect(res.errors).toBeUndefined();
    report = res.data.quarterlyReport;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('covers the chosen quarter, measured from the end of the one before, both ending at midnight in London', () => {
    expect(report).toMatchObject({
      period: 'Q4 2025/26 (1 January 2026 to 31 March 2026)',
      // 31 December is GMT, so its end is the same in UTC; 31 March is BST, so the quarter ends at 22:59:59.999Z.
      from: '2025-12-31T23:59:59.999Z',
      to: '2026-03-31T22:59:59.999Z',
      previousReport: 'the end of Q3 2025/26',
      htmlFileName: 'demo-plan-monitoring-report-2025-26-q4.html',
      csvFileName: 'demo-plan-monitoring-report-2025-26-q4-actions.csv',
      htmlDownloadPath: '/reports/quarterly.html?planId=demo-plan&financialYear=2025&quarter=4',
    });
  });

  it('matches the committed example of the demo plan, byte for byte', () => {
    if (process.env.UPDATE_REPORT_EXAMPLES === '1') {
      writeFileSync(HTML_EXAMPLE, report.html);
      writeFileSync(CSV_EXAMPLE, report.csv);
    }
    const head = (report.chainHead as unknown as { hash: string }).hash;
    const [html, csv] = [readFileSync(HTML_EXAMPLE, 'utf8'), readFileSync(CSV_EXAMPLE, 'utf8')];
    expect(committedHead(csv)).toMatch(/^[0-9a-f]{64}$/);
    expect(withoutChainHead(report.html, head)).toBe(withoutChainHead(html, committedHead(csv)));
    expect(withoutChainHead(report.csv, head)).toBe(withoutChainHead(csv, committedHead(csv)));
  });

  it('gives the quarter’s DfE return as a CSV matching the committed example, byte for byte', async () => {
    const response = await fetch(`${app.url.replace(/\/graphql$/, '')}/reports/quarterly-return.csv?planId=demo-plan&financialYear=2025&quarter=4`, {
      headers: { authorization: `Bearer ${await app.token('dfe-adviser')}` },
    });
    expect(response.status).toBe(200);
    const csv = await response.text();
    if (process.env.UPDATE_REPORT_EXAMPLES === '1') writeFileSync(RETURN_EXAMPLE, csv);
    expect(csv).toBe(readFileSync(RETURN_EXAMPLE, 'utf8'));
    // The demo's Q4: no summary yet, its High Needs Block year and every condition of the register.
    expect(csv).toContain('\r\nreturn,status,Return status,2025/26 Q4,NOT_STARTED,');
    expect(csv).toMatch(/\r\nfinance,forecast_outturn,Forecast outturn,2025\/26 Q4,\w+,,\d+\.\d{2},/);
    expect(csv.match(/\r\ncondition,C\d,/g)).toHaveLength(4);
  });

  it('prints every date and time the British way, in UK time, with the ISO value only where machines read it', () => {
    const text = report.html.replace(/<style>[^<]*<\/style>/, '').replace(/<[^>]+>/g, ' ');
    expect(text.match(/\b\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?\b/g)).toBeNull();
    expect(report.html).toContain('<dt>As at</dt><dd><time datetime="2026-03-31T22:59:59.999Z">31 March 2026 at 11:59pm</time> (UK time)</dd>');
    // The CSV is for spreadsheets: its dates stay ISO, so they sort and filter.
    const [header, first] = report.csv.split('\r\n');
    expect(header).toContain(',due_date,status,');
    expect(first).toMatch(/,\d{4}-\d{2}-\d{2},OPEN,/);
  });

  it('gives the same bytes again, after later events, as a download, and from the CLI path', async () => {
    // Later events in the plan's own stream and a new meeting stream must not reach a report of an earlier period.
    app.clock.set('2026-06-15T11:00:00.000Z');
    const threshold = await app.gql(`mutation { changeStaleThreshold(input: { planId: "demo-plan", staleAfterDays: 30 }) { staleAfterDays } }`);
    expect(threshold.errors).toBeUndefined();
    const meeting = await app.gql(`mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
      input: { planId: 'demo-plan', type: 'DFE_QUARTERLY_REVIEW', date: '2026-07-01', title: 'DfE quarterly review' },
    });
    expect(meeting.errors).toBeUndefined();

    const again = (await app.gql(REPORT, Q4)).data.quarterlyReport;
    expect(again.html).toBe(report.html);
    expect(again.csv).toBe(report.csv);

    const token = await app.token('board-member');
    const base = app.url.replace(/\/graphql$/, '');
    const html = await fetch(`${base}${report.htmlDownloadPath}`, { headers: { authorization: `Bearer ${token}` } });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-disposition')).toContain(report.htmlFileName);
    expect(await html.text()).toBe(report.html);
    const csv = await fetch(`${base}${report.csvDownloadPath}`, { headers: { authorization: `Bearer ${token}` } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toBe(report.csv);

    // The CLI reads only the event store (no read models): same function, other index, same bytes.
    const fromStore = await produceQuarterlyReport({ plans: new PlanHistory(eventStoreStreamIndex(app.store()), app.store()), risks: new RiskHistory(eventStoreRiskIndex(app.store()), app.store()), actionLog: new ActionLogHistory(eventStoreFollowUpIndex(app.store()), app.store()), conditions: eventStoreConditionIndex(app.store()) }, app.store(), 'demo-plan', { financialYear: 2025, quarter: 4 }, NOW);
    expect(fromStore.html).toBe(report.html);
    expect(fromStore.csv).toBe(report.csv);
  });

  it('traces every figure to events: lines link to their action, the header names the last event used', async () => {
    const events = await app.allEvents();
    const planEvents = events.filter((e) => /^(plan|action|meeting|metric|risk|follow-up|dependencies)-/.test(e.streamId) && e.metadata.occurredAt <= report.to);
    expect(report.eventsUpToPosition).toBe(String(planEvents[planEvents.length - 1].position));
    expect(report.html).toContain(`store position ${report.eventsUpToPosition}`);
    const links = [...report.html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const target of new Set(links)) expect(report.html).toContain(`id="${target}"`);
    const added = new Map(events.filter((e) => e.type === 'ActionAdded' && e.metadata.occurredAt <= report.to).map((e) => [e.data.actionId as string, e.data.ref as string]));
    const rows = report.csv.trimEnd().split('\r\n').slice(1);
    expect(rows).toHaveLength(added.size);
    for (const row of rows) {
      const [ref] = row.split(',');
      const id = [...added].find(([, r]) => r === ref)?.[0];
      expect(id).toBeDefined();
      expect(row).toContain(id!);
    }
    expect(report.html).not.toContain('<script');
  });

  it("prints the global hash chain at the plan's newest event in the page, in every CSV row and in the API", async () => {
    const events = await app.allEvents();
    const newest = events.find((e) => String(e.position) === report.eventsUpToPosition)!;
    const head = report.chainHead as unknown as { position: string; hash: string };
    expect(head).toEqual({ position: report.eventsUpToPosition, hash: newest.globalHash });
    expect(report.html).toContain(`position ${head.position}, SHA-256 <code>${head.hash}</code>`);
    const [header, ...rows] = report.csv.trimEnd().split('\r\n');
    expect(header.endsWith(',plan_chain_position,plan_chain_hash')).toBe(true);
    for (const row of rows) expect(row.endsWith(`,${head.position},${head.hash}`)).toBe(true);

    const verified = await app.as('dfe-adviser').gql(`query ($heads: [ChainHeadInput!]) { verifyHistory(planId: "demo-plan", heads: $heads) { ok heads { matches } } }`, { heads: [head] });
    expect(verified.data.verifyHistory).toEqual({ ok: true, heads: [{ matches: true }] });
  });

  it('reports a board meeting from the previous meeting’s close, and the DfE adviser may read it', async () => {
    const meetings = (await app.gql(`{ meetings(planId: "demo-plan") { id date } }`)).data.meetings;
    const res = await app.as('dfe-adviser').gql(REPORT, { planId: 'demo-plan', meetingId: meetings[1].id });
    expect(res.errors).toBeUndefined();
    expect(res.data.quarterlyReport.previousReport).toBe(`the board meeting of ${ukDate(meetings[0].date)}`);
    expect(res.data.quarterlyReport.period).toContain(ukDate(meetings[1].date));
  });

  it.each([
    [{ financialYear: 2026, quarter: 1 }, 'FAILED_PRECONDITION', 'quarterEnded'],
    [{ financialYear: 2025, quarter: 5 }, 'BAD_USER_INPUT', 'max'],
    [{ financialYear: 2025 }, 'BAD_USER_INPUT', 'required'],
    [{ financialYear: 2025, quarter: 4, meetingId: 'm' }, 'BAD_USER_INPUT', 'quarterOrMeeting'],
    [{ meetingId: 'no-such-meeting' }, 'NOT_FOUND', 'closedMeetingOfPlan'],
  ])('refuses %j with %s (%s)', async (args, code, rule) => {
    const res = await app.gql(REPORT, { planId: 'demo-plan', ...args });
    const ext = res.errors![0].extensions!;
    expect(ext.code).toBe(code);
    expect([ext.rule, ...(ext.validationErrors ?? []).map((v: { rule: string }) => v.rule)]).toContain(rule);
  });

  it('hides other areas’ plans and needs a token to download', async () => {
    await app.addUser({ userId: 'elsewhere', roles: ['BOARD_CHAIR'], areas: ['other-area'] });
    const res = await app.as('elsewhere').gql(REPORT, Q4);
    expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
    const base = app.url.replace(/\/graphql$/, '');
    const anonymous = await fetch(`${base}${report.htmlDownloadPath}`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const outsider = await fetch(`${base}${report.csvDownloadPath}`, { headers: { authorization: `Bearer ${await app.token('elsewhere')}` } });
    expect(outsider.status).toBe(404);
    const bad = await fetch(`${base}/reports/quarterly.csv?planId=demo-plan&financialYear=2025&quarter=9`, {
      headers: { authorization: `Bearer ${await app.token('board-member')}` },
    });
    expect(bad.status).toBe(400);
  });
});
