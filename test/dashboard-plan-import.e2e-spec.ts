/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BAD_PLAN_IMPORT } from './support/bad-plan-import';
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';

jest.setTimeout(90_000);

const SAMPLE = join(__dirname, '..', 'docs', 'examples', 'plan-import.csv');
const SAMPLE_REFS = readFileSync(SAMPLE, 'utf8').split('\n').slice(1).filter(Boolean).map((line) => line.split(',')[0]);
const ACTION_REFS = `{ actions(planId: "demo-plan", first: 100) { edges { node { ref title } } } }`;

const nav = (page: Page) => page.getByRole('navigation', { name: 'Dashboard views' });
const tableRows = (page: Page, table: string) =>
  page.locator(`table.${table} tbody tr`).evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
const summary = (page: Page) => page.$$eval('[data-error-summary] a', (links) => links.map((a) => ({ text: a.textContent, target: a.getAttribute('href') })));

describeInChromium('The dashboard in Chromium: importing a plan from a spreadsheet', () => {
  let h: DashboardHarness;

  async function openImport(): Promise<Page> {
    const page = await h.signedIn('programme-office');
    await nav(page).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import actions from a spreadsheet' }).waitFor();
    return page;
  }

  beforeAll(async () => {
    h = await startDashboard();
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('is offered to the programme office only (the API refuses everyone else anyway)', async () => {
    for (const userId of ['board-chair', 'dfe-adviser', 'tom.okafor']) {
      const page = await h.signedIn(userId);
      expect({ userId, links: await nav(page).getByRole('link', { name: 'Import' }).count() }).toEqual({ userId, links: 0 });
      await page.close();
    }
  });

  it('asks for a file first, GOV.UK style, and refuses a file that is not a spreadsheet against the file box', async () => {
    const page = await openImport();
    await page.getByRole('button', { name: 'Check the file' }).click();
    expect(await summary(page)).toEqual([{ text: 'Select the spreadsheet of the plan, a CSV or XLSX file', target: '#import-file' }]);

    await page.setInputFiles('#import-file', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.waitForFunction(() => document.querySelector('[data-error-summary] a')?.textContent === 'The file is neither an XLSX workbook nor a CSV text file');
    const [refusal] = await summary(page);
    expect(refusal.target).toBe('#import-file');
    expect(await page.locator('#import-file').getAttribute('aria-invalid')).toBe('true');
    await page.close();
  });

  it('lists every bad row of a check by its spreadsheet row and what to fix, offers no import, and writes nothing', async () => {
    const before = (await h.app.gql(ACTION_REFS)).data.actions.edges.length;
    const page = await openImport();
    await page.setInputFiles('#import-file', BAD_PLAN_IMPORT);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.locator('[data-import-report="dry-run"]').waitFor();
    const problems = await page.locator('table.import-problems tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-row'), tr.getAttribute('data-code')]));
    expect(problems).toEqual([
      ['2', 'IMPOSSIBLE_DATE'],
      ['4', 'UNKNOWN_OWNER'],
    ]);
    const [first] = await tableRows(page, 'import-problems');
    expect(first.slice(0, 2)).toEqual(['2', 'Due date']);
    expect(first[2]).toBe('Row 2: "31/02/2027" is not a real date (there is no 31 February 2027)');
    expect(await page.locator('[data-import-report]').textContent()).toContain('2 problems to fix: nothing is imported until every row is right.');
    expect(await page.getByRole('button', { name: /^Import \d+ action/ }).count()).toBe(0);
    expect((await h.app.gql(ACTION_REFS)).data.actions.edges.length).toBe(before);
    await page.close();
  });

  it('checks the sample spreadsheet row by row, then imports all of it, and says so', async () => {
    const page = await openImport();
    await page.setInputFiles('#import-file', SAMPLE);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.locator('[data-import-report="dry-run"]').waitFor();
    const checked = await tableRows(page, 'import-actions');
    expect(checked.map(([, ref, outcome]) => [ref, outcome])).toEqual(SAMPLE_REFS.map((ref) => [ref, 'Ready to import']));
    // Nothing is written by the check.
    const refsNow = async () => (await h.app.gql(ACTION_REFS)).data.actions.edges.map((e: any) => e.node.ref);
    expect(await refsNow()).toEqual(expect.not.arrayContaining([SAMPLE_REFS[0]]));

    await page.getByRole('button', { name: `Import ${SAMPLE_REFS.length} actions` }).click();
    const banner = page.locator('[data-notification]');
    await banner.waitFor();
    expect(await banner.textContent()).toBe(`Success${SAMPLE_REFS.length} actions imported into SEND and AP Improvement Plan from plan-import.csv`);
    await page.locator('[data-import-report="import"]').waitFor();
    expect((await tableRows(page, 'import-actions')).map(([, ref, outcome]) => [ref, outcome])).toEqual(SAMPLE_REFS.map((ref) => [ref, 'Imported']));
    expect(await refsNow()).toEqual(expect.arrayContaining(SAMPLE_REFS));
    await page.close();
  });
});
