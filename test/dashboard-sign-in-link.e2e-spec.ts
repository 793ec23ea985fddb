/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import { join } from 'node:path';
import { SignInLinkService } from '../apps/api/src/sign-in-links/sign-in-link.service';
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { matchScreenshot } from './support/dashboard-page';
import { outboxMails, signInLinkIn } from './support/outbox';

jest.setTimeout(30_000);

describeInChromium('The dashboard in Chromium: signing in with a link by e-mail', () => {
  let h: DashboardHarness;
  let link: string;

  beforeAll(async () => {
    h = await startDashboard();
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('asks for a link by e-mail address, and says to check the inbox', async () => {
    const page = await h.newPage();
    await page.goto(h.base);
    await page.getByLabel('E-mail address').fill('helen.marsh@demo-council.example');
    await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('If that address belongs to someone with access, a link is on its way.');
    await matchScreenshot(page, 'sign-in-link-sent');

    await h.app.app.get(SignInLinkService).whenIdle();
    const mails = outboxMails(join(h.app.dataDir, 'outbox'), 'sign-in-');
    expect(mails.map((m) => m.header('To'))).toEqual(['helen.marsh@demo-council.example']);
    const { link: mailed, code } = signInLinkIn(mails[0].body);
    expect(new URL(mailed).pathname).toBe('/dashboard/');
    // The tests' app listens on a port of its own choosing; the link is opened there.
    link = `${h.base}#sign-in=${code}`;
  });

  it('opening the link signs in as that person, and takes the code out of the address bar', async () => {
    const page = await h.newPage();
    await page.goto(link);
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('Helen Marsh');
    expect(page.url()).not.toContain('sign-in=');
    expect(await page.evaluate(() => window.location.hash)).toBe('#/');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
  });

  it('opening the same link again says it has expired or been used, and signs nobody in', async () => {
    const page = await h.newPage();
    await page.goto(link);
    expect(await page.getByRole('alert').textContent()).toContain('This sign-in link has expired or has already been used. Ask for a new one.');
    expect(page.url()).not.toContain('sign-in=');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.getByLabel('E-mail address').waitFor();
  });
});
