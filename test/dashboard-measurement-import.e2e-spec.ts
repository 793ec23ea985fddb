/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe-audit';
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { matchScreenshot } from './support/dashboard-page';

jest.setTimeout(120_000);

const HEADER = 'metric,period,value,as_at,source,provisional';
const MAINSTREAM = 'Children with an EHCP in mainstream schools';
const INMSS = 'Children with an EHCP in independent or non-maintained special schools';
/** Row 2 repeats a period the demo has; row 3 names no metric of the plan; row 4's value and row 5's provisional are not what they should be. */
const BAD = [HEADER, `${MAINSTREAM},2025-09,41.4,2025-09-30,SEN2,no`, 'Pupils on the moon,2026-03,1,2026-03-31,SEN2,no', `${MAINSTREAM},2026-04,lots,2026-04-30,SEN2,no`, `${MAINSTREAM},2026-05,42,2026-05-31,SEN2,maybe`].join('\n');
const GOOD = [HEADER, `${MAINSTREAM},2026-03,42.1,2026-03-31,SEN2,no`, `${INMSS},2026-03,10.5,2026-03-31,SEN2,yes`].join('\n');
const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

const DRY_RUN = `mutation ($csv: String!) { importMeasurements(input: { planId: "demo-plan", csv: $csv, dryRun: true }) { rows errors { row field message } } }`;
const FIGURES = `{ scorecard(planId: "demo-plan") { name series { period value provisional } } }`;

const nav = (page: Page) => page.getByRole('navigation', { name: 'Dashboard views' });
const summary = (page: Page) => page.$$eval('[data-error-summary] a', (links) => links.map((a) => ({ text: a.textContent, target: a.getAttribute('href') })));
const horizontalScroll = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('[role="status"].loading, [aria-busy="true"]'));
  await page.waitForLoadState('networkidle');
}

