/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import type { Page } from 'playwright-core';
import { ReminderSenderService } from '../apps/api/src/reminders/reminder-sender.service';
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';

jest.setTimeout(90_000);

const REMINDERS = `{ reminders(planId: "demo-plan") { subject status } }`;
const nav = (page: Page) => page.getByRole('navigation', { name: 'Dashboard views' });

async function openReminders(page: Page): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/reminders'));
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Reminders' && !document.querySelector('main .loading'));
  await page.waitForLoadState('networkidle');
}

const rows = (page: Page) =>
  page.locator('table.reminders tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ status: tr.getAttribute('data-reminder-status'), subject: tr.children[2].textContent, happened: tr.children[4].textContent })),
  );

describeInChromium('The dashboard in Chromium: the reminder mails, for the programme office and the DfE adviser', () => {
  let h: DashboardHarness;

  beforeAll(async () => {
    h = await startDashboard();
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('lists what the API lists, due ones in words, then as sent, in UK time, once the tracker has sent them', async () => {
    const page = await h.signedIn('programme-office');
    await nav(page).getByRole('link', { name: 'Reminders' }).click();
    await openReminders(page);
    const due = (await h.app.as('programme-office').gql(REMINDERS)).data.reminders;
    expect(due.length).toBeGreaterThan(0);
    const shown = await rows(page);
    expect(shown.map((r) => [r.status, r.subject])).toEqual(due.map((r: any) => [r.status, r.subject]));
    expect(shown.filter((r) => r.status === 'PENDING').every((r) => r.happened === 'Due, not sent yet')).toBe(true);

    await h.app.app.get(ReminderSenderService).run();
    await page.reload();
    await page.getByTestId('signed-in-as').waitFor();
    await openReminders(page);
    const sent = (await rows(page)).filter((r) => r.status === 'SENT');
    expect(sent.length).toBeGreaterThan(0);
    // The tracker's clock is 10:00 UTC on 15 June: 11:00am in London (BST).
    expect(sent.every((r) => r.happened === 'Sent 15 June 2026 at 11:00am')).toBe(true);
    await page.close();
  });

  it('is offered to the DfE adviser too, and to nobody else, whom the API refuses anyway', async () => {
    const adviser = await h.signedIn('dfe-adviser');
    expect(await nav(adviser).getByRole('link', { name: 'Reminders' }).count()).toBe(1);
    await openReminders(adviser);
    expect((await rows(adviser)).length).toBeGreaterThan(0);
    await adviser.close();

    for (const userId of ['board-chair', 'tom.okafor']) {
      const page = await h.signedIn(userId);
      expect({ userId, links: await nav(page).getByRole('link', { name: 'Reminders' }).count() }).toEqual({ userId, links: 0 });
      await openReminders(page);
      expect(await page.locator('.error-message').textContent()).toContain('This view could not be loaded');
      expect(await page.locator('table.reminders').count()).toBe(0);
      await page.close();
    }
  });

  it('shows each reminder as a card on a phone (390×844), with nothing to scroll sideways', async () => {
    const page = await h.signedIn('programme-office');
    await page.setViewportSize({ width: 390, height: 844 });
    await openReminders(page);
    expect(await page.locator('table.reminders tbody tr').first().evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth)).toBe(0);
    await page.close();
  });
});
