/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import type { Page } from 'playwright-core';
import { PlanCommandService } from '../apps/api/src/commands/plan-command.service';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
import { DashboardHarness, DEMO_TODAY, describeInChromium, startDashboard } from './support/dashboard-browser';
import { texts } from './support/dashboard-page';

jest.setTimeout(60_000);

const UPDATES = 45;
const ACTOR = { userId: 'programme-office', displayName: 'Programme office', role: 'PLAN_ADMINISTRATOR' };

/** Shows the next page of older entries and waits until it is drawn. */
async function showOlder(page: Page): Promise<void> {
  const shown = await page.locator('ol.timeline li').count();
  await page.getByRole('button', { name: 'Show older entries' }).click();
  await page.waitForFunction((before) => document.querySelectorAll('ol.timeline li').length > before, shown);
}

describeInChromium('The dashboard in Chromium: an action’s long timeline, a page at a time', () => {
  let h: DashboardHarness;
  let actionId: string;
  let total: number;

  beforeAll(async () => {
    h = await startDashboard();
    const open = (await h.app.gql(`{ actions(planId: "demo-plan", filter: { status: OPEN }, first: 1) { edges { node { id } } } }`)).data.actions.edges[0].node;
    actionId = open.id;
    const commands = h.app.app.get(PlanCommandService);
    for (let n = 1; n <= UPDATES; n++) {
      await commands.executeActionCommand(
        { type: 'ReportProgress', data: { actionId, rag: n % 2 ? 'AMBER' : 'GREEN', commentary: `Weekly note ${n}`, asAt: DEMO_TODAY } },
        undefined,
        { principal: 'system', actor: ACTOR },
      );
    }
    await h.app.app.get(ProjectionService).caughtUpToHead();
    total = (await h.app.gql(`query ($id: ID!) { action(id: $id) { timelineEntries { totalCount } } }`, { id: actionId })).data.action.timelineEntries.totalCount;
  }, 120_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('shows the newest 20 entries, and older ones a page at a time until the first', async () => {
    const page = await h.signedIn('board-chair', `#/actions/${actionId}`);
    await page.locator('ol.timeline li').first().waitFor();
    const first = await texts(page, 'ol.timeline li');
    expect(first).toHaveLength(20);
    expect(first[0]).toContain(`Weekly note ${UPDATES}`);
    expect(first[19]).toContain(`Weekly note ${UPDATES - 19}`);
    expect(await page.locator('.timeline-more').textContent()).toContain(`The newest 20 of ${total} entries are shown.`);

    await showOlder(page);
    const two = await texts(page, 'ol.timeline li');
    expect(two).toHaveLength(40);
    expect(two.slice(0, 20)).toEqual(first);
    expect(two[20]).toContain(`Weekly note ${UPDATES - 20}`);

    await showOlder(page);
    const all = await texts(page, 'ol.timeline li');
    expect(all).toHaveLength(total);
    expect(new Set(all).size).toBe(total);
    expect(await page.getByRole('button', { name: 'Show older entries' }).count()).toBe(0);
    await page.close();
  });
});
