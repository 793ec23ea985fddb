/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ReminderSenderService } from '../apps/api/src/reminders/reminder-sender.service';
import { axeViolations } from './support/axe-audit';
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { matchScreenshot } from './support/dashboard-page';

jest.setTimeout(90_000);

const REMINDERS = `{ reminders(planId: "demo-plan") { subject status } }`;
const RECORDED = `{ reminders(planId: "demo-plan") { id addressee status resends resendReason } }`;
const horizontalScroll = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
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

  describe('sending one again, for the programme office', () => {
    const outbox = () => readdirSync(join(h.app.dataDir, 'outbox')).filter((f) => f.endsWith('.eml'));
    const sendAgain = (page: Page) => page.locator('table.reminders tbody tr[data-reminder-status] button', { hasText: 'Send again' });

    it('offers "Send again" on each sent row only, asks why, shows what is wrong next to the field, then says what will happen', async () => {
      const page = await h.signedIn('programme-office');
      await openReminders(page);
      const statuses = await page.locator('table.reminders tbody tr[data-reminder-status]').evaluateAll((trs) =>
        trs.map((tr) => ({ status: tr.getAttribute('data-reminder-status'), offered: tr.querySelector('button') !== null })),
      );
      expect(statuses.filter((r) => r.offered).length).toBeGreaterThan(0);
      expect(statuses.every((r) => r.offered === (r.status === 'SENT' || r.status === 'GAVE_UP'))).toBe(true);

      const first = (await h.app.gql(RECORDED)).data.reminders.find((r: any) => r.status === 'SENT');
      const row = page.locator('table.reminders tbody tr[data-reminder-status="SENT"]').first();
      await row.getByRole('button', { name: /^Send again/ }).click();
      const form = page.locator('form[data-edit-control="resend-reminder"]');
      await form.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Send the reminder to ${first.addressee} again`);

      // Nothing typed: the GOV.UK error summary links to the box, and the message sits by it.
      await form.getByRole('button', { name: 'Send again' }).click();
      const summary = page.locator('[data-error-summary]');
      await summary.waitFor();
      expect(await summary.locator('a').textContent()).toBe('Enter why it is being sent again, for example “Helen lost the mail”');
      expect(await form.locator('.field-error').textContent()).toContain('Enter why it is being sent again');
      expect(await form.getByLabel('Why is it being sent again?').getAttribute('aria-invalid')).toBe('true');
      await summary.locator('a').click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`resend-reason-${first.id}`);
      expect((await h.app.gql(RECORDED)).data.reminders.find((r: any) => r.id === first.id).status).toBe('SENT');

      // Spaces only pass the box's own check; the API refuses them, and the page puts that by the box too.
      await form.getByLabel('Why is it being sent again?').fill('   ');
      await form.getByRole('button', { name: 'Send again' }).click();
      await page.waitForFunction(() => document.querySelector('.field-error')?.textContent?.includes('Enter why'));
      expect((await h.app.gql(RECORDED)).data.reminders.find((r: any) => r.id === first.id).status).toBe('SENT');

      const before = outbox().length;
      await form.getByLabel('Why is it being sent again?').fill('The owner lost the mail');
      await form.getByRole('button', { name: 'Send again' }).click();
      await page.locator('[data-notification]').waitFor();
      expect(await page.locator('[data-notification] .notification-banner-heading').textContent()).toBe(`Reminder to ${first.addressee} will be sent again`);
      expect(await form.count()).toBe(0);
      await page.waitForFunction((id) => !!document.querySelector('tr[data-reminder-status="RESEND_REQUESTED"]'), first.id);
      expect(await page.locator('tr[data-reminder-status="RESEND_REQUESTED"] td').nth(4).textContent()).toBe('To be sent again at the next check (asked for: The owner lost the mail)');
      expect(await page.locator('tr[data-reminder-status="RESEND_REQUESTED"] button').count()).toBe(0);

      await h.app.app.get(ReminderSenderService).run();
      expect(outbox().length).toBe(before + 1);
      expect(outbox()).toContain(`${first.id}-resend-1.eml`);
      await page.reload();
      await page.getByTestId('signed-in-as').waitFor();
      await openReminders(page);
      const again = (await h.app.gql(RECORDED)).data.reminders.find((r: any) => r.id === first.id);
      expect(again).toMatchObject({ status: 'SENT', resends: 1, resendReason: 'The owner lost the mail' });
      expect(await page.getByText('Sent again on request: The owner lost the mail.').count()).toBe(1);
      await page.close();
    });

    it('shows a refusal in the API’s words when someone else asked first, and sends nothing more', async () => {
      const page = await h.signedIn('programme-office');
      await openReminders(page);
      const target = (await h.app.gql(RECORDED)).data.reminders.filter((r: any) => r.status === 'SENT').at(-1);
      const row = page.locator('table.reminders tbody tr[data-reminder-status="SENT"]').last();
      await row.getByRole('button', { name: /^Send again/ }).click();
      // Meanwhile a colleague has it sent again from another tab.
      const other = await h.app.gql(`mutation ($input: ResendReminderInput!) { resendReminder(input: $input) { id } }`, {
        input: { reminderId: target.id, expectedRevision: (await h.app.gql(`{ reminders(planId: "demo-plan") { id revision } }`)).data.reminders.find((r: any) => r.id === target.id).revision, reason: 'Asked by phone' },
      });
      expect(other.errors).toBeUndefined();
      const form = page.locator('form[data-edit-control="resend-reminder"]');
      await form.getByLabel('Why is it being sent again?').fill('The owner lost the mail');
      await form.getByRole('button', { name: 'Send again' }).click();
      const refusal = page.locator('form[data-edit-control="resend-reminder"] .error-message, .error-message');
      await refusal.first().waitFor();
      expect(await refusal.first().textContent()).toContain('The reminder will not be sent again');
      expect((await h.app.gql(RECORDED)).data.reminders.find((r: any) => r.id === target.id)).toMatchObject({ status: 'RESEND_REQUESTED', resends: 1, resendReason: 'Asked by phone' });
      await page.close();
    });

    it('is not offered to the DfE adviser, who reads the reminders and changes nothing', async () => {
      const adviser = await h.signedIn('dfe-adviser');
      await openReminders(adviser);
      expect(await adviser.locator('table.reminders tbody tr').count()).toBeGreaterThan(0);
      expect(await sendAgain(adviser).count()).toBe(0);
      expect(await adviser.locator('table.reminders thead th').count()).toBe(5);
      await adviser.close();
    });

    it('has nothing to scroll sideways with the form open and its error shown, at 1280×720, 1366×768 and 390×844', async () => {
      const page = await h.signedIn('programme-office');
      for (const [width, height] of [[1280, 720], [1366, 768], [390, 844]]) {
        await page.setViewportSize({ width, height });
        await openReminders(page);
        await sendAgain(page).first().click();
        await page.locator('form[data-edit-control="resend-reminder"]').getByRole('button', { name: 'Send again' }).click();
        await page.locator('[data-error-summary]').waitFor();
        // Nor does the table inside its own box: the form and the extra column fit.
        const inTable = await page.locator('.table-scroll').first().evaluate((box) => box.scrollWidth - box.clientWidth);
        expect({ width, scroll: await horizontalScroll(page), inTable }).toEqual({ width, scroll: 0, inTable: 0 });
        await page.getByRole('button', { name: 'Cancel' }).click();
      }
      await page.close();
    });

    it('finds no WCAG 2.2 AA violation with the form open and its error shown, on a laptop and on a phone', async () => {
      const page = await h.signedIn('programme-office');
      const found: Record<string, string[]> = {};
      for (const [size, width, height] of [['laptop', 1366, 768], ['phone', 390, 844]] as const) {
        await page.setViewportSize({ width, height });
        await openReminders(page);
        found[`list, ${size}`] = await axeViolations(page);
        await sendAgain(page).first().click();
        await page.locator('form[data-edit-control="resend-reminder"]').getByRole('button', { name: 'Send again' }).click();
        await page.locator('[data-error-summary]').waitFor();
        found[`form with its error, ${size}`] = await axeViolations(page);
        await page.getByLabel('Why is it being sent again?').fill('Lost');
        await page.locator('form[data-edit-control="resend-reminder"]').getByRole('button', { name: 'Send again' }).click();
        await page.locator('[data-notification]').waitFor();
        await page.waitForLoadState('networkidle');
        found[`sent again, ${size}`] = await axeViolations(page);
      }
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
      await page.close();
    });

    it('looks as docs/screenshots/reminders.png shows it, the form open', async () => {
      const page = await h.signedIn('programme-office');
      await page.setViewportSize({ width: 1366, height: 768 });
      await openReminders(page);
      await sendAgain(page).first().click();
      await page.locator('form[data-edit-control="resend-reminder"]').waitFor();
      await matchScreenshot(page, 'reminders');
      await page.close();
    });
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
