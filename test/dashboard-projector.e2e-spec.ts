/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import type { Page } from 'playwright-core';
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { matchScreenshot } from './support/dashboard-page';

jest.setTimeout(60_000);

const VIEWS = ['#/', '#/actions', '#/movement', '#/scorecard'];

/** How far the page reaches past the window sideways (0 when nothing needs scrolling sideways). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);

/** Boxes of what a projector must show on its first screen, against the window's own size. */
const firstScreen = (page: Page) =>
  page.evaluate(() => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { name: (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40), top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right) };
    };
    const rows = Array.from(document.querySelectorAll('table.roll-up tbody tr')).slice(0, 3);
    return {
      width: window.innerWidth,
      height: window.innerHeight,
      tiles: Array.from(document.querySelectorAll('.figure-tile')).map(box),
      // Every cell of a row, so a column pushed off to the right counts as unseen.
      cells: rows.flatMap((r) => Array.from(r.children).map(box)),
    };
  });

async function openOn(h: DashboardHarness, width: number, height: number, large: boolean, fragment = '#/'): Promise<Page> {
  const page = await h.signedIn('board-chair');
  await page.setViewportSize({ width, height });
  const toggle = page.getByRole('button', { name: 'Large display' });
  if ((await toggle.getAttribute('aria-pressed')) !== String(large)) await toggle.click();
  await page.evaluate((f) => (window.location.hash = f), fragment);
  await page.locator('main h1').first().waitFor();
  return page;
}

describeInChromium('The dashboard on a meeting-room projector and a laptop', () => {
  let h: DashboardHarness;

  beforeAll(async () => {
    h = await startDashboard();
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('shows the headline figures and the first rows of the grid on the first screen at 1280×720, with nothing off to the side', async () => {
    const page = await openOn(h, 1280, 720, true);
    await page.locator('table.roll-up tbody tr').first().waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    const seen = await firstScreen(page);
    expect(seen.tiles).toHaveLength(5);
    expect(seen.cells).toHaveLength(3 * 11);
    const outside = [...seen.tiles, ...seen.cells].filter((b) => b.top < 0 || b.left < 0 || b.bottom > seen.height || b.right > seen.width);
    expect(outside).toEqual([]);
    await matchScreenshot(page, 'projector');
    await page.close();
  });

  it.each([
    [1280, 720, true],
    [1366, 768, true],
    [1366, 768, false],
  ])('needs no sideways scrolling at %i×%i (large display %s) on any view', async (width, height, large) => {
    const page = await openOn(h, width, height, large);
    for (const view of VIEWS) {
      await page.evaluate((f) => (window.location.hash = f), view);
      await page.locator('main h1').first().waitFor();
      await page.locator('main .loading').waitFor({ state: 'detached' });
      expect({ view, overflow: await sidewaysOverflow(page) }).toEqual({ view, overflow: 0 });
    }
    await page.close();
  });
});
