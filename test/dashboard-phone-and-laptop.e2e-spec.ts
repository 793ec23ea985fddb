/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import type { Page } from 'playwright-core';
import { DashboardHarness, DEMO_TODAY, describeInChromium, startDashboard } from './support/dashboard-browser';
import { fillDate, matchScreenshot } from './support/dashboard-page';

jest.setTimeout(90_000);

const SIZES = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** How far the page reaches past the window sideways (0 when nothing needs scrolling sideways). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);

/** What sticks out past the window's right edge, to say in a failure what overflows. */
const sticksOut = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && !e.closest('.table-scroll'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${String(e.className).split(' ')[0]}` : ''}`),
  );

async function showView(page: Page, fragment: string): Promise<void> {
  await page.evaluate((f) => (window.location.hash = f), fragment);
  await page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('main .loading'));
  await page.waitForLoadState('networkidle');
}

describeInChromium('The dashboard on a laptop and on a phone', () => {
  let h: DashboardHarness;
  let owner: { userId: string; actionId: string };

  beforeAll(async () => {
    h = await startDashboard();
    const { data } = await h.app.gql(`{ users(localAreaId: "demo-area") { id ownerId }
      actions(planId: "demo-plan", filter: { status: OPEN }, first: 100) { edges { node { id owner { id } } } } }`);
    const owned = data.actions.edges.map((e: any) => e.node).find((a: any) => data.users.some((u: any) => u.ownerId === a.owner.id));
    owner = { userId: data.users.find((u: any) => u.ownerId === owned.owner.id).id, actionId: owned.id };
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  const views = (role: 'board-chair' | 'owner') => [
    '#/',
    '#/actions',
    `#/actions/${owner.actionId}`,
    '#/movement',
    '#/scorecard',
    '#/risks',
    '#/risks/R1',
    '#/dependencies',
    '#/agenda',
    ...(role === 'board-chair' ? ['#/history'] : []),
  ];

  for (const size of SIZES) {
    it.each(['board-chair', 'owner'] as const)(`needs no sideways scrolling on any view on a ${size.name} (${size.width}×${size.height}), signed in as %s`, async (role) => {
      const page = await h.signedIn(role === 'owner' ? owner.userId : 'board-chair');
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const view of views(role)) {
        await showView(page, view);
        expect({ view, overflow: await sidewaysOverflow(page), sticksOut: await sticksOut(page) }).toEqual({ view, overflow: 0, sticksOut: [] });
        // A figure wider than its tile would run into the next one without widening the page.
        const spilt = await page.$$eval('.figure-tile dd', (dds) => dds.filter((d) => d.scrollWidth > d.clientWidth).map((d) => d.textContent));
        expect({ view, spilt }).toEqual({ view, spilt: [] });
      }
      // Looking at the past adds the corrections radios and the banner to every view.
      const { meetings } = (await h.app.gql(`{ meetings(planId: "demo-plan") { id closed } }`)).data;
      await showView(page, '#/');
      await page.selectOption('#as-at-meeting', meetings.find((m: any) => m.closed).id);
      await page.locator('input[name="known-at"]').first().waitFor();
      expect({ view: 'as at a meeting', overflow: await sidewaysOverflow(page) }).toEqual({ view: 'as at a meeting', overflow: 0 });
      if (role === 'board-chair') {
        await page.getByRole('button', { name: 'Back to live' }).click();
        await page.locator('[data-as-at="live"]').waitFor();
        await page.locator('table.roll-up tbody tr').first().waitFor();
        await matchScreenshot(page, `overview-${size.name}`);
      }
      await page.close();
    });
  }

  it.each([
    ['the roll-up', '#/', 'table.roll-up', 'RAG by improvement area'],
    ['the action list', '#/actions', 'table.action-list', 'Actions matching the filters'],
    ['the risk register', '#/risks', 'table.risk-register', 'The risk register: open risks in reference order'],
  ])('shows %s on a phone as a card per row, each value under its column’s name, with nothing to scroll sideways', async (_name, view, table, caption) => {
    const page = await h.signedIn('board-chair');
    await page.setViewportSize({ width: 390, height: 844 });
    await showView(page, view);
    await page.locator(`${table} tbody tr`).first().waitFor();
    const region = page.getByRole('region', { name: caption });
    expect(await region.evaluate((r) => r.scrollWidth - r.clientWidth)).toBe(0);
    const card = await page.locator(`${table} tbody tr`).first().evaluate((row) => {
      const heads = Array.from(row.closest('table')!.querySelectorAll('thead th')).map((th) => th.textContent!.trim());
      const cells = Array.from(row.children) as HTMLElement[];
      const shown = cells.filter((c) => getComputedStyle(c).display !== 'none');
      const box = row.getBoundingClientRect();
      return {
        // Each value's label is its column's head, so the card says what the grid says.
        labelsMatchHeads: cells.every((c, i) => c.dataset.label === undefined || c.dataset.label === heads[i]),
        labelled: cells.filter((c) => c.tagName === 'TD').every((c) => c.dataset.label !== undefined),
        drawn: shown.filter((c) => c.dataset.label).every((c) => getComputedStyle(c, '::before').content.includes(c.dataset.label!)),
        // Laid out as pairs in the card (the roll-up's two a line), none over another or outside it.
        apart: shown.every((c, i) =>
          shown.slice(i + 1).every((d) => {
            const [p, q] = [c.getBoundingClientRect(), d.getBoundingClientRect()];
            return p.right <= q.left + 1 || q.right <= p.left + 1 || p.bottom <= q.top + 1 || q.bottom <= p.top + 1;
          }),
        ),
        inside: box.left >= 0 && box.right <= document.documentElement.clientWidth && shown.every((c) => c.getBoundingClientRect().right <= box.right + 0.5),
      };
    });
    expect(card).toEqual({ labelsMatchHeads: true, labelled: true, drawn: true, apart: true, inside: true });
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.close();
  });

  it('keeps the grid on a laptop: the roll-up is a table of rows, its labels not drawn', async () => {
    const page = await h.signedIn('board-chair');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('table.roll-up tbody tr').first().waitFor();
    const layout = await page.locator('table.roll-up tbody tr').first().evaluate((row) => ({
      display: getComputedStyle(row).display,
      label: getComputedStyle(row.querySelector('td[data-label]')!, '::before').content,
    }));
    expect(layout).toEqual({ display: 'table-row', label: 'none' });
    await page.close();
  });

  it('keeps a wide table that is not stacked scrolling inside its own captioned region on a phone, reachable from the keyboard', async () => {
    const page = await h.signedIn('board-chair', `#/actions/${owner.actionId}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.action-page').waitFor();
    const region = page.locator('.table-scroll[aria-labelledby="milestones-caption"]');
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(true);
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.close();
  });

  it('lets an owner give an update from a phone and see it confirmed', async () => {
    const page = await h.signedIn(owner.userId, `#/actions/${owner.actionId}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.action-page').waitFor();
    await page.getByLabel('RAG rating').selectOption('GREEN');
    await page.getByLabel('Commentary').fill('All three posts filled; the caseload report goes to the September board.');
    await fillDate(page, 'As at', DEMO_TODAY);
    // Every box and button of the form is within the phone's width.
    const outside = await page.$$eval('[data-edit-control="report-progress"] :is(input, select, textarea, button)', (els) =>
      els.filter((e) => e.getBoundingClientRect().right > window.innerWidth || e.getBoundingClientRect().left < 0).map((e) => e.id || e.tagName),
    );
    expect(outside).toEqual([]);
    await page.getByRole('button', { name: 'Save progress update' }).click();
    const banner = page.locator('[data-notification]');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Progress update saved for');
    expect(await banner.evaluate((b) => b.getBoundingClientRect().top >= 0 && b.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);
    expect(await sidewaysOverflow(page)).toBe(0);
    const { action } = (await h.app.gql(`query ($id: ID!) { action(id: $id) { rag lastAsAt } }`, { id: owner.actionId })).data;
    expect(action).toEqual({ rag: 'GREEN', lastAsAt: DEMO_TODAY });
    await page.close();
  });
});
