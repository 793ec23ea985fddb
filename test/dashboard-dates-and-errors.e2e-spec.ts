/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import type { Page } from 'playwright-core';
import { DashboardHarness, DEMO_NOW, DEMO_TODAY, describeInChromium, startDashboard } from './support/dashboard-browser';
import { fillDate, settle, texts } from './support/dashboard-page';

jest.setTimeout(60_000);

const ACTION = `query ($id: ID!) { action(id: $id) { ref revision rag lastAsAt evidence { title status } } }`;
const OPEN_ACTIONS = `{ users(localAreaId: "demo-area") { id ownerId }
  actions(planId: "demo-plan", filter: { status: OPEN }, first: 100) { edges { node { id ref owner { id } } } } }`;

/** The error summary's links as { text, target }, and the messages shown next to fields. */
const summary = (page: Page) => page.$$eval('[data-error-summary] a', (links) => links.map((a) => ({ text: a.textContent, target: a.getAttribute('href') })));
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

describeInChromium('The dashboard in Chromium: dates typed the GOV.UK way, confirmations and errors an owner can act on', () => {
  let h: DashboardHarness;
  let action: { id: string; ref: string; ownerUserId: string };

  const apiAction = async () => (await h.app.gql(ACTION, { id: action.id })).data.action;

  async function openAction(userId: string): Promise<Page> {
    const page = await h.signedIn(userId, `#/actions/${action.id}`);
    await page.locator('.action-page').waitFor();
    await page.waitForLoadState('networkidle');
    return page;
  }

  beforeAll(async () => {
    h = await startDashboard();
    const { data } = await h.app.gql(OPEN_ACTIONS);
    const owned = data.actions.edges
      .map(({ node }: any) => ({ id: node.id, ref: node.ref, ownerUserId: data.users.find((u: any) => u.ownerId === node.owner.id)?.id }))
      .filter((a: any) => a.ownerUserId);
    action = owned[owned.length - 1];
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('has no browser date box anywhere: every date is Day, Month and Year boxes in a fieldset with a legend and the GOV.UK hint', async () => {
    const page = await openAction(action.ownerUserId);
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    for (const legend of ['As at date', 'As at']) {
      const group = page.getByRole('group', { name: legend, exact: true });
      expect(await group.evaluate((g) => g.tagName)).toBe('FIELDSET');
      expect(await group.locator('.hint').textContent()).toContain('For example, 27 3 2026');
      expect(await group.locator('label').allTextContents()).toEqual(['Day', 'Month', 'Year']);
    }
    // The owner's update starts at today in the UK, in the boxes.
    const boxes = page.getByRole('group', { name: 'As at', exact: true }).locator('input');
    expect((await boxes.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).every((v) => /^\d+$/.test(v))).toBe(true);
    await page.close();
  });

  it('says what is wrong with an as-at date next to it, marks the wrong box, and shows the plan at a real one', async () => {
    const page = await h.signedIn('board-chair');
    await page.locator('.figure-tile').first().waitFor();
    const group = page.getByRole('group', { name: 'As at date', exact: true });
    await fillDate(page, 'As at date', '2026-02-31');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    expect(await group.locator('.field-error').textContent()).toBe('Error: The as at date must be a real date');
    expect(await group.getByLabel('Day').getAttribute('aria-invalid')).toBe('true');
    expect(await group.getByLabel('Month').getAttribute('aria-invalid')).toBeNull();
    expect(await focusedId(page)).toBe('as-at-date-day');
    expect(await page.locator('[data-as-at]').getAttribute('data-as-at')).toBe('live');

    await group.getByLabel('Day').fill('1');
    await group.getByLabel('Month').fill('4');
    await group.getByLabel('Year').fill('');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    expect(await group.locator('.field-error').textContent()).toBe('Error: Enter the year');
    expect(await group.getByLabel('Year').getAttribute('aria-invalid')).toBe('true');

    await group.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    expect(await settle(async () => (await page.locator('[data-as-at]').textContent())?.includes('as at the end of 1 April 2026'), true)).toBe(true);
    expect(await group.locator('.field-error').count()).toBe(0);
    await page.close();
  });

  it('shows an owner every problem with an update in a summary linking to the field, the message beside the field, and saves nothing', async () => {
    const before = await apiAction();
    const page = await openAction(action.ownerUserId);
    await page.getByLabel('Commentary').fill('');
    await fillDate(page, 'As at', '2026-13-01');
    await page.getByRole('button', { name: 'Save progress update' }).click();

    expect(await summary(page)).toEqual([
      { text: 'Enter a commentary: what has happened since the last update', target: '#progress-commentary' },
      { text: 'The as at date must be a real date', target: '#progress-as-at-month' },
    ]);
    expect(await page.locator('[data-error-summary]').evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await texts(page, '.change-form .field-error')).toEqual([
      'Error: Enter a commentary: what has happened since the last update',
      'Error: The as at date must be a real date',
    ]);
    await page.getByRole('link', { name: 'Enter a commentary: what has happened since the last update' }).click();
    expect(await focusedId(page)).toBe('progress-commentary');
    // The page routes by the address's hash: following the summary's link must not leave the action.
    expect(page.url()).toContain(`#/actions/${action.id}`);
    expect((await apiAction()).revision).toBe(before.revision);
    await page.close();
  });

  it("shows the API's own refusal of a field the same way, against the field it names", async () => {
    const before = await apiAction();
    const page = await openAction(action.ownerUserId);
    // Only spaces: the form sends it, and the domain refuses a commentary with no words (field commentary, rule required).
    await page.getByLabel('Commentary').fill('   ');
    await fillDate(page, 'As at', DEMO_TODAY);
    await page.getByRole('button', { name: 'Save progress update' }).click();
    await page.locator('[data-error-summary]').waitFor();
    expect(await summary(page)).toEqual([{ text: 'Enter a commentary: what has happened since the last update', target: '#progress-commentary' }]);
    expect(await page.locator('#progress-commentary').getAttribute('aria-invalid')).toBe('true');
    expect((await apiAction()).revision).toBe(before.revision);

    // A date after the tracker's today (the API's clock, which the browser's need not share) is refused by the API, against the date.
    await page.getByLabel('Commentary').fill('Recruitment has started.');
    await fillDate(page, 'As at', '2026-06-16');
    await page.getByRole('button', { name: 'Save progress update' }).click();
    expect(await settle(() => summary(page), [{ text: 'The as at date must be today or in the past', target: '#progress-as-at-day' }])).toEqual([
      { text: 'The as at date must be today or in the past', target: '#progress-as-at-day' },
    ]);
    expect((await apiAction()).revision).toBe(before.revision);
    await page.close();
  });

  it('confirms what was saved in a success banner at the top of the page: the action, the RAG and the date', async () => {
    const page = await openAction(action.ownerUserId);
    await page.getByLabel('RAG rating').selectOption('AMBER');
    await page.getByLabel('Commentary').fill('Two of three posts filled; the third is out to advert.');
    await fillDate(page, 'As at', DEMO_TODAY);
    await page.getByRole('button', { name: 'Save progress update' }).click();
    const banner = page.locator('[data-notification]');
    await banner.waitFor();
    expect(await banner.textContent()).toBe(`SuccessProgress update saved for ${action.ref}: Amber, as at 15 June 2026`);
    expect(await banner.evaluate((b) => b === document.activeElement && b.getBoundingClientRect().top >= 0)).toBe(true);
    expect(await page.locator('[data-error-summary]').count()).toBe(0);
    expect(await apiAction()).toMatchObject({ rag: 'AMBER', lastAsAt: DEMO_TODAY });
    await page.close();
  });

  it('says a refusal from the API with its dates the British way', async () => {
    const page = await openAction(action.ownerUserId);
    await page.getByLabel('Commentary').fill('Two of three posts filled; the third is out to advert.');
    await fillDate(page, 'As at', DEMO_TODAY);
    await page.getByRole('button', { name: 'Save progress update' }).click();
    await page.locator('[data-notification]').waitFor();
    const before = await apiAction();
    // Earlier than the update just saved: a rule of the domain, whose message the page shows as the API wrote it.
    await page.getByLabel('Commentary').fill('Backdated by mistake.');
    await fillDate(page, 'As at', '2026-06-01');
    await page.getByRole('button', { name: 'Save progress update' }).click();
    const refusal = page.locator('.error-message[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('An update as at 1 June 2026 is earlier than the last update, as at 15 June 2026');
    expect(await refusal.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect((await apiAction()).revision).toBe(before.revision);
    await page.close();
  });

  it('confirms evidence attached, shows its refusals against the field, and confirms the board’s review', async () => {
    const owner = await openAction(action.ownerUserId);
    await owner.getByLabel('Title').fill('Adviser caseload report');
    await owner.getByLabel('Link (or give a file or a document reference)').fill('caseload report on the shared drive');
    await owner.getByRole('button', { name: 'Attach evidence' }).click();
    await owner.locator('[data-error-summary]').waitFor();
    expect(await summary(owner)).toEqual([{ text: 'Enter a link that starts with https:// or http://', target: '#evidence-link' }]);
    expect(await owner.locator('#evidence-link-error').textContent()).toBe('Error: Enter a link that starts with https:// or http://');

    await owner.getByLabel('Link (or give a file or a document reference)').fill('');
    await owner.getByLabel('Document reference, e.g. SIB 2026-09 paper 4').fill('SIB 2026-06 paper 3');
    await owner.getByRole('button', { name: 'Attach evidence' }).click();
    await owner.locator('[data-notification]').waitFor();
    expect(await owner.locator('[data-notification]').textContent()).toBe(`SuccessEvidence “Adviser caseload report” attached to ${action.ref}; it now awaits the board’s review`);
    expect((await apiAction()).evidence).toEqual(expect.arrayContaining([{ title: 'Adviser caseload report', status: 'PENDING' }]));

    const board = await openAction('board-chair');
    const pending = board.locator('[data-evidence-status="PENDING"]', { hasText: 'Adviser caseload report' });
    await pending.getByRole('button', { name: 'Return to owner' }).click();
    expect(await summary(board)).toEqual([{ text: 'Enter the reason for returning it, so the owner knows what to bring', target: `#${await pending.getByLabel('Reason for returning it').getAttribute('id')}` }]);
    await board.getByRole('button', { name: 'Accept “Adviser caseload report”' }).click();
    await board.locator('[data-notification]').waitFor();
    expect(await board.locator('[data-notification]').textContent()).toBe(`SuccessEvidence “Adviser caseload report” accepted for ${action.ref}`);
    expect((await apiAction()).evidence).toEqual(expect.arrayContaining([{ title: 'Adviser caseload report', status: 'ACCEPTED' }]));
    await owner.close();
    await board.close();
  });

  it("offers today by the tracker's clock in Europe/London, not the laptop's date or time zone, across a UK midnight", async () => {
    // 23:30 UTC on 15 June is 00:30 BST on 16 June. The laptop is set to New York and runs
    // three and a half hours slow: its own calendar says 15 June (16:00 there).
    h.app.clock.set('2026-06-15T23:30:00.000Z');
    const context = await h.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: 'America/New_York' });
    try {
      await context.clock.install({ time: new Date('2026-06-15T20:00:00.000Z') });
      const page = await context.newPage();
      page.on('pageerror', (error) => h.pageErrors.push(error.message));
      await page.goto(`${h.base}#token=${await h.app.token(action.ownerUserId)}`);
      await page.getByTestId('signed-in-as').waitFor();
      expect(await page.evaluate(() => new Date().toLocaleDateString('en-GB'))).toBe('15/06/2026');
      await page.evaluate((f) => (window.location.hash = f), `#/actions/${action.id}`);
      const asAt = page.getByRole('group', { name: 'As at', exact: true }).first();
      await asAt.waitFor();
      const shown = await Promise.all(['Day', 'Month', 'Year'].map((box) => asAt.getByLabel(box).inputValue()));
      expect(shown).toEqual(['16', '6', '2026']);
      // The form's own "not in the future" check agrees with the API's: 16 June is today, so it is saved.
      await page.getByLabel('Commentary').fill('Panel met just after midnight.');
      await page.getByRole('button', { name: 'Save progress update' }).click();
      await page.locator('[data-notification]').waitFor();
      expect(await page.locator('[data-notification]').textContent()).toContain('as at 16 June 2026');
      expect((await apiAction()).lastAsAt).toBe('2026-06-16');
    } finally {
      await context.close();
      h.app.clock.set(DEMO_NOW);
    }
  });
});
