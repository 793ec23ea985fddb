/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, injectAxe, WCAG_22_AA_TAGS } from './support/axe-audit';
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { BAD_PLAN_IMPORT } from './support/bad-plan-import';
import { personWithTwoPlans, SECOND_PLAN } from './support/second-plan';

jest.setTimeout(180_000);

/** The roles a board's dashboard serves, each signed in as the demo user who holds it. */
const ROLES: [string, string][] = [
  ['board chair', 'board-chair'],
  ['programme office', 'programme-office'],
  ['action owner', 'tom.okafor'],
  ['DfE adviser', 'dfe-adviser'],
];

async function settled(page: Page): Promise<void> {
  // Nothing loading, and nothing shown dimmed while it reloads (axe would measure the faded colours).
  await page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('[role="status"].loading, [aria-busy="true"]'));
  await page.waitForLoadState('networkidle');
}

/**
 * axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on every view of the dashboard, as each role
 * sees it (an owner's own action carries the update forms, evidence awaiting review carries the
 * board's review controls), and on the sign-in page. Any violation fails with its rule, impact
 * and element.
 */
describeInChromium('The dashboard in Chromium: WCAG 2.2 AA by axe-core', () => {
  let h: DashboardHarness;
  let views: string[];

  beforeAll(async () => {
    h = await startDashboard();
    const { data } = await h.app.gql(`{ users(localAreaId: "demo-area") { id ownerId }
      actions(planId: "demo-plan", filter: { status: OPEN }, first: 100) { edges { node { id owner { id } evidence { status } } } } }`);
    const tom = data.users.find((u: any) => u.id === 'tom.okafor').ownerId;
    const actions = data.actions.edges.map((e: any) => e.node);
    const owned = actions.find((a: any) => a.owner.id === tom);
    const awaitingReview = actions.find((a: any) => a.evidence.some((e: any) => e.status === 'SUBMITTED')) ?? actions.find((a: any) => a.evidence.length > 0);
    expect(owned).toBeDefined();
    expect(awaitingReview).toBeDefined();
    // A board meeting held today and still open, so the agenda carries the board's forms to record a decision and ask for a follow-up.
    const meeting = await h.app.gql(`mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
      input: { planId: 'demo-plan', type: 'BOARD', date: '2026-06-15', title: 'SEND Improvement Board, extra meeting' },
    });
    expect(meeting.errors).toBeUndefined();
    views = ['#/', '#/actions', `#/actions/${owned.id}`, `#/actions/${awaitingReview.id}`, '#/movement', '#/scorecard', '#/risks', '#/risks/R3', '#/conditions', '#/dependencies', '#/agenda', '#/history'];
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it.each(ROLES)('finds no violation on any view signed in as the %s', async (_role, userId) => {
    const page = await h.signedIn(userId);
    const found: Record<string, string[]> = {};
    for (const view of views) {
      await page.evaluate((f) => (window.location.hash = f), view);
      await settled(page);
      found[view] = await axeViolations(page);
    }
    // The projector's large display restyles every view; the overview is where the board reads it.
    await page.evaluate(() => (window.location.hash = '#/'));
    await settled(page);
    await page.getByRole('button', { name: /large display/i }).first().click();
    await settled(page);
    found['#/ (large display)'] = await axeViolations(page);
    // Looking at the past adds the corrections choice and the "as at" banner to every view.
    await page.getByLabel('As at board meeting').selectOption({ index: 1 });
    await page.getByText('As known then (what the board was told)').waitFor();
    await settled(page);
    found['#/ (as at a board meeting)'] = await axeViolations(page);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((view) => [view, []])));
    await page.close();
  });

  // Found here first: on a phone the milestone table scrolls sideways and could not be reached by keyboard.
  it.each(ROLES)('finds no violation on any view on a phone (390×844) as the %s', async (_role, userId) => {
    const page = await h.signedIn(userId);
    await page.setViewportSize({ width: 390, height: 844 });
    const found: Record<string, string[]> = {};
    for (const view of views) {
      await page.evaluate((f) => (window.location.hash = f), view);
      await settled(page);
      found[view] = await axeViolations(page);
    }
    expect(found).toEqual(Object.fromEntries(views.map((view) => [view, []])));
    await page.close();
  });

  it('finds no violation with the plan picker, for a person on two boards, on a laptop and on a phone, on either plan', async () => {
    const userId = await personWithTwoPlans(h.app);
    const page = await h.signedIn(userId);
    await settled(page);
    expect(await page.locator('#plan-choice option').count()).toBe(2);
    const found: Record<string, string[]> = {};
    for (const [size, width, height] of [['laptop', 1366, 768], ['phone', 390, 844]] as const) {
      await page.setViewportSize({ width, height });
      for (const planId of ['demo-plan', SECOND_PLAN.id]) {
        for (const view of ['#/', '#/actions']) {
          await page.evaluate((f) => (window.location.hash = f), `${view}?plan=${planId}`);
          await settled(page);
          found[`${view} of ${planId} on a ${size}`] = await axeViolations(page);
        }
      }
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((view) => [view, []])));
    await page.close();
  });

  it.each([
    ['programme office', 'programme-office'],
    ['DfE adviser', 'dfe-adviser'],
  ])('finds no violation on the reminders view, on a laptop and on a phone, as the %s', async (_role, userId) => {
    const page = await h.signedIn(userId, '#/reminders');
    const found: Record<string, string[]> = {};
    for (const [size, width, height] of [['laptop', 1366, 768], ['phone', 390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await settled(page);
      await page.locator('table.reminders tbody tr').first().waitFor();
      found[size] = await axeViolations(page);
    }
    expect(found).toEqual({ laptop: [], phone: [] });
    await page.close();
  });

  it('finds no violation on the import view, asking for a file, and with a check that found bad rows and one that found none, on a laptop and on a phone', async () => {
    const page = await h.signedIn('programme-office', '#/import');
    const found: Record<string, string[]> = {};
    for (const [size, width, height] of [['laptop', 1366, 768], ['phone', 390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => (window.location.hash = '#/'));
      await settled(page);
      await page.evaluate(() => (window.location.hash = '#/import'));
      await settled(page);
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.locator('[data-error-summary]').waitFor();
      found[`no file, ${size}`] = await axeViolations(page);
      await page.setInputFiles('#import-file', BAD_PLAN_IMPORT);
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.locator('table.import-problems').waitFor();
      found[`bad rows, ${size}`] = await axeViolations(page);
      await page.setInputFiles('#import-file', join(__dirname, '..', 'docs', 'examples', 'plan-import.csv'));
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.locator('table.import-actions').waitFor();
      found[`ready to import, ${size}`] = await axeViolations(page);
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((view) => [view, []])));
    await page.close();
  });

  it("finds no violation on the agenda's forms for the board, with their errors shown", async () => {
    const page = await h.signedIn('board-chair', '#/agenda');
    const forms = page.locator('form[data-edit-control="record-plan-decision"], form[data-edit-control="raise-follow-up"]');
    await forms.first().waitFor();
    expect(await forms.count()).toBe(2);
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByRole('button', { name: 'Record the follow-up' }).click();
    expect(await page.locator('[data-error-summary]').count()).toBe(2);
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('finds no violation on the page for someone signed in with no role here', async () => {
    await h.app.addUser({ userId: 'no-role-yet', roles: [], areas: [] });
    const page = await h.newPage();
    await page.goto(`${h.base}#token=${await h.app.token('no-role-yet')}`);
    await page.getByTestId('no-access-name').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('is a real audit: it runs the WCAG rules and names a planted fault by rule, impact and element', async () => {
    const page = await h.signedIn('board-chair');
    await settled(page);
    await injectAxe(page);
    const ran = await page.evaluate(async (tags) => {
      const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return { passes: result.passes.length, rules: (window as any).axe.getRules(tags).length };
    }, WCAG_22_AA_TAGS);
    expect(ran.rules).toBeGreaterThan(50);
    expect(ran.passes).toBeGreaterThan(10);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.id = 'planted';
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main')!.append(img);
      const light = document.createElement('p');
      light.id = 'faint';
      light.textContent = 'Faint text';
      light.style.color = '#ddd';
      document.querySelector('main')!.append(light);
    });
    const found = await axeViolations(page);
    expect(found).toEqual(
      expect.arrayContaining([expect.stringMatching(/^image-alt \(critical\) at #planted: /), expect.stringMatching(/^color-contrast \(serious\) at #faint: /)]),
    );
    await page.close();
  });

  it('finds no violation on the sign-in page, with the e-mail form and with the token form', async () => {
    const page = await h.newPage();
    await page.goto(h.base);
    await page.getByLabel('E-mail address').waitFor();
    const byEmail = await axeViolations(page);
    await page.getByText('Sign in with an access token').click();
    await page.getByLabel('Access token').waitFor();
    expect({ byEmail, byToken: await axeViolations(page) }).toEqual({ byEmail: [], byToken: [] });
    await page.close();
  });
});
