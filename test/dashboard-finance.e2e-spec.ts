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

  it('is in the navigation and passes the accessibility checks for every role that reads it', async () => {
    for (const userId of READERS) {
      const page = await h.signedIn(userId, '#/finance');
      await page.locator('table.finance-forecasts').first().waitFor();
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
      expect({ width, scrollWidth: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ width, scrollWidth: width });
    }
    await page.close();
  });
});
