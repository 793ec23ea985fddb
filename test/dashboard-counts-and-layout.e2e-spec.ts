/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import type { Page } from 'playwright-core';
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { listedRefs, settle, tiles } from './support/dashboard-page';

jest.setTimeout(60_000);

const COUNTS = `{ plan(id: "demo-plan") { rollUp { total withdrawn superseded } areas { number name rollUp { total } } }
  all: actions(planId: "demo-plan", first: 100) { totalCount edges { node { ref } } }
  inForce: actions(planId: "demo-plan", filter: { inForce: true }, first: 100) { totalCount edges { node { ref } } } }`;

const resultCount = (page: Page) => page.locator('.result-count').textContent();

/** Tiles per row, top to bottom, from where each tile is drawn. */
const tilesPerRow = (page: Page) =>
  page.$$eval('.figure-tile', (els) => {
    const rows = new Map<number, number>();
    for (const e of els) {
      const top = Math.round(e.getBoundingClientRect().top);
      rows.set(top, (rows.get(top) ?? 0) + 1);
    }
    return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
  });

describeInChromium('The dashboard in Chromium: counts that agree, and the layout slips', () => {
  let h: DashboardHarness;

  beforeAll(async () => {
    h = await startDashboard();
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('lists by default the actions the overview counts, says what it left out, and includes them when asked', async () => {
    const { data } = await h.app.gql(COUNTS);
    const closed = data.plan.rollUp.withdrawn + data.plan.rollUp.superseded;
    expect(closed).toBeGreaterThan(0);
    expect(data.all.totalCount).toBe(data.plan.rollUp.total + closed);

    const page = await h.signedIn('board-chair');
    await page.locator('.figure-tile').first().waitFor();
    expect((await tiles(page))['Actions in force']).toBe(String(data.plan.rollUp.total));
    expect(await page.getByTestId('count-note').textContent()).toBe(
      `Every count is of the actions in force: open or complete. ${closed} withdrawn or superseded actions are not counted; show them in the action list.`,
    );

    await page.getByRole('link', { name: 'Actions', exact: true }).click();
    const inForce = data.inForce.edges.map((e: any) => e.node.ref);
    expect(await settle(() => listedRefs(page), inForce)).toEqual(inForce);
    expect(await resultCount(page)).toBe(`${data.plan.rollUp.total} actions match: open and complete, as the overview counts them. ${closed} withdrawn or superseded actions are left out.`);

    await page.getByLabel('Include withdrawn and superseded').check();
    const all = data.all.edges.map((e: any) => e.node.ref);
    expect(await settle(() => listedRefs(page), all)).toEqual(all);
    expect(await resultCount(page)).toBe(`${data.all.totalCount} actions match, including ${closed} withdrawn or superseded actions the overview does not count.`);
    expect(page.url()).toContain('closed=yes');

    // The overview's note leads to the same full list.
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('link', { name: 'show them in the action list' }).click();
    expect(await settle(() => listedRefs(page), all)).toEqual(all);
    await page.close();
  });

  it('lists as many actions for each area as its row in the overview counts', async () => {
    const { data } = await h.app.gql(COUNTS);
    const page = await h.signedIn('board-member');
    for (const area of data.plan.areas) {
      await page.evaluate(() => (window.location.hash = '#/'));
      await page.getByRole('link', { name: `${area.number}. ${area.name}` }).click();
      const count = await settle(async () => (await resultCount(page))?.split(' ')[0], String(area.rollUp.total));
      expect({ area: area.number, count }).toEqual({ area: area.number, count: String(area.rollUp.total) });
    }
    await page.close();
  });

  it('keeps every date in the action list on one line on a 1366 px laptop', async () => {
    const page = await h.signedIn('board-chair', '#/actions');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('tr[data-action-ref]').first().waitFor();
    const broken = await page.$$eval('table.action-list time', (times) => times.filter((t) => t.getClientRects().length > 1).map((t) => t.textContent));
    expect(await page.locator('table.action-list time').count()).toBeGreaterThan(20);
    expect(broken).toEqual([]);
    await page.close();
  });

  it('names the person and their role once in the header', async () => {
    const page = await h.signedIn('board-chair');
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Prof. Judith Ashworth (board chair)');
    await page.close();
  });

  it('lays out the eight "What moved" figures in even rows, never one left alone, on a laptop and on a phone', async () => {
    const page = await h.signedIn('board-chair', '#/movement');
    await page.locator('.figure-tile').first().waitFor();
    for (const [width, height, rows] of [
      [1366, 768, [4, 4]],
      [390, 844, [3, 3, 2]],
    ] as const) {
      await page.setViewportSize({ width, height });
      expect({ width, rows: await settle(() => tilesPerRow(page), [...rows]) }).toEqual({ width, rows });
    }
    await page.close();
  });

  it('draws the as-at radios GOV.UK size: a 40 px circle on a 44 px target', async () => {
    const page = await h.signedIn('board-chair');
    await page.locator('.figure-tile').first().waitFor();
    const { meetings } = (await h.app.gql(`{ meetings(planId: "demo-plan") { id closed } }`)).data;
    await page.selectOption('#as-at-meeting', meetings.find((m: any) => m.closed).id);
    const radios = page.locator('input[name="known-at"]');
    expect(await radios.count()).toBe(2);
    for (const radio of await radios.all()) {
      const box = (await radio.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
      const circle = await radio.evaluate((r) => {
        const style = getComputedStyle(r.nextElementSibling!, '::before');
        return { width: style.width, height: style.height };
      });
      expect(circle).toEqual({ width: '40px', height: '40px' });
    }
    // The label is the target too: clicking the words chooses the option.
    await page.getByText('As now known (with later corrections)').click();
    expect(await page.getByLabel('As now known (with later corrections)').isChecked()).toBe(true);
    await page.close();
  });
});
