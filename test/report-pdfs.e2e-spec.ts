import type { Browser } from 'playwright-core';
import { chromiumPath } from './support/dashboard-browser';
import { pdfText, renderFirstPage } from './support/pdf-pages';
import { startTestApp, TestApp } from './support/test-app';

const NOW = '2026-06-15T10:00:00.000Z';
const Q4 = 'planId=demo-plan&financialYear=2025&quarter=4';

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

  it('gives the same bytes, pages and text for the same period, later and as another reader', async () => {
    app.clock.set('2026-06-16T09:00:00.000Z');
    const again = await pdfOf(`/reports/quarterly.pdf?${Q4}`, 'dfe-adviser');
    app.clock.set(NOW);
    expect(pdfText(again)).toEqual(pdfText(pdf));
    expect(again.equals(pdf)).toBe(true);
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
    expect((await get(`/reports/quarterly.pdf?${Q4}`, 'pdf-owner')).status).toBe(200);
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
