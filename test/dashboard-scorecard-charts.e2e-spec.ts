/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import type { Page } from 'playwright-core';
import { auditPage } from './support/accessibility-audit';
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { texts } from './support/dashboard-page';

jest.setTimeout(90_000);

const READERS = ['programme-office', 'board-chair', 'board-member', 'rachel.whitfield', 'dfe-adviser'];

describeInChromium('The dashboard in Chromium: scorecard charts a board can read', () => {
  let h: DashboardHarness;
  let ids: Record<string, string>;
  const card = (name: string) => `.metric-card[data-metric-id="${ids[name]}"]`;
  const opened = async (userId: string) => {
    const page = await h.signedIn(userId, '#/scorecard');
    await page.locator('.metric-card svg').first().waitFor();
    return page;
  };
  const tableRows = (page: Page, name: string) =>
    page.$$eval(`${card(name)} .chart-table tbody tr`, (rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));

  beforeAll(async () => {
    h = await startDashboard();
    const { scorecard } = (await h.app.gql(`{ scorecard(planId: "demo-plan") { id name } }`)).data;
    ids = Object.fromEntries(scorecard.map((m: { id: string; name: string }) => [m.name, m.id]));
  }, 120_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('gives a single figure a value label, its comparators named with theirs, a value axis and a visible key', async () => {
    const page = await opened('board-member');
    const rate = card('EHCPs per 10,000 population aged 0–25');
    expect(await texts(page, `${rate} svg.trend-chart .series-label`)).toEqual(['380.8']);
    expect((await texts(page, `${rate} svg .comparator-label`)).sort()).toEqual(['England 364.1', 'Region 383.2', 'Statistical neighbours 394.2']);
    expect(await texts(page, `${rate} svg .target-label`)).toEqual([]);
    const axis = (await texts(page, `${rate} svg .axis-label:not(.period-label)`)).map(Number);
    expect(axis.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...axis)).toBeLessThanOrEqual(364.1);
    expect(Math.max(...axis)).toBeGreaterThanOrEqual(394.2);
    expect(await texts(page, `${rate} svg .period-label`)).toEqual(['2025', '2026', '2027']);
    expect(await texts(page, `${rate} .chart-legend li`)).toEqual(['Figures', 'Target trajectory', 'Amber tolerance', 'England', 'Region', 'Statistical neighbours']);
    expect(await page.locator(`${rate} svg.trend-chart .amber-band`).count()).toBe(1);
    expect(await page.locator(`${rate} svg.trend-chart`).getAttribute('aria-label')).toBe(
      'Trend: 380.8 per 10,000 in 2025; target 380 per 10,000 for 2026; England 364.1 per 10,000 in 2025; Region 383.2 per 10,000 in 2025; Statistical neighbours 394.2 per 10,000 in 2025.',
    );
    await page.close();
  });

  it('spaces periods by their start dates: April to August is as far as August to December, December to March less', async () => {
    const page = await opened('board-member');
    const late = card('New EHCPs issued in the month that exceeded 20 weeks');
    expect(await texts(page, `${late} svg .period-label`)).toEqual(['Apr 2025', 'Aug 2025', 'Dec 2025', 'Mar 2026']);
    const xs = await page.$$eval(`${late} svg .period-label`, (labels) => labels.map((l) => Number(l.getAttribute('data-x'))));
    const gaps = xs.slice(1).map((x, i) => x - xs[i]);
    expect(gaps[0]).toBeCloseTo(gaps[1] * (122 / 122), 0);
    expect(gaps[2] / gaps[1]).toBeCloseTo(90 / 122, 2);
    expect(await texts(page, `${late} svg .series-label`)).toEqual(['25.9%', '87.1%']);
    await page.close();
  });

  it('has a table of the same numbers: figure, target, how far Amber reaches, and each comparator', async () => {
    const page = await opened('dfe-adviser');
    const timeliness = 'New EHCPs issued within 20 weeks (year to date)';
    await page.locator(`${card(timeliness)} .chart-table summary`).click();
    expect(await texts(page, `${card(timeliness)} .chart-table thead th`)).toEqual(['Period', 'Figure', 'Target', 'Amber up to', 'England', 'Region']);
    expect(await tableRows(page, timeliness)).toEqual([
      ['2025-08', '56%', '—', '—', '46.4%', '25.8%'],
      ['2026-03', '—', '60%', '50%', '—', '—'],
    ]);
    const exclusions = 'Permanent exclusion rate per 100 pupils';
    await page.locator(`${card(exclusions)} .chart-table summary`).click();
    const rows = await tableRows(page, exclusions);
    expect(rows.map((r) => r[0])).toEqual(['2019/20', '2020/21', '2021/22', '2022/23', '2023/24', '2024/25', '2025/26']);
    expect(rows[5]).toEqual(['2024/25', '0.2 per 100 (provisional)', '0.16 per 100', '0.19 per 100', '—']);
    expect(rows[4]).toEqual(['2023/24', '0.17 per 100', '—', '—', '0.13 per 100']);
    await page.close();
  });

  it('draws each named statistical neighbour and names them in the table, lowest first', async () => {
    const page = await opened('board-chair');
    const spend = 'High needs gross spend per head aged 0–19';
    expect(await page.locator(`${card(spend)} svg.trend-chart .neighbour-point`).count()).toBe(10);
    expect(await texts(page, `${card(spend)} .chart-legend li`)).toContain('Each statistical neighbour (named in the table)');
    expect(await page.locator(`${card(spend)} svg.trend-chart`).getAttribute('aria-label')).toContain('10 named statistical neighbours from £548 per head to £932 per head');
    await page.locator(`${card(spend)} .chart-table summary`).click();
    const named = await page.$$eval(`${card(spend)} table.named-neighbours tbody tr`, (rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
    expect(named).toHaveLength(10);
    expect(named[0]).toEqual(['Milton Keynes', '2024/25', '£548 per head']);
    expect(named[9]).toEqual(['West Sussex', '2024/25', '£932 per head']);
    await page.close();
  });

  it('passes the accessibility checks with every table open, for every role, and fits a phone', async () => {
    for (const userId of READERS) {
      const page = await opened(userId);
      await page.$$eval('.chart-table', (all) => all.forEach((d) => d.setAttribute('open', '')));
      expect({ userId, problems: await auditPage(page) }).toEqual({ userId, problems: [] });
      await page.close();
    }
    const page = await opened('board-chair');
    for (const [width, height] of [[1280, 720], [1366, 768], [390, 844]]) {
      await page.setViewportSize({ width, height });
      expect({ width, scrollWidth: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ width, scrollWidth: width });
    }
    await page.close();
  });
});
