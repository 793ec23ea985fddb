/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe-audit';
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { matchScreenshot, settle, texts } from './support/dashboard-page';

jest.setTimeout(180_000);

const VIEW = '#/movement/quarterly-return';
const SUMMARY = 'The Q4 forecast outturn is £449.7m against a budget of £437.5m.\n\nCondition C2 is not on track; the recovery plan goes to the July board.';

const status = (page: Page) => page.locator('[data-return-status]').getAttribute('data-return-status');
const banner = (page: Page) => page.locator('[data-notification] .notification-banner-heading').textContent();
const errorSummary = (page: Page) => texts(page, '[data-error-summary] li');

async function opened(h: DashboardHarness, userId: string): Promise<Page> {
  const page = await h.signedIn(userId, VIEW);
  await page.locator('[data-return-status]').waitFor();
  return page;
}

async function fitsEveryScreen(page: Page): Promise<void> {
  for (const [width, height] of [[1280, 720], [1366, 768], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await page.locator('[data-return-status]').waitFor();
    expect({ width, scrollWidth: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ width, scrollWidth: width });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

/**
 * The DfE quarterly return in the dashboard, across the roles it passes between: the programme
 * office writes and submits, the board chair signs off, the office corrects, the DfE adviser reads.
 * The steps run in order on the demo (its clock in June 2026, so the return is 2025/26 Q4's).
 */
describeInChromium('The dashboard in Chromium: the DfE quarterly return', () => {
  let h: DashboardHarness;

  beforeAll(async () => {
    h = await startDashboard();
  }, 120_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('is a sub-view of What moved, opening on the last quarter ended, not started', async () => {
    const page = await opened(h, 'board-member');
    expect(await page.locator('nav[aria-label="Dashboard views"] a[href="#/movement"]').getAttribute('aria-current')).toBe('page');
    expect(await page.locator('nav[aria-label="What moved views"] a[aria-current="page"]').textContent()).toBe('DfE quarterly return');
    expect(await page.locator('#return-quarter').inputValue()).toBe('2025/26 Q4');
    expect(await status(page)).toBe('NOT_STARTED');
    expect(await page.locator('form.change-form').count()).toBe(0);
    await page.close();
  });

  it('lets the programme office write the summary, naming the empty field, then submit it', async () => {
    const page = await opened(h, 'programme-office');
    expect(await page.locator('form[data-edit-control="submit-quarterly-return"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Save executive summary' }).click();
    expect(await errorSummary(page)).toEqual(['Enter the executive summary']);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
    expect(await texts(page, '#return-summary-error')).toEqual(['Error: Enter the executive summary']);

    await page.locator('#return-summary').fill(SUMMARY);
    await page.getByRole('button', { name: 'Save executive summary' }).click();
    expect(await settle(() => banner(page), 'Executive summary for 2025/26 Q4 saved (version 1)')).toBe('Executive summary for 2025/26 Q4 saved (version 1)');
    expect(await settle(() => status(page), 'DRAFT')).toBe('DRAFT');
    expect(await texts(page, '.executive-summary p')).toEqual(['The Q4 forecast outturn is £449.7m against a budget of £437.5m.', 'Condition C2 is not on track; the recovery plan goes to the July board.']);

    await page.getByRole('button', { name: 'Submit for sign-off' }).click();
    expect(await settle(() => banner(page), 'The 2025/26 Q4 return is submitted for the board chair’s sign-off')).toBe('The 2025/26 Q4 return is submitted for the board chair’s sign-off');
    expect(await settle(() => status(page), 'SUBMITTED')).toBe('SUBMITTED');
    expect(await page.locator('form[data-edit-control="sign-off-quarterly-return"]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('refuses to submit the quarter still under way, saying why', async () => {
    const page = await opened(h, 'programme-office');
    await page.locator('#return-quarter').selectOption('2026/27 Q1');
    await settle(() => status(page), 'NOT_STARTED');
    await page.locator('#return-summary').fill('Q1 so far: a draft.');
    await page.getByRole('button', { name: 'Save executive summary' }).click();
    await settle(() => status(page), 'DRAFT');
    await page.getByRole('button', { name: 'Submit for sign-off' }).click();
    const refusal = page.locator('.error-message');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('2026/27 Q1 ends on 30 June 2026: its return can be submitted from the day after');
    expect(await status(page)).toBe('DRAFT');
    await page.close();
  });

  it('shows the DfE adviser the submitted return and no form', async () => {
    const page = await opened(h, 'dfe-adviser');
    expect(await status(page)).toBe('SUBMITTED');
    expect(await texts(page, '.return-status dd')).toEqual([
      'Submitted, awaiting the board chair’s sign-off',
      expect.stringMatching(/^Version 1, written by .+ on 15 June 2026 at 11:00am$/),
      expect.stringMatching(/^by .+ on 15 June 2026 at 11:00am$/),
    ]);
    expect(await page.locator('form.change-form').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Download the 2025/26 Q4 report (web page)' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('lets the board chair download the report and sign it off, then shows the hashes signed', async () => {
    const page = await opened(h, 'board-chair');
    expect(await page.locator('form[data-edit-control="write-executive-summary"]').count()).toBe(0);
    await matchScreenshot(page, 'quarterly-return');
    expect(await axeViolations(page)).toEqual([]);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the 2025/26 Q4 report (web page)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('quarterly-report-2025-26-q4.html');
    const returnCsv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the return (CSV)' }).click();
    const csv = await returnCsv;
    expect(csv.suggestedFilename()).toBe('quarterly-return-2025-26-q4.csv');
    expect(readFileSync((await csv.path())!, 'utf8')).toContain('\r\nreturn,status,Return status,2025/26 Q4,SUBMITTED,');

    await page.getByRole('button', { name: 'Sign off the return' }).click();
    expect(await settle(() => banner(page), 'The 2025/26 Q4 return is signed off; the report is frozen as signed')).toBe('The 2025/26 Q4 return is signed off; the report is frozen as signed');
    expect(await settle(() => status(page), 'SIGNED_OFF')).toBe('SIGNED_OFF');
    const hashes = await texts(page, '.return-status code.hash');
    expect(hashes).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), expect.stringMatching(/^[0-9a-f]{64}$/)]);
    const signed = (await h.app.gql(`{ quarterlyReturn(planId: "demo-plan", quarter: "2025/26 Q4") { signOff { htmlSha256 csvSha256 } } }`)).data.quarterlyReturn.signOff;
    expect(hashes).toEqual([signed.htmlSha256, signed.csvSha256]);
    await page.locator('#return-corrections-heading').waitFor();
    expect(await settle(() => page.locator('section[aria-labelledby="return-corrections-heading"] p').textContent(), 'Nothing has been corrected since the sign-off.')).toBe(
      'Nothing has been corrected since the sign-off.',
    );
    await page.close();
  });

  it('lets the office change the signed summary only as a correction with a reason, listed for everyone', async () => {
    const page = await opened(h, 'programme-office');
    expect(await page.locator('#return-summary-heading').textContent()).toBe('Correct the signed executive summary');
    await page.locator('#return-summary').fill(SUMMARY.replace('July board', 'September board'));
    await page.getByRole('button', { name: 'Save correction' }).click();
    expect(await errorSummary(page)).toEqual(['Enter why the signed summary is being corrected']);
    await page.locator('#return-correction-reason').fill('The recovery plan moved to the September board');
    await page.getByRole('button', { name: 'Save correction' }).click();
    const corrected = 'Correction saved to the 2025/26 Q4 executive summary (version 2); the signed report keeps the signed text and lists the correction';
    expect(await settle(() => banner(page), corrected)).toBe(corrected);
    await page.close();

    const adviser = await opened(h, 'dfe-adviser');
    expect(await adviser.locator('form.change-form').count()).toBe(0);
    const corrections = adviser.locator('ol.return-corrections li');
    await corrections.first().waitFor();
    expect(await texts(adviser, 'ol.return-corrections li strong')).toEqual(['Executive summary, version 2']);
    expect(await status(adviser)).toBe('SIGNED_OFF');
    expect(await axeViolations(adviser)).toEqual([]);
    await fitsEveryScreen(adviser);
    await adviser.close();
  });

  it('fits a laptop, a projector and a phone with the forms open, for the office and the chair', async () => {
    for (const userId of ['programme-office', 'board-chair']) {
      const page = await opened(h, userId);
      expect(await axeViolations(page)).toEqual([]);
      await fitsEveryScreen(page);
      await page.close();
    }
  });
});
