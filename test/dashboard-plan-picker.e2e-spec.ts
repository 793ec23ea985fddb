/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import type { Page } from 'playwright-core';
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { personWithTwoPlans, SECOND_PLAN } from './support/second-plan';

jest.setTimeout(90_000);

const areaShown = (page: Page) => page.locator('.plan-name .area-name').textContent();
const planInAddress = (page: Page) => page.evaluate(() => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('plan'));

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('main .loading'));
  await page.waitForLoadState('networkidle');
}

describeInChromium('The dashboard in Chromium: a plan picker for someone who can see several plans', () => {
  let h: DashboardHarness;
  let twoBoards: string;
  let demoArea: string;

  beforeAll(async () => {
    h = await startDashboard();
    twoBoards = await personWithTwoPlans(h.app);
    demoArea = (await h.app.gql(`{ plan(id: "demo-plan") { localArea { name } } }`)).data.plan.localArea.name;
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('offers no picker to someone with one plan, and keeps their address free of it', async () => {
    const page = await h.signedIn('board-chair', '#/actions');
    await settled(page);
    expect(await page.locator('#plan-choice').count()).toBe(0);
    expect(await planInAddress(page)).toBeNull();
    expect(await areaShown(page)).toBe(demoArea);
    await page.close();
  });

  it('lets a person on two boards pick the plan, and keeps the choice in the address across views, a reload and Back', async () => {
    const page = await h.signedIn(twoBoards);
    await settled(page);
    const picker = page.getByLabel('Plan', { exact: true });
    const options = await picker.locator('option').allTextContents();
    expect(options).toHaveLength(2);
    expect(options).toEqual(expect.arrayContaining([`${SECOND_PLAN.areaName}: ${SECOND_PLAN.title} (version 2.0)`]));
    // Their first plan to start with, named in the address.
    const first = await picker.inputValue();
    expect(await planInAddress(page)).toBe(first);

    await picker.selectOption(SECOND_PLAN.id);
    await page.waitForFunction((area) => document.querySelector('.plan-name .area-name')?.textContent === area, SECOND_PLAN.areaName);
    expect(await planInAddress(page)).toBe(SECOND_PLAN.id);

    // The views' own links know nothing of plans; the address keeps the choice all the same.
    await page.getByRole('navigation', { name: 'Dashboard views' }).getByRole('link', { name: 'Actions' }).click();
    await page.locator('table.action-list tbody tr').first().waitFor();
    await settled(page);
    expect(await page.locator('table.action-list tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action-ref')))).toEqual(['1.1']);
    expect(await page.locator('table.action-list tbody tr a').first().textContent()).toBe('Northshire panel reform');
    expect(await planInAddress(page)).toBe(SECOND_PLAN.id);

    await page.reload();
    await page.getByTestId('signed-in-as').waitFor();
    await settled(page);
    expect(await areaShown(page)).toBe(SECOND_PLAN.areaName);
    expect(await page.getByLabel('Plan', { exact: true }).inputValue()).toBe(SECOND_PLAN.id);

    // Back through the actions, to the overview of the plan chosen, then to the plan before the choice.
    await page.goBack();
    await settled(page);
    expect(await areaShown(page)).toBe(SECOND_PLAN.areaName);
    await page.goBack();
    await page.waitForFunction((id) => (document.querySelector('#plan-choice') as HTMLSelectElement | null)?.value === id, first);
    expect(await areaShown(page)).toBe(first === SECOND_PLAN.id ? SECOND_PLAN.areaName : demoArea);
    await page.close();
  });

  it('shows a person their own plan when the address names one they cannot see, which the API refuses them anyway', async () => {
    const page = await h.signedIn('board-chair', `#/actions?plan=${SECOND_PLAN.id}`);
    await settled(page);
    expect(await areaShown(page)).toBe(demoArea);
    expect(await planInAddress(page)).toBeNull();
    const refused = await h.app.as('board-chair').gql(`{ plan(id: "${SECOND_PLAN.id}") { id } }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await page.close();
  });

  it.each([
    ['a phone (390×844)', 390, 844, false],
    ['a projector (1280×720) in Large display', 1280, 720, true],
  ])('fits the picker on %s without sideways scrolling', async (_size, width, height, large) => {
    const page = await h.signedIn(twoBoards);
    await page.setViewportSize({ width, height });
    await settled(page);
    if (large) await page.getByRole('button', { name: 'Large display' }).click();
    const box = await page.locator('#plan-choice').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth)).toBe(0);
    await page.close();
  });
});
