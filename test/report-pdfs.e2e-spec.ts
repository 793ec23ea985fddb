import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumPath } from './support/dashboard-browser';
import { ActionLogHistory, eventStoreConditionIndex, eventStoreFollowUpIndex, eventStoreRiskIndex, eventStoreStreamIndex, PlanHistory, RiskHistory } from '@send/read-models';
import { produceQuarterlyReport } from '../apps/api/src/reports/produce-quarterly-report';
import { quarterlyReportPdf } from '../apps/api/src/reports/quarterly-report-pdf';
import { renderReportPdf } from '../apps/api/src/reports/report-pdf.renderer';
import { pdfText, renderFirstPage } from './support/pdf-pages';
import { ukDate } from '@send/domain';
import { startTestApp, TestApp } from './support/test-app';

const NOW = '2026-06-15T10:00:00.000Z';
const Q4 = 'planId=demo-plan&financialYear=2025&quarter=4';

/**
 * The demo's PDFs as text, page by page (pages separated by a form feed line, as pdftotext does),
 * committed under docs/examples beside the HTML and CSV report: a change to what they say, or to
 * where a page breaks, fails here. After a deliberate change, regenerate with UPDATE_REPORT_EXAMPLES=1.
 */
const EXAMPLES = join(__dirname, '..', 'docs', 'examples');
const REPORT_TEXT = join(EXAMPLES, 'demo-plan-monitoring-report-2025-26-q4.pdf.txt');
const PACK_TEXT = join(EXAMPLES, 'demo-plan-board-pack-2026-06-08.pdf.txt');
const PAGE_BREAK = '\n\f\n';

/** The PDF's text against its committed example, or the example rewritten when asked to. */
function matchesExample(pages: string[], file: string, mask: (text: string) => string = (t) => t): void {
  const text = `${mask(pages.join(PAGE_BREAK))}\n`;
  if (process.env.UPDATE_REPORT_EXAMPLES === '1') writeFileSync(file, text);
  const committed = readFileSync(file, 'utf8');
  expect(text.split(PAGE_BREAK).length).toBe(committed.split(PAGE_BREAK).length);
  expect(text).toBe(committed);
}

