/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import { auditPage } from './support/accessibility-audit';
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { fillDate, listedRefs, matchScreenshot, settle, texts, tiles } from './support/dashboard-page';

jest.setTimeout(30_000);

const ROLL_UP = 'total red amber green blue notYetRated percentComplete overdue stale';
const PLAN_QUERY = `query ($asAt: String, $asAtMeeting: ID) { plan(id: "demo-plan", asAt: $asAt, asAtMeeting: $asAtMeeting) {
  rollUp { ${ROLL_UP} } areas { number name rollUp { ${ROLL_UP} } } priorities { number name } } }`;
const REFS_QUERY = `query ($filter: ActionFilterInput, $asAt: String) {
  actions(planId: "demo-plan", filter: $filter, first: 100, asAt: $asAt) { totalCount edges { node { ref rag } } } }`;

/** The whole-plan tiles the overview should show for a roll-up. */
const expectedTiles = (r: { total: number; percentComplete: number; red: number; overdue: number; stale: number }) => ({
  'Actions in force': String(r.total),
  '% complete': `${r.percentComplete}%`,
  'Red actions': String(r.red),
  'Overdue actions': String(r.overdue),
  'Stale actions': String(r.stale),
});

describeInChromium('The dashboard in Chromium: what the board reads', () => {
  let h: DashboardHarness;
  // The list shows what the overview counts (the actions in force) unless asked for the rest.
  const refs = async (filter: Record<string, unknown>, asAt?: string) =>
    (await h.app.gql(REFS_QUERY, { filter: { inForce: true, ...filter }, asAt })).data.actions.edges.map((e: { node: { ref: string } }) => e.node.ref) as string[];

  beforeAll(async () => {
    h = await startDashboard();
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('signs each role in from a link, takes the token out of the address, and shows the eight areas as the API counts them', async () => {
    const { plan } = (await h.app.gql(PLAN_QUERY)).data;
    const expectedRows = plan.areas.map((a: any) => [`${a.number}. ${a.name}`, a.rollUp.red, a.rollUp.amber, a.rollUp.green, a.rollUp.blue, a.rollUp.notYetRated].join(' | '));
    const roles: [string, string][] = [
      ['programme-office', 'plan administrator'],
      ['board-chair', 'board chair'],
      ['board-member', 'board member'],
      ['dfe-adviser', 'DfE adviser'],
      ['tom.okafor', 'action owner'],
    ];
    for (const [userId, roleWords] of roles) {
      const page = await h.signedIn(userId);
      expect(page.url()).not.toContain('token=');
      expect(await page.getByTestId('signed-in-as').textContent()).toContain(roleWords);
      await page.locator('table.roll-up').waitFor();
      const rows = await page.$$eval('table.roll-up tbody tr', (trs) =>
        trs.map((tr) => [tr.querySelector('th')!.textContent, ...Array.from(tr.querySelectorAll('td[data-rag]')).map((td) => td.textContent)].join(' | ')),
      );
      expect(rows).toEqual(expectedRows);
      expect(await tiles(page)).toEqual(expectedTiles(plan.rollUp));
      if (userId === 'board-chair') await matchScreenshot(page, 'overview');
      await page.close();
    }
  });

  it('toggles the grid to the seven recovery priorities', async () => {
    const { plan } = (await h.app.gql(PLAN_QUERY)).data;
    const page = await h.signedIn('board-member');
    await page.getByRole('button', { name: 'Seven recovery priorities' }).click();
    const names = await settle(() => texts(page, 'table.roll-up tbody th'), plan.priorities.map((p: any) => `${p.number}. ${p.name}`));
    expect(names).toHaveLength(7);
    expect(names).toEqual(plan.priorities.map((p: any) => `${p.number}. ${p.name}`));
    expect(await page.getByRole('button', { name: 'Seven recovery priorities' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('clicks through from an area to its actions, and each filter narrows the list exactly as the API does', async () => {
    const page = await h.signedIn('board-chair');
    const everything = await refs({});
    // As a person would, wait until clearing has shown the whole list before choosing the next filter.
    const clearFilters = async () => {
      await page.getByRole('button', { name: 'Clear filters' }).click();
      expect(await settle(() => listedRefs(page), everything)).toEqual(everything);
    };
    await page.getByRole('link', { name: '6. Sufficiency' }).click();
    const area6 = await refs({ area: 6 });
    expect(area6.length).toBeGreaterThan(1);
    expect(await settle(() => listedRefs(page), area6)).toEqual(area6);

    await page.selectOption('#filter-rag', 'AMBER');
    const amberIn6 = await refs({ area: 6, rag: 'AMBER' });
    expect(amberIn6.length).toBeLessThan(area6.length);
    expect(await settle(() => listedRefs(page), amberIn6)).toEqual(amberIn6);
    expect(await texts(page, 'table.action-list .rag')).toEqual(amberIn6.map(() => 'Amber'));

    await clearFilters();
    await page.getByLabel('Overdue only').check();
    const overdue = await refs({ overdue: true });
    expect(overdue.length).toBeGreaterThan(0);
    expect(await settle(() => listedRefs(page), overdue)).toEqual(overdue);

    await clearFilters();
    await page.getByLabel('Green but not moving the needle').check();
    const needle = await refs({ notMovingTheNeedle: true });
    expect(needle.length).toBeGreaterThan(0);
    expect(await settle(() => listedRefs(page), needle)).toEqual(needle);
    expect(page.url()).toContain('needle=yes');

    await clearFilters();
    await page.selectOption('#filter-priority', '7');
    const priority7 = await refs({ priority: 7 });
    expect(await settle(() => listedRefs(page), priority7)).toEqual(priority7);

    const { data } = await h.app.gql(`{ owners(planId: "demo-plan") { owner { id name } actionRefs } }`);
    const fiona = data.owners.find((o: any) => o.owner.name === 'Fiona Gallagher');
    await clearFilters();
    await page.selectOption('#filter-owner', fiona.owner.id);
    const owned = await refs({ ownerId: fiona.owner.id });
    expect(await settle(() => listedRefs(page), owned)).toEqual(owned);
    expect(page.url()).toContain(`owner=${fiona.owner.id}`);
  });

  it('redraws the overview and the action list as at a date and as at a board meeting, then back to live', async () => {
    const live = (await h.app.gql(PLAN_QUERY)).data.plan;
    const date = '2026-04-01';
    const then = (await h.app.gql(PLAN_QUERY, { asAt: date })).data.plan;
    expect(then.rollUp).not.toEqual(live.rollUp);

    const page = await h.signedIn('dfe-adviser');
    await page.locator('.figure-tile').first().waitFor();
    expect(await tiles(page)).toEqual(expectedTiles(live.rollUp));
    await fillDate(page, 'As at date', date);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    expect(await settle(() => tiles(page), expectedTiles(then.rollUp))).toEqual(expectedTiles(then.rollUp));
    expect(await page.locator('[data-as-at]').textContent()).toContain('as at the end of 1 April 2026');

    await page.getByRole('link', { name: 'Actions', exact: true }).click();
    const { data } = await h.app.gql(REFS_QUERY, { asAt: date, filter: { inForce: true } });
    const expected = data.actions.edges.map((e: any) => e.node.ref);
    expect(await settle(() => listedRefs(page), expected)).toEqual(expected);
    expect(expected).not.toEqual(await refs({}));

    const { meetings } = (await h.app.gql(`{ meetings(planId: "demo-plan") { id title closed } }`)).data;
    const first = meetings.find((m: any) => m.closed);
    const atMeeting = (await h.app.gql(PLAN_QUERY, { asAtMeeting: first.id })).data.plan;
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.selectOption('#as-at-meeting', first.id);
    expect(await settle(() => tiles(page), expectedTiles(atMeeting.rollUp))).toEqual(expectedTiles(atMeeting.rollUp));
    expect(await page.locator('[data-as-at]').textContent()).toContain(first.title);

    await page.getByRole('button', { name: 'Back to live' }).click();
    expect(await settle(() => tiles(page), expectedTiles(live.rollUp))).toEqual(expectedTiles(live.rollUp));
  });

  it('shows what moved between the last two board meetings, as the API counts it', async () => {
    const { meetings } = (await h.app.gql(`{ meetings(planId: "demo-plan") { id closed } }`)).data;
    const closed = meetings.filter((m: any) => m.closed);
    const [from, to] = closed.slice(-2).map((m: any) => m.id);
    const { movement } = (
      await h.app.gql(`query ($from: ID!, $to: ID!) { movement(planId: "demo-plan", fromMeeting: $from, toMeeting: $to) {
        counts { ragUp ragDown completed becameOverdue evidenceAccepted } ragChanges { action { ref } }
        confidenceFell { action { ref } } risks { raised { ref } rescored { risk { ref } from to } closed { ref } becameIssues { ref } } } }`, { from, to })
    ).data;
    expect(movement.ragChanges.length).toBeGreaterThan(0);

    const page = await h.signedIn('board-chair', '#/movement');
    const expected = {
      'RAG improved': String(movement.counts.ragUp),
      'RAG worsened': String(movement.counts.ragDown),
      Completed: String(movement.counts.completed),
      'Became overdue': String(movement.counts.becameOverdue),
      'Evidence accepted': String(movement.counts.evidenceAccepted),
    };
    const shown = await settle(async () => {
      const all = await tiles(page);
      return Object.fromEntries(Object.keys(expected).map((k) => [k, all[k]]));
    }, expected);
    expect(shown).toEqual(expected);
    const changes = await texts(page, '.movement-list:first-of-type li');
    expect(changes.map((c) => c.split(' ')[0])).toEqual(movement.ragChanges.map((c: any) => c.action.ref));
    const { risks } = movement;
    const riskRefs = [...risks.raised, ...risks.rescored.map((c: any) => c.risk), ...risks.closed, ...risks.becameIssues].map((r: any) => r.ref);
    expect(riskRefs.length + movement.confidenceFell.length).toBeGreaterThan(0);
    expect((await texts(page, '[data-testid="risk-movement"] li')).map((l) => l.split(' ')[0])).toEqual(riskRefs);
    for (const c of risks.rescored) expect(await texts(page, '[data-testid="risk-movement"] li')).toContainEqual(expect.stringContaining(`from ${c.from} to ${c.to}`));
    expect((await texts(page, '[data-testid="confidence-fell"] li')).map((l) => l.split(' ')[0])).toEqual(movement.confidenceFell.map((c: any) => c.action.ref));
  });

  it('draws the scorecard with a described trend chart per metric and its RAG in words', async () => {
    const { scorecard } = (await h.app.gql(`{ scorecard(planId: "demo-plan") { name rag } }`)).data;
    expect(scorecard.length).toBeGreaterThan(5);
    const page = await h.signedIn('board-member', '#/scorecard');
    const names = await settle(() => texts(page, '.metric-card h2'), scorecard.map((m: any) => m.name));
    expect(names).toEqual(scorecard.map((m: any) => m.name));
    const charts = await page.$$eval('.metric-card', (cards) => cards.map((c) => c.querySelector('svg[role="img"]')?.getAttribute('aria-label') ?? 'missing'));
    for (const label of charts) expect(label).toMatch(/^Trend: /);
    const words = { RED: 'Red', AMBER: 'Amber', GREEN: 'Green' } as Record<string, string>;
    expect(await texts(page, '.metric-card .metric-latest .rag')).toEqual(scorecard.map((m: any) => (m.rag ? words[m.rag] : 'No target')));
    await matchScreenshot(page, 'scorecard');
  });

  it('passes the accessibility checks on every view, with a skip link and a visible keyboard focus', async () => {
    const { data } = await h.app.gql(`{ actions(planId: "demo-plan", filter: { status: OPEN }, first: 1) { edges { node { id owner { id } } } } }`);
    const page = await h.signedIn('board-chair');
    for (const view of ['#/', '#/actions', `#/actions/${data.actions.edges[0].node.id}`, '#/movement', '#/scorecard']) {
      await page.evaluate((f) => (window.location.hash = f), view);
      await page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('[role="status"].loading'));
      await page.waitForLoadState('networkidle');
      expect({ view, problems: await auditPage(page) }).toEqual({ view, problems: [] });
    }
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.locator('table.roll-up').waitFor();
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { text: el.textContent, left: el.getBoundingClientRect().left, outline: getComputedStyle(el).outlineStyle };
    });
    expect(skip).toEqual({ text: 'Skip to main content', left: expect.any(Number), outline: 'solid' });
    expect(skip.left).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineWidth)).toBe('4px');

    const signedOut = await h.newPage();
    await signedOut.goto(h.base);
    await signedOut.getByLabel('E-mail address').waitFor();
    await signedOut.getByText('Sign in with an access token').click();
    await signedOut.getByLabel('Access token').waitFor();
    expect(await auditPage(signedOut)).toEqual([]);
  });
});
