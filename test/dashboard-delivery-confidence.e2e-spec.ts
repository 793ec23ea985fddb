/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import type { Page } from 'playwright-core';
import { DashboardHarness, DEMO_TODAY, describeInChromium, startDashboard } from './support/dashboard-browser';
import { fillDate, settle, texts } from './support/dashboard-page';

jest.setTimeout(30_000);

const ACTIONS = `{ users(localAreaId: "demo-area") { id ownerId }
  actions(planId: "demo-plan", first: 100) { edges { node { id ref status owner { id } } } } }`;
const CONFIDENCE = `query ($id: ID!) { action(id: $id) { deliveryConfidence { level commentary asAt ratedBy } confidenceHistory { level } } }`;

describeInChromium('The dashboard in Chromium: delivery confidence and "green but not moving the needle"', () => {
  let h: DashboardHarness;
  let byRef: Map<string, { id: string; ownerUserId: string }>;

  async function openAction(userId: string, ref: string): Promise<Page> {
    const page = await h.signedIn(userId, `#/actions/${byRef.get(ref)!.id}`);
    await page.locator('.action-page').waitFor();
    await page.waitForLoadState('networkidle');
    return page;
  }

  beforeAll(async () => {
    h = await startDashboard();
    const { data } = await h.app.gql(ACTIONS);
    byRef = new Map(
      data.actions.edges.map(({ node }: any) => [node.ref, { id: node.id, ownerUserId: data.users.find((u: any) => u.ownerId === node.owner.id)?.id }]),
    );
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('shows the board, on the overview, the Green actions whose metrics are not moving, with why', async () => {
    const page = await h.signedIn('board-chair');
    const panel = page.locator('[data-not-moving-the-needle]');
    await panel.waitFor();
    expect(await panel.locator('h2').textContent()).toBe('Green but not moving the needle');
    const item = panel.locator('li[data-action-ref="5.2"]');
    expect(await item.textContent()).toContain('confidence low');
    expect(await item.textContent()).toContain('New EHCPs issued within 20 weeks (year to date) is off target');
    await item.getByRole('link').click();
    await page.locator('[data-impact-flag]').waitFor();
    expect(await page.locator('.action-page h1').textContent()).toContain('5.2');
    await page.close();
  });

  it('shows confidence and the flag in the action list', async () => {
    const page = await h.signedIn('board-chair', '#/actions');
    const row = page.locator('tr[data-action-ref="5.2"]');
    await row.waitFor();
    expect(await row.locator('td:nth-child(7)').textContent()).toBe('Low');
    expect(await row.locator('.flag').allTextContents()).toContain('not moving the needle');
    expect(await page.locator('tr[data-action-ref="2.1"] td:nth-child(7)').textContent()).toBe('not rated');
    expect(await page.locator('tr[data-action-ref="2.1"] .flag-not-moving-the-needle').count()).toBe(0);
    await page.close();
  });

  it('lets an owner rate their action, naming what is missing first, and shows the rating and its history', async () => {
    const ref = '6.3';
    const page = await openAction(byRef.get(ref)!.ownerUserId, ref);
    expect(await page.locator('[data-confidence-current]').textContent()).toContain('High');
    await page.getByText('Give a new rating').click();
    await page.getByLabel('How confident are you').selectOption('MEDIUM');
    await fillDate(page, 'Confidence as at', DEMO_TODAY);
    await page.getByRole('button', { name: 'Save confidence rating' }).click();
    expect(await page.locator('form[data-edit-control="rate-confidence"] .error-summary').textContent()).toContain('Enter why');

    const why = 'Works started at two schools, but no child has yet come back from an out-of-area placement.';
    await page.getByLabel('Why', { exact: true }).fill(why);
    await page.getByRole('button', { name: 'Save confidence rating' }).click();
    await page.locator('[data-notification]').waitFor();
    expect(await page.locator('[data-notification]').textContent()).toContain(`Delivery confidence saved for ${ref}: Medium`);
    expect(await settle(async () => (await page.locator('[data-confidence-current]').textContent())?.includes(why), true)).toBe(true);
    await page.getByText('Earlier ratings (1)').click();
    expect((await texts(page, '.confidence-history li'))[0]).toContain('High');
    expect((await texts(page, '.timeline li')).some((l) => l.includes('Delivery confidence: High → Medium'))).toBe(true);

    const { action } = (await h.app.gql(CONFIDENCE, { id: byRef.get(ref)!.id })).data;
    expect(action).toMatchObject({ deliveryConfidence: { level: 'MEDIUM', commentary: why, asAt: DEMO_TODAY }, confidenceHistory: [{ level: 'HIGH' }, { level: 'MEDIUM' }] });
    await page.close();
  });

  it('gives the board the form on any action, the DfE adviser none, and no one a form when looking at the past', async () => {
    const board = await openAction('board-member', '8.2');
    expect(await board.locator('[data-edit-control="rate-confidence"]').count()).toBe(1);
    const adviser = await openAction('dfe-adviser', '8.2');
    expect(await adviser.locator('[data-confidence-current]').textContent()).toContain('Low');
    expect(await adviser.locator('[data-edit-control="rate-confidence"]').count()).toBe(0);
    await fillDate(board, 'As at date', '2026-04-01');
    await board.getByRole('button', { name: 'Show', exact: true }).click();
    expect(await settle(() => board.locator('[data-edit-control="rate-confidence"]').count(), 0)).toBe(0);
    // On 1 April the owner had rated it Medium; the Low came with the May update.
    expect(await settle(async () => (await board.locator('[data-confidence-current]').textContent())?.startsWith('Medium'), true)).toBe(true);
    await board.close();
    await adviser.close();
  });
});