describe('The quarterly report as a PDF', () => {
  let app: TestApp;
  let origin: string;
  let browser: Browser | undefined;
  let pdf: Buffer;

  const get = async (path: string, userId: string | null = 'board-member') =>
    fetch(`${origin}${path}`, { headers: userId === null ? {} : { authorization: `Bearer ${await app.token(userId)}` } });
  const pdfOf = async (path: string, userId?: string) => {
    const response = await get(path, userId);
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  beforeAll(async () => {
    app = await startTestApp({ loadDemoPlan: true, now: NOW, areas: ['demo-area'] });
    origin = new URL(app.url).origin;
    pdf = await pdfOf(`/reports/quarterly.pdf?${Q4}`);
    if (chromiumPath()) {
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: chromiumPath()!, args: ['--no-sandbox'] });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('is an A4 PDF named like the HTML report, with the report’s sections, UK dates and page numbers', async () => {
    const response = await get(`/reports/quarterly.pdf?${Q4}`);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('demo-plan-monitoring-report-2025-26-q4.pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');

    const { pages, info } = pdfText(pdf);
    const text = pages.join('\n');
    expect(pages.length).toBeGreaterThan(3);
    expect(text).toContain('SEND and AP Improvement Plan: quarterly monitoring report');
    expect(text).toContain('Period: Q4 2025/26 (1 January 2026 to 31 March 2026)');
    expect(text).toContain('As at: 31 March 2026 at 11:59pm (UK time)');
    for (const heading of ['1. RAG by improvement area', '2. RAG by recovery priority', '4. Red actions', '7. Performance scorecard', '9. Risk register', 'Appendix: the actions']) {
      expect(text).toContain(heading);
    }
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    // Dates are for people: no ISO date in the text, only in the metadata.
    expect(text.match(/\b\d{4}-\d{2}-\d{2}\b/g)).toBeNull();
    expect(info).toMatchObject({ Title: 'Quarterly monitoring report: Demo local area (unitary council), Q4 2025/26 (1 January 2026 to 31 March 2026)', CreationDate: "D:20260331225959Z" });
  });

  it('has every action of the HTML report in its appendix and every table row', async () => {
    const html = await (await get(`/reports/quarterly.html?${Q4}`)).text();
    const text = pdfText(pdf).pages.join('\n');
    const refs = [...html.matchAll(/<h3>([\d.]+) /g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(text).toMatch(new RegExp(`(^|\\n)${ref.replace(/\./g, '\\.')} `));
  });

  it('gives the same bytes, pages and text for the same period, later, as another reader and by the CLI path', async () => {
    app.clock.set('2026-06-16T09:00:00.000Z');
    const again = await pdfOf(`/reports/quarterly.pdf?${Q4}`, 'dfe-adviser');
    app.clock.set(NOW);
    expect(pdfText(again)).toEqual(pdfText(pdf));
    expect(again.equals(pdf)).toBe(true);
    // The CLI reads only the event store: same report, same PDF.
    const store = app.store();
    const fromStore = await produceQuarterlyReport(
      { plans: new PlanHistory(eventStoreStreamIndex(store), store), risks: new RiskHistory(eventStoreRiskIndex(store), store), actionLog: new ActionLogHistory(eventStoreFollowUpIndex(store), store), conditions: eventStoreConditionIndex(store) },
      store,
      'demo-plan',
      { financialYear: 2025, quarter: 4 },
      NOW,
    );
    expect((await quarterlyReportPdf(fromStore)).pdf.equals(pdf)).toBe(true);
  });

  it('says, page by page, exactly what the committed example of the demo’s Q4 report says', async () => {
    // The chain hash covers each event's recorded time, the store's wall clock: it alone is masked, as in the HTML example.
    // Its digits differ in width, so where its paragraph's lines break moves with it: that paragraph is compared as one line.
    const { hash } = (await app.gql(`{ quarterlyReport(planId: "demo-plan", financialYear: 2025, quarter: 4) { chainHead { hash } } }`)).data.quarterlyReport.chainHead;
    const { pages } = pdfText(pdf);
    expect(pages.join('\n')).toContain(hash);
    matchesExample(pages, REPORT_TEXT, (text) => text.split(hash).join('<chain hash>').replace(/Chain head: [^]*?no longer matches/, (paragraph) => paragraph.replace(/\s+/g, ' ')));
  });

  it('takes a meeting instead of a quarter, and refuses what the HTML refuses', async () => {
    const meetings = (await app.gql(`{ meetings(planId: "demo-plan") { id date closed } }`)).data.meetings;
    const closed = meetings.find((m: { closed: boolean }) => m.closed);
    const meeting = await pdfOf(`/reports/quarterly.pdf?planId=demo-plan&meetingId=${closed.id}`);
    expect(pdfText(meeting).pages.join('\n')).toContain('Movement since: ');
    expect((await get(`/reports/quarterly.pdf?planId=demo-plan&financialYear=2025&quarter=9`)).status).toBe(400);
    expect((await get(`/reports/quarterly.pdf?planId=demo-plan&financialYear=2026&quarter=1`)).status).toBe(422);
  });

  it('is for everyone in the area, as the HTML is, and for no one else', async () => {
    await app.addUser({ userId: 'pdf-elsewhere', roles: ['BOARD_CHAIR', 'DFE_ADVISER'], areas: ['other-area'] });
    await app.addUser({ userId: 'pdf-owner', roles: ['ACTION_OWNER'], areas: ['demo-area'], owner: { name: 'Pat Example', organisation: 'Council' } });
    await app.addUser({ userId: 'pdf-two-areas', roles: ['DFE_ADVISER'], areas: ['other-area'] });
    await app.addUser({ userId: 'pdf-two-areas', roles: ['BOARD_MEMBER'], areas: ['demo-area'] });
    expect((await get(`/reports/quarterly.pdf?${Q4}`, 'pdf-owner')).status).toBe(200);
    expect((await get(`/reports/quarterly.pdf?${Q4}`, 'pdf-two-areas')).status).toBe(200);
    expect((await get(`/reports/quarterly.pdf?${Q4}`, 'pdf-elsewhere')).status).toBe(404);
    expect((await get(`/reports/quarterly.pdf?${Q4}`, null)).status).toBe(401);
  });

  it('draws page 1 in a browser’s PDF reader (pdf.js in Chromium) as a page with text on it', async () => {
    if (!browser) {
      console.warn('No Chromium: page 1 of the PDF was not drawn');
      return;
    }
    const { png, inked, width, height } = await renderFirstPage(browser, pdf);
    // A4 is 1 : 1.414.
    expect(height / width).toBeCloseTo(1.414, 2);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(inked).toBeGreaterThan(0.01);
    expect(inked).toBeLessThan(0.5);
  });
});

describe('The board pack as a PDF', () => {
  let app: TestApp;
  let origin: string;
  let browser: Browser | undefined;
  let closedMeeting: { id: string; date: string };
  let pack: Buffer;
  const DAY = 'planId=demo-plan&date=2026-06-16';

  const get = async (path: string, userId: string | null = 'board-member') =>
    fetch(`${origin}${path}`, { headers: userId === null ? {} : { authorization: `Bearer ${await app.token(userId)}` } });
  const pdfOf = async (path: string, userId?: string) => {
    const response = await get(path, userId);
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const ok = async (query: string, input: Record<string, unknown>) => {
    const res = await app.gql(query, { input });
    expect(res.errors).toBeUndefined();
    return Object.values(res.data)[0] as { id: string; revision: number };
  };

  beforeAll(async () => {
    app = await startTestApp({ loadDemoPlan: true, now: NOW, areas: ['demo-area'] });
    origin = new URL(app.url).origin;
    // The demo carries the High Needs Block position (a Q4 forecast revised between two boards) and the conditions register.
    const meetings = (await app.gql(`{ meetings(planId: "demo-plan") { id date closed } }`)).data.meetings;
    closedMeeting = meetings.filter((m: { closed: boolean }) => m.closed).at(-1);
    app.clock.set('2026-06-17T09:00:00.000Z');
    pack = await pdfOf(`/reports/board-pack.pdf?${DAY}`);
    if (chromiumPath()) {
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: chromiumPath()!, args: ['--no-sandbox'] });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('has the overview, what moved, exceptions, the scorecard, the finance position and the conditions', async () => {
    const response = await get(`/reports/board-pack.pdf?${DAY}`);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('demo-plan-board-pack-2026-06-16.pdf');
    const { pages, info } = pdfText(pack);
    const text = pages.join('\n');
    expect(text).toContain('SEND Improvement Board: board pack');
    expect(text).toContain('As at: 16 June 2026 at 11:59pm (UK time)');
    expect(text).toContain(`2. What moved since the board meeting of ${ukDate(closedMeeting.date)}`);
    for (const heading of ['1. Overview', 'RAG by recovery priority', '3. Exceptions', 'Red actions', 'Overdue actions', 'Escalated risks', '4. Scorecard', '5. High Needs Block position', '6. Money on actions and priorities', 'Savings targets for 2026/27', 'Funded actions', '7. Conditions']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Actions in force: 36');
    expect(text).toContain('7. Provide strong financial oversight and governance');
    // pdf.js gives a table cell by cell, each cell's lines in turn.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toMatch(/2024\/25 £365\.830m £400\.000m £415\.575m \(2024\/25 Q4\) £49\.745m £113\.257m £105\.000m Red/);
    expect(flat).toMatch(/2025\/26 £380\.000m £437\.500m £450\.200m \(2025\/26 Q4\) £70\.200m £183\.457m £183\.000m Amber/);
    // Money on actions as recorded by the end of the day: the totals, this year's targets against savings, each funded action.
    expect(flat).toContain('Funded actions: 4 Planned cost: £2.158m Expected savings: £5.950m Spend to date: £0.814m Savings evidenced: £0.445m');
    expect(flat).toContain('5. Deliver SEND sufficiency of places and proactive commissioning £2.500m £0.360m £2.140m still to find');
    expect(flat).toMatch(/4\.5 Deliver a three-tier alternative provision model SEND Intervention Fund £0\.143m £0\.096m \(at 6 June 2026\) £0\.047m £0\.120m/);
    // Scorecard figures in their units, with the period written out.
    expect(flat).toMatch(/EHCPs per 10,000[^%]*? [\d.]+ per 10,000 \(\d{4}\)/);
    expect(flat).toMatch(/C2 Bring the High Needs Block deficit within the trajectory of the deficit recovery plan Paragraph 8 \d{1,2} \w+ \d{4} 2026\/27 Q1 Not on track Yes 8\.1, 8\.2/);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    expect(text.match(/\b\d{4}-\d{2}-\d{2}\b/g)).toBeNull();
    expect(info).toMatchObject({ CreationDate: 'D:20260616225959Z' });
  });

  it('gives the same bytes for the same day, and for a closed meeting reads as at its close', async () => {
    app.clock.set('2026-06-18T09:00:00.000Z');
    const again = await pdfOf(`/reports/board-pack.pdf?${DAY}`, 'dfe-adviser');
    expect(pdfText(again)).toEqual(pdfText(pack));
    expect(again.equals(pack)).toBe(true);
    const atMeeting = pdfText(await pdfOf(`/reports/board-pack.pdf?planId=demo-plan&meetingId=${closedMeeting.id}`)).pages.join('\n');
    expect(atMeeting).toContain(`For: `);
    expect(atMeeting).toContain(`(${ukDate(closedMeeting.date)})`);
    // The Q4 forecast was revised between the last two boards: each pack says what that board was told.
    expect(atMeeting.replace(/\s+/g, ' ')).toMatch(/2025\/26 £380\.000m £437\.500m £450\.200m \(2025\/26 Q4\) £70\.200m £183\.457m £183\.000m Amber/);
    const closed = (await app.gql(`{ meetings(planId: "demo-plan") { id date closed } }`)).data.meetings.filter((m: { closed: boolean }) => m.closed);
    const before = pdfText(await pdfOf(`/reports/board-pack.pdf?planId=demo-plan&meetingId=${closed.at(-2).id}`)).pages.join(' ').replace(/\s+/g, ' ');
    expect(before).toMatch(/2025\/26 £380\.000m £437\.500m £449\.743m \(2025\/26 Q4\) £69\.743m £183\.000m £183\.000m Green/);
    expect(before).toMatch(/C2 Bring the High Needs Block deficit[^]*? 2025\/26 Q4 Not on track Yes/);
    // That board had 4.5's first spend figure and its first savings, not what came after.
    expect(before).toContain('Spend to date: £0.749m Savings evidenced: £0.120m');
    expect(before).toMatch(/4\.5 Deliver a three-tier alternative provision model SEND Intervention Fund £0\.143m £0\.032m \(at \d{1,2} \w+ 2026\) £0\.112m £0\.120m/);
  });

  it('says, page by page, exactly what the committed example of the pack for the demo’s last closed meeting says', async () => {
    expect(closedMeeting.date).toBe('2026-06-08');
    const { pages } = pdfText(await pdfOf(`/reports/board-pack.pdf?planId=demo-plan&meetingId=${closedMeeting.id}`));
    matchesExample(pages, PACK_TEXT);
  });

  it.each([
    ['planId=demo-plan', 400],
    ['planId=demo-plan&date=2026-06-16&meetingId=x', 400],
    ['planId=demo-plan&date=16/06/2026', 400],
    ['planId=demo-plan&date=2026-02-30', 400],
    ['planId=demo-plan&date=2026-06-18', 422],
    ['planId=demo-plan&meetingId=no-such-meeting', 404],
  ])('refuses %s with %s', async (query, status) => {
    expect((await get(`/reports/board-pack.pdf?${query}`)).status).toBe(status);
  });

  // The pack shows what every role in the area already reads on the dashboard: owners included.
  it.each([
    ['programme-office', 200],
    ['board-chair', 200],
    ['board-member', 200],
    ['dfe-adviser', 200],
    ['pack-owner', 200],
    ['pack-elsewhere', 404],
    ['pack-two-areas', 200],
  ])('as %s answers %s', async (userId, status) => {
    await app.addUser({ userId: 'pack-owner', roles: ['ACTION_OWNER'], areas: ['demo-area'], owner: { name: 'Pat Example', organisation: 'Council' } });
    await app.addUser({ userId: 'pack-elsewhere', roles: ['BOARD_CHAIR', 'DFE_ADVISER', 'PLAN_ADMINISTRATOR'], areas: ['other-area'] });
    await app.addUser({ userId: 'pack-two-areas', roles: ['DFE_ADVISER'], areas: ['other-area'] });
    await app.addUser({ userId: 'pack-two-areas', roles: ['BOARD_MEMBER'], areas: ['demo-area'] });
    expect((await get(`/reports/board-pack.pdf?${DAY}`, userId)).status).toBe(status);
  });

  it('needs a token', async () => {
    expect((await get(`/reports/board-pack.pdf?${DAY}`, null)).status).toBe(401);
  });

  it('reads the money as at the meeting’s close: a spend recorded after the meeting is not in its pack, and is in the next day’s', async () => {
    const meeting = `/reports/board-pack.pdf?planId=demo-plan&meetingId=${closedMeeting.id}`;
    const flat = async (path: string) => pdfText(await pdfOf(path)).pages.join(' ').replace(/\s+/g, ' ');
    const packBefore = await pdfOf(meeting);
    app.clock.set('2026-06-18T09:00:00.000Z');
    const { planFinance } = (await app.as('programme-office').gql(`{ planFinance(planId: "demo-plan") { revision } }`)).data;
    const { action } = (await app.gql(`{ action(planId: "demo-plan", ref: "4.5") { id } }`)).data;
    const res = await app.as('programme-office').gql(
      `mutation Spend($input: RecordActionSpendInput!) { recordActionSpend(input: $input) { revision } }`,
      { input: { planId: 'demo-plan', actionId: action.id, expectedRevision: planFinance.revision, spendToDate: '133000', asOfDate: '2026-06-18', commentary: 'Tier 3 places commissioned' } },
    );
    expect(res.errors).toBeUndefined();
    const after = await pdfOf(meeting);
    expect(after.equals(packBefore)).toBe(true);
    expect(await flat(meeting)).toMatch(/SEND Intervention Fund £0\.143m £0\.096m \(at 6 June 2026\) £0\.047m/);
    app.clock.set('2026-06-19T09:00:00.000Z');
    const nextDay = await flat('/reports/board-pack.pdf?planId=demo-plan&date=2026-06-18');
    expect(nextDay).toMatch(/SEND Intervention Fund £0\.143m £0\.133m \(at 18 June 2026\) £0\.010m/);
    expect(nextDay).toContain('Spend to date: £0.851m');
    app.clock.set('2026-06-18T09:00:00.000Z');
  });

  it('draws page 1 in Chromium’s pdf.js as a page with text on it', async () => {
    if (!browser) {
      console.warn('No Chromium: page 1 of the board pack was not drawn');
      return;
    }
    const { png, inked, width, height } = await renderFirstPage(browser, pack);
    expect(height / width).toBeCloseTo(1.414, 2);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(inked).toBeGreaterThan(0.01);
    expect(inked).toBeLessThan(0.5);
  });
});

describe('The PDF layout', () => {
  it('repeats a long table’s header row on each page it runs onto, and never splits a row', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => [`${Math.floor(i / 10) + 1}.${(i % 10) + 1}`, `Action number ${i + 1}, with a title long enough to wrap onto a second line in its column`, i % 3 === 0 ? 'Red' : 'Green']);
    const pdf = await renderReportPdf({ title: 'Layout check', asAt: '2026-03-31T22:59:59.999Z', blocks: [{ kind: 'heading', level: 1, text: 'Layout check' }, { kind: 'table', head: ['Ref', 'Action', 'RAG'], rows }] });
    const { pages } = pdfText(pdf);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[0].startsWith('Layout check\nRef Action RAG\n')).toBe(true);
    pages.slice(1).forEach((page) => expect(page.startsWith('Ref Action RAG\n')).toBe(true));
    // Every row once, whole, in order.
    const flat = pages.join('\n').replace(/\s+/g, ' ');
    const order = rows.map((r) => flat.indexOf(`${r[0]} ${r[1]} ${r[2]}`));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
  });
});
