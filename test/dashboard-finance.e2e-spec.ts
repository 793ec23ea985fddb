/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import type { Page } from 'playwright-core';
import { auditPage } from './support/accessibility-audit';
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { matchScreenshot, settle, texts } from './support/dashboard-page';

jest.setTimeout(90_000);

/** Everyone in the plan's area reads the position: the office, the board, an action owner and the DfE adviser. */
const READERS = ['programme-office', 'board-chair', 'board-member', 'rachel.whitfield', 'dfe-adviser'];

const cells = (page: Page, year: string, period: string) =>
  page.$$eval(`section[data-year="${year}"] tr[data-period="${period}"] > *`, (row) => row.map((c) => (c.textContent ?? '').trim()));

/** Whole thousands of pounds (as the demo's figures are) in £m to three places, written out independently of the page's rounding. */
const thousandsAsMillions = (pence: bigint): string => {
  const thousands = pence / 100_000n;
  return `£${thousands / 1000n}.${String(thousands % 1000n).padStart(3, '0')}m`;
};

describeInChromium('The dashboard in Chromium: the High Needs Block position', () => {
  let h: DashboardHarness;

  beforeAll(async () => {
    h = await startDashboard();
  }, 120_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('shows each year’s money in £m as the board writes it, each quarter’s forecast rated against the trajectory in words', async () => {
    const page = await h.signedIn('board-chair', '#/finance');
    await page.locator('section[data-year="2025/26"] table').waitFor();
    expect(await texts(page, 'section[data-year="2025/26"] .finance-figures dd')).toEqual(['£380.0m', '£437.5m', '£57.5m', '£113.3m', '£183.0m (Amber up to £5.0m above)', '£183.5m']);
    expect(await cells(page, '2025/26', '2025/26 Q2')).toEqual([
      '2025/26 Q2',
      '£451.0m',
      '£71.0m',
      '£13.5m over',
      '£184.3m',
      'Amber above the trajectory, within the tolerance',
      '£71m in-year gap against a budgeted £57.5m: EHCP growth and placement costs',
    ]);
    // The revised Q4 is £0.5m above the trajectory: within the tolerance, so Amber, never Green.
    expect((await cells(page, '2025/26', '2025/26 Q4')).slice(0, 6)).toEqual(['2025/26 Q4 (revised, 2 forecasts)', '£450.2m', '£70.2m', '£12.7m over', '£183.5m', 'Amber above the trajectory, within the tolerance']);
    expect((await cells(page, '2024/25', '2024/25 Q4')).slice(4, 6)).toEqual(['£113.3m', 'Red above the trajectory by more than the tolerance']);
    expect(await page.$$eval('section[data-year]', (s) => s.map((e) => e.getAttribute('data-year')))).toEqual(['2026/27', '2025/26', '2024/25']);
    expect(await texts(page, 'table.finance-trajectory tbody th')).toEqual(['2024/25', '2025/26', '2026/27', '2027/28', '2028/29', '2029/30']);
    // What the board was told: every forecast, the revision too, with the meeting it went to.
    const told = await texts(page, 'table.finance-history tbody tr');
    expect(told).toHaveLength(6);
    expect(told[4]).toMatch(/2025\/26 Q4£449\.7m/);
    expect(told[5]).toMatch(/2025\/26 Q4 \(revision 2\)£450\.2m/);
    expect(told[4]).not.toEqual(told[5].replace(' (revision 2)', ''));
    await page.locator('table.money-actions').waitFor();
    await matchScreenshot(page, 'finance');
    await page.close();
  });

  it('reads as at a board meeting: the forecast that meeting was given, rated as it was then', async () => {
    const { meetings } = (await h.app.gql(`{ meetings(planId: "demo-plan") { id date closed } }`)).data;
    const second = meetings.filter((m: { closed: boolean }) => m.closed).sort((a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : 1))[1];
    const page = await h.signedIn('dfe-adviser', '#/finance');
    await page.locator('section[data-year="2025/26"] table').waitFor();
    await page.selectOption('#as-at-meeting', second.id);
    const q4 = async () => (await cells(page, '2025/26', '2025/26 Q4')).slice(0, 6).join(' | ');
    expect(await settle(q4, '2025/26 Q4 | £449.7m | £69.7m | £12.2m over | £183.0m | Green at or below the trajectory')).toBe(
      '2025/26 Q4 | £449.7m | £69.7m | £12.2m over | £183.0m | Green at or below the trajectory',
    );
    expect(await texts(page, 'table.finance-history tbody tr')).toHaveLength(5);
    await page.close();
  });

  it('shows the money on actions after the position: the totals, each priority’s target against its savings, each area, and the funded actions', async () => {
    const page = await h.signedIn('board-chair', '#/finance');
    await page.locator('table.money-actions').waitFor();
    expect(await page.$$eval('h2', (hs) => hs.map((e) => e.textContent).at(-1))).toBe('Money on actions and priorities');
    // £143k + £215k + £600k + £1.2m; the latest spend of each (£96k + £112.5k + £185k + £420k); £120k + £85k + £240k evidenced.
    expect(await texts(page, '.money-totals dd')).toEqual(['£2.158m', '£5.950m', '£0.814m', '£0.445m']);
    const { planFinance } = (
      await h.app.gql(`{ planFinance(planId: "demo-plan") { priorities { number years { year target { pence } savingsEvidenced { pence } shortfall { pence } } } } }`)
    ).data;
    // Sufficiency (5) carries 4.5 and 6.3: each year's row is its £2.5m target against what they evidenced that year.
    const sufficiency = planFinance.priorities.find((p: { number: number }) => p.number === 5).years as { year: string; savingsEvidenced: { pence: string } }[];
    expect(sufficiency.reduce((sum, y) => sum + BigInt(y.savingsEvidenced.pence), 0n)).toBe(36_000_000n);
    for (const y of sufficiency) {
      const row = await page.$$eval(`table.money-priorities tr[data-priority="5"][data-year="${y.year}"] > *`, (r) => r.map((c) => (c.textContent ?? '').trim()));
      const evidenced = BigInt(y.savingsEvidenced.pence);
      const still = 250_000_000n - evidenced;
      expect(row.slice(1)).toEqual([y.year, '£2.500m', thousandsAsMillions(evidenced), `${thousandsAsMillions(still)} still to find`]);
    }
    expect(await page.locator('table.money-priorities tr[data-priority="5"] th').first().textContent()).toMatch(/^5\. /);
    const area4 = await page.$$eval('table.money-areas tr[data-area="4"] > *', (r) => r.map((c) => (c.textContent ?? '').trim()));
    expect(area4.slice(1)).toEqual(['2', '£0.358m', '£1.950m', '£0.209m', '£0.205m']);
    expect(await page.$$eval('table.money-actions tbody tr', (rows) => rows.map((r) => r.getAttribute('data-ref')))).toEqual(['3.4', '4.1', '4.5', '6.3']);
    const ap = await page.$$eval('table.money-actions tr[data-ref="4.5"] > *', (r) => r.map((c) => (c.textContent ?? '').trim()));
    expect(ap[0]).toMatch(/^4\.5 /);
    expect(ap.slice(1, 3)).toEqual(['SEND Intervention Fund', '£0.143m']);
    expect(ap[3]).toMatch(/^£0\.096m at \d{1,2} \w+ \d{4}$/);
    expect(ap[4]).toBe('£0.047m');
    // The ref is a link to the action's page, where its money is shown with its history.
    await page.locator('table.money-actions tr[data-ref="4.5"] th a').click();
    await page.locator('section.action-money').waitFor();
    expect(await texts(page, 'section.action-money dd')).toEqual(['£0.143m', '£0.850m', '£0.096m', '£0.047m', '£0.120m']);
    expect(await page.$$eval('table.action-money-history tbody tr', (rows) => rows.map((r) => r.getAttribute('data-kind')))).toEqual(['FUNDING', 'SPEND', 'SAVINGS', 'SPEND']);
    expect(await texts(page, 'table.action-money-history td[data-label="Amount"]')).toEqual(['£0.143m planned, £0.850m savings expected', '£0.032m', expect.stringMatching(/^£0\.120m in \d{4}\/\d{2}$/), '£0.096m']);
    expect({ userId: 'board-chair', problems: await auditPage(page) }).toEqual({ userId: 'board-chair', problems: [] });
    await page.close();
  });

  it('shows an action’s money only when it has funding', async () => {
    const { action } = (await h.app.gql(`{ action(planId: "demo-plan", ref: "1.1") { id } }`)).data;
    const page = await h.signedIn('rachel.whitfield', `#/actions/${action.id}`);
    await page.locator('h2#milestones').waitFor();
    expect(await page.locator('section.action-money').count()).toBe(0);
    await page.close();
  });

  it('reads the money on actions as at a board meeting: the spend and savings that meeting had, on the plan and on the action', async () => {
    const { meetings } = (await h.app.gql(`{ meetings(planId: "demo-plan") { id date closed } }`)).data;
    const second = meetings.filter((m: { closed: boolean }) => m.closed).sort((a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : 1))[1];
    const page = await h.signedIn('dfe-adviser', '#/finance');
    await page.locator('table.money-actions').waitFor();
    await page.selectOption('#as-at-meeting', second.id);
    // Before the last cycle: 4.5 had spent £31.5k, 4.1 £112.5k, 3.4 £185k, 6.3 £420k; only 4.5's £120k evidenced.
    const totals = ['£2.158m', '£5.950m', '£0.749m', '£0.120m'];
    expect(await settle(() => texts(page, '.money-totals dd'), totals)).toEqual(totals);
    const ap = await page.$$eval('table.money-actions tr[data-ref="4.5"] > *', (r) => r.map((c) => (c.textContent ?? '').trim()));
    expect(ap[3]).toMatch(/^£0\.032m at /);
    expect(ap[4]).toBe('£0.112m');
    await page.locator('table.money-actions tr[data-ref="4.5"] th a').click();
    await page.locator('section.action-money').waitFor();
    expect(await texts(page, 'section.action-money dd')).toEqual(['£0.143m', '£0.850m', '£0.032m', '£0.112m', '£0.120m']);
    expect(await page.$$eval('table.action-money-history tbody tr', (rows) => rows.map((r) => r.getAttribute('data-kind')))).toEqual(['FUNDING', 'SPEND', 'SAVINGS']);
    await page.close();
  });

  it('is in the navigation and passes the accessibility checks for every role that reads it', async () => {
    for (const userId of READERS) {
      const page = await h.signedIn(userId, '#/finance');
      await page.locator('table.finance-forecasts').first().waitFor();
      await page.locator('table.money-actions').waitFor();
      expect(await page.locator('nav a[href="#/finance"]').getAttribute('aria-current')).toBe('page');
      expect({ userId, problems: await auditPage(page) }).toEqual({ userId, problems: [] });
      await page.close();
    }
  });

  it('fits a laptop, a projector and a phone without scrolling sideways', async () => {
    const page = await h.signedIn('board-member', '#/finance');
    for (const [width, height] of [[1280, 720], [1366, 768], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await page.locator('table.finance-forecasts').first().waitFor();
      await page.locator('table.money-actions').waitFor();
      expect({ width, scrollWidth: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ width, scrollWidth: width });
    }
    await page.close();
  });

  it('fits the action’s money on a laptop, a projector and a phone without scrolling sideways', async () => {
    const { action } = (await h.app.gql(`{ action(planId: "demo-plan", ref: "6.3") { id } }`)).data;
    const page = await h.signedIn('board-member', `#/actions/${action.id}`);
    for (const [width, height] of [[1280, 720], [1366, 768], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await page.locator('table.action-money-history').waitFor();
      expect({ width, scrollWidth: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ width, scrollWidth: width });
    }
    await page.close();
  });
});