describeInChromium('The dashboard in Chromium: importing scorecard figures from a CSV file', () => {
  let h: DashboardHarness;

  async function openMeasurementImport(page?: Page): Promise<Page> {
    page ??= await h.signedIn('programme-office');
    await nav(page).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('navigation', { name: 'What to import' }).getByRole('link', { name: 'Scorecard figures from a CSV file' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import scorecard figures from a CSV file' }).waitFor();
    await settled(page);
    return page;
  }

  async function check(page: Page, name: string, text: string): Promise<void> {
    await page.setInputFiles('#measurements-file', csvFile(name, text));
    // Wait for this check's answer, not the report of the one before.
    const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('ImportMeasurements'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await answered;
    await page.locator('[data-import-report="dry-run"]').waitFor();
  }

  beforeAll(async () => {
    h = await startDashboard();
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('is refused to everyone but the programme office: no Import tab, and the address shows no form', async () => {
    for (const userId of ['board-chair', 'board-member', 'dfe-adviser', 'tom.okafor']) {
      const page = await h.signedIn(userId, '#/import/measurements');
      await page.getByRole('heading', { level: 1, name: 'Import scorecard figures from a CSV file' }).waitFor();
      expect({ userId, tab: await nav(page).getByRole('link', { name: 'Import' }).count(), form: await page.locator('#measurements-file').count() }).toEqual({ userId, tab: 0, form: 0 });
      expect(await page.locator('[data-import-refused]').textContent()).toContain('Only the programme office');
      await page.close();
    }
  });

  it('asks for a file first, GOV.UK style', async () => {
    const page = await openMeasurementImport();
    expect(await page.getByRole('link', { name: 'Import' }).first().getAttribute('aria-current')).toBe('page');
    await page.getByRole('button', { name: 'Check the file' }).click();
    expect(await summary(page)).toEqual([{ text: 'Select the CSV file of scorecard figures', target: '#measurements-file' }]);
    expect(await page.locator('#measurements-file').getAttribute('aria-invalid')).toBe('true');
    await page.close();
  });

  it('lists every bad row of a check as the API returns it, by row, column and what is wrong; offers no import, and writes nothing', async () => {
    const before = (await h.app.gql(FIGURES)).data;
    const page = await openMeasurementImport();
    await check(page, 'figures-march.csv', BAD);
    const api = (await h.app.as('programme-office').gql(DRY_RUN, { csv: BAD })).data.importMeasurements;
    expect(api.errors.map((e: any) => [e.row, e.field])).toEqual([
      [2, 'period'],
      [3, 'metric'],
      [4, 'value'],
      [5, 'provisional'],
    ]);
    const shown = await page.locator('table.measurement-problems tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ row: Number(tr.getAttribute('data-row')), field: tr.getAttribute('data-field'), cells: Array.from(tr.children).map((c) => c.textContent) })),
    );
    expect(shown).toEqual(api.errors.map((e: any) => ({ row: e.row, field: e.field, cells: [String(e.row), e.field, e.message] })));
    expect(shown[1].cells[2]).toBe('Row 3: no metric "Pupils on the moon" on this plan\'s scorecard');
    expect(await page.locator('[data-import-summary]').textContent()).toBe('figures-march.csv: 4 rows of figures below the header. 4 problems to fix: nothing is imported until every row is right.');
    expect(await page.getByRole('button', { name: /^Import \d+ figure/ }).count()).toBe(0);
    expect((await h.app.gql(FIGURES)).data).toEqual(before);
    await page.close();
  });

  it('checks a good file, then imports every figure, says so, and the scorecard has them', async () => {
    const page = await openMeasurementImport();
    await check(page, 'figures-march.csv', GOOD);
    expect(await page.locator('[data-import-summary]').textContent()).toBe('figures-march.csv: 2 rows of figures below the header. Every row can be imported: 2 figures.');
    const figuresOf = async (name: string) => (await h.app.gql(FIGURES)).data.scorecard.find((m: any) => m.name === name).series.map((m: any) => m.period);
    expect(await figuresOf(MAINSTREAM)).not.toContain('2026-03');

    await page.getByRole('button', { name: 'Import 2 figures' }).click();
    const banner = page.locator('[data-notification]');
    await banner.waitFor();
    expect(await banner.textContent()).toBe('Success2 figures imported into the scorecard of SEND and AP Improvement Plan from figures-march.csv');
    await page.locator('[data-import-report="import"]').waitFor();
    expect(await page.locator('[data-import-summary]').textContent()).toBe('figures-march.csv: 2 rows of figures below the header. 2 figures added to the scorecard.');
    expect(await figuresOf(MAINSTREAM)).toContain('2026-03');
    expect(await figuresOf(INMSS)).toContain('2026-03');

    // The same file again is refused row by row: those periods now have figures.
    await check(page, 'figures-march.csv', GOOD);
    expect(await page.locator('table.measurement-problems tbody tr').count()).toBe(2);
    await page.close();
  });

  it('has nothing to scroll sideways with bad rows listed, at 1280×720, 1366×768 and 390×844', async () => {
    const page = await openMeasurementImport();
    await check(page, 'figures-march.csv', BAD);
    for (const [width, height] of [[1280, 720], [1366, 768], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await settled(page);
      const inTable = await page.locator('.table-scroll').first().evaluate((box) => box.scrollWidth - box.clientWidth);
      expect({ width, scroll: await horizontalScroll(page), inTable }).toEqual({ width, scroll: 0, inTable: 0 });
    }
    await page.close();
  });

  it('finds no WCAG 2.2 AA violation, asking for a file, with bad rows, ready to import and refused, on a laptop and on a phone', async () => {
    const found: Record<string, string[]> = {};
    const page = await openMeasurementImport();
    for (const [size, width, height] of [['laptop', 1366, 768], ['phone', 390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await page.getByRole('button', { name: 'Check the file' }).click();
      found[`no file, ${size}`] = await axeViolations(page);
      await check(page, 'bad.csv', BAD);
      found[`bad rows, ${size}`] = await axeViolations(page);
      await check(page, 'good.csv', GOOD.replace(/2026-03/g, size === 'laptop' ? '2026-01' : '2025-12'));
      await page.getByRole('button', { name: /^Import 2 figures/ }).waitFor();
      found[`ready to import, ${size}`] = await axeViolations(page);
    }
    await page.close();
    const refused = await h.signedIn('dfe-adviser', '#/import/measurements');
    await refused.locator('[data-import-refused]').waitFor();
    found['refused, DfE adviser'] = await axeViolations(refused);
    await refused.close();
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });

  it('looks as docs/screenshots/import-measurements.png shows it, with a check that found bad rows', async () => {
    const page = await h.signedIn('programme-office');
    await page.setViewportSize({ width: 1366, height: 768 });
    await openMeasurementImport(page);
    await check(page, 'figures-march.csv', BAD);
    await settled(page);
    await matchScreenshot(page, 'import-measurements');
    await page.close();
  });
});
